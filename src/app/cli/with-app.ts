import { isAppError } from '../../core';
import { ConfigError, loadConfig, type Config } from '../config';
import { openApp, type App } from '../deps';
import { EXIT, println, type CliIo } from './io';

/**
 * Runs a command body with the configured database open, and turns failures into a message and an
 * exit code instead of a stack trace: configuration and domain errors are the user's to fix (2/1).
 */
export const withApp = async (io: CliIo, body: (app: App, config: Config) => Promise<number>): Promise<number> => {
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      println(io.stderr, error.message);
      return EXIT.usage;
    }
    throw error;
  }
  const app = await openApp(config);
  try {
    return await body(app, config);
  } catch (error) {
    if (isAppError(error)) {
      println(io.stderr, `helder: ${error.code}: ${error.message}`);
      for (const issue of error.issues) println(io.stderr, `  ${issue.path}: ${issue.message}`);
      return EXIT.problem;
    }
    throw error;
  } finally {
    await app.close();
  }
};
