import { isAppError, systemClock } from '../core';
import {
  createDatabase,
  describeDatabaseError,
  installationSecret,
  migrateToLatest,
  pingDatabase,
  registerVersionReader,
  type Deps,
  type FaultReport,
  type OpenDatabase,
} from '../storage';
import type { WebContext } from '../web/context';
import type { Config } from './config';

export interface App {
  deps: Deps;
  database: OpenDatabase;
  /** The migrations this open ran (empty when the schema was already up to date). */
  migrated: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  migrate?: boolean;
  /** SQLite: refuse a file that does not exist (commands that only read). */
  mustExist?: boolean;
  /** Storage faults, once per burst (the server logs them). */
  onFault?: (report: FaultReport) => void;
}

/**
 * Opens (and migrates) the configured database: the one place that wires storage to the rest.
 * The connect and statement timeouts apply when `config.database` is given (the server); the CLI's
 * commands (imports, exports, audit verify) may rightly run long statements and go without.
 */
export const openApp = async (config: Pick<Config, 'databaseUrl'> & Partial<Pick<Config, 'database' | 'secret'>>, options: OpenOptions = {}): Promise<App> => {
  const database = createDatabase({
    url: config.databaseUrl,
    mustExist: options.mustExist ?? false,
    ...(config.database ? { connectTimeoutMs: config.database.connectTimeoutMs, statementTimeoutMs: config.database.statementTimeoutMs } : {}),
    ...(options.onFault ? { onFault: options.onFault } : {}),
  });
  let migrated: string[] = [];
  try {
    if (options.migrate !== false) migrated = await migrate(database, config);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
  // The server secret travels with deps: what it seals at rest (TOTP secrets) is opened with it.
  return { deps: { db: database.db, clock: systemClock, secret: config.secret }, database, migrated, close: () => database.close() };
};

/** Migrations may take longer than any request may: on PostgreSQL they run without the statement timeout. */
const migrate = async (database: OpenDatabase, config: Pick<Config, 'databaseUrl'> & Partial<Pick<Config, 'database'>>): Promise<string[]> => {
  if (database.dialect !== 'postgres' || !config.database?.statementTimeoutMs) return migrateToLatest(database.db);
  const unlimited = createDatabase({ url: config.databaseUrl, connectTimeoutMs: config.database.connectTimeoutMs });
  try {
    return await migrateToLatest(unlimited.db);
  } finally {
    await unlimited.close();
  }
};

/** The server cannot start: one line for the operator, no stack trace. */
export class StartupError extends Error {}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Waits until the database answers, for at most `timeoutMs`: with `docker compose up` or after a
 * reboot PostgreSQL may start after Helder. Says once, in one line, which database and what failed;
 * an error that waiting cannot fix (a wrong password, a missing database) stops at once.
 */
export const waitForDatabase = async (
  config: Pick<Config, 'databaseUrl' | 'database'>,
  say: (line: string) => void,
): Promise<void> => {
  const began = Date.now();
  let database: OpenDatabase | undefined;
  let told = false;
  try {
    for (;;) {
      let where = 'DATABASE_URL';
      try {
        database ??= createDatabase({ url: config.databaseUrl, connectTimeoutMs: config.database.connectTimeoutMs });
        where = database.location;
        await pingDatabase(database.db);
        return;
      } catch (error) {
        const cause = describeDatabaseError(error);
        if (!isAppError(error) || error.code !== 'unavailable') throw new StartupError(`Database ${where} cannot be used: ${cause}`);
        const waited = Date.now() - began;
        if (waited >= config.database.startTimeoutMs) {
          throw new StartupError(`Database ${where} cannot be reached: ${cause} (gave up after ${Math.round(waited / 1000)} s, HELDER_DB_START_TIMEOUT_MS)`);
        }
        if (!told) say(`Database ${where} cannot be reached: ${cause}; retrying for up to ${Math.round(config.database.startTimeoutMs / 1000)} s (HELDER_DB_START_TIMEOUT_MS)`);
        told = true;
        await sleep(1_000);
      }
    }
  } finally {
    await database?.close().catch(() => undefined);
  }
};

export const webContextOf = async (app: App, config: Config): Promise<WebContext> => ({
  deps: app.deps,
  baseUrl: config.baseUrl,
  hsts: config.hsts,
  health: async () => {
    const health = await app.database.health();
    return { ok: health.ok, status: health.status, database: app.database.dialect, ...(health.fault ? { fault: health.fault } : {}) };
  },
  registerVersion: registerVersionReader(app.deps.db),
  portal: config.portal,
  mail: { smtp: Boolean(config.mail.smtpUrl) },
  secret: config.secret ?? (await installationSecret(app.deps.db, app.deps.clock.now())),
});
