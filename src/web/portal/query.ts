import { z } from 'zod';
import { CHANGE_STATUSES } from '../../modules/changes';
import { LANGS, type Lang } from './i18n';

/**
 * Query parameters of public pages, parsed once at the edge. An empty value (a filter form sent
 * with "Alles") means absent. Unknown parameters (utm_*, fbclid…) are ignored — a shared link
 * must not break — and never reach the cache key. A repeated or malformed known parameter is a
 * 400 that names the parameter, never echoes its value.
 */
const absentIfEmpty = (v: unknown) => (v === '' ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(absentIfEmpty, schema.optional());

const lang = z.preprocess(absentIfEmpty, z.enum(LANGS).default('nl'));

export const langQuery = z.object({ lang });

export const organizationQuery = z.object({
  lang,
  q: opt(z.string().trim().max(100)),
  theme: opt(z.string().trim().max(60)),
  status: opt(z.enum(CHANGE_STATUSES)),
  group: opt(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80)),
  page: z.preprocess(absentIfEmpty, z.coerce.number().int().min(1).max(10_000).default(1)),
});

export type ParseResult<T> = { ok: true; value: T } | { ok: false; lang: Lang; problems: string[] };

export const parseQuery = <T extends z.ZodType>(schema: T, query: unknown): ParseResult<z.output<T>> => {
  const result = schema.safeParse(query ?? {});
  if (result.success) return { ok: true, value: result.data };
  const raw = (query ?? {}) as Record<string, unknown>;
  return { ok: false, lang: raw.lang === 'en' ? 'en' : 'nl', problems: [...new Set(result.error.issues.map((i) => String(i.path[0] ?? 'query')))] };
};

/** The slug segment of a URL: the organizations module's slug rule. Checked before any query. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const isSlug = (s: string): boolean => s.length >= 2 && s.length <= 80 && SLUG.test(s);
