import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMilestone, findMilestone, getChange } from '../../modules/changes';
import { aChange } from '../../modules/changes/change.factory';
import { getDecision } from '../../modules/decisions';
import { aDecision } from '../../modules/decisions/decision.factory';
import { getConflict, getExpectation, getStatement } from '../../modules/expectations';
import { aConflict, anExpectation, aStatement } from '../../modules/expectations/expectation.factory';
import { getGoal } from '../../modules/goals';
import { aGoal } from '../../modules/goals/goal.factory';
import { selectImpacts, setImpact } from '../../modules/groups';
import { aGroup } from '../../modules/groups/group.factory';
import { getMeasure } from '../../modules/measures';
import { aMeasure } from '../../modules/measures/measure.factory';
import { anOrganization, testActor } from '../../modules/organizations/organization.factory';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser, formFields } from './testing';
import { CONFLICT_MESSAGE } from './views/conflict-notice';

/**
 * Issue 9, item 5: two editors open the same edit form; A saves, then B saves. B must get the Dutch
 * conflict message (409) with what B typed still in the form, A's save must stand, and B's next
 * save (now knowingly on top of A's) goes through. One case per editable record of the editor.
 */
interface Case {
  name: string;
  /** Makes the record: the page with the form, the form's action (the page itself unless said), and the stored values by form field. */
  make: (org: { id: string; slug: string }) => Promise<{ page: string; action?: string; read: () => Promise<Record<string, unknown>> }>;
  /** What A changes and what B changes (form field, typed value). */
  a: [string, string];
  b: [string, string];
}

