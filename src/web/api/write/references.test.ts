import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../../../modules/changes/change.factory';
import { aDecision } from '../../../modules/decisions/decision.factory';
import { aGoal } from '../../../modules/goals/goal.factory';
import { aGroup } from '../../../modules/groups/group.factory';
import { aMeasure } from '../../../modules/measures/measure.factory';
import { anOrganization, snapshotStore, tablesChanged } from '../../../modules/organizations/organization.factory';
import { actorOfUser, createApiToken } from '../../../modules/users';
import { aUser } from '../../../modules/users/user.factory';
import { DIALECTS } from '../../../storage/testing';
import { openTestServer, type TestServer } from '../../testing';

/**
 * No existence oracle across organizations (issue 9, item 15): with organization B's token, a body
 * that refers to organization A's group, decision, goal or change answers exactly like one that
 * refers to an id that does not exist — the same status and the same body — and writes nothing.
 */
for (const dialect of DIALECTS) {
  describe(`references to another organization through the write API on ${dialect}`, () => {
    let server: TestServer;
    let headers: Record<string, string>;
    let foreign: { group: string; decision: string; goal: string; change: string };
    let own: { change: string; goal: string; measure: string; slug: string };
    beforeAll(async () => {
      server = await openTestServer(dialect);
      const deps = server.deps;
      const [a, b] = [await anOrganization(deps), await anOrganization(deps)];
      const changeA = await aChange(deps, a.id);
      foreign = { group: (await aGroup(deps, a.id)).id, decision: (await aDecision(deps, a.id)).id, goal: (await aGoal(deps, changeA.id)).id, change: changeA.id };
      const changeB = await aChange(deps, b.id);
      own = { change: changeB.id, goal: (await aGoal(deps, changeB.id)).id, measure: (await aMeasure(deps, changeB.id)).id, slug: b.slug };
      const { user, memberships } = await aUser(deps, b.id, 'editor');
      const { token } = await createApiToken(deps, actorOfUser(user, memberships), { name: 'b', organizationId: b.id, scopes: ['chain:write'] });
      headers = { authorization: `Bearer ${token}` };
    });
    afterAll(() => server.close());

    const decision = { kind: 'raadsbesluit', title: 'Besluit', body: 'gemeenteraad', date: '2026-03-12', outcome: 'adopted' };
    const cases: { name: string; id: keyof typeof foreign; send: (id: string) => { method: 'POST' | 'PUT'; url: string; payload: object } }[] = [
      { name: "an impact's group (groupId)", id: 'group', send: (id) => ({ method: 'PUT', url: `/changes/${own.change}/impacts/${id}`, payload: { effect: 'gains', meaning: 'U fietst veiliger.' } }) },
      { name: "an anchor's decision (decisionId)", id: 'decision', send: (id) => ({ method: 'POST', url: `/goals/${own.goal}/anchors`, payload: { decisionId: id } }) },
      {
        name: "a contribution's goal (goalId)",
        id: 'goal',
        send: (id) => ({ method: 'POST', url: `/measures/${own.measure}/contributions`, payload: { goalId: id, mechanism: 'Meer stallingen, minder fietsen op straat.' } }),
      },
      { name: "a decision's change (changeId)", id: 'change', send: (id) => ({ method: 'POST', url: `/organizations/${own.slug}/decisions`, payload: { ...decision, changeId: id } }) },
      { name: "a correction's decision (correctsId)", id: 'decision', send: (id) => ({ method: 'POST', url: `/organizations/${own.slug}/decisions`, payload: { ...decision, correctsId: id } }) },
    ];

    for (const { name, id, send } of cases) {
      it(`answers ${name} of another organization exactly like a random id`, async () => {
        const before = await snapshotStore(server.deps.db);
        const answer = async (value: string) => {
          const { method, url, payload } = send(value);
          const response = await server.app.inject({ method, url: `/api/v1${url}`, payload, headers });
          return { status: response.statusCode, body: response.body.replaceAll(value, '<id>') };
        };
        const [ofA, random] = [await answer(foreign[id]), await answer(randomUUID())];
        expect(ofA).toEqual(random);
        expect(ofA.status).toBe(422);
        expect(tablesChanged(before, await snapshotStore(server.deps.db)).filter((t) => t !== 'api_tokens')).toEqual([]);
      });
    }
  });
}
