/**
 * Domain errors are stable codes, never HTTP statuses: only `web/errors.ts` maps them to a
 * response, and tests assert the code, never the message text (STYLE.md).
 */
export type ErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'unauthorized'
  | 'conflict'
  | 'edit_conflict'
  | 'precondition_required'
  | 'invalid_state'
  | 'validation_failed'
  | 'rate_limited'
  /** The database cannot be reached or cannot store data right now (outage, timeout, disk full): retry later. */
  | 'unavailable'
  | 'internal';

/** One problem with one field of the input, addressed by its path (e.g. `goals.2.unit`). */
export interface FieldIssue {
  path: string;
  message: string;
  /** The message in Dutch and English when known (validation of a zod schema, `issuesOf`). */
  messages?: { nl: string; en: string };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { issues?: FieldIssue[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }
}

export const notFound = (entity: string, id: string): AppError =>
  new AppError('not_found', `${entity} ${id} does not exist`, { details: { entity, id } });

export const invalid = (path: string, message: string): AppError =>
  new AppError('validation_failed', message, { issues: [{ path, message }] });

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;
