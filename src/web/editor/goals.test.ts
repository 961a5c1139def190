import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../../modules/changes/change.factory';
import { aDecision } from '../../modules/decisions/decision.factory';
import { getGoal, listGoals, listGoalVersions, listMeasurementsOfGoal } from '../../modules/goals';
import { aGoal } from '../../modules/goals/goal.factory';
import { anOrganization } from '../../modules/organizations/organization.factory';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser } from './testing';

const goalForm = (overrides: Record<string, string> = {}) => ({
  statement: 'Van 40 naar 70 procent van de fietsen in de stalling in 2028',
  level: 'outcome',
  indicator: 'Aandeel fietsen in de stalling bij de telling',
  unit: 'procent',
  direction: 'increase',
  baselineValue: '40',
  baselineDate: '2025-01-01',
  targetValue: '70',
  targetDate: '2028-01-01',
  owner: 'Team Mobiliteit',
  dataSource: 'Fietstelling',
  reportingInterval: 'quarterly',
  ...overrides,
});

const scoreOf = (body: string): number => Number(/<span class="helder-score">(\d+)%<\/span>/.exec(body)![1]);

for (const dialect of DIALECTS) {
  describe(`editing goals: versions, anchors, measurements (${dialect})`, () => {
    let server: TestServer;
    let a: { id: string; slug: string };
    let b: { id: string; slug: string };
    const as = async (org: { id: string }, role: 'editor' | 'auditor') => {
      const { user } = await aUser(server.deps, org.id, role);
      const browser = new Browser(server.app);
      await browser.logIn(user.email);
      return browser;
    };
    beforeAll(async () => {
      server = await openTestServer(dialect);
      a = await anOrganization(server.deps);
      b = await anOrganization(server.deps);
    });
    afterAll(() => server.close());

    it('adds a goal from the to-do link, with Dutch errors for a missing unit and a number that is not one', async () => {
      const change = await aChange(server.deps, a.id);
      const e = await as(a, 'editor');
      const page = await e.get(`/editor/${a.slug}/veranderingen/${change.id}`);
      const link = `/editor/${a.slug}/veranderingen/${change.id}/doelen/nieuw`;
      expect(page.body).toContain(`href="${link}"`);
      const form = await e.get(link);
      expect(form.body).toContain('id="veld-baselineValue"');
      const bad = await e.post(link, goalForm({ unit: '', targetValue: 'zeventig' }));
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('href="#veld-targetValue">Vul bij de streefwaarde een getal in');
      expect(bad.body).toContain('value="zeventig"');
      const wrongWay = await e.post(link, goalForm({ targetValue: '30' }));
      expect(wrongWay.statusCode).toBe(422);
      expect(wrongWay.body).toContain('De streefwaarde moet hoger zijn dan de nulmeting');
      const noUnit = await e.post(link, goalForm({ unit: '' }));
      expect(noUnit.body).toContain('href="#veld-unit">Vul de eenheid in');
      const ok = await e.post(link, goalForm({ baselineValue: '40,5', targetDate: '01-01-2028' }));
      expect(ok.statusCode).toBe(303);
      const [goal] = await listGoals(server.deps, { changeIds: [change.id] });
      expect(goal!.current).toMatchObject({ baselineValue: 40.5, targetDate: '2028-01-01', reportingInterval: 'quarterly' });
    });

    it('anchors a goal through the to-do list, warns before a new version of the adopted goal, and shows the versions side by side', async () => {
      const change = await aChange(server.deps, a.id);
      const goal = await aGoal(server.deps, change.id);
      const decision = await aDecision(server.deps, a.id, { changeId: change.id, title: 'Raadsbesluit fietsstalling' });
      await aDecision(server.deps, a.id, { changeId: change.id, title: 'Verworpen motie', kind: 'motie', outcome: 'rejected', votes: null });
      const e = await as(a, 'editor');
      const before = await e.get(`/editor/${a.slug}/veranderingen/${change.id}`);
      const anchorUrl = `/editor/${a.slug}/doelen/${goal.id}/verankeren`;
      expect(before.body).toContain(`href="${anchorUrl}"`);
      const form = await e.get(anchorUrl);
      expect(form.body).toContain('Raadsbesluit fietsstalling');
      expect(form.body).not.toContain('Verworpen motie');
      expect((await e.post(anchorUrl, { decisionId: '' })).statusCode).toBe(422);
      expect((await e.post(anchorUrl, { decisionId: decision.id })).statusCode).toBe(303);
      const after = await e.get(`/editor/${a.slug}/veranderingen/${change.id}`);
      expect(scoreOf(after.body)).toBeGreaterThan(scoreOf(before.body));
      expect((await e.post(anchorUrl, { decisionId: decision.id })).body).toContain('verankert deze versie van het doel al');

      const editUrl = `/editor/${a.slug}/doelen/${goal.id}/bewerken`;
      const edit = await e.get(editUrl);
      expect(edit.body).toContain('dit doel is door de raad vastgesteld'.replace('dit', 'Dit'));
      // Owner is administration: no warning, no new version.
      expect((await e.post(editUrl, goalForm({ statement: goal.current.statement, indicator: goal.current.indicator, owner: 'Team Verkeer' }))).statusCode).toBe(303);
      expect((await getGoal(server.deps, goal.id)).current).toMatchObject({ version: 1, owner: 'Team Verkeer' });
      // A measurable field: first the warning (nothing saved), then the new version.
      const edited = goalForm({ statement: goal.current.statement, indicator: goal.current.indicator, targetValue: '80' });
      await e.get(editUrl); // the form again, at the goal's new revision
      const warning = await e.post(editUrl, edited);
      expect(warning.statusCode).toBe(200);
      expect(warning.body).toContain('Dit doel is door de raad vastgesteld; na wijziging is het niet meer verankerd tot een nieuw besluit.');
      expect(warning.body).toContain('name="bevestigd" value="ja"');
      expect(warning.body).toContain('value="80"');
      expect((await getGoal(server.deps, goal.id)).current.version).toBe(1);
      expect((await e.post(editUrl, { ...edited, bevestigd: 'ja' })).statusCode).toBe(303);
      expect((await getGoal(server.deps, goal.id)).current).toMatchObject({ version: 2, targetValue: 80 });
      const unanchored = await e.get(`/editor/${a.slug}/veranderingen/${change.id}`);
      expect(unanchored.body).toContain('gewijzigd na vaststelling');
      expect(scoreOf(unanchored.body)).toBeLessThan(scoreOf(after.body));

      const auditor = await as(a, 'auditor');
      const versions = await auditor.get(`/editor/${a.slug}/doelen/${goal.id}/versies`);
      expect(versions.statusCode).toBe(200);
      expect(versions.body).toContain('Versie 1 naast versie 2');
      expect(versions.body).toContain('Raadsbesluit fietsstalling');
      expect(versions.body).toMatch(/Streefwaarde<\/td><td class="utrecht-table__cell"><span class="helder-diff__changed">70<\/span><\/td><td class="utrecht-table__cell"><span class="helder-diff__changed">80<\/span><\/td><td class="utrecht-table__cell">Ja/);
      expect((await auditor.get(`/editor/${a.slug}/doelen/${goal.id}/versies?van=2&naar=2`)).body).not.toContain('helder-diff__changed');
      expect((await auditor.get(editUrl)).statusCode).toBe(403);
      expect(await listGoalVersions(server.deps, goal.id)).toHaveLength(2);
      const outsider = await as(b, 'editor');
      expect((await outsider.get(`/editor/${b.slug}/doelen/${goal.id}/versies`)).statusCode).toBe(404);
      expect((await outsider.post(`/editor/${b.slug}/doelen/${goal.id}/verankeren`, { decisionId: decision.id })).statusCode).toBe(404);
    });

    it('records a measurement, refuses a second one on that date unless replaced, and a date in the future', async () => {
      const change = await aChange(server.deps, a.id);
      const goal = await aGoal(server.deps, change.id);
      const e = await as(a, 'editor');
      const url = `/editor/${a.slug}/doelen/${goal.id}/metingen/nieuw`;
      const form = await e.get(url);
      expect(form.body).toContain('value="2026-06-01"');
      expect((await e.post(url, { date: '2026-04-01', value: '52,5', source: 'Telling april' })).statusCode).toBe(303);
      const twice = await e.post(url, { date: '2026-04-01', value: '53' });
      expect(twice.statusCode).toBe(422);
      expect(twice.body).toContain('Op deze datum staat al een meting');
      expect(twice.body).toContain('name="vervangen"');
      expect((await e.post(url, { date: '2026-04-01', value: '53', vervangen: 'ja' })).statusCode).toBe(303);
      const future = await e.post(url, { date: '2027-01-01', value: '60' });
      expect(future.body).toContain('De datum ligt in de toekomst');
      expect((await e.post(url, { date: '', value: '' })).body).toContain('href="#veld-value">Vul de gemeten waarde in');
      const measurements = await listMeasurementsOfGoal(server.deps, goal.id);
      expect(measurements.map((m) => [m.date, m.value])).toEqual([['2026-04-01', 53]]);
    });
  });
}
