import { createHmac, randomBytes } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core';
import { getChange } from '../../modules/changes';
import {
  describePerception,
  getPerception,
  getPoll,
  hashClientAddress,
  rejectionReasonOf,
  submitPollAnswers,
  type ClientHash,
  type PerceptionFigures,
  type PollSubmission,
  type VoiceDeps,
} from '../../modules/polls';
import type { WebContext } from '../context';
import { operation } from './openapi';
import { idParam } from './schemas';

// --- shared by the citizen-voice routes (polls and reactions) ----------------------------------

/**
 * The deps of citizen-voice use cases: the context's deps plus the server secret. Without
 * `ctx.secret` (HELDER_SECRET) a random per-process secret keeps the routes working on one
 * server until it restarts; the warning says so.
 */
export const voiceDepsOf = (app: FastifyInstance, ctx: WebContext): VoiceDeps => {
  let secret = ctx.secret;
  if (!secret) {
    secret = fallbackSecret;
    if (!warned) app.log.warn('HELDER_SECRET is not set: poll and reaction forms use a random per-process secret and fail after a restart or on another server');
    warned = true;
  }
  return { ...ctx.deps, secret };
};
const fallbackSecret = randomBytes(32).toString('base64url');
let warned = false;

/** Hashes the client address at the edge (salted, rotated daily); the raw address goes no further. */
export const clientOf = (deps: VoiceDeps, request: FastifyRequest): Promise<ClientHash> => hashClientAddress(deps, request.ip);

/**
 * The key of the per-process flood guard: the address hashed with a random salt that lives only in
 * this process's memory and is replaced every UTC day. Unlike `clientOf` it touches no database, so
 * a GET stays a pure read (the database salt is created on the first write of a day).
 */
const floodKeyOf = (deps: VoiceDeps, request: FastifyRequest): string => {
  const day = deps.clock.now().toISOString().slice(0, 10);
  if (floodSalt.day !== day) floodSalt = { day, salt: randomBytes(32) };
  return createHmac('sha256', floodSalt.salt).update(request.ip).digest('base64url');
};
let floodSalt = { day: '', salt: Buffer.alloc(0) };

/**
 * A per-process flood guard in front of the database's own limits, keyed by a hashed address
 * (never the raw one). Routes opt in with `config.rateLimit`; 429s are problem documents.
 */
export const registerVoiceRateLimit = async (app: FastifyInstance, deps: VoiceDeps): Promise<void> => {
  await app.register(rateLimit, {
    global: false,
    cache: 10_000,
    keyGenerator: (request) => floodKeyOf(deps, request),
    onExceeded: (request) => request.log.info({ event: 'citizen_voice.rejected', reason: 'rate_limited', route: request.routeOptions.url }, 'citizen write refused'),
  });
};

/**
 * Runs a citizen write and logs every refusal with its reason (issue 4: "all rejections leave no
 * row and are counted in logs"): one `citizen_voice.rejected` line per refusal, no address, no text.
 */
export const loggingRejections = async <T>(request: FastifyRequest, kind: string, write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    const reason = rejectionReasonOf(error);
    if (reason) request.log.info({ event: 'citizen_voice.rejected', kind, reason }, 'citizen write refused');
    throw error;
  }
};

export { idParam } from './schemas';
export const NO_STORE = 'no-store';

// --- poll -----------------------------------------------------------------------------------

const optionSchema = z.object({ value: z.string(), label: z.string(), labelEn: z.string() });
const pollSchema = z.object({
  changeId: z.string(),
  questions: z.array(z.object({ id: z.string(), text: z.string(), textEn: z.string(), required: z.boolean(), options: z.array(optionSchema) })),
  token: z.string().describe('One-time token: send it back with the answers'),
  issuedAt: z.string(),
  expiresAt: z.string(),
  minFillSeconds: z.number().int().describe('Answers sent sooner after `issuedAt` are refused'),
});

// Loose on purpose: the module validates the answers, so a wrong answer is 422 with the field.
const submissionBody = z
  .object({
    token: z.unknown().optional().describe('The token of GET …/poll'),
    q1: z.unknown().optional().describe('ja | deels | nee'),
    q2: z.unknown().optional().describe('ja | deels | nee'),
    q3: z.unknown().optional().describe('1 (much worse) … 5 (much better)'),
    q4: z.unknown().optional().describe('1 … 5; required once the change is in progress or completed, refused before'),
    q5: z.unknown().optional().describe('A group id from the Q5 options, or `none`'),
  })
  .catchall(z.unknown());

