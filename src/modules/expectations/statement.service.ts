import { checkRevision, newId, nextRevision, notFound, parseInput, type Actor } from '../../core';
import { inTransaction, recordAudit, type Deps } from '../../storage';
import { getChange } from '../changes';
import type { Statement } from './expectation';
import { statementSchema, type StatementInput } from './expectation.schema';
import { insertStatement, selectStatement, updateStatementRow } from './expectation.repository';

type Read = Pick<Deps, 'db'>;

/** Records a statement (uitspraak) about a change: who, role, medium, date, quote, link. */
export const recordStatement = async (deps: Deps, actor: Actor, changeId: string, input: StatementInput): Promise<Statement> => {
  const data = parseInput(statementSchema, input);
  return inTransaction(deps.db, async (db) => {
    const change = await getChange({ db }, changeId);
    const now = deps.clock.now().toISOString();
    const statement: Statement = { id: newId<'Statement'>(), changeId: change.id, ...data, createdAt: now, updatedAt: now, revision: 1 };
    await insertStatement(db, statement);
    await recordAudit(db, deps, actor, {
      organizationId: change.organizationId,
      action: 'statement.recorded',
      entityType: 'statement',
      entityId: statement.id,
      data: { changeId: change.id, ...data },
    });
    return statement;
  });
};

/** Corrects a statement (a misquote, a wrong date); the audit log keeps what it said before. `ifRevision`: the revision the editor read; `edit_conflict` when someone else saved since (core/revision.ts). */
export const updateStatement = async (deps: Deps, actor: Actor, id: string, input: StatementInput, ifRevision?: number): Promise<Statement> => {
  const data = parseInput(statementSchema, input);
  return inTransaction(deps.db, async (db) => {
    const before = await getStatement({ db }, id);
    checkRevision('statement', before, ifRevision);
    const change = await getChange({ db }, before.changeId);
    const after: Statement = nextRevision({ ...before, ...data, updatedAt: deps.clock.now().toISOString() });
    await updateStatementRow(db, after);
    await recordAudit(db, deps, actor, { organizationId: change.organizationId, action: 'statement.updated', entityType: 'statement', entityId: id, data });
    return after;
  });
};

export const findStatement = (deps: Read, id: string) => selectStatement(deps.db, id);

export const getStatement = async (deps: Read, id: string): Promise<Statement> => {
  const statement = await selectStatement(deps.db, id);
  if (!statement) throw notFound('statement', id);
  return statement;
};
