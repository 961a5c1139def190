import { stringify } from 'csv-stringify/sync';
import { csvTextCell as textCell } from '../../core';
import type { OrganizationDocument } from '../transfer';

/** The header of the measurements CSV, Dutch (what the people opening it read). */
export const CSV_HEADER = [
  'doel',
  'verandering',
  'doelnummer',
  'doel_id',
  'stelling',
  'niveau',
  'indicator',
  'eenheid',
  'richting',
  'nulwaarde',
  'nuldatum',
  'streefwaarde',
  'streefdatum',
  'datum',
  'waarde',
  'bron',
  'toelichting',
] as const;

/** A number as Dutch Excel reads it: decimal comma, no thousands separator, all digits kept. */
export const dutchNumber = (value: number | null): string => (value === null ? '' : String(value).replace('.', ','));

/**
 * An organization's goals and measurements as one CSV for Dutch Excel (`;` as delimiter, because
 * Dutch Excel uses `,` as the decimal separator; a UTF-8 byte-order mark, without which Excel reads
 * the file as Windows-1252 and garbles é, ë and €). One row per measurement, with its goal's
 * current version beside it; a goal without measurements has one row with empty `datum` and
 * `waarde`. The columns `doel`, `datum`, `waarde`, `bron`, `toelichting` are those of the
 * measurements import, so the measurement rows read back in. Order: changes by slug, goals by
 * position, measurements by date (the JSON export's order).
 */
export const measurementsCsv = (doc: OrganizationDocument): string => {
  const rows: string[][] = [];
  for (const change of doc.changes) {
    change.goals.forEach((goal, index) => {
      const current = goal.versions.find((v) => v.version === goal.currentVersion) ?? goal.versions[goal.versions.length - 1]!;
      const base = [
        `${change.slug}/${index + 1}`,
        textCell(change.title),
        String(index + 1),
        goal.id,
        textCell(current.statement),
        current.level,
        textCell(current.indicator),
        textCell(current.unit),
        current.direction,
        dutchNumber(current.baselineValue),
        current.baselineDate ?? '',
        dutchNumber(current.targetValue),
        current.targetDate ?? '',
      ];
      if (goal.measurements.length === 0) rows.push([...base, '', '', '', '']);
      for (const m of goal.measurements) rows.push([...base, m.date, dutchNumber(m.value), textCell(m.source), textCell(m.note)]);
    });
  }
  // RFC 4180 line ends (CRLF), which Excel expects.
  return stringify([[...CSV_HEADER], ...rows], { delimiter: ';', bom: true, record_delimiter: 'windows' });
};
