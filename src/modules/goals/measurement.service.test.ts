import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOf, type OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { aChange } from '../changes/change.factory';
import { anOrganization, attempt, issuePaths, testActor, testDeps } from '../organizations/organization.factory';
import type { Goal } from './goal';
import { aGoal } from './goal.factory';
import { selectLatestMeasurements } from './goal.repository';
import { listMeasurementsOfGoal, recordMeasurement } from './measurement.service';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

for (const dialect of DIALECTS) {
  describe(`measurements on ${dialect}`, () => {
    let open: OpenDatabase;
    let deps: ReturnType<typeof testDeps>;
    let goal: Goal;
    beforeEach(async () => {
      open = await openTestDatabase(dialect);
      deps = testDeps(open.db); // today is 2026-06-01; the goal's baseline date is 2025-01-01
      const org = await anOrganization(deps);
      goal = await aGoal(deps, (await aChange(deps, org.id)).id);
    });
    afterEach(() => open.close());

    it('records measurements and lists them by date; the latest is the newest date', async () => {
      const later = await recordMeasurement(deps, testActor, goal.id, { date: '2026-04-01', value: 52.5, source: 'Fietstelling Q1' });
      const sooner = await recordMeasurement(deps, testActor, goal.id, { date: '2025-01-01', value: 40 });
      expect(later.created).toBe(true);
      expect(later.measurement).toMatchObject({ goalId: goal.id, date: '2026-04-01', value: 52.5, source: 'Fietstelling Q1', note: '' });
      expect(await listMeasurementsOfGoal(deps, goal.id)).toEqual([sooner.measurement, later.measurement]);
      expect(await selectLatestMeasurements(open.db, { changeIds: [goal.changeId] })).toEqual([later.measurement]);
    });

    it('accepts today, and the baseline date itself', async () => {
      await expect(recordMeasurement(deps, testActor, goal.id, { date: '2026-06-01', value: 55 })).resolves.toMatchObject({ created: true });
      await expect(recordMeasurement(deps, testActor, goal.id, { date: '2025-01-01', value: 40 })).resolves.toMatchObject({ created: true });
    });

    it('refuses a measurement with a date before the baseline, with validation_failed on date, and writes nothing', async () => {
      const { error, changed } = await attempt(open.db, () => recordMeasurement(deps, testActor, goal.id, { date: '2024-12-31', value: 38 }));
      expect(error).toMatchObject({ code: 'validation_failed' });
      expect(issuePaths(error)).toEqual(['date']);
      expect(changed).toEqual([]);
    });

    it('refuses a measurement in the future, with validation_failed on date, and writes nothing', async () => {
      const { error, changed } = await attempt(open.db, () => recordMeasurement(deps, testActor, goal.id, { date: '2026-06-02', value: 55 }));
      expect(error).toMatchObject({ code: 'validation_failed' });
      expect(issuePaths(error)).toEqual(['date']);
      expect(changed).toEqual([]);
    });

    it('refuses a date that is not a calendar date, or a value that is not a number', async () => {
      const a = await attempt(open.db, () => recordMeasurement(deps, testActor, goal.id, { date: '1-4-2026', value: 55 }));
      expect(issuePaths(a.error)).toEqual(['date']);
      const b = await attempt(open.db, () => recordMeasurement(deps, testActor, goal.id, { date: '2026-04-01', value: Number.NaN }));
      expect(issuePaths(b.error)).toEqual(['value']);
      expect([...a.changed, ...b.changed]).toEqual([]);
    });

    it('refuses a second value on the same date with conflict, and writes nothing', async () => {
      await recordMeasurement(deps, testActor, goal.id, { date: '2026-04-01', value: 52 });
      const { error, changed } = await attempt(open.db, () => recordMeasurement(deps, testActor, goal.id, { date: '2026-04-01', value: 53 }));
      expect(error).toMatchObject({ code: 'conflict' });
      expect(changed).toEqual([]);
    });

    it('with replace, corrects the value on that date, and sending it again changes nothing more', async () => {
      const { measurement: first } = await recordMeasurement(deps, testActor, goal.id, { date: '2026-04-01', value: 52, source: 'voorlopig' });
      const replaced = await recordMeasurement(deps, testActor, goal.id, { date: '2026-04-01', value: 53, source: 'definitief' }, { replace: true });
      expect(replaced).toEqual({ created: false, measurement: { ...first, value: 53, source: 'definitief' } });
      const again = await recordMeasurement(deps, testActor, goal.id, { date: '2026-04-01', value: 53, source: 'definitief' }, { replace: true });
      expect(again).toEqual(replaced);
      expect(await listMeasurementsOfGoal(deps, goal.id)).toEqual([replaced.measurement]);
      expect((await auditOf(open.db, 'goal', goal.id)).map((e) => e.action)).toEqual([
        'goal.created',
        'measurement.recorded',
        'measurement.replaced',
        'measurement.replaced',
      ]);
    });

    it('with replace on a new date, simply records', async () => {
      const result = await recordMeasurement(deps, testActor, goal.id, { date: '2026-04-01', value: 52 }, { replace: true });
      expect(result.created).toBe(true);
      expect(await listMeasurementsOfGoal(deps, goal.id)).toEqual([result.measurement]);
    });

    it('answers not_found for an unknown goal, and writes nothing', async () => {
      const { error, changed } = await attempt(open.db, () => recordMeasurement(deps, testActor, UNKNOWN, { date: '2026-04-01', value: 52 }));
      expect(error).toMatchObject({ code: 'not_found' });
      expect(changed).toEqual([]);
      await expect(listMeasurementsOfGoal(deps, UNKNOWN)).rejects.toMatchObject({ code: 'not_found' });
    });
  });
}
