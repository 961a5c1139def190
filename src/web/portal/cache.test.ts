import { describe, expect, it } from 'vitest';
import { PageCache, pageOf } from './cache';

describe('PageCache', () => {
  it('misses on another version, so a write elsewhere invalidates', () => {
    const cache = new PageCache(10, 1_000_000);
    cache.set('/a', pageOf('1', '<p>a</p>', 'text/html'));
    expect(cache.get('/a', '1')?.body.toString()).toBe('<p>a</p>');
    expect(cache.get('/a', '2')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond its entry bound', () => {
    const cache = new PageCache(2, 1_000_000);
    cache.set('/a', pageOf('1', 'a', 'text/html'));
    cache.set('/b', pageOf('1', 'b', 'text/html'));
    cache.get('/a', '1');
    cache.set('/c', pageOf('1', 'c', 'text/html'));
    expect(cache.get('/b', '1')).toBeUndefined();
    expect(cache.get('/a', '1')).toBeDefined();
    expect(cache.size).toBe(2);
  });

  it('stays within its byte bound', () => {
    const cache = new PageCache(100, 10);
    for (let i = 0; i < 20; i++) cache.set(`/${i}`, pageOf('1', '1234', 'text/html'));
    expect(cache.totalBytes).toBeLessThanOrEqual(10);
    cache.set('/big', pageOf('1', 'x'.repeat(11), 'text/html'));
    expect(cache.get('/big', '1')).toBeUndefined();
  });

  it('gives equal bodies equal ETags and different bodies different ones', () => {
    expect(pageOf('1', 'a', 't').etag).toBe(pageOf('2', 'a', 't').etag);
    expect(pageOf('1', 'a', 't').etag).not.toBe(pageOf('1', 'b', 't').etag);
  });
});
