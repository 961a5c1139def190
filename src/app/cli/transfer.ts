import { writeFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isAppError, systemActor, type AppError } from '../../core';
import { EXPORT_FORMATS, exportOrganizationAs, type ExportFormat } from '../../modules/exports';
import { importOrganization } from '../../modules/transfer';
import type { Deps } from '../../storage';
import { EXIT, println, readUtf8 } from './io';

/** What the transfer commands need: the app's deps and the streams (stdin only for `import -`). */
export interface TransferContext {
  deps: Deps;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin?: NodeJS.ReadableStream;
}

const EXPORT_USAGE = `Usage: helder export --organization SLUG [--format json|csv|iati] [--output FILE]

Writes one organization with everything it holds (groups, changes, milestones, goals with every
version, measurements, measures, contributions, impacts, decisions, anchors) as one JSON document,
to standard output or to FILE. Importing it elsewhere gives the same organization (docs/transfer.md).
--format csv writes goals and measurements for Dutch Excel (';', decimal comma, UTF-8 with BOM);
--format iati writes IATI 2.03 results of the published changes (docs/imports-exports.md).
Exit code 0 when written, 1 when the organization does not exist, 2 on wrong usage or an unwritable file.`;

const IMPORT_USAGE = `Usage: helder import FILE.json|-

Reads an organization document (from FILE, or from standard input with -) and stores it, all or
nothing: when any record is wrong, every wrong field is listed as "path: message" and nothing is
written. The organization's slug must not exist yet in this installation.
Exit code 0 when imported, 1 when the document was refused, 2 on wrong usage, an unreadable file or
text that is not JSON.`;

const wantsHelp = (args: string[]): boolean => args.includes('--help') || args.includes('-h');

/** Prints a refusal with every issue on its own line, `path: message`, for people and for grep. */
const printRefusal = (stderr: NodeJS.WritableStream, command: string, error: AppError): void => {
  println(stderr, `helder ${command}: ${error.code}: ${error.issues.length > 0 ? `${error.issues.length} problem(s)` : error.message}`);
  for (const issue of error.issues) println(stderr, `${issue.path || 'document'}: ${issue.message}`);
};

const parse = <O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, stderr: NodeJS.WritableStream, usage: string) => {
  try {
    return parseArgs({ args, options, allowPositionals: true as const, strict: true as const });
  } catch (error) {
    println(stderr, (error as Error).message);
    println(stderr, usage);
    return undefined;
  }
};

/** `helder export --organization SLUG [--format json|csv|iati] [--output FILE]`: JSON is pretty (2 spaces) with a trailing newline. */
export const exportCommand = async (args: string[], ctx: TransferContext): Promise<number> => {
  if (wantsHelp(args)) {
    println(ctx.stdout, EXPORT_USAGE);
    return EXIT.ok;
  }
  const parsed = parse(args, { organization: { type: 'string' }, format: { type: 'string' }, output: { type: 'string', short: 'o' } }, ctx.stderr, EXPORT_USAGE);
  const organization = parsed?.values.organization;
  const format = (parsed?.values.format ?? 'json') as ExportFormat;
  if (!parsed || typeof organization !== 'string' || parsed.positionals.length > 0 || !EXPORT_FORMATS.includes(format)) {
    if (parsed) println(ctx.stderr, EXPORT_USAGE);
    return EXIT.usage;
  }
  let text: string;
  try {
    text = (await exportOrganizationAs(ctx.deps, organization, format)).body;
  } catch (error) {
    if (!isAppError(error)) throw error;
    printRefusal(ctx.stderr, 'export', error);
    return EXIT.problem;
  }
  const output = parsed.values.output;
  if (typeof output !== 'string' || output === '-') {
    ctx.stdout.write(text);
    return EXIT.ok;
  }
  try {
    await writeFile(output, text, 'utf8');
  } catch (error) {
    println(ctx.stderr, `helder export: cannot write ${output}: ${(error as Error).message}`);
    return EXIT.usage;
  }
  println(ctx.stderr, `Wrote organization ${organization} to ${output}.`);
  return EXIT.ok;
};

/** `helder import FILE.json|-`: all or nothing; prints what was imported, or every wrong field. */
export const importCommand = async (args: string[], ctx: TransferContext): Promise<number> => {
  if (wantsHelp(args)) {
    println(ctx.stdout, IMPORT_USAGE);
    return EXIT.ok;
  }
  const parsed = parse(args, {}, ctx.stderr, IMPORT_USAGE);
  const [file, ...extra] = parsed?.positionals ?? [];
  if (!parsed || file === undefined || extra.length > 0) {
    if (parsed) println(ctx.stderr, IMPORT_USAGE);
    return EXIT.usage;
  }
  const source = file === '-' ? 'standard input' : file;
  let document: unknown;
  try {
    const text = await readUtf8(file, ctx.stdin ?? process.stdin);
    // A byte-order mark (some Windows editors write one) is not JSON; RFC 8259 section 8.1 lets a parser ignore it.
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `is not valid JSON: ${error.message}` : `cannot be read: ${(error as Error).message}`;
    println(ctx.stderr, `helder import: ${source} ${reason}`);
    return EXIT.usage;
  }
  try {
    const { organizationId, counts } = await importOrganization(ctx.deps, systemActor('cli'), document);
    const summary = Object.entries(counts).map(([kind, n]) => `${n} ${kind}`).join(', ');
    println(ctx.stdout, `Imported organization ${organizationId} from ${source}: ${summary}.`);
    return EXIT.ok;
  } catch (error) {
    if (!isAppError(error)) throw error;
    printRefusal(ctx.stderr, 'import', error);
    return EXIT.problem;
  }
};
