import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../changes/change.factory';
import { listMeasurementsOfGoal, recordMeasurement } from '../goals';
import { aGoal } from '../goals/goal.factory';
import { anOrganization, snapshotStore, testActor, testDeps } from '../organizations/organization.factory';
import { verifyChain, type Deps } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { commitMeasurementImport, previewMeasurementImport } from './index';

for (const dialect of DIALECTS) {
  describe(`measurements CSV import on ${dialect}`, () => {
    let deps: Deps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const open = await openTestDatabase(dialect);
      deps = testDeps(open.db);
      close = open.close;
    });
    afterAll(() => close());

    const setUp = async () => {
      const organization = await anOrganization(deps);
      const change = await aChange(deps, organization.id, { title: 'Fietsstalling station' });
      const [first, second] = [await aGoal(deps, change.id), await aGoal(deps, change.id, { statement: 'Minder fietsen op de stoep', direction: 'decrease', baselineValue: 300, targetValue: 50 })];
      return { organization, change, first: first!, second: second! };
    };

    it('reads Dutch Excel (BOM, semicolons, decimal comma, Dutch dates) and writes it all', async () => {
      const { organization, change, first, second } = await setUp();
      const csv = `\uFEFFDoel;Datum;Waarde;Bron;Kolom die we niet kennen\r\n${change.slug}/1;31-03-2026;"52,5";Telling Q1;x\r\n${change.slug}/2;31-03-2026;1.234;Telling Q1;\r\n${second.id};30-04-2026;1.100,5;;\r\n`;
      const preview = await previewMeasurementImport(deps, organization.id, csv);
      expect(preview.issues).toEqual([]);
      expect(preview).toMatchObject({ delimiter: ';', columns: ['goal', 'date', 'value', 'source'], ignoredColumns: ['Kolom die we niet kennen'], counts: { new: 3, replace: 0, unchanged: 0, invalid: 0 } });
      expect(preview.rows.map((r) => [r.line, r.goalId, r.date, r.value])).toEqual([
        [2, first.id, '2026-03-31', 52.5],
        [3, second.id, '2026-03-31', 1234],
        [4, second.id, '2026-04-30', 1100.5],
      ]);
      expect(await listMeasurementsOfGoal(deps, first.id)).toEqual([]);
      const result = await commitMeasurementImport(deps, testActor, organization.id, csv);
      expect(result.written).toBe(3);
      expect((await listMeasurementsOfGoal(deps, first.id)).map((m) => [m.date, m.value, m.source])).toEqual([['2026-03-31', 52.5, 'Telling Q1']]);
      expect((await verifyChain(deps.db, organization.id)).ok).toBe(true);
      const audit = await deps.db.selectFrom('audit_events').select(['action', 'data']).where('organization_id', '=', organization.id).where('action', '=', 'measurements.imported').execute();
      expect(JSON.parse(audit[0]!.data)).toMatchObject({ rows: 3, new: 3, sha256: preview.sha256 });
    });

    it('reads comma files with a decimal point and is idempotent: a second commit changes nothing', async () => {
      const { organization, first } = await setUp();
      await recordMeasurement(deps, testActor, first.id, { date: '2026-01-31', value: 41, source: 'oud' });
      const csv = `goal_id,date,value,source\n${first.id},2026-01-31,41.5,nieuw\n${first.id},2026-02-28,"42,25",nieuw\n`;
      const preview = await previewMeasurementImport(deps, organization.id, csv);
      expect(preview.rows.map((r) => [r.outcome, r.value, r.previousValue])).toEqual([['replace', 41.5, 41], ['new', 42.25, null]]);
      await commitMeasurementImport(deps, testActor, organization.id, csv);
      const before = await snapshotStore(deps.db);
      const again = await previewMeasurementImport(deps, organization.id, csv);
      expect(again.counts).toEqual({ new: 0, replace: 0, unchanged: 2, invalid: 0 });
      const second = await commitMeasurementImport(deps, testActor, organization.id, csv);
      expect(second.written).toBe(0);
      const after = await snapshotStore(deps.db);
      expect(after.get('measurements')).toEqual(before.get('measurements'));
    });

    it('names every bad row with its line and field, and commits nothing', async () => {
      const { organization, change, first } = await setUp();
      const other = await anOrganization(deps);
      const foreign = await aGoal(deps, (await aChange(deps, other.id)).id);
      const csv = [
        'doel;datum;waarde;bron',
        `${change.slug}/1;2026-03-31;10;ok`,
        `${change.slug}/9;2026-03-31;10;`,
        `${foreign.id};2026-03-31;10;`,
        `${first.id};31-02-2026;10;`,
        `${first.id};2024-12-31;10;`,
        `${first.id};2026-12-31;10;`,
        `${first.id};2026-04-30;veel;`,
        `${first.id};2026-03-31;11;`,
        `;2026-05-01;;`,
      ].join('\n');
      const preview = await previewMeasurementImport(deps, organization.id, csv);
      expect(preview.issues.map((i) => i.path)).toEqual([
        'line 3.goal',
        'line 4.goal',
        'line 5.date',
        'line 6.date',
        'line 7.date',
        'line 8.value',
        'line 9.date',
        'line 10.goal',
        'line 10.value',
      ]);
      expect(preview.counts).toMatchObject({ new: 1, invalid: 8 });
      const before = await snapshotStore(deps.db);
      const error = await commitMeasurementImport(deps, testActor, organization.id, csv).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'validation_failed' });
      expect((error as { issues: unknown[] }).issues).toHaveLength(9);
      expect(await snapshotStore(deps.db)).toEqual(before);
    });

    it('refuses files it cannot read with one clear issue', async () => {
      const { organization } = await setUp();
      const path = async (csv: string) => (await previewMeasurementImport(deps, organization.id, csv)).issues.map((i) => i.path);
      expect(await path('')).toEqual(['file']);
      expect(await path('naam;getal\nx;1')).toEqual(['line 1']);
      expect(await path('doel;datum;waarde\n"open;2026-01-01;1')).toEqual(['line 2']);
      expect(await path('doel;datum;waarde\n')).toEqual(['file']);
      // A NUL or another control character (issue 9): refused with its line, never sent to PostgreSQL.
      expect(await path('doel;datum;waarde;bron\r\nx/1;2026-01-01;1;ok\r\nx/1;2026-02-01;2;CBS\u0000\r\n')).toEqual(['line 3']);
      expect(await path('doel\u0000;datum;waarde\n')).toEqual(['line 1']);
    });
  });
}
