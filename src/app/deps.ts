import { systemClock } from '../core';
import { createDatabase, installationSecret, migrateToLatest, pingDatabase, registerVersionReader, type Deps, type OpenDatabase } from '../storage';
import type { WebContext } from '../web/context';
import type { Config } from './config';

export interface App {
  deps: Deps;
  database: OpenDatabase;
  /** The migrations this open ran (empty when the schema was already up to date). */
  migrated: string[];
  close(): Promise<void>;
}

/** Opens (and migrates) the configured database: the one place that wires storage to the rest. */
export const openApp = async (config: Pick<Config, 'databaseUrl'>, options: { migrate?: boolean; mustExist?: boolean } = {}): Promise<App> => {
  const database = createDatabase({ url: config.databaseUrl, mustExist: options.mustExist ?? false });
  const migrated = options.migrate !== false ? await migrateToLatest(database.db) : [];
  return { deps: { db: database.db, clock: systemClock }, database, migrated, close: () => database.close() };
};

export const webContextOf = async (app: App, config: Config): Promise<WebContext> => ({
  deps: app.deps,
  baseUrl: config.baseUrl,
  hsts: config.hsts,
  health: async () => {
    await pingDatabase(app.deps.db);
    return { ok: true, database: app.database.dialect };
  },
  registerVersion: registerVersionReader(app.deps.db),
  portal: config.portal,
  mail: { smtp: Boolean(config.mail.smtpUrl) },
  secret: config.secret ?? (await installationSecret(app.deps.db, app.deps.clock.now())),
});
