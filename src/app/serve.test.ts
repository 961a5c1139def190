import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELDER, freePort, sleep } from '../core/testing';

/**
 * The real `helder serve` process at its start and its end (issue 9.1 and 9.4): started while the
 * database is down it says so in one line and exits non-zero (no stack trace); after SIGTERM a
 * client that never finishes its request body does not keep it alive past the shutdown deadline.
 */

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const start = (env: Record<string, string>, cwd?: string): Run => {
  const child = spawn(process.execPath, [HELDER, 'serve'], { env: { ...process.env, HOST: '127.0.0.1', HELDER_DEMO: 'off', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
};

describe('helder serve', () => {
  let dir: string;
  const running: ChildProcess[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'helder-serve-'));
  });
  afterAll(() => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  // A systemd unit or a cron job starts Helder from another folder: the pages (JSX) must still
  // render, which needs the repository's own tsconfig.json, not one looked up from the cwd.
  it('serves its pages when started from another folder', { timeout: 30_000 }, async () => {
    const port = await freePort();
    const run = start({ PORT: String(port), DATABASE_URL: `sqlite:${join(dir, 'elsewhere.sqlite')}` }, dir);
    running.push(run.child);
    let page: Response | undefined;
    for (let i = 0; i < 200 && !page; i++) {
      page = await fetch(`http://127.0.0.1:${port}/nergens`).catch(() => undefined);
      if (!page) await sleep(100);
    }
    expect(page?.status).toBe(404);
    expect(await page!.text()).toContain('<html lang="nl"');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('says in one line which database cannot be reached, and exits 1', { timeout: 30_000 }, async () => {
    const port = await freePort(); // nothing listens there: a PostgreSQL that is down
    const run = start({ PORT: String(await freePort()), DATABASE_URL: `postgres://helder:geheim@127.0.0.1:${port}/helder`, HELDER_DB_START_TIMEOUT_MS: '1500' });
    running.push(run.child);
    expect(await run.exited).toBe(1);
    const lines = run.stderr().trim().split('\n');
    // One line while it retries, one when it gives up; both name the database (without password) and the cause.
    expect(lines.length).toBeLessThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(new RegExp(`postgres://helder@127\\.0\\.0\\.1:${port}/helder.*ECONNREFUSED`));
    expect(run.stderr()).not.toMatch(/\n\s+at |geheim/);
  });

  it('exits after SIGTERM within its deadline while a client never finishes its request', { timeout: 30_000 }, async () => {
    const port = await freePort();
    const run = start({ PORT: String(port), DATABASE_URL: `sqlite:${join(dir, 'helder.sqlite')}`, HELDER_SHUTDOWN_TIMEOUT_MS: '500' });
    running.push(run.child);
    for (let i = 0; ; i++) {
      if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) break;
      if (i > 200 || run.child.exitCode !== null) throw new Error(`the server did not start: ${run.stderr()}`);
      await sleep(100);
    }
    // Headers promise 1000 bytes of body; only a few arrive, and then nothing.
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    await new Promise((done) => socket.once('connect', done));
    socket.write('POST /api/v1/changes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"title":');
    await sleep(300);
    run.child.kill('SIGTERM');
    // Before the deadline existed this waited forever (the test's timeout failed it).
    expect(await run.exited).toBe(0);
    socket.destroy();
  });
});
