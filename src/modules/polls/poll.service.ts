import { createHash } from 'node:crypto';
import { AppError, isoDate, newId, notFound, parseInput, systemActor } from '../../core';
import { batchesWrites, inTransaction, recordAudit, writeLocked, type Db, type Deps } from '../../storage';
import { getChange, type Change } from '../changes';
import { listGroups, selectImpacts } from '../groups';
import { addToThrottles, throttleCounts } from './guard.repository';
import { issueFormToken, rateLimited, rejection, throttle, throttleWindow, verifyFormToken, voiceOptions, type ClientHash, type VoiceDeps } from './guard';
import { perceptionOf, type Perception, type PollAggregates } from './perception';
import { asksExperience, NO_GROUP, questionsFor, UNKNOWN_GROUP, type Poll, type PollResponse, type ScaleAnswer } from './poll';
import { pollSubmissionSchema, type PollSubmission } from './poll.schema';
import { selectPollVersion, insertResponse, insertResponses, markTokensUsed, markTokenUsed, recountAggregates, selectAggregates, usedTokens } from './poll.repository';
import { batchWriter, type BatchWriter, type Outcome } from './writer';

/** Anonymous citizens write as this actor; their audit entries hold ids and counts, never answers. */
export const CITIZEN = systemActor('citizen');

type Read = Pick<Deps, 'db'>;

/** The poll exists on published changes only: anything else is `not_found`, so drafts do not leak. */
const publishedChange = async (db: Db, changeId: string): Promise<Change> => {
  const change = await getChange({ db }, changeId);
  if (!change.publishedAt) throw notFound('change', changeId);
  return change;
};

/** The change's groups (its impacts), in the order the editor gave them: the choices of Q5. */
const groupsOf = async (db: Db, change: Change): Promise<{ id: string; name: string }[]> => {
  const [impacts, groups] = await Promise.all([selectImpacts(db, { changeIds: [change.id] }), listGroups({ db }, change.organizationId)]);
  const names = new Map(groups.map((g) => [g.id as string, g.name]));
  return impacts.flatMap((i) => (names.has(i.groupId) ? [{ id: i.groupId as string, name: names.get(i.groupId)! }] : []));
};

/** The questions of a published change's poll with a fresh one-time token. Throws `not_found`. */
export const getPoll = async (deps: VoiceDeps, changeId: string): Promise<Poll> => {
  const change = await publishedChange(deps.db, changeId);
  const questions = questionsFor(change.status, await groupsOf(deps.db, change));
  return { changeId: change.id, questions, ...issueFormToken(deps, 'poll', change.id), minFillSeconds: Math.ceil(voiceOptions(deps).pollMinFillMs / 1000) };
};

const invalidAnswer = (path: string, message: string) =>
  new AppError('validation_failed', `${path}: ${message}`, { issues: [{ path, message }], details: { reason: 'invalid_input' } });

const filled = (value: unknown): boolean => typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null;

/** What a submission returns: nothing that could identify the respondent or their answers. */
export interface PollReceipt {
  changeId: string;
  message: string;
}

/**
 * Records one poll submission for a published change, from a client whose address the web layer
 * hashed (`hashClientAddress`). In one transaction (on SQLite shared with the submissions that
 * arrive at the same moment: group commit, see `answerBatch` and writer.ts): the answers are checked against the change (Q4 only once it is under way, Q5 one of its groups or "geen van deze"), the client's limits
 * counted, the token's nonce marked used (a reused token counts once, also when sent twice at the
 * same moment), the response stored and the aggregates incremented, and an audit entry without
 * answers written (`poll.answered` with the number of answers: one entry per change per batch).
 *
 * Resolves only after the COMMIT: an acknowledged answer is on disk.
 *
 * Throws `not_found` (change not published), `validation_failed` (answers; token missing, forged,
 * expired or sent too fast; honeypot filled), `conflict` (token used), `rate_limited`. Every
 * refusal writes nothing and carries `details.reason` (see `rejectionReasonOf`).
 */
export const submitPollAnswers = async (deps: VoiceDeps, changeId: string, input: PollSubmission, client: ClientHash): Promise<PollReceipt> => {
  if (filled((input as { website?: unknown } | undefined)?.website)) throw rejection('honeypot', 'Dit formulier is niet goed ingevuld.', 'website');
  const submission: Submission = { deps, changeId, data: parseInput(pollSubmissionSchema, input), client };
  if (!batchesWrites(deps.db)) return answerAlone(submission);
  let writer = writers.get(deps.db);
  if (!writer) writers.set(deps.db, (writer = batchWriter((batch) => answerBatch(deps.db, batch))));
  return writer.submit(submission);
};

const RECEIPT_MESSAGE = 'Dank u wel! Uw antwoorden zijn opgeslagen.';
const tokenUsed = () => rejection('token_used', 'U heeft deze peiling al ingevuld. Dank u wel!', 'token');

