import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOf, verifyChain, type OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import type { Change } from '../changes';
import { aChange } from '../changes/change.factory';
import type { Organization } from '../organizations';
import { anOrganization, attempt, auditLength, issuePaths, testActor, testDeps } from '../organizations/organization.factory';
import type { Decision } from './decision';
import { aDecision, partyVotesOf25to10 } from './decision.factory';
import type { DecisionInput } from './decision.schema';
import { getDecision, listDecisionsOfOrganization, updatePendingDecision } from './decision.service';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** The input that reproduces a stored decision, for edits that change one thing. */
const inputOf = (d: Decision): DecisionInput => ({
  changeId: d.changeId,
  kind: d.kind,
  title: d.title,
  body: d.body,
  date: d.date,
  reference: d.reference,
  sourceUrl: d.sourceUrl,
  outcome: d.outcome,
  votes: d.votes,
  partyVotes: d.partyVotes,
  followUps: d.followUps.map(({ description, dueDate, status }) => ({ description, dueDate, status })),
  summary: d.summary,
  correctsId: d.correctsId,
});

for (const dialect of DIALECTS) {
  describe(`decisions on ${dialect}`, () => {
    let open: OpenDatabase;
    let deps: ReturnType<typeof testDeps>;
    let org: Organization;
    let change: Change;
    beforeEach(async () => {
      open = await openTestDatabase(dialect);
      deps = testDeps(open.db);
      org = await anOrganization(deps);
      change = await aChange(deps, org.id);
    });
    afterEach(() => open.close());

    describe('recording', () => {
      it('records a decision with votes per party that reads back as recorded', async () => {
        const decision = await aDecision(deps, org.id, { changeId: change.id, partyVotes: partyVotesOf25to10 });
        expect(await getDecision(deps, decision.id)).toEqual(decision);
        expect(decision).toMatchObject({ outcome: 'adopted', votes: { for: 25, against: 10, abstain: 0 }, correctsId: null });
        expect(await auditOf(open.db, 'decision', decision.id)).toEqual([expect.objectContaining({ action: 'decision.recorded' })]);
      });

      it('refuses party votes that do not add up to the totals, with validation_failed on partyVotes, and writes nothing', async () => {
        const partyVotes = partyVotesOf25to10.map((p) => (p.party === 'VVD' ? { ...p, against: 5 } : p));
        const { error, changed } = await attempt(open.db, () => aDecision(deps, org.id, { partyVotes }));
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect(issuePaths(error)).toEqual(['partyVotes']);
        expect(changed).toEqual([]);
      });

      it('refuses party votes without totals, with validation_failed on votes', async () => {
        const { error, changed } = await attempt(open.db, () => aDecision(deps, org.id, { votes: null, partyVotes: partyVotesOf25to10 }));
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect(issuePaths(error)).toEqual(['votes']);
        expect(changed).toEqual([]);
      });

      it('refuses a change of another organization, with validation_failed on changeId, and writes nothing', async () => {
        const foreign = await aChange(deps, (await anOrganization(deps)).id);
        const { error, changed } = await attempt(open.db, () => aDecision(deps, org.id, { changeId: foreign.id }));
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect(issuePaths(error)).toEqual(['changeId']);
        expect(changed).toEqual([]);
      });

      it('answers not_found for an unknown organization; a change that is not its own is refused like one that does not exist', async () => {
        const a = await attempt(open.db, () => aDecision(deps, UNKNOWN));
        expect(a).toEqual({ error: expect.objectContaining({ code: 'not_found' }), changed: [] });
        const foreign = await aChange(deps, (await anOrganization(deps)).id);
        const [missing, ofOther] = [await attempt(open.db, () => aDecision(deps, org.id, { changeId: UNKNOWN })), await attempt(open.db, () => aDecision(deps, org.id, { changeId: foreign.id }))];
        expect(missing).toEqual({ error: expect.objectContaining({ code: 'validation_failed', issues: [expect.objectContaining({ path: 'changeId' })] }), changed: [] });
        expect(ofOther).toEqual(missing);
        expect((ofOther.error as Error).message).toBe((missing.error as Error).message);
      });

      it('gives a motie or toezegging follow-up obligations, open unless said otherwise', async () => {
        for (const kind of ['motie', 'toezegging'] as const) {
          const decision = await aDecision(deps, org.id, {
            kind,
            followUps: [{ description: 'Het college meldt voor 1 oktober hoeveel fietsen er staan', dueDate: '2026-10-01' }],
          });
          expect(decision.followUps).toEqual([expect.objectContaining({ dueDate: '2026-10-01', status: 'open' })]);
          expect((await getDecision(deps, decision.id)).followUps).toEqual(decision.followUps);
        }
      });

      it('refuses follow-ups on a decision that creates no obligation, with validation_failed on followUps', async () => {
        const { error, changed } = await attempt(open.db, () =>
          aDecision(deps, org.id, { kind: 'raadsbesluit', followUps: [{ description: 'Iets opvolgen', dueDate: '2026-10-01' }] }),
        );
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect(issuePaths(error)).toEqual(['followUps']);
        expect(changed).toEqual([]);
      });

      it('lists only the organization’s own decisions', async () => {
        await aDecision(deps, (await anOrganization(deps)).id);
        const mine = await aDecision(deps, org.id);
        expect((await listDecisionsOfOrganization(deps, org.id)).map((d) => d.id)).toEqual([mine.id]);
      });

      it('answers not_found for an unknown decision', async () => {
        await expect(getDecision(deps, UNKNOWN)).rejects.toMatchObject({ code: 'not_found' });
      });
    });

    describe('editing', () => {
      it.each(['adopted', 'rejected', 'withdrawn'] as const)('refuses editing a %s decision with invalid_state, and writes nothing', async (outcome) => {
        const decision = await aDecision(deps, org.id, { outcome });
        const { error, changed } = await attempt(open.db, () => updatePendingDecision(deps, testActor, decision.id, { ...inputOf(decision), title: 'Ander besluit' }));
        expect(error).toMatchObject({ code: 'invalid_state' });
        expect(changed).toEqual([]);
        expect(await getDecision(deps, decision.id)).toEqual(decision);
      });

      it('updates a pending decision, e.g. to set its outcome after the vote; then it is final', async () => {
        const pending = await aDecision(deps, org.id, { changeId: change.id, outcome: 'pending', votes: null });
        const adopted = await updatePendingDecision(deps, testActor, pending.id, {
          ...inputOf(pending),
          outcome: 'adopted',
          votes: { for: 25, against: 10, abstain: 0 },
          partyVotes: partyVotesOf25to10,
        });
        expect(adopted).toEqual({ ...pending, outcome: 'adopted', votes: { for: 25, against: 10, abstain: 0 }, partyVotes: partyVotesOf25to10, revision: 2 });
        expect(await getDecision(deps, pending.id)).toEqual(adopted);
        expect((await auditOf(open.db, 'decision', pending.id)).map((e) => e.action)).toEqual(['decision.recorded', 'decision.updated']);
        await expect(updatePendingDecision(deps, testActor, pending.id, inputOf(adopted))).rejects.toMatchObject({ code: 'invalid_state' });
      });

      it('refuses moving a pending decision to another change, with validation_failed on changeId', async () => {
        const pending = await aDecision(deps, org.id, { changeId: change.id, outcome: 'pending', votes: null });
        const other = await aChange(deps, org.id);
        const { error, changed } = await attempt(open.db, () => updatePendingDecision(deps, testActor, pending.id, { ...inputOf(pending), changeId: other.id }));
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect(issuePaths(error)).toEqual(['changeId']);
        expect(changed).toEqual([]);
      });

      it('refuses follow-ups on a pending decision that creates no obligation', async () => {
        const pending = await aDecision(deps, org.id, { kind: 'raadsbesluit', outcome: 'pending', votes: null });
        const { error, changed } = await attempt(open.db, () =>
          updatePendingDecision(deps, testActor, pending.id, { ...inputOf(pending), followUps: [{ description: 'Iets opvolgen', dueDate: '2026-10-01' }] }),
        );
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect(issuePaths(error)).toEqual(['followUps']);
        expect(changed).toEqual([]);
      });

      it('refuses turning a motie with follow-ups into a kind without obligations', async () => {
        const motie = await aDecision(deps, org.id, {
          kind: 'motie',
          outcome: 'pending',
          votes: null,
          followUps: [{ description: 'Het college onderzoekt een tweede stalling', dueDate: '2026-12-01' }],
        });
        const { error } = await attempt(open.db, () => updatePendingDecision(deps, testActor, motie.id, { ...inputOf(motie), kind: 'collegebesluit' }));
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect(issuePaths(error)).toEqual(['followUps']);
      });

      it('answers not_found for an unknown decision, and writes nothing', async () => {
        const pending = await aDecision(deps, org.id, { outcome: 'pending', votes: null });
        const { error, changed } = await attempt(open.db, () => updatePendingDecision(deps, testActor, UNKNOWN, inputOf(pending)));
        expect(error).toMatchObject({ code: 'not_found' });
        expect(changed).toEqual([]);
      });
    });

    describe('correcting', () => {
      it('records a correction as a new record pointing at the original, which stays unchanged', async () => {
        const original = await aDecision(deps, org.id, { changeId: change.id });
        deps.clock.advance(86_400_000);
        const correction = await aDecision(deps, org.id, {
          changeId: change.id,
          correctsId: original.id,
          votes: { for: 24, against: 11, abstain: 0 },
          summary: 'De stemmen zijn verkeerd overgenomen; de uitslag blijft.',
        });
        expect(correction.id).not.toBe(original.id);
        expect(correction.correctsId).toBe(original.id);
        expect(await getDecision(deps, original.id)).toEqual(original);
        expect(await getDecision(deps, correction.id)).toEqual(correction);
        expect(await auditOf(open.db, 'decision', correction.id)).toEqual([expect.objectContaining({ action: 'decision.corrected' })]);
      });

      it('refuses correcting the same record twice with conflict, and writes nothing; the correction itself can be corrected', async () => {
        const original = await aDecision(deps, org.id);
        const correction = await aDecision(deps, org.id, { correctsId: original.id });
        const { error, changed } = await attempt(open.db, () => aDecision(deps, org.id, { correctsId: original.id }));
        expect(error).toMatchObject({ code: 'conflict' });
        expect(changed).toEqual([]);
        const second = await aDecision(deps, org.id, { correctsId: correction.id });
        expect(second.correctsId).toBe(correction.id);
      });

      it('refuses correcting an unknown decision and one of another organization alike', async () => {
        const foreign = await aDecision(deps, (await anOrganization(deps)).id);
        const answers = [];
        for (const correctsId of [UNKNOWN, foreign.id]) {
          const { error, changed } = await attempt(open.db, () => aDecision(deps, org.id, { correctsId }));
          expect(error).toMatchObject({ code: 'validation_failed', issues: [expect.objectContaining({ path: 'correctsId' })] });
          expect(changed).toEqual([]);
          answers.push({ message: (error as Error).message, issues: (error as { issues: unknown }).issues });
        }
        expect(answers[1]).toEqual(answers[0]);
      });

      it('refuses editing a pending decision that was already corrected: the newest record is the one to edit', async () => {
        const pending = await aDecision(deps, org.id, { outcome: 'pending', votes: null });
        const correction = await aDecision(deps, org.id, { outcome: 'pending', votes: null, correctsId: pending.id, date: '2026-03-19' });
        const { error, changed } = await attempt(open.db, () => updatePendingDecision(deps, testActor, pending.id, { ...inputOf(pending), outcome: 'adopted' }));
        expect(error).toMatchObject({ code: 'invalid_state' });
        expect(changed).toEqual([]);
        const edited = await updatePendingDecision(deps, testActor, correction.id, { ...inputOf(correction), outcome: 'adopted' });
        expect(edited.outcome).toBe('adopted');
      });
    });

    it('leaves exactly one audit entry per write and a chain that verifies', async () => {
      const start = await auditLength(open.db, org.id);
      const pending = await aDecision(deps, org.id, { outcome: 'pending', votes: null });
      await updatePendingDecision(deps, testActor, pending.id, { ...inputOf(pending), outcome: 'rejected' });
      await aDecision(deps, org.id, { correctsId: pending.id, outcome: 'rejected' });
      await aDecision(deps, org.id, { kind: 'motie', followUps: [{ description: 'Rapporteer voor de zomer', dueDate: '2026-07-01' }] });
      expect(await verifyChain(open.db, org.id)).toMatchObject({ ok: true, events: start + 4 });
    });
  });
}
