import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from './testing';

/**
 * Issue 9.4: requests that still arrive while the server closes (SIGTERM: a keep-alive connection
 * with a request queued behind one in flight) are refused like a database outage: a 503 problem
 * document with Retry-After and `Connection: close`, not Fastify's own JSON.
 */
describe('while the server closes', () => {
  let server: TestServer;
  let release: () => void = () => undefined;
  let port: number;
  let started = false;

  beforeAll(async () => {
    server = await openTestServer('sqlite');
    // A request that is still being answered when the close begins.
    server.app.get('/test-slow', async () => {
      started = true;
      await new Promise<void>((done) => (release = done));
      return { done: true };
    });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = (server.app.server.address() as { port: number }).port;
  });
  afterAll(() => server.close().catch(() => undefined));

  it('answers a queued request with a 503 problem document', { timeout: 20_000 }, async () => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    const ended = new Promise((done) => socket.on('close', done));
    // A keep-alive connection busy with a request when the close begins; the next request on it
    // (pipelined, so it arrives after the close began) is the one to refuse.
    socket.write('GET /test-slow HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await until(() => started);
    const closing = server.app.close();
    await new Promise((done) => setTimeout(done, 100));
    socket.write('GET /api/v1/organizations HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await new Promise((done) => setTimeout(done, 100));
    release();
    await ended;
    await closing;
    const second = received.slice(received.indexOf('HTTP/1.1', 10));
    expect(received.startsWith('HTTP/1.1 200')).toBe(true);
    expect(second).toMatch(/^HTTP\/1\.1 503/);
    expect(second.toLowerCase()).toContain('content-type: application/problem+json');
    expect(second.toLowerCase()).toMatch(/retry-after: \d+/);
    expect(second).toContain('"code":"unavailable"');
  });
});

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((done) => setTimeout(done, 10));
};
