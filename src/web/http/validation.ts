import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { issuesOf, type FieldIssue } from '../../core';

/**
 * A request part (path parameters, query string, a body Fastify validates) that does not match its
 * zod schema. It carries every issue in Dutch and English (`issuesOf`), so the problem document
 * speaks the client's language (web/errors.ts).
 */
export class RequestValidationError extends Error {
  readonly issues: FieldIssue[];
  /** Set by Fastify: `params`, `querystring`, `body` or `headers`. */
  validationContext?: string;
  constructor(issues: FieldIssue[]) {
    super(issues[0] ? `${issues[0].path || 'request'}: ${issues[0].message}` : 'invalid request');
    this.name = 'RequestValidationError';
    this.issues = issues;
  }
}

export const isRequestValidationError = (error: unknown): error is RequestValidationError => error instanceof RequestValidationError;

/**
 * Fastify's validator for zod schemas (like fastify-type-provider-zod's, which reports zod's
 * messages in English only): returning an Error makes Fastify answer it through the error handler
 * with status 400.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data);
    return result.success ? { value: result.data } : { error: new RequestValidationError(issuesOf(schema, data)) };
  };