for (const dialect of DIALECTS) {
  describe(`two editors saving the same form (${dialect})`, () => {
    let server: TestServer;
    let org: { id: string; slug: string };
    const editor = async () => {
      const { user } = await aUser(server.deps, org.id, 'editor');
      const browser = new Browser(server.app);
      await browser.logIn(user.email);
      return browser;
    };
    beforeAll(async () => {
      server = await openTestServer(dialect);
      org = await anOrganization(server.deps);
    });
    afterAll(() => server.close());

    const deps = () => server.deps;
    const CASES: Case[] = [
      {
        name: 'a change',
        make: async ({ id }) => {
          const change = await aChange(deps(), id);
          return { page: `/veranderingen/${change.id}/bewerken`, read: async () => ({ ...(await getChange(deps(), change.id)) }) };
        },
        a: ['summary', 'De samenvatting van A'],
        b: ['why', 'Het waarom van B'],
      },
      {
        name: 'a milestone',
        make: async ({ id }) => {
          const change = await aChange(deps(), id);
          const m = await addMilestone(deps(), testActor, change.id, { title: 'Bouw start', description: 'Eerste schop', date: '2026-09-01', done: false });
          return { page: `/mijlpalen/${m.id}/bewerken`, read: async () => ({ ...(await findMilestone(deps(), m.id)) }) };
        },
        a: ['title', 'Bouw begint'],
        b: ['description', 'Toelichting van B'],
      },
      {
        name: 'a goal (the issue: A changes the owner, B the data source)',
        make: async ({ id }) => {
          const change = await aChange(deps(), id);
          const goal = await aGoal(deps(), change.id);
          return { page: `/doelen/${goal.id}/bewerken`, read: async () => ({ ...(await getGoal(deps(), goal.id)).current }) };
        },
        a: ['owner', 'Team Mobiliteit A'],
        b: ['dataSource', 'Fietstelling van B'],
      },
      {
        name: 'a measure',
        make: async ({ id }) => {
          const change = await aChange(deps(), id);
          const measure = await aMeasure(deps(), change.id);
          return { page: `/maatregelen/${measure.id}/bewerken`, read: async () => ({ ...(await getMeasure(deps(), measure.id)) }) };
        },
        a: ['title', 'Maatregel van A'],
        b: ['description', 'Beschrijving van B'],
      },
      {
        name: 'a pending decision',
        make: async ({ id }) => {
          const change = await aChange(deps(), id);
          const decision = await aDecision(deps(), id, { changeId: change.id, outcome: 'pending', votes: null });
          return { page: `/besluiten/${decision.id}/bewerken`, read: async () => ({ ...(await getDecision(deps(), decision.id)) }) };
        },
        a: ['title', 'Besluit van A'],
        b: ['summary', 'Samenvatting van B'],
      },
      {
        name: 'an impact',
        make: async ({ id }) => {
          const change = await aChange(deps(), id);
          const group = await aGroup(deps(), id);
          const impact = await setImpact(deps(), testActor, change.id, { groupId: group.id, effect: 'gains', meaning: 'U krijgt meer plek.', expectation: 'Vanaf juni.' });
          const read = async () => ({ ...(await selectImpacts(deps().db, { changeIds: [change.id] })).find((i) => i.id === impact.id) });
          return { page: `/gevolgen/${impact.id}/bewerken`, read };
        },
        a: ['meaning', 'Wat het betekent volgens A.'],
        b: ['expectation', 'Wat u kunt verwachten volgens B.'],
      },
      {
        name: 'a statement',
        make: async ({ id }) => {
          const change = await aChange(deps(), id);
          const statement = await aStatement(deps(), change.id);
          return { page: `/uitspraken/${statement.id}/bewerken`, read: async () => ({ ...(await getStatement(deps(), statement.id)) }) };
        },
        a: ['quote', 'Wat de wethouder volgens A zei.'],
        b: ['role', 'wethouder volgens B'],
      },
      {
        name: 'an expectation',
        make: async ({ id }) => {
          const change = await aChange(deps(), id);
          const expectation = await anExpectation(deps(), change.id);
          return { page: `/verwachtingen/${expectation.id}/bewerken`, read: async () => ({ ...(await getExpectation(deps(), expectation.id)) }) };
        },
        a: ['raisedBy', 'Bron van A'],
        b: ['raisedWhere', 'Plaats van B'],
      },
      {
        name: "an expectation's response",
        make: async ({ id }) => {
          const change = await aChange(deps(), id);
          const expectation = await anExpectation(deps(), change.id);
          const read = async () => {
            const response = (await getExpectation(deps(), expectation.id)).response!;
            return { response: response.text, responseChannel: response.channel };
          };
          return { page: `/verwachtingen/${expectation.id}/bewerken`, action: `/verwachtingen/${expectation.id}/antwoord`, read };
        },
        a: ['response', 'Het antwoord van A.'],
        b: ['responseChannel', 'de brief van B'],
      },
      {
        name: 'the weighing of a conflict',
        make: async ({ id }) => {
          const change = await aChange(deps(), id);
          const [shops, residents] = [await aGroup(deps(), id), await aGroup(deps(), id)];
          const conflict = await aConflict(deps(), change.id, shops.id, residents.id);
          return { page: `/belangenconflicten/${conflict.id}/bewerken`, read: async () => ({ ...(await getConflict(deps(), conflict.id)) }) };
        },
        a: ['weighing', 'De afweging van A: een vrije stoep.'],
        b: ['weighing', 'De afweging van B: fietsen voor de deur.'],
      },
    ];

    for (const c of CASES) {
      it(`${c.name}: the second save gets the conflict message with its text kept, and overwrites nothing`, async () => {
        const record = await c.make(org);
        const page = `/editor/${org.slug}${record.page}`;
        const action = `/editor/${org.slug}${record.action ?? record.page}`;
        const [ea, eb] = [await editor(), await editor()];
        const formA = formFields((await ea.get(page)).body, action);
        const formB = formFields((await eb.get(page)).body, action);
        expect(formA.versie).toBe(formB.versie);
        const before = await record.read();

        const savedA = await ea.post(action, { ...formA, [c.a[0]]: c.a[1] });
        expect(savedA.statusCode, savedA.body.slice(0, 2000)).toBe(303);

        const savedB = await eb.post(action, { ...formB, [c.b[0]]: c.b[1] });
        expect(savedB.statusCode).toBe(409);
        expect(savedB.body).toContain(CONFLICT_MESSAGE);
        const again = formFields(savedB.body, action);
        expect(again[c.b[0]]).toBe(c.b[1]); // what B typed is still in the form
        expect(savedB.body).toContain(c.a[1]); // and what A saved is shown beside it
        const after = await record.read();
        expect(after[c.a[0]]).toBe(c.a[1]); // A's save stands
        if (c.b[0] !== c.a[0]) expect(after[c.b[0]]).toBe(before[c.b[0]]);

        // B has seen what A saved: the next save goes through, on top of A's.
        const knowingly = await eb.post(action, again);
        expect(knowingly.statusCode).toBe(303);
        expect((await record.read())[c.b[0]]).toBe(c.b[1]);
      });
    }

    it('a form without its revision (opened before this existed, or made by hand) is refused as stale, never saved', async () => {
      const change = await aChange(deps(), org.id);
      const e = await editor();
      const page = `/editor/${org.slug}/veranderingen/${change.id}/bewerken`;
      const form = formFields((await e.get(page)).body, page);
      const refused = await e.post(page, { ...form, versie: '', summary: 'Zonder versie' });
      expect(refused.statusCode).toBe(409);
      expect((await getChange(deps(), change.id)).summary).toBe(change.summary);
    });
  });
}
