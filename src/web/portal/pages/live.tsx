import { createHash } from 'node:crypto';
import { getPerception, pollVersion } from '../../../modules/polls';
import type { Deps } from '../../../storage';
import { renderHtml } from '../../views/render';
import type { CachedPage } from '../cache';
import type { View } from '../site';
import { PerceptionBlock, type LiveData } from './perception';

/**
 * The live part of a cached page. The change page is cached per register version, but poll answers
 * are public audit events that do not move that version (storage/audit.ts), so the perception
 * figures cannot be part of the cached bytes. The cached page holds a marker instead, and every
 * request splices the current figures in: the cached bytes before and after the marker are reused,
 * the figures cost three small reads of the aggregates (the same with 100 or 10 million answers).
 *
 * The marker is an element only this component renders: citizen and editor text is escaped (`<`
 * becomes `&lt;`, `"` becomes `&quot;`), so no content can forge it.
 */
const START = Buffer.from('<div class="helder-live" data-live="');
const END = Buffer.from('"></div>');

export const LiveMarker = ({ data }: { data: LiveData }) => <div class="helder-live" data-live={Buffer.from(JSON.stringify(data)).toString('base64url')}></div>;

interface Parts {
  before: Buffer;
  after: Buffer;
  data: LiveData;
}

/** Split once per cached page (the page object lives as long as its cache entry). */
const parts = new WeakMap<CachedPage, Parts | null>();

const partsOf = (page: CachedPage): Parts | null => {
  let found = parts.get(page);
  if (found !== undefined) return found;
  const start = page.body.indexOf(START);
  const end = start < 0 ? -1 : page.body.indexOf(END, start);
  found = end < 0 ? null : {
    before: page.body.subarray(0, start),
    after: page.body.subarray(end + END.length),
    data: JSON.parse(Buffer.from(page.body.subarray(start + START.length, end).toString('latin1'), 'base64url').toString('utf8')) as LiveData,
  };
  parts.set(page, found);
  return found;
};

/**
 * The page with the current perception figures in place of its marker, with its own strong ETag
 * (the cached page's ETag and the fragment together), so browsers still revalidate cheaply.
 */
/** The last spliced result per cached page, with the poll version it was made at. */
const spliced = new WeakMap<CachedPage, { version: number; page: CachedPage }>();

export const spliceLive = async (deps: Pick<Deps, 'db'>, view: View, page: CachedPage): Promise<CachedPage> => {
  const split = partsOf(page);
  if (!split) return page;
  // One indexed read decides whether the figures changed since the last request for this page; only
  // then are they read, rendered and spliced again. (A new register version is a new cached page.)
  const version = await pollVersion(deps, split.data.changeId);
  const last = spliced.get(page);
  if (last && last.version === version) return last.page;
  const html = renderHtml(<PerceptionBlock view={view} p={await getPerception(deps, split.data.changeId)} data={split.data} />);
  const etag = `"${createHash('sha1').update(page.etag).update(html).digest('base64url').slice(0, 27)}"`;
  const result = { version: page.version, contentType: page.contentType, etag, body: Buffer.concat([split.before, Buffer.from(html, 'utf8'), split.after]) };
  spliced.set(page, { version, page: result });
  return result;
};
