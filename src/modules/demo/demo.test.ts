import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, isoDate, type Clock } from '../../core';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { verifyChain, type Db, type OpenDatabase } from '../../storage';
import { findOrganization } from '../organizations';
import { listMilestones, selectChangesOf } from '../changes';
import { listDecisionsOfOrganization } from '../decisions';
import { INTERVAL_DAYS, measurabilityGaps, selectAllVersions, selectAnchors, selectLatestMeasurements, selectMeasurements, trackStatus, listGoals } from '../goals';
import { selectContributions, selectMeasures } from '../measures';
import { listGroups, opposingPairs, selectImpacts } from '../groups';
import { checkOrganization } from '../legitimacy';
import { checkText } from '../../language';
import { DEMO_ORGANIZATION_SLUG, seedDemo } from './index';

/** Everything the demo wrote for one organization, read back through the modules' bulk reads. */
const load = async (db: Db, organizationId: string) => {
  const scope = { organizationId };
  return {
    changes: await selectChangesOf(db, organizationId),
    goals: await listGoals({ db }, scope),
    versions: await selectAllVersions(db, scope),
    anchors: await selectAnchors(db, scope),
    measurements: await selectMeasurements(db, scope),
    latest: await selectLatestMeasurements(db, scope),
    measures: await selectMeasures(db, scope),
    contributions: await selectContributions(db, scope),
    impacts: await selectImpacts(db, scope),
    decisions: await listDecisionsOfOrganization({ db }, organizationId),
  };
};
type Demo = Awaited<ReturnType<typeof load>>;

const bySlug = (demo: Demo, slug: string) => {
  const change = demo.changes.find((c) => c.slug === slug);
  if (!change) throw new Error(`no change ${slug}`);
  return change;
};
const anchoredVersionIds = (demo: Demo) => new Set(demo.anchors.map((a) => a.goalVersionId as string));
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

// Today, the turn of a year, a leap day and a later year: the dates must hold whatever the clock says.
const CLOCKS = ['2026-11-27T09:00:00Z', '2027-01-01T00:30:00Z', '2028-02-29T12:00:00Z', '2031-06-30T23:00:00Z'];

/** What the legitimacy check must find per change: the deliberate gaps, and nothing else. */
const EXPECTED_FAILURES = {
  'restafval-om-de-twee-weken': [],
  'bibliotheek-noord-en-oost-dicht': ['goals_anchored'],
  'betaald-parkeren-parkwijk': ['measures_contribute', 'groups_informed'],
  'nieuwe-balie-en-klantcontactcentrum': ['goals_measurable', 'published'],
  'groen-en-spelen-in-noord': ['goals_anchored'],
  'hondenbelasting-afschaffen': ['has_goals'],
};

