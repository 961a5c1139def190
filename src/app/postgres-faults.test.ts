import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../storage/testing';
import { findPgBin, freePort, HELDER, sleep } from '../core/testing';

/**
 * Issue 9, "Done when": a real `helder serve` on its own PostgreSQL cluster, under light load
 * (portal pages, API reads, /healthz and citizens' poll answers), while the cluster is stopped with
 * `pg_ctl stop -m fast`, stopped with `-m immediate` (a crash) and frozen with SIGSTOP — then
 * started or thawed again. It shows:
 *
 * - the Node process stays up (an `'error'` event of the pg pool used to end it at the first stop);
 * - every request that starts while the database is down or frozen is answered, with 503 (a problem
 *   document for the API) within 2 s, and /healthz with 503 within 1 s — before, a frozen
 *   database held every request for as long as it stayed frozen;
 * - no request ever answers 500 (every storage fault maps to the one 503);
 * - it recovers by itself: after each restart or thaw, reads and writes succeed again;
 * - every write acknowledged with 201 is in the database at the end.
 *
 * The cluster is private to this test (it stops and freezes it), started from the server binaries
 * like scripts/test.js does; as root it runs as the `postgres` user. The default timeouts
 * (HELDER_DB_CONNECT_TIMEOUT_MS and HELDER_DB_STATEMENT_TIMEOUT_MS, 1 s) are the ones under test.
 */

const SECRET = randomBytes(36).toString('base64url');
const OUTAGE_MS = 5_000;
const TOKENS = 600;

