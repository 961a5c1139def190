import { auditCommand } from './audit';
import { backupCommand, restoreCommand } from './backup';
import { IMPORT_DECISIONS_USAGE, importDecisionsCommand } from './import-decisions';
import { IMPORT_MEASUREMENTS_USAGE, importMeasurementsCommand } from './import-measurements';
import { EXIT, println, type CliIo, type Command } from './io';
import { legitimacyCommand } from './legitimacy';
import { migrateCommand } from './migrate';
import { rotateSecretCommand } from './rotate-secret';
import { seedCommand } from './seed';
import { serveCommand } from './serve';
import { taalcheckCommand } from './taalcheck';
import { exportCommand, importCommand } from './transfer';
import { userCommand } from './user';
import { withApp } from './with-app';

const commands: Command[] = [
  serveCommand,
  migrateCommand,
  seedCommand,
  legitimacyCommand,
  auditCommand,
  backupCommand,
  restoreCommand,
  userCommand,
  rotateSecretCommand,
  {
    name: 'export',
    summary: 'write a whole organization as one JSON document',
    usage: 'helder export --organization SLUG [--output FILE]',
    run: (args, io) => (args.includes('--help') ? exportCommand(args, { deps: undefined as never, ...io }) : withApp(io, (app) => exportCommand(args, { deps: app.deps, ...io }), { existing: true })),
  },
  {
    name: 'import',
    summary: 'read an organization from a JSON document (all or nothing)',
    usage: 'helder import FILE.json|-',
    run: (args, io) => (args.includes('--help') ? importCommand(args, { deps: undefined as never, ...io }) : withApp(io, (app) => importCommand(args, { deps: app.deps, ...io }))),
  },
  { name: 'import-measurements', summary: 'read measurements from CSV (preview, then --commit: all or nothing)', usage: IMPORT_MEASUREMENTS_USAGE, run: (args, io) => withApp(io, (app) => importMeasurementsCommand(args, { deps: app.deps, ...io }), { existing: true }) },
  { name: 'import-decisions', summary: 'read decisions from Popolo JSON (preview, then --commit: all or nothing)', usage: IMPORT_DECISIONS_USAGE, run: (args, io) => withApp(io, (app) => importDecisionsCommand(args, { deps: app.deps, ...io }), { existing: true }) },
  {
    name: 'taalcheck',
    summary: 'check a Dutch text for plain language (B1)',
    usage: 'helder taalcheck FILE|- [--json] [--lang nl|en]',
    run: (args, io) => taalcheckCommand(args, io),
  },
];

const help = (): string =>
  [
    'Helder — the change register, legitimacy check and citizen portal for public bodies.',
    '',
    'Usage: helder <command> [options]     (helder <command> --help for details)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(Math.max(...commands.map((x) => x.name.length)) + 2)}${c.summary}`),
    '',
    'Database: DATABASE_URL (unset: ./data/helder.sqlite; sqlite:/path/file.sqlite; postgres://user@host/db)',
  ].join('\n');

/** Runs the CLI and returns its exit code: 0 ok, 1 a problem found or refused, 2 wrong usage. */
export const runCli = async (argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }): Promise<number> => {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    println(io.stdout, help());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    println(io.stderr, `helder: unknown command "${name}"\n`);
    println(io.stderr, help());
    return EXIT.usage;
  }
  // taalcheck, export and import print their own detailed help.
  if ((args.includes('--help') || args.includes('-h')) && !['taalcheck', 'export', 'import'].includes(command.name)) {
    println(io.stdout, command.usage);
    return EXIT.ok;
  }
  return command.run(args, io);
};
