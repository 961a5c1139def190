import { parseArgs } from 'node:util';
import { isAppError, systemActor } from '../../core';
import { commitMeasurementImport, previewMeasurementImport, type MeasurementImportPreview } from '../../modules/imports';
import type { Deps } from '../../storage';
import { EXIT, println, readUtf8 } from './io';

export interface ImportMeasurementsContext {
  deps: Deps;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin?: NodeJS.ReadableStream;
}

export const IMPORT_MEASUREMENTS_USAGE = `Usage: helder import-measurements FILE.csv|- --organization SLUG [--commit] [--json]

Reads measurements from a CSV file (columns doel;datum;waarde;bron;toelichting, or goal,date,value,
source,note; ';' or ',' as delimiter; Dutch decimal comma; UTF-8 with or without BOM). Without
--commit it only shows what would happen per row (new, replace, unchanged, invalid) and writes
nothing. With --commit it writes every row in one transaction, or nothing when any row is wrong.
A goal is named by its id or by change-slug/number (its place on the change page, from 1).
Exit code 0 when the file is valid (and, with --commit, written), 1 when rows are wrong, 2 on wrong
usage or an unreadable file.`;

const LABEL = { new: 'nieuw', replace: 'vervangt', unchanged: 'ongewijzigd', invalid: 'FOUT' } as const;

const printPreview = (out: NodeJS.WritableStream, preview: MeasurementImportPreview): void => {
  for (const row of preview.rows) {
    const value = row.value === null ? '?' : String(row.value);
    const previous = row.outcome === 'replace' ? ` (was ${row.previousValue})` : '';
    println(out, `regel ${String(row.line).padStart(4)}  ${LABEL[row.outcome].padEnd(11)} ${row.date ?? '?'}  ${value}${previous}  ${row.goalStatement ?? ''}`);
  }
  const { counts } = preview;
  println(out, `${preview.rows.length} rows (delimiter "${preview.delimiter}"): ${counts.new} new, ${counts.replace} replace, ${counts.unchanged} unchanged, ${counts.invalid} invalid.`);
  if (preview.ignoredColumns.length > 0) println(out, `Ignored columns: ${preview.ignoredColumns.join(', ')}`);
};

/** `helder import-measurements FILE.csv --organization SLUG [--commit]`. */
export const importMeasurementsCommand = async (args: string[], ctx: ImportMeasurementsContext): Promise<number> => {
  if (args.includes('--help') || args.includes('-h')) {
    println(ctx.stdout, IMPORT_MEASUREMENTS_USAGE);
    return EXIT.ok;
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options: { organization: { type: 'string' }, commit: { type: 'boolean' }, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (error) {
    println(ctx.stderr, `${(error as Error).message}\n${IMPORT_MEASUREMENTS_USAGE}`);
    return EXIT.usage;
  }
  const { organization, commit, json } = parsed.values;
  const [file, ...extra] = parsed.positionals;
  if (!organization || !file || extra.length > 0) {
    println(ctx.stderr, IMPORT_MEASUREMENTS_USAGE);
    return EXIT.usage;
  }
  let text: string;
  try {
    text = await readUtf8(file, ctx.stdin ?? process.stdin);
  } catch (error) {
    println(ctx.stderr, `helder import-measurements: cannot read ${file}: ${(error as Error).message}`);
    return EXIT.usage;
  }
  try {
    const preview = await previewMeasurementImport(ctx.deps, organization, text);
    if (json) println(ctx.stdout, JSON.stringify(preview, null, 2));
    else printPreview(ctx.stdout, preview);
    if (preview.issues.length > 0) {
      println(ctx.stderr, `helder import-measurements: ${preview.issues.length} problem(s), nothing written:`);
      for (const issue of preview.issues) println(ctx.stderr, `${issue.path}: ${issue.message}`);
      return EXIT.problem;
    }
    if (!commit) {
      if (!json) println(ctx.stdout, 'Preview only: nothing written. Run again with --commit to write.');
      return EXIT.ok;
    }
    const result = await commitMeasurementImport(ctx.deps, systemActor('cli'), organization, text);
    if (!json) println(ctx.stdout, `Written: ${result.written} measurement(s), in one transaction.`);
    return EXIT.ok;
  } catch (error) {
    if (!isAppError(error)) throw error;
    println(ctx.stderr, `helder import-measurements: ${error.code}: ${error.message}`);
    for (const issue of error.issues) println(ctx.stderr, `${issue.path}: ${issue.message}`);
    return EXIT.problem;
  }
};
