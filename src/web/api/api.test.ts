import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core';
import { addContribution, createMeasure } from '../../modules/measures';
import { anchorGoal, createGoal, recordMeasurement, reviseGoal } from '../../modules/goals';
import { createChange, setChangePublished } from '../../modules/changes';
import { recordDecision } from '../../modules/decisions';
import { createGroup, setImpact } from '../../modules/groups';
import { createOrganization } from '../../modules/organizations';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';

const actor = systemActor('test');
const WHY = 'De bibliotheek heeft minder geld. Daarom sluiten we twee kleine vestigingen.';
const WHAT = 'De vestigingen in Noord en Zuid gaan dicht. De centrale bibliotheek blijft open.';

for (const dialect of DIALECTS) {
  describe(`API v1 on ${dialect}`, () => {
    let server: TestServer;
    let ids: { org: string; change: string; draft: string; goal: string; decision: string };

    beforeAll(async () => {
      server = await openTestServer(dialect);
      const deps = server.deps;
      const org = await createOrganization(deps, actor, { slug: 'teststad', name: 'Gemeente Teststad', kind: 'gemeente' });
      const change = await createChange(deps, actor, org.id, { title: 'Bibliotheek filialen', kind: 'budget_cut', status: 'decided', why: WHY, what: WHAT, themes: ['cultuur'] });
      const draft = await createChange(deps, actor, org.id, { title: 'Geheim plan', kind: 'policy' });
      for (let n = 1; n <= 3; n++) {
        const c = await createChange(deps, actor, org.id, { title: `Verandering ${n}`, kind: 'policy', themes: ['verkeer'] });
        await setChangePublished(deps, actor, c.id, true);
      }
      const decision = await recordDecision(deps, actor, org.id, {
        changeId: change.id, kind: 'raadsbesluit', title: 'Besluit bibliotheken', body: 'gemeenteraad', date: '2026-01-15', outcome: 'adopted',
        votes: { for: 20, against: 15, abstain: 0 },
      });
      const goal = await createGoal(deps, actor, change.id, {
        statement: 'Het aantal bezoekers van de centrale bibliotheek stijgt naar 300.000 per jaar',
        indicator: 'bezoekers per jaar', unit: 'bezoekers', baselineValue: 250_000, baselineDate: '2025-01-01', targetValue: 300_000, targetDate: '2028-01-01', direction: 'increase',
      });
      await anchorGoal(deps, actor, { goalId: goal.id, decisionId: decision.id });
      await reviseGoal(deps, actor, goal.id, { targetValue: 280_000 });
      await recordMeasurement(deps, actor, goal.id, { date: '2026-01-01', value: 262_000, source: 'telpoortjes' });
      const measure = await createMeasure(deps, actor, change.id, { title: 'Langere openingstijden centrale bibliotheek' });
      await addContribution(deps, actor, measure.id, { goalId: goal.id, mechanism: 'Langer open betekent meer gelegenheid om te komen.' });
      const group = await createGroup(deps, actor, org.id, { name: 'Inwoners Noord', estimatedSize: 12_000 });
      await setImpact(deps, actor, change.id, { groupId: group.id, effect: 'loses', meaning: 'Uw vestiging in Noord gaat dicht. U kunt naar de centrale bibliotheek.' });
      await setChangePublished(deps, actor, change.id, true);
      ids = { org: org.id, change: change.id, draft: draft.id, goal: goal.id, decision: decision.id };
    });
    afterAll(() => server.close());

    const get = (url: string) => server.app.inject({ method: 'GET', url });

    it('answers /healthz with the database dialect', async () => {
      const res = await get('/healthz');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok', database: dialect });
    });

    it('lists organizations with their portal URL', async () => {
      const res = await get('/api/v1/organizations');
      expect(res.json().items).toEqual([expect.objectContaining({ slug: 'teststad', portalUrl: 'http://localhost:8080/teststad' })]);
    });

    it('pages the published changes only', async () => {
      const first = (await get('/api/v1/changes?organization=teststad&size=3')).json();
      expect(first).toMatchObject({ page: 1, size: 3, total: 4, pages: 2 });
      expect(first.items).toHaveLength(3);
      const second = (await get('/api/v1/changes?organization=teststad&size=3&page=2')).json();
      expect(second.items).toHaveLength(1);
      const titles = [...first.items, ...second.items].map((c: { title: string }) => c.title);
      expect(titles).not.toContain('Geheim plan');
      const filtered = (await get('/api/v1/changes?organization=teststad&theme=cultuur')).json();
      expect(filtered.items.map((c: { title: string }) => c.title)).toEqual(['Bibliotheek filialen']);
    });

    it('answers bad query parameters with a 400 problem naming the field', async () => {
      const res = await get('/api/v1/changes?organization=teststad&size=1000');
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'validation_failed', issues: [expect.objectContaining({ path: expect.stringContaining('size') })] });
      expect((await get('/api/v1/changes')).statusCode).toBe(400);
    });

    it('answers an unknown organization with 404 not_found', async () => {
      const res = await get('/api/v1/changes?organization=nergensstad');
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
    });

    it('returns the whole chain of a change', async () => {
      const res = await get(`/api/v1/changes/${ids.change}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ title: 'Bibliotheek filialen', why: WHY, portalUrl: 'http://localhost:8080/teststad/veranderingen/bibliotheek-filialen' });
      expect(body.goals).toEqual([
        expect.objectContaining({ id: ids.goal, version: 2, anchored: false, editedAfterAdoption: true, adoptedVersion: 1, latestMeasurement: { date: '2026-01-01', value: 262_000, source: 'telpoortjes' } }),
      ]);
      expect(body.goals[0].progress).toBeCloseTo(12_000 / 30_000);
      expect(body.measures[0].contributions[0]).toMatchObject({ goalId: ids.goal, evidenceStrength: 'assumed' });
      expect(body.decisions).toEqual([expect.objectContaining({ id: ids.decision, outcome: 'adopted', votes: { for: 20, against: 15, abstain: 0 } })]);
      expect(body.groups).toEqual([expect.objectContaining({ name: 'Inwoners Noord', effect: 'loses' })]);
    });

    it('hides drafts and answers unknown or malformed ids', async () => {
      expect((await get(`/api/v1/changes/${ids.draft}`)).statusCode).toBe(404);
      expect((await get('/api/v1/changes/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
      const malformed = await get('/api/v1/changes/not-an-id');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().code).toBe('validation_failed');
      const probe = await get('/api/v1/changes/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
      expect(probe.statusCode).toBe(400);
      expect(probe.body).not.toContain('<script>');
    });

    it('reports the legitimacy check with the edited goal failing rule 5', async () => {
      const body = (await get(`/api/v1/changes/${ids.change}/legitimacy`)).json();
      expect(body.rules).toHaveLength(12);
      const rule5 = body.rules.find((r: { rule: number }) => r.rule === 5);
      expect(rule5).toMatchObject({ status: 'failed', fixes: [{ entity: 'goal', id: ids.goal, problem: 'edited_after_adoption' }] });
      expect(body.rules.find((r: { rule: number }) => r.rule === 10).status).not.toBe('passed');
      expect(body.rules.find((r: { rule: number }) => r.rule === 11).status).toBe('not_applicable');
      expect(body.readyToCommunicate).toBe(false);
    });

    it('lists goal versions, oldest first', async () => {
      const body = (await get(`/api/v1/goals/${ids.goal}/versions`)).json();
      expect(body.items.map((v: { version: number; target: { value: number } }) => [v.version, v.target.value])).toEqual([
        [1, 300_000],
        [2, 280_000],
      ]);
    });

    it('describes every route in the OpenAPI document', async () => {
      const doc = (await get('/api/v1/openapi.json')).json();
      expect(doc.openapi).toMatch(/^3\./);
      for (const path of ['/organizations', '/changes', '/changes/{id}', '/changes/{id}/legitimacy', '/goals/{id}/versions']) {
        expect(doc.paths).toHaveProperty([path]);
      }
    });

    it('sends strict security headers and no cookie', async () => {
      const res = await get('/api/v1/organizations');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('answers unknown paths with a 404 problem', async () => {
      const res = await get('/api/v1/nothing-here');
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
    });
  });
}
