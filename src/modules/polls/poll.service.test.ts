import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import type { OpenDatabase } from '../../storage';
import { attempt, auditLength, snapshotStore } from '../organizations/organization.factory';
import { setChangeStatus } from '../changes';
import { aGroup } from '../groups/group.factory';
import { testActor } from '../organizations/organization.factory';
import { issueFormToken, rejectionReasonOf } from './guard';
import { aClient, answerPoll, aPolledChange, voiceDeps, type TestVoiceDeps } from './poll.factory';
import { getPerception, getPoll, submitPollAnswers, verifyPollAggregates } from './poll.service';

const refusal = (error: unknown) => ({ code: (error as { code?: string }).code, reason: rejectionReasonOf(error) });

for (const dialect of DIALECTS) {
  describe(`polls on ${dialect}`, () => {
    let open: OpenDatabase;
    let deps: TestVoiceDeps;

    beforeAll(async () => {
      open = await openTestDatabase(dialect);
      deps = voiceDeps(open.db);
    });
    afterAll(() => open.close());

    it('asks Q1–Q3 and Q5 before the change is under way, Q4 once it is', async () => {
      const { change, groups } = await aPolledChange(deps, 'decided');
      const poll = await getPoll(deps, change.id);
      expect(poll.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q5']);
      expect(poll.questions[3]!.options.map((o) => o.value).sort()).toEqual([...groups.map((g) => g.id), 'none'].sort());
      expect(poll.questions[3]!.options.at(-1)!.label).toBe('Geen van deze');
      expect(poll.questions[3]!.required).toBe(false);
      expect(poll.token).toMatch(/^v1\.poll\./);
      await setChangeStatus(deps, testActor, change.id, 'in_progress');
      expect((await getPoll(deps, change.id)).questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
    });

    it('has no poll on a change that is not published', async () => {
      const { change } = await aPolledChange(deps);
      const { setChangePublished } = await import('../changes');
      await setChangePublished(deps, testActor, change.id, false);
      await expect(getPoll(deps, change.id)).rejects.toMatchObject({ code: 'not_found' });
      const token = issueFormToken(deps, 'poll', change.id).token;
      deps.clock.advance(5_000);
      const client = await aClient(deps);
      const { error, changed } = await attempt(open.db, () => submitPollAnswers(deps, change.id, { token, q1: 'ja', q2: 'ja', q3: 3 }, client));
      expect(refusal(error).code).toBe('not_found');
      expect(changed).toEqual([]);
    });

    it('stores one response, increments the aggregates and audits without answers', async () => {
      const { change, organization, groups } = await aPolledChange(deps);
      const before = await auditLength(open.db, organization.id);
      const receipt = await answerPoll(deps, change.id, { q1: 'ja', q2: 'nee', q3: 2, q5: groups[0]!.id });
      expect(receipt.changeId).toBe(change.id);
      expect(await auditLength(open.db, organization.id)).toBe(before + 1);
      const audit = await open.db.selectFrom('audit_events').selectAll().where('organization_id', '=', organization.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ actor: 'system:citizen', action: 'poll.answered', entity_id: change.id, data: '{"answers":1}' });
      const rows = await open.db.selectFrom('poll_responses').selectAll().where('change_id', '=', change.id).execute();
      expect(rows).toEqual([expect.objectContaining({ group_key: groups[0]!.id, q1: 'ja', q2: 'nee', q3: 2, q4: null, submitted_on: '2026-06-01' })]);
      expect((await verifyPollAggregates(deps, change.id)).ok).toBe(true);
    });

    describe('refuses, writing nothing', () => {
      let changeId: string;
      let otherChangeId: string;
      beforeAll(async () => {
        changeId = (await aPolledChange(deps)).change.id;
        otherChangeId = (await aPolledChange(deps)).change.id;
      });

      const refused = async (submit: () => Promise<unknown>) => {
        const { error, changed } = await attempt(open.db, submit);
        expect(changed).toEqual([]);
        return refusal(error);
      };
      const fresh = async (id = changeId) => {
        const { token } = await getPoll(deps, id);
        deps.clock.advance(5_000);
        return token;
      };
      const answers = { q1: 'ja', q2: 'ja', q3: 3 } as const;

      it('a missing token', async () => {
        expect(await refused(async () => submitPollAnswers(deps, changeId, { ...answers }, await aClient(deps)))).toEqual({ code: 'validation_failed', reason: 'form_missing' });
      });

      it('a forged or altered token, one of another change, one for a reaction form', async () => {
        const token = await fresh();
        const client = await aClient(deps);
        const forged = `${token.slice(0, -4)}AAAA`;
        const parts = token.split('.');
        const altered = [...parts.slice(0, 3), (parseInt(parts[3]!, 36) - 60_000).toString(36), ...parts.slice(4)].join('.');
        const otherChange = await fresh(otherChangeId);
        const reaction = issueFormToken(deps, 'reaction', changeId).token;
        deps.clock.advance(5_000);
        for (const bad of [forged, altered, otherChange, reaction, 'v1.poll.x.y.z', 'nonsense']) {
          expect(await refused(() => submitPollAnswers(deps, changeId, { ...answers, token: bad }, client))).toEqual({ code: 'validation_failed', reason: 'form_invalid' });
        }
      });

      it('an expired token, and one sent faster than a person can', async () => {
        const old = await fresh();
        deps.clock.advance(25 * 3_600_000);
        const client = await aClient(deps);
        expect(await refused(() => submitPollAnswers(deps, changeId, { ...answers, token: old }, client))).toEqual({ code: 'validation_failed', reason: 'form_expired' });
        const { token } = await getPoll(deps, changeId);
        expect(await refused(async () => submitPollAnswers(deps, changeId, { ...answers, token }, await aClient(deps)))).toEqual({ code: 'validation_failed', reason: 'too_fast' });
      });

      it('a token used before', async () => {
        const token = await fresh();
        await submitPollAnswers(deps, changeId, { ...answers, token }, await aClient(deps));
        expect(await refused(async () => submitPollAnswers(deps, changeId, { ...answers, token }, await aClient(deps)))).toEqual({ code: 'conflict', reason: 'token_used' });
      });

      it('a filled honeypot', async () => {
        const token = await fresh();
        expect(await refused(async () => submitPollAnswers(deps, changeId, { ...answers, token, website: 'http://spam.example' }, await aClient(deps)))).toEqual({ code: 'validation_failed', reason: 'honeypot' });
      });

      it('answers out of range or missing', async () => {
        const token = await fresh();
        const client = await aClient(deps);
        for (const bad of [{ ...answers, q1: 'misschien' }, { ...answers, q3: 6 }, { ...answers, q3: 0 }, { q1: 'ja', q2: 'ja' }, { ...answers, q3: 'drie' }]) {
          expect(await refused(() => submitPollAnswers(deps, changeId, { ...(bad as typeof answers), token }, client))).toEqual({ code: 'validation_failed', reason: 'invalid_input' });
        }
      });

      it('Q4 before the change is under way, and no Q4 once it is', async () => {
        expect(await refused(async () => submitPollAnswers(deps, changeId, { ...answers, q4: 4, token: await fresh() }, await aClient(deps)))).toEqual({ code: 'validation_failed', reason: 'invalid_input' });
        const running = (await aPolledChange(deps, 'in_progress')).change.id;
        expect(await refused(async () => submitPollAnswers(deps, running, { ...answers, token: await fresh(running) }, await aClient(deps)))).toEqual({ code: 'validation_failed', reason: 'invalid_input' });
      });

      it('a group that is not one of the change', async () => {
        const { change, organization } = await aPolledChange(deps);
        const stranger = await aGroup(deps, organization.id);
        for (const q5 of [stranger.id, '00000000-0000-4000-8000-000000000000', 'unknown']) {
          expect(await refused(async () => submitPollAnswers(deps, change.id, { ...answers, q5, token: await fresh(change.id) }, await aClient(deps)))).toEqual({ code: 'validation_failed', reason: 'invalid_input' });
        }
      });

      it('more submissions per address and change than the limit; another address still may', async () => {
        const limited = voiceDeps(open.db, { rules: { ...(await import('./guard')).VOICE_DEFAULTS.rules, pollPerChange: { name: 'poll', max: 3, windowMs: 86_400_000 } } });
        limited.clock.set(deps.clock.now().toISOString());
        const { change } = await aPolledChange(limited);
        const client = await aClient(limited, '203.0.113.9');
        for (let i = 0; i < 3; i += 1) await answerPoll(limited, change.id, answers, client);
        const token = (await getPoll(limited, change.id)).token;
        limited.clock.advance(5_000);
        expect(await refused(() => submitPollAnswers(limited, change.id, { ...answers, token }, client))).toEqual({ code: 'rate_limited', reason: 'rate_limited' });
        await submitPollAnswers(limited, change.id, { ...answers, token }, await aClient(limited, '203.0.113.10'));
        limited.clock.advance(86_400_000);
        await answerPoll(limited, change.id, answers, await aClient(limited, '203.0.113.9'));
      });
    });

    it('counts one token once when it is sent several times at the same moment', async () => {
      const { change } = await aPolledChange(deps);
      const { token } = await getPoll(deps, change.id);
      deps.clock.advance(5_000);
      const clients = await Promise.all([1, 2, 3, 4, 5].map((i) => aClient(deps, `192.0.2.${i}`)));
      const results = await Promise.allSettled(clients.map((client) => submitPollAnswers(deps, change.id, { token, q1: 'ja', q2: 'ja', q3: 3 }, client)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((r) => r.status === 'rejected')) expect(refusal((r as PromiseRejectedResult).reason)).toEqual({ code: 'conflict', reason: 'token_used' });
      expect((await getPerception(deps, change.id)).respondents).toBe(1);
      expect((await verifyPollAggregates(deps, change.id)).ok).toBe(true);
    });

    it('keeps aggregates equal to a recount, also under concurrent submissions', async () => {
      const { change, groups } = await aPolledChange(deps, 'in_progress', 3);
      const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;
      const submissions = Array.from({ length: 60 }, (_, i) => ({
        q1: pick(['ja', 'deels', 'nee'] as const, i),
        q2: pick(['nee', 'ja'] as const, i),
        q3: (i % 5) + 1,
        q4: ((i * 3) % 5) + 1,
        q5: i % 7 === 0 ? undefined : i % 6 === 0 ? 'none' : pick(groups, i).id,
      }));
      const tokens = await Promise.all(submissions.map(() => getPoll(deps, change.id)));
      deps.clock.advance(5_000);
      const clients = await Promise.all(submissions.map((_, i) => aClient(deps, `10.0.${i}.1`)));
      await Promise.all(submissions.map((s, i) => submitPollAnswers(deps, change.id, { ...s, token: tokens[i]!.token }, clients[i]!)));
      const check = await verifyPollAggregates(deps, change.id);
      expect(check.stored).toEqual(check.recounted);
      expect(check.ok).toBe(true);
      const perception = await getPerception(deps, change.id);
      expect(perception.respondents).toBe(60);
      const met = submissions.filter((s) => s.q4 >= s.q3).length;
      expect(perception.total!.perceivedSuccess).toBeCloseTo(met / 60);
      expect(perception.total!.meanGap).toBeCloseTo(submissions.reduce((a, s) => a + s.q4 - s.q3, 0) / 60);
      expect(perception.total!.understandingWhy).toBeCloseTo(submissions.filter((s) => s.q1 === 'ja').length / 60);
    });

    it('stores no raw address anywhere', async () => {
      const { change } = await aPolledChange(deps);
      await answerPoll(deps, change.id, { q1: 'ja', q2: 'ja', q3: 3 }, await aClient(deps, '203.0.113.77'));
      const snapshot = await snapshotStore(open.db);
      expect([...snapshot.values()].flat().join('\n')).not.toContain('203.0.113.77');
    });
  });
}
