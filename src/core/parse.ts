import type { z } from 'zod';
import { AppError, type FieldIssue } from './errors';

/**
 * Parses input with a zod schema at the edge. Failure is `validation_failed` with one issue per
 * field (path joined with dots), so a form or an import can say exactly what is wrong where.
 */
export const parseInput = <S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.infer<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const summary = first ? `${first.path || 'input'}: ${first.message}` : 'invalid input';
  throw new AppError('validation_failed', summary, { issues });
};