/** A PostgreSQL cluster of our own, to stop, crash and freeze. */
class Cluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'helder-pgfault-'));
  readonly data = join(this.dir, 'data');
  port = 0;
  private readonly asRoot = process.getuid?.() === 0;

  constructor(private readonly bin: string) {}

  private run(cmd: string, args: string[]): void {
    const path = join(this.bin, cmd);
    if (this.asRoot) execFileSync('runuser', ['-u', 'postgres', '--', path, ...args], { stdio: 'pipe' });
    else execFileSync(path, args, { stdio: 'pipe' });
  }

  async init(): Promise<void> {
    if (this.asRoot) execFileSync('chown', ['postgres', this.dir]);
    chmodSync(this.dir, 0o700);
    this.port = await freePort();
    this.run('initdb', ['-D', this.data, '-A', 'trust', '-U', 'helder', '-E', 'UTF8', '--no-sync']);
    this.start();
  }

  get url(): string {
    return `postgres://helder@127.0.0.1:${this.port}/postgres`;
  }

  start(): void {
    this.run('pg_ctl', ['-D', this.data, '-w', '-l', join(this.dir, 'log'), '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1`, 'start']);
  }

  stop(mode: 'fast' | 'immediate'): void {
    this.run('pg_ctl', ['-D', this.data, '-w', '-m', mode, 'stop']);
  }

  /** The postmaster and every process it started (backends, checkpointer, …). */
  private processes(): number[] {
    const postmaster = Number(readFileSync(join(this.data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          // Field 4 of /proc/PID/stat is the parent; the command name (field 2) may hold spaces.
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
        } catch {
          return false;
        }
      })
      .map(Number);
    return [postmaster, ...children];
  }

  freeze(): void {
    for (const pid of this.processes()) process.kill(pid, 'SIGSTOP');
  }

  thaw(): void {
    for (const pid of this.processes().reverse()) process.kill(pid, 'SIGCONT');
  }

  remove(): void {
    try {
      this.thaw();
    } catch {
      // not running
    }
    try {
      this.stop('immediate');
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

interface Outcome {
  kind: 'page' | 'api' | 'health' | 'write';
  started: number;
  ms: number;
  status: number;
  type: string;
  error?: string;
}

const send = (agent: Agent, port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; type: string; body: string }> =>
  new Promise((done, fail) => {
    const all: Record<string, string | number> = { ...headers };
    if (body !== undefined) Object.assign(all, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    const req = httpRequest({ host: '127.0.0.1', port, method, path, agent, headers: all, timeout: 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString() }));
      res.on('error', fail);
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 20 s')));
    req.on('error', fail);
    req.end(body);
  });

const addressOf = (k: number) => `2001:db8::${k.toString(16)}`;
const nonceHashOf = (token: string) => createHash('sha256').update(token.split('.')[4]!).digest('hex');

const bin = findPgBin();
// Runs wherever the PostgreSQL tests run (npm test, CI); there the server binaries must be present.
const enabled = DIALECTS.includes('postgres');

describe.skipIf(!enabled)('PostgreSQL restarts and freezes under load', () => {
  let cluster: Cluster;
  let server: ChildProcess;
  let port: number;
  let serverLog = '';

  beforeAll(async () => {
    if (!bin) throw new Error('PostgreSQL server binaries not found (apt-get install -y postgresql, or set PG_BIN)');
    cluster = new Cluster(bin);
    await cluster.init();
    port = await freePort();
    server = spawn(process.execPath, [HELDER, 'serve'], {
      env: { ...process.env, DATABASE_URL: cluster.url, PORT: String(port), HOST: '127.0.0.1', HELDER_DEMO: 'on', HELDER_TRUST_PROXY: '127.0.0.1', HELDER_SECRET: SECRET, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (c: Buffer) => (serverLog += c.toString()));
    server.stderr!.on('data', (c: Buffer) => (serverLog += c.toString()));
    for (let i = 0; ; i++) {
      if (server.exitCode !== null) throw new Error(`helder serve exited with ${server.exitCode}: ${serverLog}`);
      if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) break;
      if (i > 1200) throw new Error(`helder serve did not start within two minutes: ${serverLog}`);
      await sleep(100);
    }
  }, 180_000);

  afterAll(() => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    cluster?.remove();
  });

  it('stays up, answers 503 within 2 s while down or frozen, recovers by itself and keeps every acknowledged write', { timeout: 240_000 }, async () => {
    const api = `http://127.0.0.1:${port}/api/v1`;
    const org = ((await (await fetch(`${api}/organizations`)).json()) as { items: { slug: string }[] }).items[0]!;
    const change = ((await (await fetch(`${api}/changes?organization=${org.slug}&size=1`)).json()) as { items: { id: string; slug: string }[] }).items[0]!;
    const pollPath = `/api/v1/changes/${change.id}/poll`;

    // Poll tokens first (signed with the fixed secret), one address each: no throttle interferes.
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const bodies: string[] = [];
    for (let k = 0; k < TOKENS; k += 8) {
      const replies = await Promise.all(Array.from({ length: 8 }, (_, j) => send(agent, port, 'GET', pollPath, { 'x-forwarded-for': addressOf(k + j) })));
      for (const r of replies) {
        expect(r.status).toBe(200);
        const poll = JSON.parse(r.body) as { token: string; questions: { id: string }[] };
        const asksQ4 = poll.questions.some((q) => q.id === 'q4');
        bodies.push(JSON.stringify({ token: poll.token, q1: 'ja', q2: 'deels', q3: 3, ...(asksQ4 ? { q4: 4 } : {}) }));
      }
    }
    await sleep(2_500); // the minimum fill time of a poll token

    // Light load: four clients in a loop until the end, each request timed.
    const outcomes: Outcome[] = [];
    const acknowledged: string[] = [];
    let running = true;
    let next = 0;
    // Many visitors, so the portal's per-client rate limit does not answer instead of the database.
    let visitors = 0;
    const visitor = () => addressOf(0x100000 + (visitors++ % 50_000));
    const timed = async (kind: Outcome['kind'], method: string, path: string, headers: Record<string, string>, body?: string) => {
      const started = Date.now();
      try {
        const r = await send(agent, port, method, path, headers, body);
        outcomes.push({ kind, started, ms: Date.now() - started, status: r.status, type: r.type });
        return r;
      } catch (error) {
        outcomes.push({ kind, started, ms: Date.now() - started, status: 0, type: '', error: String(error) });
        return undefined;
      }
    };
    const clients = [
      async () => {
        while (running) {
          await timed('page', 'GET', `/${org.slug}/veranderingen/${change.slug}`, { accept: 'text/html', 'x-forwarded-for': visitor() });
          await sleep(20);
        }
      },
      async () => {
        while (running) {
          await timed('api', 'GET', `/api/v1/changes/${change.id}`, { 'x-forwarded-for': visitor() });
          await sleep(20);
        }
      },
      async () => {
        while (running) {
          await timed('health', 'GET', '/healthz', {});
          await sleep(50);
        }
      },
      async () => {
        while (running && next < bodies.length) {
          const k = next++;
          const r = await timed('write', 'POST', pollPath, { 'x-forwarded-for': addressOf(k) }, bodies[k]);
          if (r?.status === 201) acknowledged.push(nonceHashOf((JSON.parse(bodies[k]!) as { token: string }).token));
          await sleep(20);
        }
      },
    ];
    const load = Promise.all(clients.map((c) => c()));

    /** Windows in which the database was down or frozen: every request started inside must be a quick 503. */
    const outages: { name: string; from: number; to: number }[] = [];
    const recovered = async (name: string) => {
      const since = Date.now();
      const acked = acknowledged.length;
      while (Date.now() - since < 60_000) {
        const ok = outcomes.filter((o) => o.started > since);
        if (ok.some((o) => o.kind === 'health' && o.status === 200) && ok.some((o) => o.kind === 'api' && o.status === 200) && acknowledged.length > acked) return;
        await sleep(100);
      }
      throw new Error(`no recovery within a minute after ${name}`);
    };

    await sleep(2_000);
    for (const mode of ['fast', 'immediate'] as const) {
      cluster.stop(mode);
      const from = Date.now();
      await sleep(OUTAGE_MS);
      outages.push({ name: `stop -m ${mode}`, from, to: Date.now() });
      cluster.start();
      await recovered(`stop -m ${mode}`);
    }
    cluster.freeze();
    const from = Date.now();
    await sleep(OUTAGE_MS);
    outages.push({ name: 'SIGSTOP', from, to: Date.now() });
    cluster.thaw();
    await recovered('SIGSTOP');

    running = false;
    await load;
    agent.destroy();

    // The process stayed up through all of it.
    expect(server.exitCode).toBeNull();
    // Every request was answered, and never with a 500.
    expect(outcomes.filter((o) => o.status === 0 || o.status >= 500 && o.status !== 503).map((o) => `${o.kind} ${o.status} ${o.error ?? ''}`)).toEqual([]);
    for (const outage of outages) {
      // Started inside the window, early enough that 2 s later the database was still down.
      const during = outcomes.filter((o) => o.started >= outage.from && o.started < outage.to - 2_000);
      expect(during.length, outage.name).toBeGreaterThanOrEqual(4);
      const late = during.filter((o) => o.status !== 503 || o.ms > (o.kind === 'health' ? 1_000 : 2_000)).map((o) => `${o.kind} ${o.status} ${o.ms} ms`);
      expect({ outage: outage.name, late }).toEqual({ outage: outage.name, late: [] });
      // The API's 503 is a problem document.
      expect(during.filter((o) => o.kind === 'api' || o.kind === 'write').every((o) => o.type.startsWith('application/problem+json')), outage.name).toBe(true);
    }

    // Every acknowledged answer is stored.
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ nonce_hash: string }>('SELECT nonce_hash FROM poll_tokens_used WHERE change_id = $1', [change.id]);
      const stored = new Set(rows.map((r) => r.nonce_hash));
      expect(acknowledged.filter((hash) => !stored.has(hash))).toEqual([]);
    } finally {
      await client.end();
    }
    const slowest = Math.max(...outages.flatMap((o) => outcomes.filter((x) => x.started >= o.from && x.started < o.to - 2_000).map((x) => x.ms)));
    const counts = new Map<string, number>();
    for (const o of outcomes) counts.set(`${o.kind} ${o.status}`, (counts.get(`${o.kind} ${o.status}`) ?? 0) + 1);
    const statuses = [...counts].map(([k, n]) => `${k}: ${n}`);
    console.log(
      `postgres fault test: ${outcomes.length} requests (${statuses.join(', ')}), ${acknowledged.length} acknowledged writes all present; ` +
        `slowest answer during an outage ${slowest} ms; outages: ${outages.map((o) => `${o.name} ${o.to - o.from} ms`).join(', ')}`,
    );
  });
});
