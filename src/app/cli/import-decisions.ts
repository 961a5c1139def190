import { parseArgs } from 'node:util';
import { isAppError, systemActor } from '../../core';
import { commitDecisionImport, previewDecisionImport, type DecisionImportPreview } from '../../modules/imports';
import type { Deps } from '../../storage';
import { EXIT, println, readUtf8 } from './io';

export interface ImportDecisionsContext {
  deps: Deps;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin?: NodeJS.ReadableStream;
}

export const IMPORT_DECISIONS_USAGE = `Usage: helder import-decisions FILE.json|- --organization SLUG [--commit] [--json]

Reads decisions from a Popolo JSON document (motions, vote_events with counts and optionally votes
per member with their group — the format behind Open Raadsinformatie). Without --commit it only
shows what would happen per motion (new, present: same reference and date already recorded,
invalid) and writes nothing. With --commit it records every new motion in one transaction, or
nothing when any motion is wrong. Problems are named by their JSON path (motions[3].date).
Exit code 0 when the document is valid (and, with --commit, written), 1 when motions are wrong, 2
on wrong usage or an unreadable file.`;

const LABEL = { new: 'nieuw', present: 'staat er al', invalid: 'FOUT' } as const;

const printPreview = (out: NodeJS.WritableStream, preview: DecisionImportPreview): void => {
  for (const row of preview.rows) {
    const votes = row.votes ? `  ${row.votes.for}-${row.votes.against}-${row.votes.abstain}` : '';
    println(out, `${row.path.padEnd(12)} ${LABEL[row.status].padEnd(11)} ${row.date ?? '?'}  ${(row.reference ?? '?').padEnd(12)} ${row.kind ?? '?'}, ${row.outcome ?? '?'}${votes}  ${row.title ?? ''}`);
  }
  const { counts } = preview;
  println(out, `${preview.rows.length} motions: ${counts.new} new, ${counts.present} present, ${counts.invalid} invalid.`);
};

/** `helder import-decisions FILE.json --organization SLUG [--commit] [--json]`. */
export const importDecisionsCommand = async (args: string[], ctx: ImportDecisionsContext): Promise<number> => {
  if (args.includes('--help') || args.includes('-h')) {
    println(ctx.stdout, IMPORT_DECISIONS_USAGE);
    return EXIT.ok;
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options: { organization: { type: 'string' }, commit: { type: 'boolean' }, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (error) {
    println(ctx.stderr, `${(error as Error).message}\n${IMPORT_DECISIONS_USAGE}`);
    return EXIT.usage;
  }
  const { organization, commit, json } = parsed.values;
  const [file, ...extra] = parsed.positionals;
  if (!organization || !file || extra.length > 0) {
    println(ctx.stderr, IMPORT_DECISIONS_USAGE);
    return EXIT.usage;
  }
  let text: string;
  try {
    text = await readUtf8(file, ctx.stdin ?? process.stdin);
  } catch (error) {
    println(ctx.stderr, `helder import-decisions: cannot read ${file}: ${(error as Error).message}`);
    return EXIT.usage;
  }
  try {
    const preview = await previewDecisionImport(ctx.deps, organization, text);
    if (json) println(ctx.stdout, JSON.stringify(preview, null, 2));
    else printPreview(ctx.stdout, preview);
    if (preview.issues.length > 0) {
      println(ctx.stderr, `helder import-decisions: ${preview.issues.length} problem(s), nothing written:`);
      for (const issue of preview.issues) println(ctx.stderr, `${issue.path}: ${issue.message}`);
      return EXIT.problem;
    }
    if (!commit) {
      if (!json) println(ctx.stdout, 'Preview only: nothing written. Run again with --commit to write.');
      return EXIT.ok;
    }
    const result = await commitDecisionImport(ctx.deps, systemActor('cli'), organization, text);
    if (!json) println(ctx.stdout, `Written: ${result.written} decision(s), in one transaction.`);
    return EXIT.ok;
  } catch (error) {
    if (!isAppError(error)) throw error;
    println(ctx.stderr, `helder import-decisions: ${error.code}: ${error.message}`);
    for (const issue of error.issues) println(ctx.stderr, `${issue.path}: ${issue.message}`);
    return EXIT.problem;
  }
};
