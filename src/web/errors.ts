import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError, type ErrorCode, type FieldIssue } from '../core';

/**
 * THE table from error code to HTTP status (STYLE.md: exactly one place maps codes to HTTP).
 * Dutch titles first: they are what a citizen or civil servant reads.
 */
export const ERROR_TABLE: Record<ErrorCode, { status: number; nl: string; en: string }> = {
  not_found: { status: 404, nl: 'Niet gevonden', en: 'Not found' },
  forbidden: { status: 403, nl: 'Geen toegang', en: 'Forbidden' },
  unauthorized: { status: 401, nl: 'Inloggen nodig', en: 'Unauthorized' },
  conflict: { status: 409, nl: 'Conflict met bestaande gegevens', en: 'Conflict' },
  invalid_state: { status: 409, nl: 'Dit kan niet in de huidige stand', en: 'Invalid state' },
  validation_failed: { status: 422, nl: 'De invoer klopt niet', en: 'Validation failed' },
  rate_limited: { status: 429, nl: 'Te veel verzoeken, probeer het later opnieuw', en: 'Too many requests' },
  internal: { status: 500, nl: 'Er ging iets mis aan onze kant', en: 'Internal error' },
};

/** An RFC 9457 problem document with Helder's stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  issues: FieldIssue[];
}

export const problemOf = (code: ErrorCode, detail: string, issues: FieldIssue[] = []): Problem => {
  const entry = ERROR_TABLE[code];
  return { type: `urn:helder:problem:${code}`, title: entry.nl, status: entry.status, code, detail, issues };
};

/** Maps anything thrown to a problem: AppError by code, request validation to 400, the rest to 500. */
export const toProblem = (error: unknown): Problem => {
  if (isAppError(error)) return problemOf(error.code, error.message, error.issues);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: [v.instancePath.replace(/^\//, '').replace(/\//g, '.'), ...((v.params as { issue?: { path?: unknown[] } })?.issue?.path ?? []).map(String)].filter(Boolean).join('.') || String(error.validationContext ?? 'request'),
      message: v.message ?? 'invalid',
    }));
    return { ...problemOf('validation_failed', 'De verzoekparameters kloppen niet.', issues), status: 400 };
  }
  const fe = error as Partial<FastifyError>;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code: ErrorCode = fe.statusCode === 404 ? 'not_found' : fe.statusCode === 429 ? 'rate_limited' : 'validation_failed';
    return { ...problemOf(code, fe.message ?? 'bad request'), status: fe.statusCode };
  }
  return problemOf('internal', 'Er ging iets mis. Probeer het later opnieuw.');
};

/** Renders a problem as JSON (API and non-HTML clients) or hands it to an HTML renderer. */
export const sendProblem = (
  request: FastifyRequest,
  reply: FastifyReply,
  problem: Problem,
  html?: (problem: Problem, request: FastifyRequest) => string,
): FastifyReply => {
  reply.status(problem.status);
  const wantsHtml = html && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
  if (wantsHtml) return reply.type('text/html; charset=utf-8').send(html(problem, request));
  return reply.type('application/problem+json; charset=utf-8').send(problem);
};