interface Submission {
  deps: VoiceDeps;
  changeId: string;
  data: ReturnType<typeof pollSubmissionSchema.parse>;
  client: ClientHash;
}

/** Reads that every submission of a batch would repeat (the change, its groups): once per batch. */
type Memo = Map<string, Promise<unknown>>;
const memoized = <T>(memo: Memo, key: string, read: () => Promise<T>): Promise<T> => {
  let found = memo.get(key) as Promise<T> | undefined;
  if (!found) memo.set(key, (found = read()));
  return found;
};

/** A submission that passed the checks that write nothing, and what it would write. */
interface Checked {
  change: Change;
  response: PollResponse;
  nonceHash: string;
  now: Date;
  /** The throttle rows it counts in, with their maximum: per client, then per client and change. */
  windows: { key: string; windowStart: string; max: number }[];
}

/**
 * The checks that need no writes, in the order the refusals take precedence: the change is
 * published (`not_found`), the token (signature, change, age), the answers against the change.
 */
const check = async (db: Db, s: Submission, memo: Memo): Promise<Checked> => {
  const { deps, data } = s;
  const options = voiceOptions(deps);
  const change = await memoized(memo, `change:${s.changeId}`, () => publishedChange(db, s.changeId));
  const token = verifyFormToken(deps, 'poll', change.id, data.token, options.pollMinFillMs);
  if (asksExperience(change.status) && data.q4 === undefined) throw invalidAnswer('q4', 'beantwoord ook hoe u de verandering ervaart');
  if (!asksExperience(change.status) && data.q4 !== undefined) throw invalidAnswer('q4', 'deze vraag komt pas als de verandering is begonnen');
  if (data.q5 !== undefined && data.q5 !== NO_GROUP && !(await memoized(memo, `groups:${change.id}`, () => groupsOf(db, change))).some((g) => g.id === data.q5)) {
    throw invalidAnswer('q5', 'kies een van de groepen, of "geen van deze"');
  }
  const now = deps.clock.now();
  const { pollPerClient, pollPerChange } = options.rules;
  return {
    change,
    now,
    nonceHash: createHash('sha256').update(token.nonce).digest('hex'),
    windows: [
      { ...throttleWindow(now, pollPerClient, s.client), max: pollPerClient.max },
      { ...throttleWindow(now, pollPerChange, s.client, change.id), max: pollPerChange.max },
    ],
    response: {
      id: newId(),
      changeId: change.id,
      groupKey: data.q5 ?? UNKNOWN_GROUP,
      q1: data.q1,
      q2: data.q2,
      q3: data.q3 as ScaleAnswer,
      q4: (data.q4 ?? null) as ScaleAnswer | null,
      submittedOn: isoDate(now),
    },
  };
};

/**
 * The audit entry of `answers` answers to one change stored in one transaction: no response ids
 * and no answers, so the log says how many answered and when, not what or who. One entry per
 * change per batch (not per answer) keeps the chain's cost and length independent of the number
 * of answers, and blurs the time of each single answer. The `answers` of a change's entries add up
 * to its number of responses.
 */
const audit = (db: Db, deps: VoiceDeps, change: Change, answers: number) =>
  recordAudit(db, deps, CITIZEN, { organizationId: change.organizationId, scope: 'public', action: 'poll.answered', entityType: 'change', entityId: change.id, data: { answers } });

/**
 * One submission in a transaction of its own (or the caller's): PostgreSQL, which groups
 * concurrent commits itself and where one transaction per submission takes its row locks in one
 * fixed order; callers inside a transaction; and the retry of a batch that failed.
 */
const answerAlone = (s: Submission): Promise<PollReceipt> =>
  inTransaction(s.deps.db, async (db) => {
    const c = await check(db, s, new Map());
    const { pollPerClient, pollPerChange } = voiceOptions(s.deps).rules;
    await throttle(db, c.now, pollPerClient, s.client);
    await throttle(db, c.now, pollPerChange, s.client, c.change.id);
    if (!(await markTokenUsed(db, c.nonceHash, c.change.id, c.now.toISOString()))) throw tokenUsed();
    await insertResponse(db, c.response);
    await audit(db, s.deps, c.change, 1);
    return { changeId: c.change.id, message: RECEIPT_MESSAGE };
  });

/** One batch writer per SQLite database handle. */
const writers = new WeakMap<Db, BatchWriter<Submission, PollReceipt>>();

