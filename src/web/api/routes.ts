import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MAX_PAGE_SIZE, notFound } from '../../core';
import { getChangeChain } from '../../modules/chains';
import { CHANGE_STATUSES, getChange, listChanges } from '../../modules/changes';
import { getExpectationRegister } from '../../modules/expectations';
import { reportOf } from '../../modules/legitimacy';
import { countChangeFollowers } from '../../modules/notifications';
import { getGoal, listGoalVersions } from '../../modules/goals';
import { getOrganization, listOrganizations } from '../../modules/organizations';
import type { WebContext } from '../context';
import { presentChain, presentChangeSummary, presentExpectationRegister, presentGoalVersion, presentOrganization } from './presenters';
import { etagOf, withEtagHeader } from './write/preconditions';
import { operation } from './openapi';
import { changeDetailSchema, changeFollowersSchema, changeSummarySchema, expectationRegisterSchema, goalVersionSchema, idParam, legitimacySchema, organizationSchema, pageOf } from './schemas';

/**
 * Read API v1. Without authentication it shows only what the portal shows: published changes.
 * Every route: validate → (authorize, with the editor issue) → call the module → present.
 */
export const apiRoutes =
  (ctx: WebContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { deps, baseUrl } = ctx;

    /** A change as the public may see it: `not_found` for drafts, so unpublished ids do not leak. */
    const publishedChange = async (id: string) => {
      const change = await getChange(deps, id);
      if (!change.publishedAt) throw notFound('change', id);
      return change;
    };

    app.get(
      '/organizations',
      { schema: operation({ operationId: 'listOrganizations', summary: 'Organizations hosted here', tags: ['organizations'], responses: { 200: z.object({ items: z.array(organizationSchema) }) } }) },
      async () => ({ items: (await listOrganizations(deps)).map((o) => presentOrganization(o, baseUrl)) }),
    );

    app.get(
      '/changes',
      {
        schema: operation({
          operationId: 'listChanges',
          summary: "A page of an organization's published changes",
          tags: ['changes'],
          querystring: z.object({
            organization: z.string().min(1).max(80).describe('Organization slug or id'),
            page: z.coerce.number().int().min(1).max(100_000).default(1),
            size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
            status: z.enum(CHANGE_STATUSES).optional(),
            theme: z.string().max(60).optional(),
          }),
          responses: { 200: pageOf(changeSummarySchema) },
          problems: [404],
        }),
      },
      async (request) => {
        const { organization: slug, page, size, status, theme } = request.query;
        const organization = await getOrganization(deps, slug);
        const result = await listChanges(deps, organization.id, { status, theme, publishedOnly: true }, { page, size });
        return { ...result, items: result.items.map((c) => presentChangeSummary(c, organization.slug, baseUrl)) };
      },
    );

    app.get(
      '/changes/:id',
      {
        schema: operation({
          operationId: 'getChange',
          summary: 'The whole legitimacy chain of a change',
          description:
            'Goals with current version, anchors and latest measurement; measures with contributions; decisions; groups and impacts. The `ETag` is the revision of the change record itself (title, texts, status): what `PATCH /changes/{id}` sends back as `If-Match`; the parts of the chain have their own.',
          tags: ['changes'],
          params: idParam,
          responses: { 200: withEtagHeader(changeDetailSchema) },
          problems: [404],
        }),
      },
      async (request, reply) => {
        const change = await publishedChange(request.params.id);
        reply.header('ETag', etagOf(change));
        const [chain, organization] = await Promise.all([getChangeChain(deps, change.id), getOrganization(deps, change.organizationId)]);
        return presentChain(chain, organization.slug, baseUrl);
      },
    );

    app.get(
      '/changes/:id/followers',
      {
        schema: operation({
          operationId: 'getChangeFollowers',
          summary: 'How many people follow a change by mail',
          description: 'The number of confirmed e-mail subscriptions to this change (not to its groups or organization). A number only: no address is ever exposed.',
          tags: ['changes'],
          params: idParam,
          responses: { 200: changeFollowersSchema },
          problems: [404],
        }),
      },
      async (request) => {
        const change = await publishedChange(request.params.id);
        return { changeId: change.id, followers: await countChangeFollowers(deps.db, change.id) };
      },
    );

    app.get(
      '/changes/:id/legitimacy',
      {
        schema: operation({ operationId: 'getChangeLegitimacy', summary: 'The legitimacy check of a change', tags: ['changes'], params: idParam, responses: { 200: legitimacySchema }, problems: [404] }),
      },
      async (request) => {
        const change = await publishedChange(request.params.id);
        return reportOf(await getChangeChain(deps, change.id), deps.clock.now().toISOString().slice(0, 10));
      },
    );

    app.get(
      '/changes/:id/expectations',
      {
        schema: operation({
          operationId: 'getChangeExpectations',
          summary: 'The expectation register of a change',
          description:
            'Statements by politicians and the media; expectations of groups or the public with their status (supported, partly, unfounded, contradicted), the goals and decisions behind or against them, and our response; conflicts between groups with their weighing and settling decision.',
          tags: ['changes'],
          params: idParam,
          responses: { 200: expectationRegisterSchema },
          problems: [404],
        }),
      },
      async (request) => {
        const change = await publishedChange(request.params.id);
        return presentExpectationRegister(await getExpectationRegister(deps, change.id));
      },
    );

    app.get(
      '/goals/:id/versions',
      {
        schema: operation({
          operationId: 'listGoalVersions',
          summary: 'Every version of a goal, oldest first',
          tags: ['goals'],
          params: idParam,
          responses: { 200: z.object({ goalId: z.string(), items: z.array(goalVersionSchema) }) },
          problems: [404],
        }),
      },
      async (request) => {
        const goal = await getGoal(deps, request.params.id);
        if (!(await getChange(deps, goal.changeId)).publishedAt) throw notFound('goal', goal.id);
        const versions = await listGoalVersions(deps, goal.id);
        return { goalId: request.params.id, items: versions.map(presentGoalVersion) };
      },
    );
  };
