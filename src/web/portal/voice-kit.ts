import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../context';
import type { Lang } from './i18n';
import { renderErrorPage } from './pages/errors';
import { renderMessagePage } from './pages/poll';
import { send } from './respond';
import { changePath, viewOf, type Site, type View } from './site';
import { RETRY_AFTER_SECONDS, voiceDepsOf, type findPublishedChange } from './voice';
import { VOICE } from './voice-i18n';

export type ChangeParams = { org: string; change: string };
export type Found = NonNullable<Awaited<ReturnType<typeof findPublishedChange>>>;

/** A form page carries a token for one person: no shared cache may keep it (RFC 9111 5.2.2.5). */
const NO_STORE = 'no-store';

/** What every citizen-voice route needs: the deps with the secret, and the pages that say no. */
export const voiceKit = (app: FastifyInstance, ctx: WebContext, site: Site) => {
  const deps = voiceDepsOf(app, ctx);
  const langOf = (query: unknown): Lang => ((query as Record<string, unknown> | undefined)?.lang === 'en' ? 'en' : 'nl');
  /** Sends a page that must not be stored anywhere (it may carry a token, or says something about one write). */
  const personal = (request: FastifyRequest, reply: FastifyReply, status: number, body: string) => send(request, reply, { status, body, cacheControl: NO_STORE });

  const notFound = (request: FastifyRequest, reply: FastifyReply, view: View) =>
    personal(request, reply, 404, renderErrorPage({ view, status: 404, change: true }));
  const badRequest = (request: FastifyRequest, reply: FastifyReply, lang: Lang, problems: string[]) =>
    send(request, reply, { status: 400, body: renderErrorPage({ view: viewOf(site, lang), status: 400, problems }) });

  const backLinks = (view: View, found: Found) => [{ label: `${VOICE[view.lang].backToChange} ${found.change.title}`, href: view.href(changePath(found.organization.slug, found.change.slug)) }];

  /** 403 for a form posted from another site, 409 for a used token or a duplicate, 429 with Retry-After. */
  const refusedPage = (request: FastifyRequest, reply: FastifyReply, view: View, found: Found, status: 403 | 409 | 422 | 429, title: string, text: string) => {
    if (status === 429) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return personal(request, reply, status, renderMessagePage(view, { organization: found.organization, change: found.change, crumb: title, title, text, links: backLinks(view, found) }));
  };
  const foreign = (request: FastifyRequest, reply: FastifyReply, view: View, found: Found) => {
    request.log.info({ event: 'citizen_voice.rejected', reason: 'foreign_origin' }, 'citizen write refused');
    return refusedPage(request, reply, view, found, 403, VOICE[view.lang].foreignForm, VOICE[view.lang].foreignFormText);
  };
  return { deps, site, baseUrl: ctx.baseUrl, langOf, personal, notFound, badRequest, backLinks, refusedPage, foreign };
};
export type VoiceKit = ReturnType<typeof voiceKit>;
