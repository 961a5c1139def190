import { createHash } from 'node:crypto';
import { AppError, csvTextValue, isoDate, type Actor, type FieldIssue } from '../../core';
import { inTransaction, recordAudit, type Deps } from '../../storage';
import { findChangeBySlug } from '../changes';
import { listGoals, recordMeasurement, selectMeasurements, type Goal, type Measurement } from '../goals';
import { getOrganization } from '../organizations';
import { parseCsv, parseDate, parseDecimal, type Delimiter } from './csv';

/** The columns of a measurements file, with the header names each may have (Dutch and English). */
export const MEASUREMENT_COLUMNS = {
  goal: ['doel', 'goal', 'doel_id', 'goal_id', 'goalid', 'doel-id'],
  date: ['datum', 'date', 'peildatum'],
  value: ['waarde', 'value'],
  source: ['bron', 'source'],
  note: ['toelichting', 'opmerking', 'note'],
} as const;
type Column = keyof typeof MEASUREMENT_COLUMNS;

export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_BYTES = 5_000_000;

/** What committing would do with one row: add, replace a value on that date, leave it, or refuse. */
export type RowOutcome = 'new' | 'replace' | 'unchanged' | 'invalid';

export interface MeasurementImportRow {
  /** The line in the file (the header is line 1). */
  line: number;
  goalId: string | null;
  /** The goal's statement, so people see which goal a reference named. */
  goalStatement: string | null;
  date: string | null;
  value: number | null;
  source: string;
  note: string;
  outcome: RowOutcome;
  /** The value stored on that date now, for `replace`. */
  previousValue: number | null;
  issues: FieldIssue[];
}

