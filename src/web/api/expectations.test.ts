import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core';
import { createChange, setChangePublished } from '../../modules/changes';
import { recordDecision } from '../../modules/decisions';
import { recordConflict, recordExpectation, recordStatement } from '../../modules/expectations';
import { createGoal } from '../../modules/goals';
import { createGroup, setImpact } from '../../modules/groups';
import { createOrganization } from '../../modules/organizations';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';

const actor = systemActor('test');

for (const dialect of DIALECTS) {
  describe(`API v1 expectation register on ${dialect}`, () => {
    let server: TestServer;
    let ids: Record<'change' | 'empty' | 'draft' | 'goal' | 'decision' | 'statement' | 'promise' | 'backed' | 'conflict' | 'owners' | 'visitors', string>;

    beforeAll(async () => {
      server = await openTestServer(dialect);
      const deps = server.deps;
      const org = await createOrganization(deps, actor, { slug: 'teststad', name: 'Gemeente Teststad', kind: 'gemeente' });
      const change = await createChange(deps, actor, org.id, { title: 'Betaald parkeren in het centrum', kind: 'regulation', status: 'decided' });
      const empty = await createChange(deps, actor, org.id, { title: 'Nieuwe speeltuinen', kind: 'infrastructure' });
      const draft = await createChange(deps, actor, org.id, { title: 'Geheim plan', kind: 'policy' });
      const decision = await recordDecision(deps, actor, org.id, {
        changeId: change.id, kind: 'raadsbesluit', title: 'Parkeerverordening 2026', body: 'gemeenteraad', date: '2026-02-10', outcome: 'adopted',
        votes: { for: 22, against: 13, abstain: 0 },
      });
      const goal = await createGoal(deps, actor, change.id, {
        statement: 'In 2027 is er overdag altijd minstens 1 op de 10 parkeerplaatsen vrij in het centrum', indicator: 'vrije parkeerplaatsen bij de telling',
        unit: 'procent', baselineValue: 3, baselineDate: '2025-10-01', targetValue: 10, targetDate: '2027-10-01', direction: 'increase',
      });
      const owners = await createGroup(deps, actor, org.id, { name: 'Winkeliers centrum' });
      const visitors = await createGroup(deps, actor, org.id, { name: 'Bezoekers met de auto' });
      await setImpact(deps, actor, change.id, { groupId: owners.id, effect: 'loses', meaning: 'Uw klanten betalen voor parkeren.' });
      await setImpact(deps, actor, change.id, { groupId: visitors.id, effect: 'gains', meaning: 'U vindt sneller een plek.' });
      const statement = await recordStatement(deps, actor, change.id, {
        speaker: 'Piet Jansen', speakerKind: 'politician', role: 'fractievoorzitter', medium: 'Radio Teststad', date: '2026-01-20',
        quote: 'Parkeren blijft voor bewoners gewoon gratis, <script>alert(1)</script> daar sta ik voor.', url: 'https://example.org/radio/2026-01-20',
      });
      const promise = await recordExpectation(deps, actor, change.id, {
        text: 'Bewoners blijven gratis parkeren.', kind: 'predictive', source: 'political_statement', statementId: statement.id,
        raisedBy: 'Piet Jansen', raisedWhere: 'Radio Teststad', raisedOn: '2026-01-20', status: 'unfounded',
        response: { text: 'Bewoners betalen 60 euro per jaar voor een vergunning. Dat staat in de verordening.', channel: 'pagina van de verandering', date: '2026-02-15' },
      });
      const backed = await recordExpectation(deps, actor, change.id, {
        text: 'Er is overdag weer plek om te parkeren.', source: 'poll', groupId: visitors.id, status: 'supported', goalIds: [goal.id], decisionIds: [decision.id],
      });
      const conflict = await recordConflict(deps, actor, change.id, {
        groupAId: owners.id, groupBId: visitors.id, description: 'Winkeliers willen klanten met de auto; de straat moet leger.',
        weighing: 'De raad koos voor betaald parkeren met de eerste half uur gratis, zodat korte boodschappen kunnen.', decisionId: decision.id,
      });
      await setChangePublished(deps, actor, change.id, true);
      await setChangePublished(deps, actor, empty.id, true);
      ids = {
        change: change.id, empty: empty.id, draft: draft.id, goal: goal.id, decision: decision.id, statement: statement.id,
        promise: promise.id, backed: backed.id, conflict: conflict.id, owners: owners.id, visitors: visitors.id,
      };
    });
    afterAll(() => server.close());

    const get = (url: string) => server.app.inject({ method: 'GET', url });

    it('returns the register: a promise no goal supports, flagged unfounded with its response', async () => {
      const res = await get(`/api/v1/changes/${ids.change}/expectations`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/json');
      const body = res.json();
      expect(body.changeId).toBe(ids.change);
      expect(body.summary).toEqual({
        statements: 1, expectations: 2, byStatus: { supported: 1, partly: 0, unfounded: 1, contradicted: 0 }, withoutResponse: 0, conflicts: 1, conflictsWeighed: 1,
      });
      expect(body.statements).toEqual([
        {
          id: ids.statement, speaker: 'Piet Jansen', speakerKind: 'politician', role: 'fractievoorzitter', medium: 'Radio Teststad', date: '2026-01-20',
          quote: expect.stringContaining('<script>'), url: 'https://example.org/radio/2026-01-20',
        },
      ]);
      const promise = body.expectations.find((e: { id: string }) => e.id === ids.promise);
      expect(promise).toEqual({
        id: ids.promise, text: 'Bewoners blijven gratis parkeren.', kind: 'predictive', source: 'political_statement', group: null, statementId: ids.statement,
        raisedBy: 'Piet Jansen', raisedWhere: 'Radio Teststad', raisedOn: '2026-01-20', sourceUrl: null, status: 'unfounded', goals: [], decisions: [],
        needsResponse: true, response: { text: expect.stringContaining('60 euro'), channel: 'pagina van de verandering', date: '2026-02-15' },
      });
    });

    it('names the goal and decision behind a supported expectation, and the group that expects it', async () => {
      const body = (await get(`/api/v1/changes/${ids.change}/expectations`)).json();
      const backed = body.expectations.find((e: { id: string }) => e.id === ids.backed);
      expect(backed).toMatchObject({
        status: 'supported', needsResponse: false, response: null, group: { id: ids.visitors, name: 'Bezoekers met de auto' },
        goals: [{ id: ids.goal, statement: expect.stringContaining('parkeerplaatsen') }],
        decisions: [{ id: ids.decision, kind: 'raadsbesluit', title: 'Parkeerverordening 2026', date: '2026-02-10', outcome: 'adopted' }],
      });
      expect(Object.keys(backed)).not.toContain('createdAt');
    });

    it('shows each conflict with both groups, its weighing and the settling decision', async () => {
      const body = (await get(`/api/v1/changes/${ids.change}/expectations`)).json();
      expect(body.conflicts).toEqual([
        {
          id: ids.conflict,
          groups: [{ id: ids.owners, name: 'Winkeliers centrum' }, { id: ids.visitors, name: 'Bezoekers met de auto' }],
          description: expect.any(String),
          weighing: expect.stringContaining('half uur gratis'),
          weighed: true,
          decision: expect.objectContaining({ id: ids.decision, outcome: 'adopted' }),
        },
      ]);
    });

    it('returns an empty register for a published change without expectations', async () => {
      const body = (await get(`/api/v1/changes/${ids.empty}/expectations`)).json();
      expect(body).toMatchObject({ changeId: ids.empty, statements: [], expectations: [], conflicts: [], summary: { expectations: 0, withoutResponse: 0 } });
    });

    it('answers 404 for a draft and an unknown change, 400 for a malformed id', async () => {
      const draft = await get(`/api/v1/changes/${ids.draft}/expectations`);
      expect(draft.statusCode).toBe(404);
      expect(draft.json()).toMatchObject({ code: 'not_found' });
      expect(draft.body).not.toContain('Geheim');
      expect((await get('/api/v1/changes/00000000-0000-4000-8000-000000000000/expectations')).statusCode).toBe(404);
      const bad = await get('/api/v1/changes/not-an-id/expectations');
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    });

    it('reflects the register in the legitimacy check: rules 10 and 11 pass', async () => {
      const body = (await get(`/api/v1/changes/${ids.change}/legitimacy`)).json();
      const rule = (n: number) => body.rules.find((r: { rule: number }) => r.rule === n);
      expect(rule(11)).toMatchObject({ status: 'passed', fixes: [] });
      expect(rule(10)).toMatchObject({ status: 'passed', fixes: [] });
    });

    it('documents the route in the OpenAPI description', async () => {
      const res = await get('/api/v1/openapi.json');
      expect(res.statusCode).toBe(200);
      expect(Object.keys(res.json().paths)).toContain('/changes/{id}/expectations');
    });
  });
}
