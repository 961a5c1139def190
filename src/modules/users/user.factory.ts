import type { Deps } from '../../storage';
import { systemActor } from '../../core';
import { DEFAULT_SESSION_SETTINGS, hashToken, newToken, type SessionSettings } from './session';
import { insertSession } from './session.repository';
import type { Role } from './user';
import { createUser } from './user.service';

/** Test-only builders. Not exported from index.ts. */
let sequence = 0;

export const TEST_PASSWORD = 'correct horse battery staple';

/** A user with one role in one organization, created by the installation (like `helder user create`). */
export const aUser = async (deps: Deps, organizationId: string, role: Role, overrides: { email?: string; name?: string; password?: string } = {}) => {
  sequence += 1;
  return createUser(deps, systemActor('test'), {
    email: overrides.email ?? `user${sequence}-${role}@example.nl`,
    name: overrides.name ?? `Gebruiker ${sequence}`,
    password: overrides.password ?? TEST_PASSWORD,
    memberships: [{ organizationId, role }],
  });
};

/**
 * An active session for a user without the login steps: for tests of what happens once logged in
 * (the role × route matrix), never for production code.
 */
export const anActiveSession = async (deps: Deps, userId: string, settings: SessionSettings = DEFAULT_SESSION_SETTINGS): Promise<string> => {
  const token = newToken();
  const now = deps.clock.now();
  await insertSession(deps.db, {
    id: hashToken(token),
    userId: userId as never,
    stage: 'active',
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + settings.absoluteMs).toISOString(),
  });
  return token;
};
