import type { Db } from '../../storage';

/** Which changes a bulk read covers: every change of one organization, or some changes by id. */
export type ChangeScope = { organizationId: string } | { changeIds: readonly string[] };

/** True when the scope names no change at all: a bulk read then returns nothing without a query. */
export const isEmptyScope = (scope: ChangeScope): boolean => 'changeIds' in scope && scope.changeIds.length === 0;

/**
 * The ids of the changes in scope, for `where(<table>.change_id, 'in', …)`: a subquery for an
 * organization (so no parameter list grows with the data: SQLite takes at most 32,766 parameters),
 * or the ids themselves. One definition of "the changes of an organization" for every module.
 */
export const changeIdsOf = (db: Db, scope: ChangeScope) =>
  'organizationId' in scope ? db.selectFrom('changes').select('changes.id').where('changes.organization_id', '=', scope.organizationId) : [...scope.changeIds];
