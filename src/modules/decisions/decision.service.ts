import { AppError, checkRevision, newId, nextRevision, notFound, parseInput, requireInScope, type Actor } from '../../core';
import { inTransaction, recordAudit, type Deps } from '../../storage';
import { findChange } from '../changes';
import { getOrganization } from '../organizations';
import { createsObligation, isFinal, type Decision } from './decision';
import { decisionSchema, type DecisionInput } from './decision.schema';
import {
  insertDecision,
  replaceDecision,
  selectCorrectionOf,
  selectDecision,
  selectDecisionsByIds,
  selectDecisionsForChange,
  selectDecisionsOfOrganization,
} from './decision.repository';

type Read = Pick<Deps, 'db'>;

/**
 * Records a political decision. A correction names the decision it corrects (`correctsId`); the
 * corrected record stays as it was, so what was decided on a date can always be read back.
 */
export const recordDecision = async (deps: Deps, actor: Actor, organizationId: string, input: DecisionInput): Promise<Decision> => {
  const data = parseInput(decisionSchema, input);
  return inTransaction(deps.db, async (db) => {
    const organization = await getOrganization({ db }, organizationId);
    // Another organization's change or decision answers like one that does not exist (issue 9).
    if (data.changeId) requireInScope(await findChange({ db }, data.changeId), (c) => c.organizationId === organization.id, 'changeId', 'change');
    if (data.correctsId) {
      const corrected = requireInScope(await selectDecision(db, data.correctsId), (d) => d.organizationId === organization.id, 'correctsId', 'decision');
      if (await selectCorrectionOf(db, corrected.id)) {
        throw new AppError('conflict', 'this decision was already corrected: correct the newest record', { details: { correctsId: corrected.id } });
      }
    }
    assertFollowUpsAllowed(data);
    const decision: Decision = {
      ...data,
      id: newId<'Decision'>(),
      organizationId: organization.id,
      changeId: data.changeId as Decision['changeId'],
      correctsId: data.correctsId as Decision['correctsId'],
      followUps: data.followUps.map((f) => ({ id: newId(), ...f })),
      createdAt: deps.clock.now().toISOString(),
      revision: 1,
    };
    await insertDecision(db, decision);
    await recordAudit(db, deps, actor, {
      organizationId: organization.id,
      action: data.correctsId ? 'decision.corrected' : 'decision.recorded',
      entityType: 'decision',
      entityId: decision.id,
      data,
    });
    return decision;
  });
};

/**
 * Edits a decision whose outcome is still `pending` (e.g. to set the outcome after the vote).
 * Throws `invalid_state` once the outcome is set: record a correction instead; `edit_conflict` when
 * someone else saved since the revision `ifRevision` the editor or client read (core/revision.ts).
 */
export const updatePendingDecision = async (deps: Deps, actor: Actor, id: string, input: DecisionInput, ifRevision?: number): Promise<Decision> => {
  const data = parseInput(decisionSchema, input);
  return inTransaction(deps.db, async (db) => {
    const before = await getDecision({ db }, id);
    checkRevision('decision', before, ifRevision);
    if (isFinal(before)) {
      throw new AppError('invalid_state', `decision ${id} has outcome ${before.outcome} and cannot be edited; record a correction`, {
        details: { outcome: before.outcome },
      });
    }
    // A corrected record stays as it was; only the newest record of a correction chain is edited.
    if (await selectCorrectionOf(db, before.id)) {
      throw new AppError('invalid_state', `decision ${id} was corrected by a newer record: edit that one`, { details: { outcome: before.outcome } });
    }
    const fixed = (['changeId', 'correctsId'] as const).filter((field) => data[field] !== before[field]);
    if (fixed.length > 0) {
      throw new AppError('validation_failed', 'what a decision corrects or belongs to cannot change', {
        issues: fixed.map((path) => ({ path, message: 'cannot change' })),
      });
    }
    assertFollowUpsAllowed(data);
    const after: Decision = nextRevision({
      ...before,
      ...data,
      changeId: before.changeId,
      correctsId: before.correctsId,
      followUps: data.followUps.map((f) => ({ id: newId(), ...f })),
    });
    await replaceDecision(db, after);
    await recordAudit(db, deps, actor, { organizationId: before.organizationId, action: 'decision.updated', entityType: 'decision', entityId: id, data });
    return after;
  });
};

/** Follow-up obligations come only from a motie or toezegging (DOMAIN.md), on create and on edit alike. */
const assertFollowUpsAllowed = (data: { kind: Decision['kind']; followUps: readonly unknown[] }): void => {
  if (data.followUps.length > 0 && !createsObligation(data.kind)) {
    throw new AppError('validation_failed', 'only a motie or toezegging creates follow-up obligations', {
      issues: [{ path: 'followUps', message: 'not allowed for this kind of decision' }],
    });
  }
};

export const findDecision = (deps: Read, id: string) => selectDecision(deps.db, id);

export const getDecision = async (deps: Read, id: string): Promise<Decision> => {
  const decision = await selectDecision(deps.db, id);
  if (!decision) throw notFound('decision', id);
  return decision;
};

export const listDecisionsByIds = (deps: Read, ids: readonly string[]) => selectDecisionsByIds(deps.db, ids);

export const listDecisionsOfOrganization = (deps: Read, organizationId: string) => selectDecisionsOfOrganization(deps.db, organizationId);

/** Decisions of one change plus the given (anchoring) decisions and all their corrections. */
export const listDecisionsForChange = (deps: Read, changeId: string, decisionIds: readonly string[]) =>
  selectDecisionsForChange(deps.db, changeId, decisionIds);

/** The id of the record that corrects this decision, if any (the newest record is the one that counts). */
export const findCorrectionOf = async (deps: Read, id: string): Promise<string | undefined> => (await selectCorrectionOf(deps.db, id))?.id;
