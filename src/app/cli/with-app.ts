import { isAppError } from '../../core';
import { describeDatabaseError } from '../../storage';
import { ConfigError, loadConfig } from '../config';
import { openApp, type App } from '../deps';
import { EXIT, println, type CliIo } from './io';

/**
 * Runs a command body with the configured database open, and turns failures into a message and an
 * exit code instead of a stack trace: bad configuration is wrong usage (2), a domain error is a
 * problem the command found or refused (1).
 *
 * `existing`: the command only reads (or changes records that must already be there), so a SQLite
 * file that does not exist is a mistyped path, refused with exit code 2, not a new database.
 */
export const withApp = async (io: CliIo, body: (app: App) => Promise<number>, options: { existing?: boolean } = {}): Promise<number> => {
  let app: App | undefined;
  try {
    // Without the server's statement timeout: an import, an export or `audit verify` may rightly
    // run statements longer than a web request may.
    const { database: serverTimeouts, ...config } = loadConfig(io.env);
    void serverTimeouts;
    app = await openApp(config, { mustExist: options.existing ?? false });
    return await body(app);
  } catch (error) {
    if (error instanceof ConfigError) {
      println(io.stderr, error.message);
      return EXIT.usage;
    }
    if (isAppError(error) && error.code === 'unavailable') {
      // One line with the real cause (ECONNREFUSED, SQLITE_FULL…), no stack trace; worth a retry.
      println(io.stderr, `helder: the database cannot be used right now: ${describeDatabaseError(error)}`);
      return EXIT.problem;
    }
    if (isAppError(error)) {
      println(io.stderr, `helder: ${error.code}: ${error.message}`);
      for (const issue of error.issues) println(io.stderr, `  ${issue.path}: ${issue.message}`);
      // Before the database is open: a bad URL or a missing file is usage (2); a database that
      // cannot be upgraded (invalid_state) is a problem found (1).
      return app || error.code === 'invalid_state' ? EXIT.problem : EXIT.usage;
    }
    throw error;
  } finally {
    await app?.close();
  }
};
