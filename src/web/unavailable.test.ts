import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../core';
import { createDatabase, type OpenDatabase } from '../storage';
import { buildServer } from './server';

/**
 * Issue 9.1: whatever the route, a database that cannot be reached answers with ONE shape: a 503
 * problem document (API, and any client that does not ask for HTML), the Dutch "tijdelijk niet
 * beschikbaar" page (portal and editor), always with Retry-After; /healthz answers 503.
 *
 * The database is a PostgreSQL URL whose port refuses connections (a server that is down), so
 * every query fails the way it does during a restart, without a server to stop.
 */
describe('a database that cannot be reached', () => {
  let refusing: Server;
  let database: OpenDatabase;
  let app: Awaited<ReturnType<typeof buildServer>>;

  beforeAll(async () => {
    // A port that was free a moment ago and is closed again: connecting to it is refused.
    refusing = createServer();
    const port = await new Promise<number>((done) => refusing.listen(0, '127.0.0.1', () => done((refusing.address() as { port: number }).port)));
    await new Promise((done) => refusing.close(done));
    database = createDatabase({ url: `postgres://helder@127.0.0.1:${port}/helder`, connectTimeoutMs: 1_000 });
    app = await buildServer({
      deps: { db: database.db, clock: systemClock },
      baseUrl: 'http://localhost:8080',
      hsts: false,
      health: async () => {
        const health = await database.health();
        return { ok: health.ok, status: health.status, database: health.dialect };
      },
      portal: { loadShedding: false },
      secret: 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz',
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('answers every API route with a 503 problem and Retry-After', async () => {
    for (const url of ['/api/v1/organizations', '/api/v1/changes?organization=voorbeeldstad', `/api/v1/changes/${randomUUID()}`]) {
      const res = await app.inject({ url });
      expect([url, res.statusCode, res.headers['content-type'], res.json().code]).toEqual([url, 503, 'application/problem+json; charset=utf-8', 'unavailable']);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('shows the portal and the editor as temporarily unavailable, in Dutch', async () => {
    const html = { accept: 'text/html' };
    for (const request of [
      { url: '/', headers: html },
      { url: '/voorbeeldstad', headers: html },
      { url: '/editor', headers: { ...html, cookie: `helder_session=${randomBytes(32).toString('base64url')}` } },
    ]) {
      const res = await app.inject(request);
      expect([request.url, res.statusCode, res.headers['content-type']]).toEqual([request.url, 503, 'text/html; charset=utf-8']);
      expect(res.body).toContain('Tijdelijk niet beschikbaar');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('answers /healthz with 503', async () => {
    const res = await app.inject({ url: '/healthz' });
    expect([res.statusCode, res.json()]).toEqual([503, { status: 'unavailable', database: 'postgres' }]);
  });
});

const randomUUID = () => crypto.randomUUID();
