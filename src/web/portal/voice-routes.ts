import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getPoll, submitPollAnswers, type Poll, type PollSubmission } from '../../modules/polls';
import type { WebContext } from '../context';
import { questionId, renderMessagePage, renderPollPage, thanksPath } from './pages/poll';
import type { FieldError } from './pages/voice-forms';
import { langQuery, parseQuery } from './query';
import { changePath, viewOf, type Site, type View } from './site';
import { clientOf, fieldsOf, findPublishedChange, fromOurSite, refusalOf, TOKEN_REASONS, type Refusal } from './voice';
import { voiceKit, type ChangeParams } from './voice-kit';
import { reactionRoutes } from './reaction-routes';
import { followRoutes } from './follow-routes';
import { VOICE } from './voice-i18n';

const POLL_FIELDS = ['token', 'q1', 'q2', 'q3', 'q4', 'q5', 'website'] as const;
const THANKS = ['peiling', 'reactie', 'reactie-geplaatst', 'melding'] as const;
const thanksQuery = langQuery.extend({ voor: z.enum(THANKS) });

/**
 * The citizen-voice pages of the portal (issue 4): the poll and the reaction forms on their own
 * pages, never cached, linked from the cached change page. Every POST follows
 * Post/Redirect/Get: 303 to a thank-you page, or the form again with its errors (422), a page that
 * says why (403, 409, 429). No cookie is ever set; see docs/portal.md for why anonymous forms need
 * none.
 */
export const voiceRoutes = (app: FastifyInstance, ctx: WebContext, site: Site): void => {
  const kit = voiceKit(app, ctx, site);
  const { deps, langOf, personal, notFound, badRequest, backLinks, refusedPage, foreign } = kit;

  // --- the poll ---------------------------------------------------------------------------------

  const pollErrors = (view: View, poll: Poll, refusal: Refusal): FieldError[] => {
    const v = VOICE[view.lang];
    const first = { target: `${questionId('q1')}-0`, field: 'form' };
    if (refusal.reason === 'too_fast') return [{ ...first, message: v.tooFast }];
    if (TOKEN_REASONS.includes(refusal.reason)) return [{ ...first, message: v.formExpired }];
    const errors = poll.questions.flatMap((q, i): FieldError[] => {
      if (!refusal.fields.includes(q.id)) return [];
      const message = q.id === 'q5' ? v.chooseGroup : q.id === 'q1' || q.id === 'q2' ? v.chooseUnderstanding(i + 1) : v.chooseScale(i + 1);
      return [{ target: `${questionId(q.id)}-0`, field: q.id, message }];
    });
    return errors.length > 0 ? errors : [{ ...first, message: v.formProblem }];
  };

  app.get<{ Params: ChangeParams }>('/:org/veranderingen/:change/peiling', async (request, reply) => {
    const q = parseQuery(langQuery, request.query);
    if (!q.ok) return badRequest(request, reply, q.lang, q.problems);
    const view = viewOf(site, q.value.lang);
    const found = await findPublishedChange(deps, request.params.org, request.params.change);
    if (!found) return notFound(request, reply, view);
    const poll = await getPoll(deps, found.change.id);
    return personal(request, reply, 200, renderPollPage(view, { ...found, poll, values: {}, errors: [] }));
  });

  app.post<{ Params: ChangeParams }>('/:org/veranderingen/:change/peiling', async (request, reply) => {
    const view = viewOf(site, langOf(request.query));
    const found = await findPublishedChange(deps, request.params.org, request.params.change);
    if (!found) return notFound(request, reply, view);
    if (!fromOurSite(request, ctx.baseUrl)) return foreign(request, reply, view, found);
    const values = fieldsOf(request.body, POLL_FIELDS);
    try {
      // The module parses and checks every answer: the cast only names the shape it expects.
      await submitPollAnswers(deps, found.change.id, values as PollSubmission, await clientOf(deps, request));
    } catch (error) {
      const refusal = refusalOf(error);
      request.log.info({ event: 'citizen_voice.rejected', kind: 'poll', reason: refusal.reason ?? refusal.code }, 'citizen write refused');
      const v = VOICE[view.lang];
      if (refusal.code === 'not_found') return notFound(request, reply, view);
      if (refusal.code === 'conflict') return refusedPage(request, reply, view, found, 409, v.alreadyAnswered, v.alreadyAnsweredText);
      if (refusal.code === 'rate_limited') return refusedPage(request, reply, view, found, 429, v.tooMany, v.tooManyText);
      const fresh = await getPoll(deps, found.change.id);
      // A token that is ours and merely early stays: the answers were not stored, so it is unused.
      const poll = TOKEN_REASONS.includes(refusal.reason) || !values.token ? fresh : { ...fresh, token: values.token };
      return personal(request, reply, 422, renderPollPage(view, { ...found, poll, values, errors: pollErrors(view, poll, refusal) }));
    }
    return reply.redirect(view.href(thanksPath(found.organization.slug, found.change.slug), { voor: 'peiling' }), 303);
  });

  // --- thank-you pages (the GET of Post/Redirect/Get) -------------------------------------------

  app.get<{ Params: ChangeParams }>('/:org/veranderingen/:change/bedankt', async (request, reply) => {
    const q = parseQuery(thanksQuery, request.query);
    if (!q.ok) return badRequest(request, reply, q.lang, q.problems);
    const view = viewOf(site, q.value.lang);
    const v = VOICE[view.lang];
    const found = await findPublishedChange(deps, request.params.org, request.params.change);
    if (!found) return notFound(request, reply, view);
    const page = changePath(found.organization.slug, found.change.slug);
    const texts: Record<(typeof THANKS)[number], { title: string; text: string; links: { label: string; href: string }[] }> = {
      peiling: { title: v.thanks, text: v.thanksPoll, links: [{ label: v.seeOpinions, href: `${view.href(page)}#meningen` }] },
      reactie: { title: v.thanksReaction, text: v.thanksReactionText, links: [] },
      'reactie-geplaatst': { title: v.thanksReactionPublished, text: v.thanksReactionText, links: [] },
      melding: { title: v.reportThanks, text: v.reportThanks, links: [] },
    };
    const t = texts[q.value.voor];
    return personal(request, reply, 200, renderMessagePage(view, { ...found, crumb: v.thanks, title: t.title, text: t.text, links: [...t.links, ...backLinks(view, found)] }));
  });

  reactionRoutes(app, kit);
  followRoutes(app, kit);
};
