import { EXIT, println, type Command } from './io';
import { withApp } from './with-app';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'bring the database schema up to date (also done on every start)',
  usage: 'helder migrate',
  run: async (args, io) => {
    if (args.length > 0) {
      println(io.stderr, `helder migrate takes no arguments (got ${args[0]})`);
      return EXIT.usage;
    }
    return withApp(io, async (app) => {
      println(io.stdout, `Database schema is up to date (${app.database.dialect}, ${app.database.location}).`);
      return EXIT.ok;
    });
  },
};
