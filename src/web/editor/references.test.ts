import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../../modules/changes/change.factory';
import { aDecision } from '../../modules/decisions/decision.factory';
import { aConflict, aStatement } from '../../modules/expectations/expectation.factory';
import { aGoal } from '../../modules/goals/goal.factory';
import { aGroup } from '../../modules/groups/group.factory';
import { aMeasure } from '../../modules/measures/measure.factory';
import { anOrganization, snapshotStore, tablesChanged } from '../../modules/organizations/organization.factory';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser } from './testing';

/**
 * No existence oracle across organizations in the editor's forms (issue 9, item 15): an editor of
 * B who posts organization A's group, decision, goal or statement into a form of B gets exactly the
 * page an id that does not exist gets — the same status, the same page — and nothing is written.
 */
for (const dialect of DIALECTS) {
  describe(`references to another organization in the editor's forms on ${dialect}`, () => {
    let server: TestServer;
    let browser: Browser;
    let foreign: { group: string; decision: string; goal: string; statement: string };
    let own: { slug: string; change: string; goal: string; measure: string; group: string; conflict: string };
    beforeAll(async () => {
      server = await openTestServer(dialect);
      const deps = server.deps;
      const [a, b] = [await anOrganization(deps), await anOrganization(deps)];
      const changeA = await aChange(deps, a.id);
      foreign = { group: (await aGroup(deps, a.id)).id, decision: (await aDecision(deps, a.id)).id, goal: (await aGoal(deps, changeA.id)).id, statement: (await aStatement(deps, changeA.id)).id };
      const changeB = await aChange(deps, b.id);
      const [groupB, otherB] = [await aGroup(deps, b.id), await aGroup(deps, b.id)];
      own = {
        slug: b.slug,
        change: changeB.id,
        goal: (await aGoal(deps, changeB.id)).id,
        measure: (await aMeasure(deps, changeB.id)).id,
        group: groupB.id,
        conflict: (await aConflict(deps, changeB.id, groupB.id, otherB.id)).id,
      };
      const editor = await aUser(deps, b.id, 'editor');
      browser = new Browser(server.app);
      await browser.logIn(editor.user.email);
      await browser.get(`/editor/${b.slug}`);
    });
    afterAll(() => server.close());

    const expectation = { text: 'De stalling is altijd gratis.', kind: 'predictive', source: 'media', raisedBy: 'Stadskrant', status: 'unfounded' };
    const cases: { name: string; id: keyof typeof foreign; form: (id: string) => { url: string; fields: Record<string, string> } }[] = [
      { name: 'the impact form (groupId)', id: 'group', form: (id) => ({ url: `veranderingen/${own.change}/gevolgen/nieuw`, fields: { groupId: id, effect: 'gains', meaning: 'U fietst veiliger.' } }) },
      { name: 'the anchor form (decisionId)', id: 'decision', form: (id) => ({ url: `doelen/${own.goal}/verankeren`, fields: { decisionId: id } }) },
      {
        name: 'the contribution form (goalId)',
        id: 'goal',
        form: (id) => ({ url: `maatregelen/${own.measure}/bijdragen`, fields: { goalId: id, mechanism: 'Meer stallingen, minder fietsen op straat.', evidenceStrength: 'assumed' } }),
      },
      { name: 'the expectation form (groupId)', id: 'group', form: (id) => ({ url: `veranderingen/${own.change}/verwachtingen/nieuw`, fields: { ...expectation, groupId: id } }) },
      { name: 'the expectation form (statementId)', id: 'statement', form: (id) => ({ url: `veranderingen/${own.change}/verwachtingen/nieuw`, fields: { ...expectation, statementId: id } }) },
      { name: 'the expectation form (goalIds)', id: 'goal', form: (id) => ({ url: `veranderingen/${own.change}/verwachtingen/nieuw`, fields: { ...expectation, status: 'supported', goalIds: id } }) },
      { name: 'the expectation form (decisionIds)', id: 'decision', form: (id) => ({ url: `veranderingen/${own.change}/verwachtingen/nieuw`, fields: { ...expectation, status: 'supported', decisionIds: id } }) },
      {
        name: 'the conflict form (groupAId)',
        id: 'group',
        form: (id) => ({ url: `veranderingen/${own.change}/belangenconflicten/nieuw`, fields: { groupAId: id, groupBId: own.group, description: 'Winkeliers tegen bewoners.' } }),
      },
      { name: 'the weighing form (decisionId)', id: 'decision', form: (id) => ({ url: `belangenconflicten/${own.conflict}/bewerken`, fields: { weighing: 'De raad koos voor een vrije stoep.', decisionId: id } }) },
    ];

    for (const { name, id, form } of cases) {
      it(`answers ${name} with another organization's id exactly like a random id`, async () => {
        const before = await snapshotStore(server.deps.db);
        const answer = async (value: string) => {
          const { url, fields } = form(value);
          // An edit form is opened first: its hidden revision comes along (editor/revision.ts).
          if (url.endsWith('/bewerken')) await browser.get(`/editor/${own.slug}/${url}`);
          const response = await browser.post(`/editor/${own.slug}/${url}`, fields);
          // The page is compared without the id itself and without the form's CSRF token.
          return { status: response.statusCode, page: response.body.replaceAll(value, '<id>').replace(/name="_csrf" value="[^"]+"/g, '') };
        };
        const [ofA, random] = [await answer(foreign[id]), await answer(randomUUID())];
        expect(ofA.status).toBe(422);
        expect(ofA).toEqual(random);
        expect(tablesChanged(before, await snapshotStore(server.deps.db)).filter((t) => t !== 'sessions')).toEqual([]);
      });
    }
  });
}