for (const dialect of DIALECTS) {
  describe(`demo seed on ${dialect}`, () => {
    let open: OpenDatabase;
    beforeEach(async () => {
      open = await openTestDatabase(dialect);
    });
    afterEach(() => open.close());

    it('creates Voorbeeldstad with changes of many kinds and statuses, all written by the seed actor', async () => {
      const result = await seedDemo({ db: open.db, clock: fixedClock(CLOCKS[0]!) });
      expect(result.created).toBe(true);
      const organization = await findOrganization({ db: open.db }, DEMO_ORGANIZATION_SLUG);
      expect(organization).toMatchObject({ id: result.organizationId, name: 'Gemeente Voorbeeldstad', kind: 'gemeente' });
      const demo = await load(open.db, result.organizationId);
      expect(demo.changes.length).toBeGreaterThanOrEqual(4);
      expect(new Set(demo.changes.map((c) => c.kind)).size).toBeGreaterThanOrEqual(4);
      expect(new Set(demo.changes.map((c) => c.status))).toEqual(new Set(['draft', 'proposed', 'decided', 'in_progress', 'completed']));
      for (const change of demo.changes) {
        expect(change.summary.length, change.slug).toBeGreaterThan(20);
        expect(change.why.length, change.slug).toBeGreaterThan(50);
        expect(change.what.length, change.slug).toBeGreaterThan(50);
      }
      const kinds = new Set(demo.decisions.map((d) => `${d.kind}:${d.outcome}`));
      for (const k of ['raadsbesluit:adopted', 'motie:adopted', 'motie:rejected', 'amendement:adopted', 'collegebesluit:adopted']) expect(kinds).toContain(k);
      for (const d of demo.decisions.filter((x) => x.body === 'gemeenteraad' && x.votes)) {
        expect(d.votes!.for + d.votes!.against + d.votes!.abstain, d.reference).toBeLessThanOrEqual(37);
        expect(d.partyVotes.length, d.reference).toBe(8);
      }
      expect(demo.decisions.some((d) => d.followUps.length > 0)).toBe(true);
      expect(await verifyChain(open.db, result.organizationId)).toMatchObject({ ok: true });
      const actors = await open.db.selectFrom('audit_events').select('actor').distinct().execute();
      expect(actors.map((a) => a.actor)).toEqual(['system:seed']);
    });

    it('does nothing the second time', async () => {
      const clock = fixedClock(CLOCKS[0]!);
      const first = await seedDemo({ db: open.db, clock });
      const events = await verifyChain(open.db, first.organizationId);
      clock.advance(86_400_000);
      const second = await seedDemo({ db: open.db, clock });
      expect(second).toEqual({ organizationId: first.organizationId, created: false });
      expect(await verifyChain(open.db, first.organizationId)).toEqual(events);
      expect(await open.db.selectFrom('organizations').select('id').execute()).toHaveLength(1);
    });

    it('seeds once when two starts race', async () => {
      const clock = fixedClock(CLOCKS[0]!);
      const results = await Promise.all([seedDemo({ db: open.db, clock }), seedDemo({ db: open.db, clock })]);
      expect(results.map((r) => r.created).sort()).toEqual([false, true]);
      expect(results[0]!.organizationId).toBe(results[1]!.organizationId);
      expect(await verifyChain(open.db, results[0]!.organizationId)).toMatchObject({ ok: true });
    });

    it('leaves nothing behind when it fails halfway', async () => {
      const base = fixedClock(CLOCKS[0]!);
      let calls = 0;
      const failing: Clock = {
        now: () => {
          if (++calls > 200) throw new Error('clock broke');
          return base.now();
        },
      };
      await expect(seedDemo({ db: open.db, clock: failing })).rejects.toThrow('clock broke');
      expect(await open.db.selectFrom('organizations').select('id').execute()).toHaveLength(0);
      expect(await open.db.selectFrom('audit_events').select('id').execute()).toHaveLength(0);
    });

    for (const now of CLOCKS) {
      it(`holds its story with the clock at ${now}`, async () => {
        const { organizationId } = await seedDemo({ db: open.db, clock: fixedClock(now) });
        const demo = await load(open.db, organizationId);
        const today = isoDate(new Date(now));
        expect(demo.measurements.length).toBeGreaterThan(30);
        for (const m of demo.measurements) expect(m.date <= today, m.date).toBe(true);

        // The complete change: every rule that can pass today passes.
        const waste = bySlug(demo, 'restafval-om-de-twee-weken');
        const goals = demo.goals.filter((g) => g.changeId === waste.id);
        const measures = demo.measures.filter((m) => m.changeId === waste.id);
        const impacts = demo.impacts.filter((i) => i.changeId === waste.id);
        expect(waste).toMatchObject({ status: 'in_progress', publishedAt: expect.any(String) });
        expect(goals.length).toBeGreaterThan(0);
        for (const goal of goals) {
          expect(measurabilityGaps(goal.current)).toEqual([]);
          expect(anchoredVersionIds(demo).has(goal.current.id)).toBe(true);
          expect(demo.contributions.some((c) => c.goalId === goal.id)).toBe(true);
          const latest = demo.latest.find((m) => m.goalId === goal.id);
          expect(daysBetween(latest!.date, today)).toBeLessThanOrEqual(INTERVAL_DAYS[goal.current.reportingInterval]);
          expect(trackStatus(goal.current, latest)).toBe('on_track');
        }
        for (const measure of measures) expect(demo.contributions.some((c) => c.measureId === measure.id)).toBe(true);
        for (const impact of impacts) expect(impact.meaning).not.toBe('');
        expect(opposingPairs(impacts)).toEqual([]);

        // The legitimacy check sees exactly the gaps the demo means to show (docs/demo.md).
        const report = await checkOrganization({ db: open.db, clock: fixedClock(now) }, organizationId);
        const failing = Object.fromEntries(report.reports.map((r) => [r.slug, r.rules.filter((x) => x.status === 'failed').map((x) => x.key)]));
        expect(failing).toEqual(EXPECTED_FAILURES);
        expect(report.reports.filter((r) => r.readyToCommunicate).map((r) => r.slug)).toEqual(['restafval-om-de-twee-weken']);

        // One goal is behind: parking pressure in the Parkwijk.
        const parking = bySlug(demo, 'betaald-parkeren-parkwijk');
        const pressure = demo.goals.find((g) => g.changeId === parking.id && g.current.unit === 'procent')!;
        expect(trackStatus(pressure.current, demo.latest.find((m) => m.goalId === pressure.id))).toBe('behind');
      });
    }

    it('writes every citizen text at B1 level', async () => {
      const { organizationId } = await seedDemo({ db: open.db, clock: fixedClock(CLOCKS[0]!) });
      const demo = await load(open.db, organizationId);
      const milestones = await listMilestones({ db: open.db }, demo.changes.map((c) => c.id));
      const groups = await listGroups({ db: open.db }, organizationId);
      const texts = [
        ...demo.changes.flatMap((c) => [c.summary, c.why, c.what]),
        ...demo.impacts.flatMap((i) => [i.meaning, i.expectation]),
        ...demo.decisions.flatMap((d) => [d.summary, ...d.followUps.map((f) => f.description)]),
        ...demo.measures.map((m) => m.description),
        ...demo.contributions.flatMap((c) => [c.mechanism, c.assumptions]),
        ...milestones.map((m) => m.description),
        ...groups.map((g) => g.description),
      ].filter((t) => t !== '');
      const above = texts.filter((t) => checkText(t, { lang: 'nl' }).verdict !== 'b1');
      expect(above).toEqual([]);
    });

    it('has the deliberate gaps', async () => {
      const { organizationId } = await seedDemo({ db: open.db, clock: fixedClock('2031-01-15T10:00:00Z') });
      const demo = await load(open.db, organizationId);
      const anchored = anchoredVersionIds(demo);

      const revised = demo.goals.filter(
        (g) => !anchored.has(g.current.id) && demo.versions.some((v) => v.goalId === g.id && v.version < g.current.version && anchored.has(v.id)),
      );
      expect(revised.map((g) => g.changeId)).toEqual([bySlug(demo, 'bibliotheek-noord-en-oost-dicht').id]);

      const idle = demo.measures.filter((m) => !demo.contributions.some((c) => c.measureId === m.id));
      expect(idle.map((m) => m.title)).toEqual(['Parkplein opnieuw inrichten']);

      const vague = demo.goals.filter((g) => g.current.targetValue === null);
      expect(vague.map((g) => g.current.statement)).toEqual(['De dienstverlening verbeteren']);
      expect(measurabilityGaps(vague[0]!.current)).toEqual(expect.arrayContaining(['no_indicator', 'no_baseline', 'no_target', 'no_deadline']));

      const unexplained = demo.impacts.filter((i) => i.meaning === '');
      expect(unexplained.map((i) => i.changeId)).toEqual([bySlug(demo, 'betaald-parkeren-parkwijk').id]);

      const unpublished = demo.changes.filter((c) => ['decided', 'in_progress', 'completed'].includes(c.status) && !c.publishedAt);
      expect(unpublished.map((c) => c.slug)).toEqual(['nieuwe-balie-en-klantcontactcentrum']);
    });
  });
}
