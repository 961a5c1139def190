import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import type { OpenDatabase } from '../../storage';
import { auditLength } from '../organizations/organization.factory';
import { rejectionReasonOf, VOICE_DEFAULTS } from './guard';
import { aClient, aPolledChange, voiceDeps, type TestVoiceDeps } from './poll.factory';
import { getPerception, getPoll, submitPollAnswers, verifyPollAggregates } from './poll.service';

/**
 * Submissions sent at the same moment: on SQLite they share one transaction (group commit,
 * writer.ts and `answerBatch`), on PostgreSQL each has its own. Either way every submission must
 * get the outcome it would get alone, in the order they arrived.
 */
for (const dialect of DIALECTS) {
  describe(`poll submissions at the same moment on ${dialect}`, () => {
    let open: OpenDatabase;
    let deps: TestVoiceDeps;

    beforeAll(async () => {
      open = await openTestDatabase(dialect);
      deps = voiceDeps(open.db, { rules: { ...VOICE_DEFAULTS.rules, pollPerChange: { name: 'poll', max: 2, windowMs: 86_400_000 } } });
    });
    afterAll(() => open.close());

    it('refuses each bad one for its own reason and stores all the others', async () => {
      const { change, organization } = await aPolledChange(deps);
      const other = await aPolledChange(deps);
      const tokens = await Promise.all(Array.from({ length: 8 }, () => getPoll(deps, change.id).then((p) => p.token)));
      const foreign = (await getPoll(deps, other.change.id)).token;
      deps.clock.advance(5_000);
      const [a, b, c, d] = await Promise.all(['192.0.2.11', '192.0.2.12', '192.0.2.13', '192.0.2.14'].map((ip) => aClient(deps, ip)));
      // Used before the batch.
      await submitPollAnswers(deps, change.id, { token: tokens[7]!, q1: 'ja', q2: 'ja', q3: 3 }, d!);
      const auditBefore = await auditLength(open.db, organization.id);

      const answers = { q1: 'deels', q2: 'nee', q3: 4 } as const;
      const sent = [
        { client: a!, body: { ...answers, token: tokens[0]! } }, // ok
        { client: b!, body: { ...answers, token: tokens[1]! } }, // ok
        { client: a!, body: { ...answers, token: tokens[2]! } }, // ok: a's second
        { client: a!, body: { ...answers, token: tokens[3]! } }, // a's third: past the limit of 2
        { client: c!, body: { ...answers, token: tokens[1]! } }, // b's token again, in the same batch
        { client: c!, body: { ...answers, token: tokens[7]! } }, // used before the batch
        { client: c!, body: { ...answers, q4: 5, token: tokens[4]! } }, // Q4 before the change is under way
        { client: c!, body: { ...answers, token: foreign } }, // a token of another change
        { client: a!, body: { ...answers, token: tokens[5]! } }, // a again: still past the limit (its refusals did not count)
        { client: c!, body: { ...answers, token: tokens[6]! } }, // ok
      ];
      const results = await Promise.allSettled(sent.map((s) => submitPollAnswers(deps, change.id, s.body, s.client)));
      const outcomes = results.map((r) => (r.status === 'fulfilled' ? 'ok' : rejectionReasonOf(r.reason)));
      const expected = ['ok', 'ok', 'ok', 'rate_limited', 'token_used', 'token_used', 'invalid_input', 'form_invalid', 'rate_limited', 'ok'];
      if (dialect === 'sqlite') {
        // One batch, checked in arrival order: exactly what one-by-one submissions would get.
        expect(outcomes).toEqual(expected);
      } else {
        // Separate concurrent transactions: which two of a's four get through, and whether b or c
        // uses b's token, is up to the race.
        // c's used token (5) may be checked after c's two good answers (4 when c wins b's token, and
        // 9) committed: then c is past its limit first, and the limit answers.
        const raced = [0, 2, 3, 8, 1, 4, 5];
        expect(outcomes.filter((_, i) => !raced.includes(i))).toEqual(expected.filter((_, i) => !raced.includes(i)));
        expect(outcomes[5] === 'token_used' || (outcomes[5] === 'rate_limited' && outcomes[4] === 'ok')).toBe(true);
        expect([0, 2, 3, 8].map((i) => outcomes[i]).sort()).toEqual(['ok', 'ok', 'rate_limited', 'rate_limited']);
        expect([1, 4].map((i) => outcomes[i]).sort()).toEqual(['ok', 'token_used']);
      }
      expect((await getPerception(deps, change.id)).respondents).toBe(5);
      expect((await verifyPollAggregates(deps, change.id)).ok).toBe(true);
      // One entry per change per transaction, counting its answers: one on SQLite (one batch), four on PostgreSQL.
      const added = await open.db.selectFrom('audit_events').select(['action', 'data']).where('organization_id', '=', organization.id).where('seq', '>', auditBefore).orderBy('seq').execute();
      expect(new Set(added.map((e) => e.action))).toEqual(new Set(['poll.answered']));
      expect(added.reduce((n, e) => n + (JSON.parse(e.data) as { answers: number }).answers, 0)).toBe(4);
      if (dialect === 'sqlite') expect(added.map((e) => e.data)).toEqual(['{"answers":4}']);
      const used = await open.db.selectFrom('poll_tokens_used').select('nonce_hash').where('change_id', '=', change.id).execute();
      expect(used).toHaveLength(5);
      const windows = await open.db.selectFrom('voice_throttle').select(['key', 'count']).where('key', 'like', `poll:%:${change.id}`).execute();
      // Only accepted answers count (d's one before the batch and the four of the batch), none past the limit.
      expect(windows.reduce((n, w) => n + Number(w.count), 0)).toBe(5);
      expect(Math.max(...windows.map((w) => Number(w.count)))).toBe(2);

      // Refused tokens are not used up: one refused for the limit works from another address.
      const refusedForLimit = [2, 3, 8].find((i) => outcomes[i] === 'rate_limited')!;
      await submitPollAnswers(deps, change.id, sent[refusedForLimit]!.body, await aClient(deps, '192.0.2.15'));
      expect((await getPerception(deps, change.id)).respondents).toBe(6);
    });

    it('answers many at once across changes, with aggregates equal to a recount', async () => {
      const changes = [await aPolledChange(deps, 'in_progress'), await aPolledChange(deps)];
      const jobs = Array.from({ length: 120 }, (_, i) => ({ i, polled: changes[i % 2]! }));
      const tokens = await Promise.all(jobs.map(({ polled }) => getPoll(deps, polled.change.id).then((p) => p.token)));
      deps.clock.advance(5_000);
      const clients = await Promise.all(jobs.map(({ i }) => aClient(deps, `198.51.100.${i}`)));
      await Promise.all(
        jobs.map(({ i, polled }) =>
          submitPollAnswers(
            deps,
            polled.change.id,
            { token: tokens[i]!, q1: 'ja', q2: 'deels', q3: (i % 5) + 1, ...(i % 2 === 0 ? { q4: ((i * 3) % 5) + 1 } : {}), ...(i % 3 === 0 ? { q5: polled.groups[0]!.id } : {}) },
            clients[i]!,
          ),
        ),
      );
      for (const { change } of changes) {
        expect((await getPerception(deps, change.id)).respondents).toBe(60);
        expect((await verifyPollAggregates(deps, change.id)).ok).toBe(true);
      }
    });
  });
}
