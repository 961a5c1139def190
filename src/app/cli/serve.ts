import { ConfigError, loadConfig } from '../config';
import { serve } from '../main';
import { EXIT, println, type Command } from './io';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'start the web server (portal, API) on HOST:PORT',
  usage: 'helder serve\n\nEnvironment: PORT (8080), HOST (127.0.0.1), DATABASE_URL, PUBLIC_URL, HELDER_DEMO (on|off), HELDER_HSTS (on|off), LOG_LEVEL',
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
    const stop = await serve(config, (line) => println(io.stdout, line));
    await new Promise<void>((resolve) => {
      const shutdown = () => void stop().then(resolve);
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
    return EXIT.ok;
  },
};
