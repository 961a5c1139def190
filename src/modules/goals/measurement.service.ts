import { AppError, isoDate, newId, parseInput, type Actor } from '../../core';
import { inTransaction, recordAudit, type Deps } from '../../storage';
import { getChange } from '../changes';
import type { Measurement } from './goal';
import { measurementSchema, type MeasurementInput } from './goal.schema';
import { insertMeasurement, selectMeasurementAt, selectMeasurementsOfGoal, updateMeasurementRow } from './goal.repository';
import { getGoal } from './goal.service';

/**
 * Records a value of a goal's indicator. A date before the baseline or in the future is
 * `validation_failed`; a second value on the same date is a `conflict` unless `replace` is set
 * (data systems re-sending a corrected figure use `replace`, which keeps the call idempotent).
 */
export const recordMeasurement = async (
  deps: Deps,
  actor: Actor,
  goalId: string,
  input: MeasurementInput,
  options: { replace?: boolean } = {},
): Promise<{ measurement: Measurement; created: boolean }> => {
  const data = parseInput(measurementSchema, input);
  return inTransaction(deps.db, async (db) => {
    const goal = await getGoal({ db }, goalId);
    const { baselineDate } = goal.current;
    if (baselineDate && data.date < baselineDate) {
      throw new AppError('validation_failed', `the date lies before the baseline date ${baselineDate}`, {
        issues: [{ path: 'date', message: `must be on or after ${baselineDate}` }],
      });
    }
    if (data.date > isoDate(deps.clock.now())) {
      throw new AppError('validation_failed', 'a measurement cannot lie in the future', { issues: [{ path: 'date', message: 'lies in the future' }] });
    }
    const change = await getChange({ db }, goal.changeId);
    const existing = await selectMeasurementAt(db, goal.id, data.date);
    if (existing && !options.replace) {
      throw new AppError('conflict', `goal ${goal.id} already has a measurement on ${data.date}`, { details: { measurementId: existing.id } });
    }
    const measurement: Measurement = existing
      ? { ...existing, ...data }
      : { id: newId(), goalId: goal.id, ...data, createdAt: deps.clock.now().toISOString() };
    if (existing) await updateMeasurementRow(db, measurement);
    else await insertMeasurement(db, measurement);
    await recordAudit(db, deps, actor, {
      organizationId: change.organizationId,
      action: existing ? 'measurement.replaced' : 'measurement.recorded',
      entityType: 'goal',
      entityId: goal.id,
      data: { measurementId: measurement.id, ...data },
    });
    return { measurement, created: !existing };
  });
};

export const listMeasurementsOfGoal = async (deps: Pick<Deps, 'db'>, goalId: string): Promise<Measurement[]> => {
  await getGoal(deps, goalId);
  return selectMeasurementsOfGoal(deps.db, goalId);
};
