import { createHash } from 'node:crypto';

/** A rendered page as it goes over the wire, with the version of the data it was rendered from. */
export interface CachedPage {
  version: string;
  body: Buffer;
  etag: string;
  contentType: string;
}

/**
 * An in-memory LRU of rendered public pages, bounded both in entries and in bytes so a crawler
 * walking every filter combination cannot grow the process (the spike test checks RSS). A Map keeps
 * insertion order: a hit is moved to the end, eviction takes from the front — O(1) both ways.
 *
 * Entries are not invalidated by events: each carries the register version it was rendered from
 * (the organization's audit sequence number, plus the day, see index.ts), and a lookup with another
 * version is a miss. That stays correct when another process (the CLI, a second app server) writes.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get(key: string, version: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, page: CachedPage): void {
    if (this.maxEntries <= 0 || page.body.length > this.maxBytes) return;
    this.delete(key);
    this.entries.set(key, page);
    this.bytes += page.body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.length;
    }
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.body.length;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}

/** A page ready to send: the body as bytes once, and a strong ETag of those bytes (RFC 9110 8.8.3). */
export const pageOf = (version: string, html: string, contentType: string): CachedPage => {
  const body = Buffer.from(html, 'utf8');
  return { version, body, contentType, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"` };
};
