import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../../modules/changes/change.factory';
import { findCorrectionOf, listDecisionsOfOrganization } from '../../modules/decisions';
import { aDecision } from '../../modules/decisions/decision.factory';
import { anOrganization } from '../../modules/organizations/organization.factory';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser } from './testing';

const form = (overrides: Record<string, string> = {}) => ({
  kind: 'raadsbesluit',
  title: 'Raadsbesluit fietsparkeren',
  body: 'gemeenteraad',
  date: '12-03-2026',
  outcome: 'adopted',
  votesFor: '25',
  votesAgainst: '10',
  votesAbstain: '',
  party_0: 'Partij A',
  for_0: '15',
  against_0: '0',
  party_1: 'Partij B',
  for_1: '10',
  against_1: '10',
  ...overrides,
});

for (const dialect of DIALECTS) {
  describe(`editing decisions, votes per party and corrections (${dialect})`, () => {
    let server: TestServer;
    let a: { id: string; slug: string };
    let b: { id: string; slug: string };
    const as = async (org: { id: string; slug: string }, role: 'editor' | 'communicator') => {
      const { user } = await aUser(server.deps, org.id, role);
      const browser = new Browser(server.app);
      await browser.logIn(user.email);
      await browser.get(`/editor/${org.slug}`);
      return browser;
    };
    beforeAll(async () => {
      server = await openTestServer(dialect);
      a = await anOrganization(server.deps);
      b = await anOrganization(server.deps);
    });
    afterAll(() => server.close());

    it('records a decision with votes per party, and says in Dutch when they do not add up', async () => {
      const change = await aChange(server.deps, a.id);
      const e = await as(a, 'editor');
      const url = `/editor/${a.slug}/veranderingen/${change.id}/besluiten/nieuw`;
      expect((await e.get(url)).body).toContain('id="veld-party_4"');
      const bad = await e.post(url, form({ for_1: '9' }));
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('href="#veld-partyVotes">De stemmen voor per partij tellen op tot 24, niet tot 25');
      expect(bad.body).toContain('value="Partij B"');
      expect((await e.post(url, form({ motie: '' }))).statusCode).toBe(303);
      const [decision] = (await listDecisionsOfOrganization(server.deps, a.id)).filter((d) => d.changeId === change.id);
      expect(decision).toMatchObject({ date: '2026-03-12', votes: { for: 25, against: 10, abstain: 0 }, partyVotes: [{ party: 'Partij A', for: 15 }, { party: 'Partij B', for: 10, against: 10 }] });
    });

    it('edits a pending decision in place, and corrects a final one with a new record', async () => {
      const change = await aChange(server.deps, a.id);
      const pending = await aDecision(server.deps, a.id, { changeId: change.id, outcome: 'pending', votes: null, title: 'Motie stalling', kind: 'motie' });
      const e = await as(a, 'editor');
      const edit = `/editor/${a.slug}/besluiten/${pending.id}/bewerken`;
      const page = await e.get(edit);
      expect(page.body).not.toContain('Correctie vastleggen');
      expect((await e.post(edit, form({ kind: 'motie', title: 'Motie stalling', outcome: 'adopted', followUp_0: 'Het college meldt de bezetting elk jaar.', due_0: '2027-01-01' }))).statusCode).toBe(303);
      const final = (await listDecisionsOfOrganization(server.deps, a.id)).find((d) => d.id === pending.id)!;
      expect(final).toMatchObject({ outcome: 'adopted', followUps: [{ description: 'Het college meldt de bezetting elk jaar.', dueDate: '2027-01-01', status: 'open' }] });
      const correctionForm = await e.get(edit);
      expect(correctionForm.body).toContain('Correctie vastleggen');
      expect((await e.post(edit, form({ kind: 'motie', title: 'Motie stalling', outcome: 'rejected', votesFor: '10', votesAgainst: '25', for_0: '0', against_0: '15', for_1: '10', against_1: '10' }))).statusCode).toBe(303);
      const correction = await findCorrectionOf(server.deps, pending.id);
      expect(correction).toBeDefined();
      expect((await listDecisionsOfOrganization(server.deps, a.id)).find((d) => d.id === pending.id)!.outcome).toBe('adopted');
      // The corrected record sends its editors to the newest one.
      const again = await e.get(edit);
      expect([again.statusCode, again.headers.location]).toEqual([303, `/editor/${a.slug}/besluiten/${correction}/bewerken`]);
      const c = await as(a, 'communicator');
      expect((await c.get(edit)).statusCode).toBe(403);
      const outsider = await as(b, 'editor');
      expect((await outsider.get(`/editor/${b.slug}/besluiten/${pending.id}/bewerken`)).statusCode).toBe(404);
    });
  });
}