export interface MeasurementImportPreview {
  delimiter: Delimiter;
  columns: Column[];
  ignoredColumns: string[];
  rows: MeasurementImportRow[];
  counts: Record<RowOutcome, number>;
  /** Every problem in the file, each with its line and field (`line 4.date`); empty when it can be committed. */
  issues: FieldIssue[];
  /** sha256 of the file as given, recorded in the audit entry of the commit. */
  sha256: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const issue = (line: number, field: string, message: string): FieldIssue => ({ path: `line ${line}.${field}`, message });

/** Header name → column, or undefined for a column this import does not read. */
const columnOf = (name: string): Column | undefined => {
  const key = name.trim().toLowerCase().replace(/\s+/g, '_');
  return (Object.keys(MEASUREMENT_COLUMNS) as Column[]).find((c) => (MEASUREMENT_COLUMNS[c] as readonly string[]).includes(key));
};

/**
 * Finds the goals a file names: by id, or by reference `{change slug}/{goal number}` (the goal's
 * place on the change page, from 1). Only goals of the organization count: another organization's
 * id is "unknown", exactly like an id that does not exist.
 */
const goalResolver = async (deps: Pick<Deps, 'db'>, organizationId: string, names: string[]) => {
  const goals = await listGoals(deps, { organizationId });
  const byId = new Map(goals.map((g) => [g.id.toLowerCase(), g]));
  const bySlug = new Map<string, Goal[]>();
  for (const slug of new Set(names.filter((n) => n.includes('/')).map((n) => n.slice(0, n.lastIndexOf('/')).trim().toLowerCase()))) {
    const change = await findChangeBySlug(deps, organizationId, slug);
    if (change) bySlug.set(slug, goals.filter((g) => g.changeId === change.id).sort((a, b) => a.position - b.position));
  }
  const resolve = (name: string): Goal | undefined => {
    const trimmed = name.trim();
    if (UUID.test(trimmed)) return byId.get(trimmed.toLowerCase());
    const at = trimmed.lastIndexOf('/');
    if (at < 0) return undefined;
    const number = Number(trimmed.slice(at + 1));
    return Number.isInteger(number) && number >= 1 ? bySlug.get(trimmed.slice(0, at).trim().toLowerCase())?.[number - 1] : undefined;
  };
  return { goals, resolve };
};

// Core's text rule for a whole file: tab and line ends are structure, any other control character
// (a NUL from a binary file or an export of another tool) is refused before a cell reaches a query.
const CONTROL = /[^\P{Cc}\t\n\r]/u;
const lineOfControlCharacter = (text: string): number | undefined => {
  const at = CONTROL.exec(text)?.index;
  return at === undefined ? undefined : text.slice(0, at).split('\n').length;
};

const fileProblem = (text: string, path: string, message: string, delimiter: Delimiter = ';'): MeasurementImportPreview => ({
  delimiter,
  columns: [],
  ignoredColumns: [],
  rows: [],
  counts: { new: 0, replace: 0, unchanged: 0, invalid: 0 },
  issues: [{ path, message }],
  sha256: createHash('sha256').update(text).digest('hex'),
});

/**
 * Reads a measurements file and says, per row, what committing it would do — without writing
 * anything. Checks what `recordMeasurement` checks (a goal of this organization, a real date on or
 * after the goal's baseline date and not in the future, a number, lengths) plus one row per goal
 * and date in the file. Throws `not_found` (organization) only; every problem in the file is an
 * issue in the result. Issue messages are Dutch: civil servants read them (UI Dutch first).
 */
export const previewMeasurementImport = async (deps: Deps, organizationId: string, text: string): Promise<MeasurementImportPreview> => {
  const organization = await getOrganization(deps, organizationId);
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) return fileProblem(text, 'file', `het bestand is groter dan ${MAX_IMPORT_BYTES / 1_000_000} MB`);
  const control = lineOfControlCharacter(text);
  if (control !== undefined) return fileProblem(text, `line ${control}`, 'bevat een onzichtbaar stuurteken (bijvoorbeeld NUL): sla het bestand op als gewone tekst (CSV, UTF-8)');
  const table = parseCsv(text);
  if (table.unterminatedAt !== undefined) return fileProblem(text, `line ${table.unterminatedAt}`, 'hier opent een aanhalingsteken (") dat nergens sluit', table.delimiter);
  const [header, ...records] = table.records;
  if (!header) return fileProblem(text, 'file', 'het bestand is leeg', table.delimiter);
  const columns = header.fields.map(columnOf);
  const missing = (['goal', 'date', 'value'] as const).filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return fileProblem(text, 'line 1', `de kopregel mist de kolom${missing.length > 1 ? 'men' : ''} ${missing.map((c) => MEASUREMENT_COLUMNS[c][0]).join(', ')} (kolommen: doel; datum; waarde; bron; toelichting)`, table.delimiter);
  }
  if (records.length > MAX_IMPORT_ROWS) return fileProblem(text, 'file', `het bestand heeft meer dan ${MAX_IMPORT_ROWS} regels: splits het`, table.delimiter);
  const cell = (fields: string[], column: Column): string => {
    const at = columns.indexOf(column);
    return at < 0 ? '' : (fields[at] ?? '').trim();
  };

  const { goals, resolve } = await goalResolver(deps, organization.id, records.map((r) => cell(r.fields, 'goal')));
  const today = isoDate(deps.clock.now());
  const rows: MeasurementImportRow[] = records.map((record) => {
    const { line, fields } = record;
    const issues: FieldIssue[] = [];
    if (fields.length > header.fields.length) issues.push(issue(line, 'row', `heeft ${fields.length} velden, de kopregel ${header.fields.length}`));
    const goalName = cell(fields, 'goal');
    const goal = goalName ? resolve(goalName) : undefined;
    if (!goalName) issues.push(issue(line, 'goal', 'leeg: geef het id van het doel of verandering/nummer'));
    else if (!goal) issues.push(issue(line, 'goal', `geen doel "${goalName}" in deze organisatie`));
    const rawDate = cell(fields, 'date');
    const date = parseDate(rawDate) ?? null;
    if (!date) issues.push(issue(line, 'date', rawDate ? `"${rawDate}" is geen datum (schrijf 2026-03-31 of 31-03-2026)` : 'leeg'));
    else if (date > today) issues.push(issue(line, 'date', 'ligt in de toekomst'));
    else if (goal?.current.baselineDate && date < goal.current.baselineDate) issues.push(issue(line, 'date', `ligt voor de datum van de nulmeting (${goal.current.baselineDate})`));
    const rawValue = cell(fields, 'value');
    const value = parseDecimal(rawValue, table.delimiter) ?? null;
    if (value === null) issues.push(issue(line, 'value', rawValue ? `"${rawValue}" is geen getal` : 'leeg'));
    // A leading ' that our CSV export put before = + - @ (formula injection) is not part of the text.
    const source = csvTextValue(cell(fields, 'source'));
    const note = csvTextValue(cell(fields, 'note'));
    if (source.length > 500) issues.push(issue(line, 'source', 'langer dan 500 tekens'));
    if (note.length > 2000) issues.push(issue(line, 'note', 'langer dan 2000 tekens'));
    return { line, goalId: goal?.id ?? null, goalStatement: goal?.current.statement ?? null, date, value, source, note, outcome: issues.length > 0 ? 'invalid' : 'new', previousValue: null, issues };
  });

  const seen = new Map<string, number>();
  for (const row of rows) {
    if (!row.goalId || !row.date) continue;
    const key = `${row.goalId} ${row.date}`;
    const first = seen.get(key);
    if (first !== undefined) {
      row.issues.push(issue(row.line, 'date', `regel ${first} geeft dit doel al een waarde op ${row.date}`));
      row.outcome = 'invalid';
    } else seen.set(key, row.line);
  }

  const changeIds = [...new Set(goals.filter((g) => rows.some((r) => r.goalId === g.id)).map((g) => g.changeId))];
  const stored = new Map<string, Measurement>((await selectMeasurements(deps.db, { changeIds })).map((m) => [`${m.goalId} ${m.date}`, m]));
  for (const row of rows) {
    if (row.outcome === 'invalid') continue;
    const existing = stored.get(`${row.goalId} ${row.date}`);
    if (!existing) continue;
    row.previousValue = existing.value;
    row.outcome = existing.value === row.value && existing.source === row.source && existing.note === row.note ? 'unchanged' : 'replace';
  }

  const counts = { new: 0, replace: 0, unchanged: 0, invalid: 0 };
  for (const row of rows) counts[row.outcome] += 1;
  const issues = rows.flatMap((r) => r.issues);
  if (rows.length === 0) issues.push({ path: 'file', message: 'het bestand heeft een kopregel maar geen regels' });
  return {
    delimiter: table.delimiter,
    columns: columns.filter((c): c is Column => c !== undefined),
    ignoredColumns: header.fields.filter((_, i) => columns[i] === undefined).map((f) => f.trim()),
    rows,
    counts,
    issues,
    sha256: createHash('sha256').update(text).digest('hex'),
  };
};

