import { AppError, newId, requireInScope, type Actor } from '../../core';
import { inTransaction, recordAudit, type Deps } from '../../storage';
import { getChange } from '../changes';
import { findCorrectionOf, findDecision } from '../decisions';
import type { Anchor } from './goal';
import { anchorExists, insertAnchor } from './goal.repository';
import { getGoal, getGoalVersion } from './goal.service';

/**
 * Records that a decision adopted a goal version (by default the current one). Only an adopted
 * decision can anchor a goal: a rejected, withdrawn or pending one cannot (`invalid_state`).
 * The decision must belong to the goal's organization: another organization's decision is
 * `validation_failed` on `decisionId`, exactly like one that does not exist.
 */
export const anchorGoal = async (deps: Deps, actor: Actor, input: { goalId: string; decisionId: string; version?: number }): Promise<Anchor> =>
  inTransaction(deps.db, async (db) => {
    const goal = await getGoal({ db }, input.goalId);
    const version = input.version === undefined ? goal.current : await getGoalVersion({ db }, goal.id, input.version);
    const change = await getChange({ db }, goal.changeId);
    const decision = requireInScope(await findDecision({ db }, input.decisionId), (d) => d.organizationId === change.organizationId, 'decisionId', 'decision');
    if (decision.outcome !== 'adopted') {
      throw new AppError('invalid_state', `decision ${decision.id} was not adopted (outcome: ${decision.outcome}) and cannot anchor a goal`, {
        details: { outcome: decision.outcome },
      });
    }
    const correction = await findCorrectionOf({ db }, decision.id);
    if (correction) {
      throw new AppError('invalid_state', `decision ${decision.id} was corrected by ${correction}: anchor to the correction`, {
        details: { correctedBy: correction },
      });
    }
    if (await anchorExists(db, decision.id, version.id)) {
      throw new AppError('conflict', 'this decision already anchors this goal version');
    }
    const anchor: Anchor = { id: newId(), decisionId: decision.id, goalVersionId: version.id, createdAt: deps.clock.now().toISOString() };
    await insertAnchor(db, anchor);
    await recordAudit(db, deps, actor, {
      organizationId: change.organizationId,
      action: 'goal.anchored',
      entityType: 'goal',
      entityId: goal.id,
      data: { decisionId: decision.id, goalVersionId: version.id, version: version.version },
    });
    return anchor;
  });
