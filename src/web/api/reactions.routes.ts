import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_PAGE_SIZE, notFound } from '../../core';
import { getChange } from '../../modules/changes';
import { getOrganization } from '../../modules/organizations';
import {
  getReaction,
  getReactionForm,
  linksClickable,
  listModerationQueue,
  listReactions,
  moderateReaction,
  postOfficialAnswer,
  postReaction,
  REACTION_ROLE_LABELS,
  reportReaction,
  segmentsOf,
  type ModerationInput,
  type OfficialAnswerInput,
  type Reaction,
  type ReactionInput,
  type ReportInput,
} from '../../modules/reactions';
import type { WebContext } from '../context';
import { requireScope, tokenActorOf } from './auth';
import { clientOf, idParam, loggingRejections, NO_STORE, registerVoiceRateLimit, voiceDepsOf } from './polls.routes';
import { operation } from './openapi';
import { pageOf } from './schemas';

const segmentSchema = z.object({ kind: z.enum(['text', 'link']), text: z.string(), href: z.string().nullable().optional() });

const publicReactionSchema = z.object({
  id: z.string(),
  displayName: z.string().describe('As the citizen typed it: escape it'),
  role: z.string(),
  roleLabel: z.string(),
  text: z.string().describe('Plain text as given: escape it'),
  segments: z.array(segmentSchema).describe('The text split into text and links; `href` only once the links may be clickable'),
  official: z.boolean().describe('An answer of the organization'),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
const threadSchema = publicReactionSchema.extend({ replies: z.array(publicReactionSchema) });

const moderatedReactionSchema = publicReactionSchema.extend({
  changeId: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().int(),
  status: z.string(),
  rejectionReason: z.string().nullable(),
  hidden: z.boolean(),
  reportCount: z.number().int(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
});

/** What readers see of a reaction: never the row (no text hash, no reviewer, no reports). */
const presentReaction = (r: Reaction) => ({
  id: r.id,
  displayName: r.displayName,
  role: r.role,
  roleLabel: r.official ? 'Namens de organisatie' : REACTION_ROLE_LABELS[r.role].nl,
  text: r.text,
  segments: segmentsOf(r.text, linksClickable(r)),
  official: r.official,
  createdAt: r.createdAt,
  publishedAt: r.publishedAt,
});

/** What a moderator sees: the public view plus status, reports and review. */
const presentForModerator = (r: Reaction) => ({
  ...presentReaction(r),
  changeId: r.changeId,
  parentId: r.parentId,
  depth: r.depth,
  status: r.status,
  rejectionReason: r.rejectionReason,
  hidden: r.hidden,
  reportCount: r.reportCount,
  reviewedAt: r.reviewedAt,
  reviewedBy: r.reviewedBy,
});

const looseBody = (fields: Record<string, string>) =>
  z.object(Object.fromEntries(Object.entries(fields).map(([k, d]) => [k, z.unknown().optional().describe(d)]))).catchall(z.unknown());

/**
 * Reactions on published changes (issue 4): the public half (form token, post, read threads,
 * report) without cookies and limited per hashed address, and the moderation half behind API
 * tokens with the `reactions:moderate` scope (official answers: `texts:write`).
 */
export const reactionRoutes =
  (ctx: WebContext): FastifyPluginAsyncZod =>
  async (app) => {
    const deps = voiceDepsOf(app, ctx);
    await registerVoiceRateLimit(app, deps);

    app.get(
      '/changes/:id/reactions/form',
      {
        schema: operation({
          operationId: 'getReactionForm',
          summary: 'What a reaction form needs: a signed token, roles, report reasons, limits',
          tags: ['reactions'],
          params: idParam,
          responses: {
            200: z.object({
              changeId: z.string(),
              token: z.string(),
              issuedAt: z.string(),
              expiresAt: z.string(),
              minFillSeconds: z.number().int(),
              maxLength: z.number().int(),
              honeypotField: z.string().describe('Render it hidden from people; any value refuses the reaction'),
              roles: z.array(z.object({ value: z.string(), label: z.string(), labelEn: z.string() })),
              reportReasons: z.array(z.object({ value: z.string(), label: z.string(), labelEn: z.string() })),
            }),
          },
          problems: [404, 429],
        }),
        config: { rateLimit: { max: 120, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        const form = await getReactionForm(deps, request.params.id);
        reply.header('cache-control', NO_STORE);
        return form;
      },
    );

    app.post(
      '/changes/:id/reactions',
      {
        schema: operation({
          operationId: 'postReaction',
          summary: 'React to a published change (or reply to a reaction)',
          description: 'Stored as pending until a moderator publishes it (unless the organization uses post-moderation). 409 for a duplicate text, 422 for invalid input or form token, 429 when this address sent too many.',
          tags: ['reactions'],
          params: idParam,
          body: looseBody({ token: 'The token of GET …/reactions/form', displayName: 'Up to 60 characters', role: 'inwoner | ondernemer | medewerker | extern | anders', text: 'Plain text, up to 2,000 characters', parentId: 'The reaction this replies to' }),
          responses: { 201: z.object({ id: z.string(), status: z.string(), message: z.string() }) },
          problems: [404, 409, 422, 429],
        }),
        config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        const client = await clientOf(deps, request);
        const receipt = await loggingRejections(request, 'reaction', () => postReaction(deps, request.params.id, request.body as ReactionInput, client));
        return reply.status(201).header('cache-control', NO_STORE).send(receipt);
      },
    );

    app.get(
      '/changes/:id/reactions',
      {
        schema: operation({
          operationId: 'listReactions',
          summary: 'The published reactions of a published change, threaded, oldest first',
          tags: ['reactions'],
          params: idParam,
          querystring: z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1), size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20) }),
          responses: { 200: pageOf(threadSchema) },
          problems: [404],
        }),
      },
      async (request) => {
        const page = await listReactions(deps, request.params.id, request.query);
        return { ...page, items: page.items.map((t) => ({ ...presentReaction(t.reaction), replies: t.replies.map(presentReaction) })) };
      },
    );

    app.post(
      '/reactions/:id/reports',
      {
        schema: operation({
          operationId: 'reportReaction',
          summary: 'Report a published reaction (spam, offensive, off_topic)',
          description: 'Each reader counts once per reaction; after enough distinct reports the reaction is hidden until a moderator decides.',
          tags: ['reactions'],
          params: idParam,
          body: looseBody({ reason: 'spam | offensive | off_topic' }),
          responses: { 202: z.object({ message: z.string() }) },
          problems: [404, 422, 429],
        }),
        config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        const client = await clientOf(deps, request);
        const { message } = await loggingRejections(request, 'report', () => reportReaction(deps, request.params.id, request.body as ReportInput, client));
        return reply.status(202).header('cache-control', NO_STORE).send({ message });
      },
    );

    app.get(
      '/organizations/:slug/moderation/reactions',
      {
        schema: operation({
          operationId: 'listModerationQueue',
          summary: 'The moderation queue: pending, reported and unreviewed reactions, oldest first',
          tags: ['reactions'],
          scope: 'reactions:moderate',
          params: z.object({ slug: z.string().min(1).max(80) }),
          querystring: z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1), size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20) }),
          responses: {
            200: pageOf(moderatedReactionSchema).extend({ counts: z.object({ total: z.number().int(), pending: z.number().int(), reported: z.number().int(), unreviewed: z.number().int() }) }),
          },
          problems: [404],
        }),
        preHandler: requireScope(ctx.deps, 'reactions:moderate'),
      },
      async (request, reply) => {
        const organization = await getOrganization(deps, request.params.slug);
        if (organization.id !== request.apiToken?.organizationId) throw notFound('organization', request.params.slug);
        const queue = await listModerationQueue(deps, tokenActorOf(request), organization.id, request.query);
        reply.header('cache-control', NO_STORE);
        return { ...queue.page, items: queue.page.items.map(presentForModerator), counts: queue.counts };
      },
    );

    app.post(
      '/reactions/:id/moderation',
      {
        schema: operation({
          operationId: 'moderateReaction',
          summary: 'Publish or reject (with reason) a reaction',
          tags: ['reactions'],
          scope: 'reactions:moderate',
          params: idParam,
          body: looseBody({ decision: 'publish | reject', reason: 'Required when rejecting' }),
          responses: { 200: moderatedReactionSchema },
          problems: [404, 409, 422],
        }),
        preHandler: requireScope(ctx.deps, 'reactions:moderate'),
      },
      async (request) => {
        const reaction = await getReaction(deps, request.params.id);
        if (reaction.organizationId !== request.apiToken?.organizationId) throw notFound('reaction', request.params.id);
        return presentForModerator(await moderateReaction(deps, tokenActorOf(request), reaction.id, request.body as ModerationInput));
      },
    );

    app.post(
      '/changes/:id/reactions/official',
      {
        schema: operation({
          operationId: 'postOfficialAnswer',
          summary: 'An official answer of the organization, published at once',
          tags: ['reactions', 'write'],
          scope: 'texts:write',
          params: idParam,
          body: looseBody({ text: 'Plain text, up to 2,000 characters', parentId: 'The reaction this answers', displayName: 'Defaults to the name of the token owner' }),
          responses: { 201: moderatedReactionSchema },
          problems: [404, 409, 422],
        }),
        preHandler: requireScope(ctx.deps, 'texts:write'),
      },
      async (request, reply) => {
        const change = await getChange(deps, request.params.id);
        if (change.organizationId !== request.apiToken?.organizationId) throw notFound('change', request.params.id);
        const answer = await postOfficialAnswer(deps, tokenActorOf(request), change.id, request.body as OfficialAnswerInput);
        return reply.status(201).send(presentForModerator(answer));
      },
    );
  };
