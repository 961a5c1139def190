import { isAppError } from '../../core';
import { ConfigError, loadConfig } from '../config';
import { StartupError } from '../deps';
import { serve } from '../main';
import { EXIT, println, type Command } from './io';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'start the web server (portal, API) on HOST:PORT',
  usage:
    'helder serve\n\nEnvironment: PORT (8080), HOST (127.0.0.1), DATABASE_URL, PUBLIC_URL, HELDER_DEMO (on|off), HELDER_HSTS (on|off), LOG_LEVEL,\n' +
    'HELDER_DB_CONNECT_TIMEOUT_MS (1000), HELDER_DB_STATEMENT_TIMEOUT_MS (1000), HELDER_DB_START_TIMEOUT_MS (30000), HELDER_SHUTDOWN_TIMEOUT_MS (8000)',
  run: async (args, io) => {
    if (args.length > 0) {
      println(io.stderr, `helder serve takes no arguments (got ${args[0]}); configure it with environment variables, see helder serve --help`);
      return EXIT.usage;
    }
    let config;
    try {
      config = loadConfig(io.env);
    } catch (error) {
      if (error instanceof ConfigError) {
        println(io.stderr, error.message);
        return EXIT.usage;
      }
      throw error;
    }
    let stop;
    try {
      stop = await serve(config, (line) => println(io.stdout, line), (line) => println(io.stderr, `helder serve: ${line}`));
    } catch (error) {
      // The database cannot be reached or used: one line that says which and why, no stack trace.
      // So is a database this version refuses to upgrade (invalid_state from the migrator).
      if (error instanceof StartupError || isAppError(error)) {
        println(io.stderr, `helder serve: ${error.message}`);
        return EXIT.problem;
      }
      throw error;
    }
    await new Promise<void>((resolve) => {
      const shutdown = () => void stop().then(resolve);
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
    // Everything is closed; a handle someone forgot (a timer, a socket) must not keep the process up.
    setTimeout(() => process.exit(), 1_000).unref();
    return EXIT.ok;
  },
};
