/**
 * De demogemeente / The demo municipality: "Gemeente Voorbeeldstad", seeded on first start so a new
 * installation shows what Helder is for. Six changes of six kinds, written in B1 Dutch; one is
 * complete, the others have the gaps real registers have, so the legitimacy check has something
 * true to show (docs/demo.md lists them).
 */
import { systemActor } from '../../core';
import { inTransaction, type Deps } from '../../storage';
import { findOrganization } from '../organizations';
import { demoCalendar } from './dates';
import { DEMO_ORGANIZATION_SLUG, seedOrganization } from './organization';
import type { SeedContext } from './seed-context';
import { seedDemoAccounts } from './accounts';
import { seedDogTax } from './dog-tax';
import { seedLibraryBranches } from './library-branches';
import { seedPaidParking } from './paid-parking';
import { seedPlaygrounds } from './playgrounds';
import { seedServiceDesk } from './service-desk';
import { seedWasteCollection } from './waste-collection';

/** The slug of the demo municipality (`voorbeeldstad`); its presence means the demo was seeded. */
export { DEMO_ORGANIZATION_SLUG } from './organization';
/** The demo's accounts, one per role, and the demo admin's fixed TOTP secret (docs/editor.md; demo only). */
export { DEMO_ACCOUNTS, DEMO_ADMIN_TOTP_SECRET } from './accounts';
/** Poll answers and reactions for the demo's published changes (after `seedDemo`, outside its transaction). */
export { seedDemoCitizenVoice } from './citizen-voice';

/**
 * Seeds the demo municipality with its groups, changes, decisions, goals, measurements, measures,
 * impacts and expectation registers (statements, expectations, conflicts), all through the services (so every write has an audit entry) as `system:seed`,
 * with every date relative to `deps.clock`. Idempotent: when an organization with slug
 * `voorbeeldstad` exists it does nothing and returns `created: false`. One transaction: a failure
 * leaves no half demo. Throws whatever a service throws (a bug in the seed, never bad input).
 */
export const seedDemo = async (deps: Deps): Promise<{ organizationId: string; created: boolean }> => {
  const existing = await findOrganization(deps, DEMO_ORGANIZATION_SLUG);
  if (existing) return { organizationId: existing.id, created: false };
  try {
    return await inTransaction(deps.db, async (tx) => {
      const txDeps: Deps = { db: tx, clock: deps.clock };
      const actor = systemActor('seed');
      const { organizationId, groups } = await seedOrganization(txDeps, actor);
      const ctx: SeedContext = { deps: txDeps, actor, organizationId, cal: demoCalendar(deps.clock.now()), groups };
      await seedLibraryBranches(ctx);
      await seedPaidParking(ctx);
      await seedServiceDesk(ctx);
      await seedWasteCollection(ctx);
      await seedPlaygrounds(ctx);
      await seedDogTax(ctx);
      // One account per role, with documented passwords (docs/editor.md): demo only.
      await seedDemoAccounts(txDeps, organizationId);
      return { organizationId, created: true };
    });
  } catch (error) {
    // Two processes starting at once on an empty database: the one that lost the race on the
    // unique slug finds the winner's demo, and that is not an error. Inside a caller's transaction
    // there is nothing to look up (PostgreSQL refuses queries in a failed transaction).
    if (deps.db.isTransaction) throw error;
    const winner = await findOrganization(deps, DEMO_ORGANIZATION_SLUG);
    if (winner) return { organizationId: winner.id, created: false };
    throw error;
  }
};
