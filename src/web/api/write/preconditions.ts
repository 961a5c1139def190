import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, editConflict, type Revised } from '../../../core';
import type { HeaderSpec, ProblemStatus } from '../openapi';

/**
 * Optimistic concurrency in the write API (docs/api-write.md, "Concurrent edits"; core/revision.ts):
 * every editable record has an `ETag`, its revision as a strong entity tag (`"3"`), on every read
 * and every write. An edit (PATCH, or a PUT that replaces a record) must say which one it read
 * with `If-Match` (RFC 9110 13.1.1): another tag is 412, no header 428 (RFC 6585). The route
 * compares the header with the record it loaded; the service compares again inside its
 * transaction and the repository in the update's `WHERE`, so two clients that read the same
 * revision cannot both write.
 */

/** The record's entity tag. */
export const etagOf = (record: Revised): string => `"${record.revision}"`;

/** Sets the record's `ETag` on the reply and passes the body through. */
export const withEtag = <T>(reply: FastifyReply, record: Revised, body: T): T => {
  reply.header('ETag', etagOf(record));
  return body;
};

/**
 * The revision an edit may write on: the record's, when `If-Match` names it (or is `*`). Throws
 * `edit_conflict` (412) for any other tag — a weak tag never matches, If-Match compares strongly —
 * and `precondition_required` (428) without the header, unless `required` is false (a PUT that
 * may create: then undefined).
 */
export const ifMatch = (request: FastifyRequest, entity: string, record: (Revised & { id: string }) | undefined, required = true): number | undefined => {
  const raw = request.headers['if-match'];
  const header = (Array.isArray(raw) ? raw.join(',') : (raw ?? '')).trim();
  if (header === '') {
    if (required && record) throw new AppError('precondition_required', `send If-Match with the ETag of the ${entity} you read`, { details: { entity } });
    return undefined;
  }
  if (!record) throw editConflict(entity, 'new'); // If-Match on nothing fails (RFC 9110 13.1.1)
  if (header === '*' || header.split(',').some((tag) => tag.trim() === etagOf(record))) return record.revision;
  throw editConflict(entity, record.id, record.revision);
};

/** The `If-Match` header of an edit, for the OpenAPI document (checked by `ifMatch`, not by the schema: a missing one is 428, not 400). */
export const ifMatchHeader = z.object({
  'if-match': z.string().describe('The `ETag` of the record as you read it (GET, or the answer of your last write), e.g. `"3"`. Another revision: 412; without it: 428.'),
});

/** Optional on a PUT that creates the record when it does not exist yet. */
export const optionalIfMatchHeader = z.object({
  'if-match': z.string().optional().describe('The `ETag` of the record as you read it. Required once the record exists (428 without it); another revision: 412.'),
});

/** The problems of an edit besides the write errors: someone else wrote first (412), or If-Match was missing (428). */
export const EDIT_PROBLEMS: ProblemStatus[] = [412, 428];

/** The `ETag` header of every answer that carries an editable record, for the OpenAPI document. */
export const ETAG_HEADER: Record<string, HeaderSpec> = {
  ETag: { description: 'The revision of the record as stored, a strong entity tag: send it back as `If-Match` to edit the record', schema: { type: 'string', example: '"3"' } },
};

/** A success answer with the record's `ETag`. */
export const withEtagHeader = <S extends z.ZodType>(schema: S) => ({ schema, headers: ETAG_HEADER });
