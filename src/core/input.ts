import { z } from 'zod';

/**
 * The shared input rules every schema builds on (docs/api-write.md, "Input rules"): one text rule,
 * one web address rule, one date rule. Modules compose their schemas from these, so a fault of a
 * class (a NUL byte, a `javascript:` link, the year 0) is refused the same way in the API, the
 * editor's forms and the imports.
 */

// Control characters (Unicode Cc: C0, DEL, C1). NUL breaks PostgreSQL text ("invalid byte sequence
// for encoding UTF8: 0x00"), the others hide or reorder content in a page, a CSV or a terminal.
const ANY_CONTROL = /\p{Cc}/u;
// Multi-line text keeps its tabs and line feeds (carriage returns are normalized away first).
const CONTROL_EXCEPT_TAB_LF = /[^\P{Cc}\t\n]/u;
// A lone UTF-16 surrogate (`"\ud800"` in JSON) is not a character: it cannot be stored as UTF-8.
const LONE_SURROGATE = /\p{Cs}/u;

/** The message of a refused control character; the editor and the API translate it. */
export const CONTROL_CHARACTER_MESSAGE = 'contains a control character (such as NUL or ESC): use plain text';
/** The message of a refused web address. */
export const WEB_ADDRESS_MESSAGE = 'a web address starting with https:// or http://';
/** The message of a date outside the range Helder accepts. */
export const DATE_RANGE_MESSAGE = 'a date between 1900-01-01 and 2199-12-31';

/** These rules' messages in Dutch (the problem documents pick by `Accept-Language`), or undefined for any other message. */
export const dutchOfCoreMessage = (message: string): string | undefined =>
  message === CONTROL_CHARACTER_MESSAGE
    ? 'bevat een stuurteken (zoals NUL of ESC): gebruik gewone tekst'
    : message === WEB_ADDRESS_MESSAGE
      ? 'een webadres dat begint met https:// of http://'
      : message === DATE_RANGE_MESSAGE
        ? `een datum tussen ${DATE_RANGE.min} en ${DATE_RANGE.max}`
        : undefined;

/** Earliest and latest date any date field accepts: a baseline of the year 0 is a typing error. */
export const DATE_RANGE = { min: '1900-01-01', max: '2199-12-31' } as const;

/** True when the string holds nothing but text: no control character (except where allowed), no lone surrogate. */
export const isPlainText = (value: string, multiline = false): boolean =>
  !(multiline ? CONTROL_EXCEPT_TAB_LF : ANY_CONTROL).test(value) && !LONE_SURROGATE.test(value);

export interface TextOptions {
  /** Most characters, after trimming. */
  max: number;
  /** Fewest characters, after trimming (0 by default). */
  min?: number;
  /** The message when shorter than `min`. */
  tooShort?: string;
  /** Line feeds and tabs allowed (a description, a quote); line ends are normalized to `\n`. */
  multiline?: boolean;
}

/**
 * A text field: trimmed, between `min` and `max` characters, no control characters — none at all
 * in a single line, only tab and line feed in multi-line text (CR LF and CR become LF first, as a
 * browser's textarea sends CR LF). A `ZodString`, so `.default()`, `.nullable()` and the OpenAPI
 * document work as for `z.string()`.
 */
export const textSchema = ({ max, min = 0, tooShort, multiline = false }: TextOptions) => {
  const base = multiline ? z.string().overwrite((s) => s.replace(/\r\n?/g, '\n')) : z.string();
  const trimmed = base.trim();
  const sized = (min > 0 ? trimmed.min(min, tooShort) : trimmed).max(max);
  return sized.refine((s) => isPlainText(s, multiline), CONTROL_CHARACTER_MESSAGE);
};

/**
 * A web address a page may link to: http(s) only (never `javascript:`, `data:` or `file:`, which
 * become script or content on a citizen's screen; OWASP XSS prevention), with `mailto:` where a
 * field asks for it, at most 2,000 characters, without control characters (the URL parser would
 * silently drop a tab or line feed and accept what the person did not type).
 */
export const urlSchema = (options: { mailto?: boolean; max?: number } = {}) =>
  z
    .string()
    .trim()
    .max(options.max ?? 2000)
    // Checked before zod's URL check, which strips tabs and line feeds from what it returns.
    .refine((s) => isPlainText(s), CONTROL_CHARACTER_MESSAGE)
    .pipe(z.url({ protocol: options.mailto ? /^(https?|mailto)$/ : /^https?$/, message: WEB_ADDRESS_MESSAGE }));

/** A calendar date `YYYY-MM-DD` that exists (no 30 February) and lies within `DATE_RANGE`. */
export const dateSchema = z.iso
  .date()
  // Only a well-formed date is compared: a malformed one already has its one issue.
  .refine((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || (d >= DATE_RANGE.min && d <= DATE_RANGE.max), DATE_RANGE_MESSAGE);

type Undefaulted<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/**
 * The body of an edit ("only the fields given change"), from the schema of the whole record:
 * every field optional and without its default (zod 4 applies defaults inside `.partial()`, which
 * would blank what an edit leaves out), strict about unknown fields. Cross-field rules are not
 * here: the service checks them on the merged whole.
 */
export const patchSchemaOf = <Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) =>
  z.strictObject(
    Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional()])),
  ) as unknown as z.ZodObject<{ [K in keyof Shape]: z.ZodOptional<Undefaulted<Shape[K]>> }, z.core.$strict>;

/** The fields an edit gives: a key present but undefined keeps the stored value, like a key left out. */
export const givenFields = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
