import type { UpdateResult } from 'kysely';
import { editConflict } from '../core';

/**
 * The storage half of optimistic concurrency (core/revision.ts). A repository writes a record as
 * `UPDATE … SET …, revision = n + 1 WHERE id = ? AND revision = n`, where n is the revision the
 * service read; when another write came first, no row matches and this throws `edit_conflict`.
 * The check lives in the statement itself, so it holds across app servers and on both dialects
 * (a PostgreSQL row lock makes the second writer wait, then find the revision moved).
 */
export const assertRevised = (result: UpdateResult, entity: string, id: string): void => {
  if (Number(result.numUpdatedRows) !== 1) throw editConflict(entity, id);
};
