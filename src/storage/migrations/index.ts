import type { Migration, MigrationProvider } from 'kysely';
import * as core from './001_core';
import * as expectations from './003_expectations';
import * as accounts from './004_accounts';
import * as citizenVoice from './005_citizen_voice';
import * as installation from './006_installation';
import * as publication from './007_publication';
import * as registerVersion from './008_register_version';
import * as conflictPairRepair from './009_conflict_pair_repair';
import * as notifications from './010_notifications';
import * as revisions from './011_revisions';

/**
 * Every migration, in the order it landed on main. Listed in code rather than read from a folder so
 * that the set is the same wherever Helder runs (tsx, a bundle, tests) and a missing file is a
 * compile error.
 *
 * The numbering rule (docs/operations.md#upgrades): this list is append-only, and a new migration
 * takes a number above every migration already here — the next free number on main at the moment
 * it lands, renamed when a rebase finds its number taken. A migration that landed with a lower
 * number would be skipped by every database that already ran a higher one. `history.test.ts` fails
 * when a number does not grow along this list, and upgrades a database made at every step of it.
 */
export const LANDED: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['001_core', core],
  ['003_expectations', expectations],
  ['004_accounts', accounts],
  ['005_citizen_voice', citizenVoice],
  ['006_installation', installation],
  ['008_register_version', registerVersion],
  // Landed after 008 had run on databases (1d66cab), before the rule existed; see LANDED_LATE.
  ['007_publication', publication],
  ['009_conflict_pair_repair', conflictPairRepair],
  ['010_notifications', notifications],
  ['011_revisions', revisions],
];

/**
 * Migrations that landed on main after a migration with a higher number had already run, so a
 * database may have run them in either order. The migrator runs these late on purpose and refuses
 * any other gap. Closed: the numbering rule keeps new names out of it.
 */
export const LANDED_LATE: ReadonlySet<string> = new Set(['007_publication']);

/** The migrations by name, for Kysely's migrator (which runs pending ones in name order). */
export const migrations: Record<string, Migration> = Object.fromEntries(LANDED);

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
