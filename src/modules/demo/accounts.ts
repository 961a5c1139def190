import { systemActor } from '../../core';
import type { Deps } from '../../storage';
import { createUser, findUser, type Role } from '../users';

/**
 * The demo's accounts: one per role in the demo municipality, with passwords and (for the admin) a
 * TOTP secret that are PUBLIC — documented in docs/editor.md so anyone can try the editor. Demo
 * only: they are seeded with the demo (HELDER_DEMO=on) and must never exist in production. The
 * addresses use the reserved `.example` domain (RFC 2606), so no mail can reach anyone.
 */
export const DEMO_ACCOUNTS: readonly { role: Role; email: string; name: string; password: string }[] = [
  { role: 'admin', email: 'beheerder@voorbeeldstad.example', name: 'Bram Beheerder', password: 'demo-beheerder-2026' },
  { role: 'editor', email: 'redacteur@voorbeeldstad.example', name: 'Rosa Redacteur', password: 'demo-redacteur-2026' },
  { role: 'communicator', email: 'communicatie@voorbeeldstad.example', name: 'Cas Communicatie', password: 'demo-communicatie-2026' },
  { role: 'moderator', email: 'moderator@voorbeeldstad.example', name: 'Mila Moderator', password: 'demo-moderator-2026' },
  { role: 'auditor', email: 'auditor@voorbeeldstad.example', name: 'Ahmed Auditor', password: 'demo-auditor-2026' },
];

/** The demo admin's TOTP secret (base32), documented so testers can add it to an authenticator app. */
export const DEMO_ADMIN_TOTP_SECRET = 'HELDERDEMOBEHEERDERVOORBEELDSTAD';

/**
 * Seeds the demo accounts for the demo organization, through the users service (so each is audited
 * in the organization's chain). Idempotent: an address that exists is left alone. Returns the
 * addresses it created.
 */
export const seedDemoAccounts = async (deps: Deps, organizationId: string): Promise<string[]> => {
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await findUser(deps, account.email)) continue;
    await createUser(
      deps,
      systemActor('seed'),
      { email: account.email, name: account.name, password: account.password, memberships: [{ organizationId, role: account.role }] },
      account.role === 'admin' ? { totpSecret: DEMO_ADMIN_TOTP_SECRET } : {},
    );
    created.push(account.email);
  }
  return created;
};
