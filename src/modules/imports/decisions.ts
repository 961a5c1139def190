import { createHash } from 'node:crypto';
import { AppError, type Actor, type FieldIssue } from '../../core';
import { inTransaction, recordAudit, type Deps } from '../../storage';
import { listDecisionsOfOrganization, recordDecision } from '../decisions';
import { getOrganization } from '../organizations';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './measurements';
import { readPopolo, type PopoloMotion } from './popolo';

/** What committing would do with one motion: record it, skip it (already recorded), or refuse. */
export type MotionOutcome = 'new' | 'present' | 'invalid';

export interface DecisionImportRow extends PopoloMotion {
  status: MotionOutcome;
  /** The decision already recorded with the same reference and date, for `present`. */
  existingId: string | null;
}

export interface DecisionImportPreview {
  rows: DecisionImportRow[];
  counts: Record<MotionOutcome, number>;
  /** Every problem in the document, each with its JSON path (`motions[3].date`); empty when it can be committed. */
  issues: FieldIssue[];
  /** sha256 of the document as given, recorded in the audit entry of the commit. */
  sha256: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');
const fileProblem = (text: string, path: string, message: string): DecisionImportPreview => ({
  rows: [],
  counts: { new: 0, present: 0, invalid: 0 },
  issues: [{ path, message }],
  sha256: digest(text),
});
const key = (reference: string, date: string) => `${reference.trim().toLowerCase()} ${date}`;

/**
 * Reads a Popolo JSON document (motions, vote events, counts — the format behind Open
 * Raadsinformatie) and says per motion what committing would do, without writing anything: `new`,
 * `present` (a decision with the same reference and date is already recorded: importing the same
 * document twice changes nothing) or `invalid`. Throws `not_found` (organization) only; every
 * problem in the document is an issue in the result, with its JSON path.
 */
export const previewDecisionImport = async (deps: Pick<Deps, 'db'>, organizationId: string, text: string): Promise<DecisionImportPreview> => {
  const organization = await getOrganization(deps, organizationId);
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) return fileProblem(text, 'file', `het bestand is groter dan ${MAX_IMPORT_BYTES / 1_000_000} MB`);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fileProblem(text, 'file', text.trim() ? `geen geldige JSON (${(error as Error).message})` : 'het bestand is leeg');
  }
  const document = readPopolo(json);
  if (document.motions.length > MAX_IMPORT_ROWS) return fileProblem(text, 'motions', `meer dan ${MAX_IMPORT_ROWS} moties: splits het bestand`);

  const stored = new Map((await listDecisionsOfOrganization(deps, organization.id)).map((d) => [key(d.reference, d.date), d.id]));
  const seen = new Map<string, string>();
  const rows = document.motions.map((motion): DecisionImportRow => {
    const issues = [...motion.issues];
    const at = motion.reference && motion.date ? key(motion.reference, motion.date) : undefined;
    if (at && seen.has(at)) issues.push({ path: `${motion.path}.id`, message: `${seen.get(at)} heeft hetzelfde kenmerk en dezelfde datum` });
    else if (at) seen.set(at, motion.path);
    const existingId = at ? (stored.get(at) ?? null) : null;
    const status: MotionOutcome = issues.length > 0 ? 'invalid' : existingId ? 'present' : 'new';
    return { ...motion, issues, status, existingId };
  });
  const counts = { new: 0, present: 0, invalid: 0 };
  for (const row of rows) counts[row.status] += 1;
  const issues = [...document.issues, ...rows.flatMap((r) => r.issues)];
  if (rows.length === 0 && issues.length === 0) issues.push({ path: 'motions', message: 'de lijst is leeg' });
  return { rows, counts, issues, sha256: digest(text) };
};

export interface DecisionImportResult {
  preview: DecisionImportPreview;
  written: number;
}

/**
 * Records the decisions of a Popolo document: all or nothing. The document is checked again inside
 * one transaction; one bad motion and nothing is written (`validation_failed`, every problem as an
 * issue with its JSON path). New motions go through `recordDecision` (each audited as
 * `decision.recorded`); motions already recorded are skipped. One more audit entry,
 * `decisions.imported`, records the counts and the sha256 of the document. Throws `not_found`.
 */
export const commitDecisionImport = async (deps: Deps, actor: Actor, organizationId: string, text: string): Promise<DecisionImportResult> =>
  inTransaction(deps.db, async (db) => {
    const tx = { ...deps, db };
    const preview = await previewDecisionImport(tx, organizationId, text);
    if (preview.issues.length > 0) {
      const first = preview.issues[0]!;
      const more = preview.issues.length > 1 ? ` (and ${preview.issues.length - 1} more)` : '';
      throw new AppError('validation_failed', `${first.path}: ${first.message}${more}`, { issues: preview.issues });
    }
    const organization = await getOrganization(tx, organizationId);
    let written = 0;
    for (const row of preview.rows) {
      if (row.status !== 'new') continue;
      await recordDecision(tx, actor, organization.id, row.input!);
      written += 1;
    }
    await recordAudit(db, deps, actor, {
      organizationId: organization.id,
      action: 'decisions.imported',
      entityType: 'organization',
      entityId: organization.id,
      data: { format: 'popolo', sha256: preview.sha256, motions: preview.rows.length, ...preview.counts },
    });
    return { preview, written };
  });
