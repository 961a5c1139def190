import type { z } from 'zod';
import { en, nl } from 'zod/locales';
import { AppError, type FieldIssue } from './errors';
import { dutchOfCoreMessage } from './input';

const dutch = nl().localeError;
const english = en().localeError;

/** The message of a field the schema does not know (strict objects, docs/api-write.md). */
export const UNKNOWN_FIELD_MESSAGE = 'unknown field';

type ZodIssue = z.ZodError['issues'][number];

/**
 * One zod issue as field issues. A strict object's `unrecognized_keys` issue becomes one issue per
 * unknown key, so the answer names each field that does not belong.
 */
const expand = (issue: ZodIssue, prefix: string): { path: string; en: string; nl?: string }[] => {
  const at = (...rest: string[]) => [prefix, ...issue.path.map(String), ...rest].filter(Boolean).join('.');
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: at(key), en: UNKNOWN_FIELD_MESSAGE, nl: 'onbekend veld' }));
  return [{ path: at(), en: issue.message, nl: dutchOfCoreMessage(issue.message) }];
};

/**
 * The issues of a failed parse, one per field (path joined with dots), each with its message in
 * Dutch and English. zod writes its own messages in one language at a time, so a failed input is
 * parsed twice more, once per language (only on failure, so valid input costs nothing extra). A
 * message the schema sets itself (`.min(1, 'vul een naam in')`) stays as written in both, except
 * core's shared input rules (control characters, web addresses, dates), which have both.
 */
export const issuesOf = (schema: z.ZodType, input: unknown, prefix = ''): FieldIssue[] => {
  const nlIssues = (schema.safeParse(input, { error: dutch }).error?.issues ?? []).flatMap((issue) => expand(issue, prefix));
  const enIssues = (schema.safeParse(input, { error: english }).error?.issues ?? []).flatMap((issue) => expand(issue, prefix));
  return enIssues.map((issue, i) => ({
    path: issue.path,
    message: issue.en,
    messages: { nl: issue.nl ?? nlIssues[i]?.en ?? issue.en, en: issue.en },
  }));
};

/**
 * Parses input with a zod schema at the edge. Failure is `validation_failed` with one issue per
 * field (path joined with dots), so a form or an import can say exactly what is wrong where.
 */
export const parseInput = <S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.infer<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesOf(schema, input, prefix);
  const first = issues[0];
  const summary = first ? `${first.path || 'input'}: ${first.message}` : 'invalid input';
  throw new AppError('validation_failed', summary, { issues });
};
