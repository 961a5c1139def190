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
import { isBetween, isWeighed, lacksResponse, needsResponse, selectConflicts, selectExpectations, selectStatements } from '../expectations';
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
    statements: await selectStatements(db, scope),
    expectations: await selectExpectations(db, scope),
    conflicts: await selectConflicts(db, scope),
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
  'groen-en-spelen-in-noord': ['goals_anchored', 'expectations_answered'],
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
        const wasteExpectations = demo.expectations.filter((e) => e.changeId === waste.id);
        expect(wasteExpectations.length).toBeGreaterThan(0);
        for (const e of wasteExpectations) expect(lacksResponse(e)).toBe(false);

        // The legitimacy check sees exactly the gaps the demo means to show (docs/demo.md).
        const report = await checkOrganization({ db: open.db, clock: fixedClock(now) }, organizationId);
        const failing = Object.fromEntries(report.reports.map((r) => [r.slug, r.rules.filter((x) => x.status === 'failed').map((x) => x.key)]));
        expect(failing).toEqual(EXPECTED_FAILURES);
        expect(report.reports.filter((r) => r.readyToCommunicate).map((r) => r.slug)).toEqual(['restafval-om-de-twee-weken']);
        const rule = (slug: string, key: string) => report.reports.find((r) => r.slug === slug)!.rules.find((x) => x.key === key)!.status;
        expect(report.reports.find((r) => r.slug === 'restafval-om-de-twee-weken')!.score).toBe(100);
        expect(rule('restafval-om-de-twee-weken', 'expectations_answered')).toBe('passed');
        for (const slug of ['betaald-parkeren-parkwijk', 'bibliotheek-noord-en-oost-dicht']) {
          expect(rule(slug, 'conflicts_weighed'), slug).toBe('passed');
          expect(rule(slug, 'expectations_answered'), slug).toBe('passed');
        }

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
        ...demo.expectations.flatMap((e) => [e.text, e.response?.text ?? '']),
        ...demo.conflicts.flatMap((c) => [c.description, c.weighing]),
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

      // The one gap in the register: the newspaper's unfounded claim about the playgrounds, unanswered.
      const unanswered = demo.expectations.filter(lacksResponse);
      expect(unanswered.map((e) => [e.changeId, e.status, e.source])).toEqual([[bySlug(demo, 'groen-en-spelen-in-noord').id, 'unfounded', 'media']]);
      expect(demo.statements.find((s) => s.id === unanswered[0]!.statementId)).toMatchObject({ speakerKind: 'journalist' });
    });

    it('tells the register of parking and the library: promises, expectations, answers and weighings', async () => {
      const { organizationId } = await seedDemo({ db: open.db, clock: fixedClock(CLOCKS[0]!) });
      const demo = await load(open.db, organizationId);
      const parking = bySlug(demo, 'betaald-parkeren-parkwijk');
      const library = bySlug(demo, 'bibliotheek-noord-en-oost-dicht');
      const decision = (id: string | null) => demo.decisions.find((d) => d.id === id);

      // Every pair of a group that gains and one that loses is weighed and settled by the adopted raadsbesluit.
      for (const change of [parking, library]) {
        const pairs = opposingPairs(demo.impacts.filter((i) => i.changeId === change.id));
        expect(pairs.length, change.slug).toBeGreaterThan(0);
        for (const [gain, loss] of pairs) {
          const conflict = demo.conflicts.find((c) => c.changeId === change.id && isBetween(c, gain.groupId, loss.groupId));
          expect(conflict && isWeighed(conflict), change.slug).toBe(true);
          expect(conflict!.weighing).toMatch(/^De raad vond .* belangrijker.*, omdat /);
          expect(decision(conflict!.decisionId)).toMatchObject({ kind: 'raadsbesluit', outcome: 'adopted' });
        }
      }

      // The alderman's campaign promise of free Saturdays: unfounded, after the council rejected the motie asking for it.
      const parkingExpectations = demo.expectations.filter((e) => e.changeId === parking.id);
      const promise = parkingExpectations.find((e) => e.status === 'unfounded')!;
      expect(demo.statements.find((s) => s.id === promise.statementId)).toMatchObject({ speakerKind: 'alderman', changeId: parking.id });
      expect(promise.response).toMatchObject({ text: expect.stringContaining('Gratis parkeren op zaterdag'), channel: expect.any(String), date: expect.any(String) });
      const rejected = demo.decisions.find((d) => d.title.includes('Gratis parkeren op zaterdag'))!;
      expect(rejected.outcome).toBe('rejected');
      expect(promise.raisedOn! < rejected.date).toBe(true);
      const pressure = demo.goals.find((g) => g.changeId === parking.id && g.current.unit === 'procent')!;
      expect(parkingExpectations.find((e) => e.status === 'supported')!.goalIds).toEqual([pressure.id]);
      expect(parkingExpectations.some((e) => e.source === 'media' && e.statementId)).toBe(true);

      // The library: a council member's warning, contradicted by the goal of books delivered at home.
      const contradicted = demo.expectations.filter((e) => e.changeId === library.id && e.status === 'contradicted');
      expect(contradicted).toHaveLength(1);
      expect(demo.goals.find((g) => g.id === contradicted[0]!.goalIds[0])!.current.statement).toBe('Bibliotheek aan huis voor 300 ouderen');
      expect(contradicted[0]!.response).not.toBeNull();

      // Nothing in the register lies in the future, and only the playgrounds' claim waits for an answer.
      const today = isoDate(new Date(CLOCKS[0]!));
      for (const s of demo.statements) expect(s.date <= today, s.quote).toBe(true);
      for (const e of demo.expectations) {
        expect(e.raisedOn! <= today, e.text).toBe(true);
        if (e.response) expect(e.response.date <= today, e.text).toBe(true);
      }
      expect(demo.expectations.filter(needsResponse).filter(lacksResponse)).toHaveLength(1);
    });
  });
}
