import type { Migration, MigrationProvider } from 'kysely';
import * as core from './001_core';
import * as expectations from './003_expectations';
import * as accounts from './004_accounts';
import * as citizenVoice from './005_citizen_voice';
import * as installation from './006_installation';
import * as publication from './007_publication';
import * as registerVersion from './008_register_version';

/**
 * Every migration, in order. Listed in code rather than read from a folder so that the set is the
 * same wherever Helder runs (tsx, a bundle, tests) and a missing file is a compile error.
 */
export const migrations: Record<string, Migration> = {
  '001_core': core,
  '003_expectations': expectations,
  '004_accounts': accounts,
  '005_citizen_voice': citizenVoice,
  '006_installation': installation,
  '007_publication': publication,
  '008_register_version': registerVersion,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
