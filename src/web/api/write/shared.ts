import type { FastifyRequest, FastifySchemaCompiler, onRequestAsyncHookHandler } from 'fastify';
import type { z } from 'zod';
import { z as zod } from 'zod';
import { notFound } from '../../../core';
import type { TokenScope } from '../../../modules/users';
import type { Deps } from '../../../storage';
import { validatorCompiler } from '../../http/validation';
import { requireScope } from '../auth';
import { idParam as entityIdParam } from '../schemas';

/**
 * The body of a write is described in OpenAPI with the module's own zod schema, but parsed by the
 * service with that same schema, not by Fastify: invalid input is then `validation_failed` (422)
 * with one issue per field, exactly as in the editor and the imports, and an edit's absent fields
 * stay absent (zod 4 applies defaults inside `.partial()`, which would blank them). Params and
 * query strings are still validated here (400).
 */
export const serviceParsesBody: FastifySchemaCompiler<z.ZodType> = (route) =>
  // Headers are declared for the OpenAPI document only: `If-Match` is checked by the route, so a
  // missing one is 428 Precondition Required, not 400 (preconditions.ts).
  route.httpPart === 'body' || route.httpPart === 'headers' ? (data: unknown) => ({ value: data }) : validatorCompiler(route);

/**
 * The token check runs `onRequest`, before parameters are validated: someone without a valid
 * token learns nothing about the route, not even which ids or dates it takes (401 before 400).
 */
export const tokenWith = (deps: Deps, scope: TokenScope) => ({
  onRequest: requireScope(deps, scope) as unknown as onRequestAsyncHookHandler,
  // Fastify types a route's compiler by that route's schema object; this one works for any zod schema.
  validatorCompiler: serviceParsesBody as never,
});

/**
 * A write addresses an entity by id: it must belong to the token's organization. Another
 * organization's id answers `not_found`, like an id that does not exist (docs/editor.md), so a
 * token of B cannot learn which ids A has.
 */
export const assertOwned = (request: FastifyRequest, organizationId: string, entity: string, id: string): void => {
  if (request.apiToken?.organizationId !== organizationId) throw notFound(entity, id);
};

/** The raw body, for the service to parse (see `serviceParsesBody`). */
export const bodyOf = <T>(request: FastifyRequest): T => (request.body ?? {}) as T;

export const slugParam = zod.object({ slug: zod.string().min(1).max(80).describe('Organization slug or id') });
export const idParam = entityIdParam;

/**
 * The body of an edit, for the OpenAPI document: every field of the module's schema optional and
 * without its default (an edit keeps what it leaves out), and without the schema's cross-field
 * refinements, which the service still checks on the merged whole.
 */
export const editBodyOf = (schema: zod.ZodObject): zod.ZodObject =>
  zod.object(Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, (field instanceof zod.ZodDefault ? (field.unwrap() as zod.ZodType) : (field as zod.ZodType)).optional()])));
