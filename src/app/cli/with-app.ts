import { isAppError } from '../../core';
import { ConfigError, loadConfig } from '../config';
import { openApp, type App } from '../deps';
import { EXIT, println, type CliIo } from './io';

/**
 * Runs a command body with the configured database open, and turns failures into a message and an
 * exit code instead of a stack trace: bad configuration is wrong usage (2), a domain error is a
 * problem the command found or refused (1).
 */
export const withApp = async (io: CliIo, body: (app: App) => Promise<number>): Promise<number> => {
  let app: App | undefined;
  try {
    app = await openApp(loadConfig(io.env));
    return await body(app);
  } catch (error) {
    if (error instanceof ConfigError) {
      println(io.stderr, error.message);
      return EXIT.usage;
    }
    if (isAppError(error)) {
      println(io.stderr, `helder: ${error.code}: ${error.message}`);
      for (const issue of error.issues) println(io.stderr, `  ${issue.path}: ${issue.message}`);
      return app ? EXIT.problem : EXIT.usage;
    }
    throw error;
  } finally {
    await app?.close();
  }
};
