import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getReactionForm, isVisible, listReactions, findReaction, MAX_DEPTH, postReaction, reportReaction, type Reaction, type ReactionInput, type ReportInput } from '../../modules/reactions';
import { maxLengthText, renderReactionFormPage, renderReactionsPage } from './pages/reactions';
import { thanksPath } from './pages/poll';
import type { FieldError } from './pages/voice-forms';
import { langQuery, parseQuery } from './query';
import { viewOf, type View } from './site';
import { clientOf, fieldsOf, findPublishedChange, fromOurSite, refusalOf, TOKEN_REASONS, type Refusal } from './voice';
import { VOICE } from './voice-i18n';
import type { ChangeParams, Found, VoiceKit } from './voice-kit';

const REACTION_FIELDS = ['token', 'website', 'displayName', 'role', 'text', 'parentId'] as const;
const PAGE_SIZE = 20;

const absentIfEmpty = (v: unknown) => (v === '' ? undefined : v);
const listQuery = langQuery.extend({ page: z.preprocess(absentIfEmpty, z.coerce.number().int().min(1).max(10_000).default(1)) });
const formQuery = langQuery.extend({ op: z.preprocess(absentIfEmpty, z.uuid().optional()) });

/**
 * Reactions on the portal (issue 4): the published reactions of a change (uncached: reports hide a
 * reaction without a register write), the form on its own page (uncached: it carries a signed form
 * token), posting with Post/Redirect/Get, and reporting a reaction.
 */
export const reactionRoutes = (app: FastifyInstance, kit: VoiceKit): void => {
  const { deps, site, langOf, personal, notFound, badRequest, refusedPage, foreign } = kit;

  /** The reaction a reply answers: visible, on this change, not itself a reply; otherwise undefined. */
  const parentOf = async (found: Found, id: string | undefined): Promise<Reaction | undefined | null> => {
    if (!id) return undefined;
    const parent = z.uuid().safeParse(id).success ? await findReaction(deps, id) : undefined;
    return parent && parent.changeId === found.change.id && isVisible(parent) && parent.depth < MAX_DEPTH ? parent : null;
  };

  const formErrors = (view: View, refusal: Refusal): FieldError[] => {
    const v = VOICE[view.lang];
    const general = { target: 'veld-displayName', field: 'form' };
    if (refusal.reason === 'too_fast') return [{ ...general, message: v.tooFast }];
    if (TOKEN_REASONS.includes(refusal.reason)) return [{ ...general, message: v.formExpired }];
    if (refusal.reason === 'duplicate') return [{ target: 'veld-text', field: 'text', message: v.duplicate }];
    const messages: Record<string, string> = { displayName: v.nameError, role: v.roleError, text: v.textError(maxLengthText(view)) };
    const errors = ['displayName', 'role', 'text'].filter((f) => refusal.fields.includes(f)).map((f) => ({ target: `veld-${f}`, field: f, message: messages[f]! }));
    return errors.length > 0 ? errors : [{ ...general, message: v.formProblem }];
  };

  app.get<{ Params: ChangeParams }>('/:org/veranderingen/:change/reacties', async (request, reply) => {
    const q = parseQuery(listQuery, request.query);
    if (!q.ok) return badRequest(request, reply, q.lang, q.problems);
    const view = viewOf(site, q.value.lang);
    const found = await findPublishedChange(deps, request.params.org, request.params.change);
    if (!found) return notFound(request, reply, view);
    const threads = await listReactions(deps, found.change.id, { page: q.value.page, size: PAGE_SIZE });
    if (q.value.page > 1 && threads.items.length === 0) return notFound(request, reply, view);
    return personal(request, reply, 200, renderReactionsPage(view, { ...found, threads }));
  });

  app.get<{ Params: ChangeParams }>('/:org/veranderingen/:change/reageren', async (request, reply) => {
    const q = parseQuery(formQuery, request.query);
    if (!q.ok) return badRequest(request, reply, q.lang, q.problems);
    const view = viewOf(site, q.value.lang);
    const found = await findPublishedChange(deps, request.params.org, request.params.change);
    const parent = found && (await parentOf(found, q.value.op));
    if (!found || parent === null) return notFound(request, reply, view);
    const form = await getReactionForm(deps, found.change.id);
    return personal(request, reply, 200, renderReactionFormPage(view, { ...found, token: form.token, parent, values: {}, errors: [] }));
  });

  app.post<{ Params: ChangeParams }>('/:org/veranderingen/:change/reageren', async (request, reply) => {
    const view = viewOf(site, langOf(request.query));
    const found = await findPublishedChange(deps, request.params.org, request.params.change);
    if (!found) return notFound(request, reply, view);
    if (!fromOurSite(request, kit.baseUrl)) return foreign(request, reply, view, found);
    const values = fieldsOf(request.body, REACTION_FIELDS);
    try {
      // The module parses and checks every field: the cast only names the shape it expects.
      const receipt = await postReaction(deps, found.change.id, values as ReactionInput, await clientOf(deps, request));
      return reply.redirect(view.href(thanksPath(found.organization.slug, found.change.slug), { voor: receipt.status === 'published' ? 'reactie-geplaatst' : 'reactie' }), 303);
    } catch (error) {
      const refusal = refusalOf(error);
      request.log.info({ event: 'citizen_voice.rejected', kind: 'reaction', reason: refusal.reason ?? refusal.code }, 'citizen write refused');
      const v = VOICE[view.lang];
      if (refusal.code === 'not_found') return notFound(request, reply, view);
      if (refusal.code === 'rate_limited') return refusedPage(request, reply, view, found, 429, v.tooMany, v.tooManyText);
      const parent = await parentOf(found, values.parentId);
      if (parent === null) return notFound(request, reply, view);
      const token = TOKEN_REASONS.includes(refusal.reason) || !values.token ? (await getReactionForm(deps, found.change.id)).token : values.token;
      const status = refusal.code === 'conflict' ? 409 : 422;
      return personal(request, reply, status, renderReactionFormPage(view, { ...found, token, parent, values, errors: formErrors(view, refusal) }));
    }
  });

  app.post<{ Params: ChangeParams & { id: string } }>('/:org/veranderingen/:change/reacties/:id/melden', async (request, reply) => {
    const view = viewOf(site, langOf(request.query));
    const found = await findPublishedChange(deps, request.params.org, request.params.change);
    const reaction = found && z.uuid().safeParse(request.params.id).success ? await findReaction(deps, request.params.id) : undefined;
    if (!found || !reaction || reaction.changeId !== found.change.id) return notFound(request, reply, view);
    if (!fromOurSite(request, kit.baseUrl)) return foreign(request, reply, view, found);
    const v = VOICE[view.lang];
    try {
      await reportReaction(deps, reaction.id, fieldsOf(request.body, ['reason']) as ReportInput, await clientOf(deps, request));
    } catch (error) {
      const refusal = refusalOf(error);
      request.log.info({ event: 'citizen_voice.rejected', kind: 'report', reason: refusal.reason ?? refusal.code }, 'citizen write refused');
      if (refusal.code === 'not_found') return notFound(request, reply, view);
      if (refusal.code === 'rate_limited') return refusedPage(request, reply, view, found, 429, v.tooMany, v.tooManyText);
      return refusedPage(request, reply, view, found, 422, v.errorSummary, v.chooseReason);
    }
    return reply.redirect(view.href(thanksPath(found.organization.slug, found.change.slug), { voor: 'melding' }), 303);
  });
};
