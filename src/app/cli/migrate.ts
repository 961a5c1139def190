import { EXIT, println, type Command } from './io';
import { withApp } from './with-app';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'bring the database schema up to date (also done on every start)',
  usage:
    'helder migrate\n\nRuns every migration this database has not run yet, and names them; also done on every start.\nBack up first: migrations are forward-only. Refuses (exit 1, nothing changed) a database that a\nnewer Helder upgraded. Upgrade policy and numbering rule: docs/operations.md#upgrades.',
  run: async (args, io) => {
    if (args.length > 0) {
      println(io.stderr, `helder migrate takes no arguments (got ${args[0]})`);
      return EXIT.usage;
    }
    return withApp(io, async (app) => {
      for (const name of app.migrated) println(io.stdout, `Ran migration ${name}.`);
      println(io.stdout, `Database schema is up to date (${app.database.dialect}, ${app.database.location}).`);
      return EXIT.ok;
    });
  },
};