export interface MeasurementImportResult {
  preview: MeasurementImportPreview;
  written: number;
}

/**
 * Writes a measurements file: all or nothing. The file is checked again inside one transaction;
 * one bad row and nothing is written (`validation_failed`, with every bad row as an issue
 * `line N.field`). New and changed values are recorded through `recordMeasurement` (each with its
 * own audit entry, a changed value as `measurement.replaced`); unchanged rows are skipped, so
 * importing the same file twice changes nothing. One more audit entry, `measurements.imported`,
 * records the counts and the sha256 of the file.
 */
export const commitMeasurementImport = async (deps: Deps, actor: Actor, organizationId: string, text: string): Promise<MeasurementImportResult> =>
  inTransaction(deps.db, async (db) => {
    const tx = { db, clock: deps.clock };
    const preview = await previewMeasurementImport(tx, organizationId, text);
    if (preview.issues.length > 0) {
      const first = preview.issues[0]!;
      const more = preview.issues.length > 1 ? ` (and ${preview.issues.length - 1} more)` : '';
      throw new AppError('validation_failed', `${first.path}: ${first.message}${more}`, { issues: preview.issues });
    }
    let written = 0;
    for (const row of preview.rows) {
      if (row.outcome !== 'new' && row.outcome !== 'replace') continue;
      await recordMeasurement(tx, actor, row.goalId!, { date: row.date!, value: row.value!, source: row.source, note: row.note }, { replace: true });
      written += 1;
    }
    const organization = await getOrganization(tx, organizationId);
    await recordAudit(db, deps, actor, {
      organizationId: organization.id,
      action: 'measurements.imported',
      entityType: 'organization',
      entityId: organization.id,
      data: { sha256: preview.sha256, rows: preview.rows.length, ...preview.counts },
    });
    return { preview, written };
  });
