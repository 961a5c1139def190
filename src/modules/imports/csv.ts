/**
 * A small CSV reader for what spreadsheets write (RFC 4180 quoting, CRLF or LF), with the habits
 * of Dutch Excel: `;` as delimiter (because `,` is the decimal separator), a UTF-8 byte-order mark
 * at the start, and numbers like `1.234,5`. Pure functions, no I/O.
 */
export type Delimiter = ';' | ',';

export interface CsvRecord {
  /** The physical line the record starts on, 1-based (the header is line 1). */
  line: number;
  fields: string[];
}

export interface CsvTable {
  delimiter: Delimiter;
  records: CsvRecord[];
}

const BOM = '\uFEFF';

/** The delimiter of the header line: the one that occurs more often outside quotes (`;` on a tie). */
export const detectDelimiter = (text: string): Delimiter => {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons += 1;
    else if (!quoted && ch === ',') commas += 1;
  }
  return commas > semicolons ? ',' : ';';
};

/**
 * Splits a CSV text into records. A quoted field may hold the delimiter, line breaks and doubled
 * quotes (`""`). Blank lines are skipped. An unterminated quote is reported by `unterminatedAt`.
 */
export const parseCsv = (input: string): CsvTable & { unterminatedAt?: number } => {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let fieldWasQuoted = false;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0]!.trim() !== '' || fieldWasQuoted) records.push({ line: start, fields });
    fields = [];
    field = '';
    fieldWasQuoted = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line += 1;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      fieldWasQuoted = true;
      field = '';
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      start = line;
    } else field += ch;
  }
  if (quoted) return { delimiter, records, unterminatedAt: start };
  if (field !== '' || fields.length > 0) endRecord();
  return { delimiter, records };
};

/**
 * Reads a number as Dutch and international spreadsheets write it. Dutch first: `1,5` is one and a
 * half and `1.234,5` has a thousands dot. A dot alone is a decimal point (`1.5`), except in a file
 * with `;` delimiters (Dutch Excel), where `1.234` is read as 1234 — only groups of exactly three
 * digits after the dot. Both separators: the last one is the decimal separator (`1,234.5`).
 * Spaces (also non-breaking) are ignored. `undefined` when it is not a number.
 */
export const parseDecimal = (raw: string, delimiter: Delimiter): number | undefined => {
  const s = raw.replace(/[\s\u00A0\u202F]/g, '');
  if (s === '') return undefined;
  let normalized: string | undefined;
  if (/^[-+]?\d+(,\d+)?$/.test(s)) normalized = s.replace(',', '.');
  else if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) && (s.includes(',') || delimiter === ';')) normalized = s.replace(/\./g, '').replace(',', '.');
  else if (/^[-+]?\d+(\.\d+)?$/.test(s)) normalized = s;
  else if (/^[-+]?\d{1,3}(,\d{3})+\.\d+$/.test(s)) normalized = s.replace(/,/g, '');
  if (normalized === undefined) return undefined;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads a calendar date: ISO `2026-03-31`, or Dutch `31-03-2026`, `31-3-2026`, `31/03/2026`.
 * Returns `YYYY-MM-DD`, or `undefined` for anything else or a day that does not exist.
 */
export const parseDate = (raw: string): string | undefined => {
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  const [y, m, d] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : dutch ? [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])] : [];
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
};
