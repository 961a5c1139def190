import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { TokenScope } from '../../modules/users';
import { problemSchema } from './schemas';

/**
 * How the API describes itself (OpenAPI 3.1, NL API Design Rules): every route declares its
 * operation once with `operation({...})` — operationId, tags, token scope, success media types and
 * the problems it can answer — and this file turns that into both the Fastify schema (validation,
 * serialization) and the OpenAPI document. docs/api-write.md explains the conventions to clients.
 */

/** The full version of the API, sent as `API-Version` on every API response (NL ADR /core/version-header). */
export const API_VERSION = '1.0.0';
/** Where the API lives; the major version is in the path (NL ADR /core/uri-version). */
export const API_BASE = '/api/v1';
/** The name of the bearer token scheme in `components.securitySchemes`. */
export const TOKEN_SCHEME = 'apiToken';

/** The statuses a route can answer with a problem document (`application/problem+json`). */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 500 | 503;

const PROBLEMS: Record<ProblemStatus, string> = {
  400: 'Bad request: a path or query parameter, or the body, is malformed (`issues` names the field)',
  401: 'No valid API token (`WWW-Authenticate: Bearer`)',
  403: 'The token lacks the scope this operation needs',
  404: 'Not found, or not visible to this client (another organization, an unpublished change)',
  409: 'Conflicts with the stored state (`conflict` or `invalid_state`)',
  412: 'Precondition failed: `If-Match` does not match the current `ETag`',
  413: 'The body is too large',
  415: 'Unsupported media type: send `application/json`',
  422: 'The body is not valid (`validation_failed`, one issue per field)',
  428: 'Precondition required: send `If-Match` with the `ETag` of your last read',
  429: 'Too many requests; `Retry-After` says when to try again',
  500: 'Internal error',
  503: 'Temporarily unavailable (database outage, shutting down); `Retry-After` says when to try again',
};

const RETRY_AFTER: Record<string, HeaderSpec> = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', example: 30 } } };
/** Headers that come with a problem (the responses test checks that they are really sent). */
const PROBLEM_HEADERS: Partial<Record<ProblemStatus, Record<string, HeaderSpec>>> = {
  401: { 'WWW-Authenticate': { description: 'Bearer realm="helder" (RFC 6750), with `error="invalid_token"` for a token that is not valid', schema: { type: 'string' } } },
  429: RETRY_AFTER,
  503: RETRY_AFTER,
};

/** Every operation can meet these: a fault on our side, or a database that is away. */
const ALWAYS: ProblemStatus[] = [500, 503];

/** An OpenAPI header object (the JSON schema of its value, and what it means). */
export interface HeaderSpec {
  description: string;
  schema: { type: 'string' | 'integer'; example?: string | number };
}

/** A success response: a zod schema (sent as JSON), or a schema with its media type and headers. */
export type SuccessSpec = z.ZodType | { schema: z.ZodType; mediaType?: string; description?: string; headers?: Record<string, HeaderSpec> };

interface OperationSpec {
  /** Unique, lowerCamelCase, stable: clients generate method names from it. */
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** The token scope the operation needs; absent for public operations. */
  scope?: TokenScope;
  params?: z.ZodType;
  querystring?: z.ZodType;
  /** Request headers the operation reads (e.g. `If-Match`); documented, checked by the route. */
  headers?: z.ZodType;
  body?: z.ZodType;
  /** Success responses by status. */
  responses: Record<number, SuccessSpec>;
  /** Problems beyond the ones every operation of its kind has (400 with input, 401/403 with a scope, 500, 503). */
  problems?: ProblemStatus[];
  deprecated?: boolean;
}

type SchemaOf<S> = S extends z.ZodType ? S : S extends { schema: infer T } ? T : never;
type Content<S> = { description: string; content: Record<string, { schema: S }> };
type ResponsesOf<R> = { [K in keyof R]: Content<SchemaOf<R[K]>> };
type ProblemResponses = Partial<Record<ProblemStatus, Content<typeof problemSchema>>>;
type Parts = 'params' | 'querystring' | 'headers' | 'body';

/** The line every token-protected operation's description starts with. */
const scopeLine = (scope: TokenScope): string =>
  `Needs \`Authorization: Bearer hld_…\` with the \`${scope}\` scope, for the organization the addressed entity belongs to; another organization's ids answer 404.`;

/**
 * The Fastify schema of one API operation. Success bodies are declared under their real media type,
 * every error as `application/problem+json` with the problem schema; a route with parameters or a
 * body documents 400, a route with a scope 401 and 403 and its `security`.
 */
export const operation = <const S extends OperationSpec>(spec: S): Pick<S, Extract<keyof S, Parts>> & { response: ResponsesOf<S['responses']> & ProblemResponses } => {
  const { responses, problems = [], scope, description, ...rest } = spec;
  const response: Record<number, unknown> = {};
  for (const [status, success] of Object.entries(responses)) {
    const s = 'schema' in success && !('safeParse' in success) ? success : { schema: success as z.ZodType };
    response[Number(status)] = {
      description: s.description ?? (s.schema.description || 'Success'),
      content: { [s.mediaType ?? 'application/json']: { schema: s.schema } },
      ...(s.headers ? { headers: s.headers } : {}),
    };
  }
  const statuses = new Set<ProblemStatus>([...problems, ...ALWAYS]);
  if (spec.params || spec.querystring || spec.body) statuses.add(400);
  if (spec.body) {
    statuses.add(413);
    statuses.add(415);
  }
  if (scope) {
    statuses.add(401);
    statuses.add(403);
  }
  for (const status of [...statuses].sort((a, b) => a - b)) {
    const headers = PROBLEM_HEADERS[status];
    response[status] = { description: PROBLEMS[status], content: { 'application/problem+json': { schema: problemSchema } }, ...(headers ? { headers } : {}) };
  }
  const text = [scope ? scopeLine(scope) : undefined, description].filter(Boolean).join(' ');
  return {
    ...rest,
    ...(text ? { description: text } : {}),
    ...(scope ? { security: [{ [TOKEN_SCHEME]: [scope] }] } : {}),
    response,
  } as never;
};

