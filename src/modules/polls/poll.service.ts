import { createHash } from 'node:crypto';
import { AppError, isoDate, newId, notFound, parseInput, systemActor } from '../../core';
import { inTransaction, recordAudit, type Db, type Deps } from '../../storage';
import { getChange, type Change } from '../changes';
import { listGroups, selectImpacts } from '../groups';
import { issueFormToken, rejection, throttle, verifyFormToken, voiceOptions, type ClientHash, type VoiceDeps } from './guard';
import { perceptionOf, type Perception, type PollAggregates } from './perception';
import { asksExperience, NO_GROUP, questionsFor, UNKNOWN_GROUP, type Poll, type PollResponse, type ScaleAnswer } from './poll';
import { pollSubmissionSchema, type PollSubmission } from './poll.schema';
import { insertResponse, markTokenUsed, recountAggregates, selectAggregates } from './poll.repository';

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
 * hashed (`hashClientAddress`). In one transaction: the answers are checked against the change
 * (Q4 only once it is under way, Q5 one of its groups or "geen van deze"), the client's limits
 * counted, the token's nonce marked used (a reused token counts once, also when sent twice at the
 * same moment), the response stored and the aggregates incremented, and an audit entry without
 * answers written.
 *
 * Throws `not_found` (change not published), `validation_failed` (answers; token missing, forged,
 * expired or sent too fast; honeypot filled), `conflict` (token used), `rate_limited`. Every
 * refusal writes nothing and carries `details.reason` (see `rejectionReasonOf`).
 */
export const submitPollAnswers = async (deps: VoiceDeps, changeId: string, input: PollSubmission, client: ClientHash): Promise<PollReceipt> => {
  if (filled((input as { website?: unknown } | undefined)?.website)) throw rejection('honeypot', 'Dit formulier is niet goed ingevuld.', 'website');
  const data = parseInput(pollSubmissionSchema, input);
  const options = voiceOptions(deps);
  return inTransaction(deps.db, async (db) => {
    const change = await publishedChange(db, changeId);
    const token = verifyFormToken(deps, 'poll', change.id, data.token, options.pollMinFillMs);
    if (asksExperience(change.status) && data.q4 === undefined) throw invalidAnswer('q4', 'beantwoord ook hoe u de verandering ervaart');
    if (!asksExperience(change.status) && data.q4 !== undefined) throw invalidAnswer('q4', 'deze vraag komt pas als de verandering is begonnen');
    if (data.q5 !== undefined && data.q5 !== NO_GROUP && !(await groupsOf(db, change)).some((g) => g.id === data.q5)) {
      throw invalidAnswer('q5', 'kies een van de groepen, of "geen van deze"');
    }
    const now = deps.clock.now();
    await throttle(db, now, options.rules.pollPerClient, client);
    await throttle(db, now, options.rules.pollPerChange, client, change.id);
    const nonceHash = createHash('sha256').update(token.nonce).digest('hex');
    if (!(await markTokenUsed(db, nonceHash, change.id, now.toISOString()))) {
      throw rejection('token_used', 'U heeft deze peiling al ingevuld. Dank u wel!', 'token');
    }
    const response: PollResponse = {
      id: newId(),
      changeId: change.id,
      groupKey: data.q5 ?? UNKNOWN_GROUP,
      q1: data.q1,
      q2: data.q2,
      q3: data.q3 as ScaleAnswer,
      q4: (data.q4 ?? null) as ScaleAnswer | null,
      submittedOn: isoDate(now),
    };
    await insertResponse(db, response);
    // No response id and no answers: the log says a poll was answered, not what or by whom.
    await recordAudit(db, deps, CITIZEN, { organizationId: change.organizationId, scope: 'public', action: 'poll.answered', entityType: 'change', entityId: change.id, data: {} });
    return { changeId: change.id, message: 'Dank u wel! Uw antwoorden zijn opgeslagen.' };
  });
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