const figuresSchema = z.object({
  respondents: z.number().int(),
  understandingWhy: z.number().describe('Share answering "ja" to Q1, 0…1'),
  understandingWhat: z.number().describe('Share answering "ja" to Q2, 0…1'),
  meanExpectation: z.number().describe('Mean of Q3, 1…5'),
  meanExperience: z.number().nullable(),
  perceivedSuccess: z.number().nullable().describe('Share with experience ≥ expectation'),
  meanGap: z.number().nullable().describe('Mean of Q4 − Q3'),
  experienceAnswers: z.number().int(),
  distribution: z.record(z.string(), z.record(z.string(), z.number().int())),
});

const perceptionSchema = z.object({
  changeId: z.string(),
  minGroupSize: z.number().int(),
  respondents: z.number().int(),
  total: figuresSchema.nullable().describe('Null while fewer than `minGroupSize` answered'),
  groups: z.array(z.object({ groupId: z.string(), name: z.string(), figures: figuresSchema })),
  other: figuresSchema.nullable().describe('"Overig": small groups, "geen van deze" and no group together; null when not shown'),
  text: z.array(z.object({ heading: z.string().nullable(), sentences: z.array(z.string()) })).describe('The same in plain Dutch sentences'),
});

const round = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);
const presentFigures = (f: PerceptionFigures) => ({
  respondents: f.respondents,
  understandingWhy: round(f.understandingWhy)!,
  understandingWhat: round(f.understandingWhat)!,
  meanExpectation: round(f.meanExpectation)!,
  meanExperience: round(f.meanExperience),
  perceivedSuccess: round(f.perceivedSuccess),
  meanGap: round(f.meanGap),
  experienceAnswers: f.experienceAnswers,
  distribution: f.distribution,
});

/**
 * The poll and perceived success of published changes (issue 4). Writes set no cookie and are
 * limited per hashed client address twice: here per process, in the module across servers.
 */
export const pollRoutes =
  (ctx: WebContext): FastifyPluginAsyncZod =>
  async (app) => {
    const deps = voiceDepsOf(app, ctx);
    await registerVoiceRateLimit(app, deps);

    app.get(
      '/changes/:id/poll',
      {
        schema: operation({ operationId: 'getPoll', summary: 'The poll of a published change, with a fresh one-time token', tags: ['polls'], params: idParam, responses: { 200: pollSchema }, problems: [404, 429] }),
        config: { rateLimit: { max: 120, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        const poll = await getPoll(deps, request.params.id);
        // A token is for one person: no shared cache may hand it to a second.
        reply.header('cache-control', NO_STORE);
        return poll;
      },
    );

    app.post(
      '/changes/:id/poll',
      {
        schema: operation({
          operationId: 'answerPoll',
          summary: 'Answer the poll of a published change',
          description: 'One submission per token. 409 when the token was used, 422 for invalid answers or an invalid, expired or too quickly sent token, 429 when this address sent too many.',
          tags: ['polls'],
          params: idParam,
          body: submissionBody,
          responses: { 201: z.object({ changeId: z.string(), message: z.string() }) },
          problems: [404, 409, 422, 429],
        }),
        config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        const client = await clientOf(deps, request);
        const receipt = await loggingRejections(request, 'poll', () => submitPollAnswers(deps, request.params.id, request.body as PollSubmission, client));
        return reply.status(201).header('cache-control', NO_STORE).send(receipt);
      },
    );

    app.get(
      '/changes/:id/perception',
      {
        schema: operation({
          operationId: 'getPerception',
          summary: 'Understanding, expectation, experience and perceived success of a published change, per group',
          description: `Groups with fewer than the minimum number of answers (default 10) are merged into "overig" and never shown apart; see docs/citizen-voice.md.`,
          tags: ['polls'],
          params: idParam,
          querystring: z.object({ lang: z.enum(['nl', 'en']).default('nl') }),
          responses: { 200: perceptionSchema },
          problems: [404],
        }),
      },
      async (request) => {
        const change = await getChange(deps, request.params.id);
        if (!change.publishedAt) throw notFound('change', request.params.id);
        const p = await getPerception(deps, change.id);
        return {
          changeId: p.changeId,
          minGroupSize: p.minGroupSize,
          respondents: p.respondents,
          total: p.total && presentFigures(p.total),
          groups: p.groups.map((g) => ({ groupId: g.groupId, name: g.name, figures: presentFigures(g.figures) })),
          other: p.other && presentFigures(p.other),
          text: describePerception(p, request.query.lang),
        };
      },
    );
  };