const API_VERSION_HEADER = {
  'API-Version': { description: 'The full version of the API that answered (semver)', schema: { type: 'string', example: API_VERSION } },
};

/**
 * `X | null` as zod writes it (`anyOf: [X, {type: 'null'}]`) becomes `type: [X's type, 'null']` with
 * X's keywords (OpenAPI 3.1 is JSON Schema 2020-12, so both mean the same): tools and the NL API
 * linter then see a nullable date's `format: date` on the property itself. Branches with `enum` or
 * `const` stay as they are (null would fall outside them).
 */
const flattenNullable = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(flattenNullable);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(([k, v]) => [k, flattenNullable(v)] as const);
  const out: Record<string, unknown> = Object.fromEntries(entries);
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const isNull = (b: unknown) => typeof b === 'object' && b !== null && (b as { type?: unknown }).type === 'null' && Object.keys(b).length === 1;
    const other = anyOf.find((b) => !isNull(b)) as Record<string, unknown> | undefined;
    if (other && anyOf.some(isNull) && typeof other.type === 'string' && !('enum' in other) && !('const' in other)) {
      const { anyOf: _dropped, ...wrapper } = out;
      return { ...other, ...wrapper, type: [other.type, 'null'] };
    }
  }
  return out;
};

/**
 * The per-route transform of @fastify/swagger: routes outside /api/v1 (portal, editor, /healthz)
 * are not part of the API and stay out of its document; API routes are converted from zod, keeping
 * the response headers the zod transform leaves out, plus `API-Version` on every response.
 */
const transform: typeof jsonSchemaTransform = (input) => {
  if (!input.url.startsWith(`${API_BASE}/`)) return { schema: { hide: true }, url: input.url };
  const converted0 = jsonSchemaTransform(input);
  const result = { ...converted0, schema: flattenNullable(converted0.schema) as typeof converted0.schema };
  const declared = (input.schema?.response ?? {}) as Record<string, { headers?: Record<string, HeaderSpec> }>;
  const converted = (result.schema as { response?: Record<string, Record<string, unknown>> }).response ?? {};
  for (const [status, entry] of Object.entries(converted)) {
    const headers: Record<string, unknown> = { ...API_VERSION_HEADER };
    for (const [name, header] of Object.entries(declared[status]?.headers ?? {})) headers[name] = { ...header.schema, description: header.description };
    entry.headers = headers;
  }
  return result;
};

export interface ApiDocumentOptions {
  /** The public base URL of this installation (for `info.contact.url`). */
  baseUrl: string;
  /** Who answers questions about this API; defaults to the security contact of the portal. */
  contact?: { name: string; email: string; url: string };
  securityContact?: string;
}

/** The contact of the API (NL ADR /core/doc-openapi-contact needs name, email and url). */
const contactOf = (options: ApiDocumentOptions) => {
  if (options.contact) return options.contact;
  const host = new URL(options.baseUrl).hostname;
  const mail = options.securityContact?.startsWith('mailto:') ? options.securityContact.slice('mailto:'.length) : `security@${host}`;
  return { name: `Helder op ${host}`, email: mail, url: options.baseUrl };
};

/** The options of @fastify/swagger for the API document (registered on the root instance). */
export const swaggerOptions = (options: ApiDocumentOptions): FastifyDynamicSwaggerOptions => ({
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Helder API',
      version: API_VERSION,
      description:
        'The change register of public bodies: changes, goals anchored in decisions, measures, groups and the legitimacy check. Errors are RFC 9457 problem documents (`application/problem+json`) with a stable `code`, in Dutch or, with `Accept-Language: en`, in English. Every response carries `API-Version`.',
      license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
      contact: contactOf(options),
    },
    // Relative: the document describes the API on whichever host serves it.
    servers: [{ url: API_BASE, description: 'This installation' }],
    tags: [
      { name: 'organizations', description: 'Organizations hosted here, their exports and audit checkpoints' },
      { name: 'changes', description: 'Changes and their legitimacy chain' },
      { name: 'goals', description: 'Goals, their versions, anchors and measurements' },
      { name: 'measures', description: 'Measures and how they contribute to goals' },
      { name: 'decisions', description: 'Decisions of the council or board' },
      { name: 'groups', description: 'Groups affected by changes' },
      { name: 'polls', description: 'The poll of a change and its perceived success' },
      { name: 'reactions', description: 'Reactions of citizens and their moderation' },
      { name: 'language', description: 'The plain-language check' },
      { name: 'write', description: 'Operations that change the register (need an API token)' },
      { name: 'export', description: 'Exports of an organization' },
    ],
    components: {
      securitySchemes: {
        [TOKEN_SCHEME]: {
          type: 'http' as const,
          scheme: 'bearer',
          bearerFormat: 'hld_…',
          description:
            'An API token made in the editor (Account → API-sleutels). Its scopes (`read`, `chain:write`, `measurements:write`, `reactions:moderate`) and organization limit what it may do; each operation lists the scope it needs.',
        },
      },
    },
  },
  transform,
});

/** Sends `API-Version` on every response under /api/v1, errors and 404s included. */
export const registerApiVersionHeader = (app: FastifyInstance): void => {
  app.addHook('onRequest', async (request, reply) => {
    if (request.url === API_BASE || request.url.startsWith(`${API_BASE}/`) || request.url.startsWith(`${API_BASE}?`)) reply.header('API-Version', API_VERSION);
  });
};
