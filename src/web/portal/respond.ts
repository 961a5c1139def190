import type { FastifyReply, FastifyRequest } from 'fastify';
import { isoDate } from '../../core';
import type { WebContext } from '../context';
import { PageCache, pageOf, type CachedPage } from './cache';

export interface Rendered {
  status: number;
  body: string;
  contentType?: string;
  /** `no-store` for pages that carry a form token for one person; `no-cache` otherwise. */
  cacheControl?: string;
}

export const HTML = 'text/html; charset=utf-8';

/**
 * Serves public pages from the page cache. Per request the cost is one indexed query (the
 * organization's audit head, `ctx.registerVersion`) and a Map lookup; a page is rendered only when
 * the register changed since it was cached, or the day changed (pages show "past milestones done",
 * goal tracking and the legitimacy check relative to today). Only 200s are cached, so probing
 * unknown URLs cannot evict real pages. Without `registerVersion` every request renders: correct,
 * only slower.
 */
export class PageServer {
  readonly cache: PageCache;
  /** Renders in flight per key and version: a burst of misses for one page renders it once. */
  private readonly pending = new Map<string, Promise<CachedPage | Rendered>>();

  constructor(
    private readonly ctx: WebContext,
    entries: number,
    bytes: number,
  ) {
    this.cache = new PageCache(entries, bytes);
  }

  /** `scope`: an organization id, `'all'` for pages about every organization, `'static'` for pages that never change. */
  /**
   * `splice`: for pages with a live part (the change page's poll figures), turns the cached page
   * into the page to send, per request; the cached bytes stay as rendered.
   */
  async serve(request: FastifyRequest, reply: FastifyReply, key: string, scope: string, render: () => Promise<Rendered>, splice?: (page: CachedPage) => Promise<CachedPage>): Promise<FastifyReply> {
    const version = await this.versionOf(scope);
    const live = async (page: CachedPage) => (splice ? splice(page) : page);
    if (version === null) {
      const rendered = await render();
      return rendered.status === 200 && splice ? sendPage(request, reply, await live(pageOf('', rendered.body, rendered.contentType ?? HTML)), 200) : send(request, reply, rendered);
    }
    const hit = this.cache.get(key, version);
    if (hit) return sendPage(request, reply, await live(hit), 200);
    const flightKey = `${key}\n${version}`;
    let flight = this.pending.get(flightKey);
    if (!flight) {
      flight = render()
        .then((r) => (r.status === 200 ? this.store(key, version, r) : r))
        .finally(() => this.pending.delete(flightKey));
      this.pending.set(flightKey, flight);
    }
    const result = await flight;
    return 'etag' in result ? sendPage(request, reply, await live(result), 200) : send(request, reply, result);
  }

  private store(key: string, version: string, r: Rendered): CachedPage {
    const page = pageOf(version, r.body, r.contentType ?? HTML);
    this.cache.set(key, page);
    return page;
  }

  private async versionOf(scope: string): Promise<string | null> {
    const today = isoDate(this.ctx.deps.clock.now());
    if (scope === 'static') return today;
    if (!this.ctx.registerVersion) return null;
    const n = await this.ctx.registerVersion(scope === 'all' ? undefined : scope);
    return `${n}:${today}`;
  }
}

/** Revalidation is cheap (ETag), so browsers and proxies may keep a page but must ask first: a write shows at once. */
const sendPage = (request: FastifyRequest, reply: FastifyReply, page: CachedPage, status: number): FastifyReply => {
  reply.header('etag', page.etag).header('cache-control', 'no-cache');
  if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
  return reply.code(status).header('content-type', page.contentType).send(page.body);
};

export const send = (_request: FastifyRequest, reply: FastifyReply, r: Rendered): FastifyReply =>
  reply
    .code(r.status)
    .header('content-type', r.contentType ?? HTML)
    .header('cache-control', r.cacheControl ?? 'no-cache')
    .send(r.body);
