import type { z } from 'zod';
import { en, nl } from 'zod/locales';
import { AppError, type FieldIssue } from './errors';

const dutch = nl().localeError;
const english = en().localeError;

/**
 * The issues of a failed parse, one per field (path joined with dots), each with its message in
 * Dutch and English. zod writes its own messages in one language at a time, so a failed input is
 * parsed twice more, once per language (only on failure, so valid input costs nothing extra). A
 * message the schema sets itself (`.min(1, 'vul een naam in')`) stays as written in both.
 */
export const issuesOf = (schema: z.ZodType, input: unknown, prefix = ''): FieldIssue[] => {
  const inDutch = schema.safeParse(input, { error: dutch });
  const inEnglish = schema.safeParse(input, { error: english });
  const nlIssues = inDutch.error?.issues ?? [];
  const enIssues = inEnglish.error?.issues ?? [];
  return enIssues.map((issue, i) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
    messages: { nl: nlIssues[i]?.message ?? issue.message, en: issue.message },
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