/**
 * A batch of submissions (SQLite: group commit, see writer.ts) in ONE write transaction, with the
 * same outcome per submission as if each had run alone, in arrival order:
 *
 * 1. each is checked (`check`): a refusal there concerns only that submission;
 * 2. the throttle counts and used tokens of the whole batch are read in two queries, under the
 *    write lock (`BEGIN IMMEDIATE`), so nothing changes them before the batch writes;
 * 3. in arrival order, each submission is refused `rate_limited` when one of its limits would pass
 *    its maximum, or `token_used` when its token is used (stored, or accepted earlier in this
 *    batch: the same token sent twice at once counts once), and otherwise accepted, counting in
 *    its limits and using its token for the submissions after it;
 * 4. only the accepted ones are written: tokens, throttle counts, responses and aggregates in one
 *    statement per table, then one audit entry per change with its number of answers;
 * 5. COMMIT; only then does the writer settle the submissions' promises.
 *
 * A refused submission writes nothing. When the batch transaction fails for any other reason
 * (a bug, a full disk), it is rolled back and every submission is tried again alone, so one
 * poisoned submission cannot fail the others.
 */
const answerBatch = async (db: Db, batch: Submission[]): Promise<Outcome<PollReceipt>[]> => {
  try {
    return await writeLocked(db, async (tx) => {
      const memo: Memo = new Map();
      const outcomes: Outcome<PollReceipt>[] = new Array(batch.length);
      const checked: (Checked | undefined)[] = [];
      for (const [i, s] of batch.entries()) {
        try {
          checked[i] = await check(tx, s, memo);
        } catch (error) {
          outcomes[i] = { ok: false, error };
        }
      }
      const live = checked.flatMap((c, i) => (c ? [{ i, c }] : []));
      const id = (w: { key: string; windowStart: string }) => `${w.key}\n${w.windowStart}`;
      const counts = await throttleCounts(tx, live.flatMap(({ c }) => c.windows));
      const used = await usedTokens(tx, live.map(({ c }) => c.nonceHash));
      const accepted: { s: Submission; c: Checked }[] = [];
      const added = new Map<string, { key: string; windowStart: string; count: number }>();
      for (const { i, c } of live) {
        if (c.windows.some((w) => (counts.get(id(w)) ?? 0) + 1 > w.max)) {
          outcomes[i] = { ok: false, error: rateLimited() };
        } else if (used.has(c.nonceHash)) {
          outcomes[i] = { ok: false, error: tokenUsed() };
        } else {
          for (const w of c.windows) {
            counts.set(id(w), (counts.get(id(w)) ?? 0) + 1);
            const row = added.get(id(w)) ?? { key: w.key, windowStart: w.windowStart, count: 0 };
            row.count += 1;
            added.set(id(w), row);
          }
          used.add(c.nonceHash);
          accepted.push({ s: batch[i]!, c });
          outcomes[i] = { ok: true, value: { changeId: c.change.id, message: RECEIPT_MESSAGE } };
        }
      }
      await markTokensUsed(tx, accepted.map(({ c }) => ({ nonceHash: c.nonceHash, changeId: c.change.id, usedAt: c.now.toISOString() })));
      await addToThrottles(tx, [...added.values()]);
      await insertResponses(tx, accepted.map(({ c }) => c.response));
      const perChange = new Map<string, { s: Submission; change: Change; answers: number }>();
      for (const { s, c } of accepted) {
        const entry = perChange.get(c.change.id) ?? { s, change: c.change, answers: 0 };
        entry.answers += 1;
        perChange.set(c.change.id, entry);
      }
      for (const { s, change, answers } of perChange.values()) await audit(tx, s.deps, change, answers);
      return outcomes;
    });
  } catch {
    const outcomes: Outcome<PollReceipt>[] = [];
    for (const s of batch) {
      try {
        outcomes.push({ ok: true, value: await answerAlone(s) });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  }
};

/**
 * The perception of a change (understanding, expectation, experience, perceived success) for
 * everyone and per group, small groups merged (see `perceptionOf`). Reads only the aggregates:
 * the same cost with 100 or 10 million answers. Does not check publication (the editor sees
 * withdrawn changes too; public callers check it). Throws `not_found`.
 */
export const getPerception = async (deps: Read & Pick<VoiceDeps, 'voice'>, changeId: string): Promise<Perception> => {
  const change = await getChange(deps, changeId);
  const [aggregates, groups] = await Promise.all([selectAggregates(deps.db, change.id), groupsOf(deps.db, change)]);
  return perceptionOf(change.id, aggregates, groups, voiceOptions(deps).minGroupSize);
};

/**
 * Recounts a change's aggregates from the individual responses and compares them with the stored
 * ones (a full scan, for auditors): `ok` is true when they are equal. Throws `not_found`.
 */
export const verifyPollAggregates = async (deps: Read, changeId: string): Promise<{ ok: boolean; stored: PollAggregates; recounted: PollAggregates }> => {
  const change = await getChange(deps, changeId);
  const [stored, recounted] = await Promise.all([selectAggregates(deps.db, change.id), recountAggregates(deps.db, change.id)]);
  return { ok: JSON.stringify(stored) === JSON.stringify(recounted), stored, recounted };
};

/** The poll's version for one change: unchanged while no answer was accepted (for caching rendered figures). */
export const pollVersion = (deps: Read, changeId: string): Promise<number> => selectPollVersion(deps.db, changeId);
