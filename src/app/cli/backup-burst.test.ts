import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../storage';
import { runCli } from './index';
import { memoryIo } from './testing';
import { HELDER, exitOf, freePort, send, sleep } from '../../core/testing';

/**
 * Issue 9 item 7: "a test that backs up during a write burst and restores to a database where
 * audit verify passes and every acknowledged write before the backup is present".
 *
 * The real server (`node bin/helder.js serve` on SQLite, the demo municipality) takes poll answers
 * (each one a transaction with its audit entry) from several keep-alive connections. Once the load
 * runs, `helder backup` starts as its own process, as an operator's cron job would; the answers go
 * on until it has finished. Then the backup is restored into a new file with `helder restore`, and
 * that file must pass `helder audit verify` and hold every answer acknowledged (201) before the
 * backup said it began copying. Answers acknowledged while it copied may or may not be in it.
 *
 * Why this can fail: a copy that reads the file page by page without one read transaction (`cp`
 * of a live WAL database, or the backup API restarting under writes) gives a torn or stale file
 * whose chain does not verify or that lacks committed answers; a copy that ignores the WAL misses
 * the acknowledged answers not yet checkpointed into the main file.
 */

const SECRET = randomBytes(36).toString('base64url');
const CONNECTIONS = 4;
const TOKENS = 2000;
/** Start the backup once this many answers were acknowledged: the load is then in full swing. */
const BACKUP_AFTER = 100;

/** A citizen's address from the IPv6 documentation range (RFC 3849); four answers per address. */
const addressOf = (k: number) => `2001:db8::${Math.floor(k / 4).toString(16)}`;
const nonceHashOf = (token: string) => createHash('sha256').update(token.split('.')[4]!).digest('hex');

describe('a backup taken while the server writes', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'helder-burst-'));
  });
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores to a database that verifies and holds every answer acknowledged before it began', { timeout: 90_000 }, async () => {
    const live = join(dir, 'live.sqlite');
    const backup = join(dir, 'backup.sqlite');
    const restored = join(dir, 'restored.sqlite');
    const env = { ...process.env, DATABASE_URL: `sqlite:${live}`, HELDER_SECRET: SECRET, LOG_LEVEL: 'error' };
    const port = await freePort();
    const child = spawn(process.execPath, [HELDER, 'serve'], {
      env: { ...env, PORT: String(port), HOST: '127.0.0.1', HELDER_DEMO: 'on', HELDER_TRUST_PROXY: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    server = child;
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) break;
      if (i > 600) throw new Error('the server did not answer /healthz within a minute');
      await sleep(100);
    }
    const api = `http://127.0.0.1:${port}/api/v1`;
    const org = ((await (await fetch(`${api}/organizations`)).json()) as { items: { id: string; slug: string }[] }).items[0]!;
    const change = ((await (await fetch(`${api}/changes?organization=${org.slug}&size=1`)).json()) as { items: { id: string }[] }).items[0]!;
    const path = `/api/v1/changes/${change.id}/poll`;

    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const bodies: string[] = [];
    for (let k = 0; k < TOKENS; k += 16) {
      const replies = await Promise.all(Array.from({ length: Math.min(16, TOKENS - k) }, (_, j) => send(agent, port, 'GET', path, addressOf(k + j))));
      for (const r of replies) {
        expect(r.status).toBe(200);
        const poll = JSON.parse(r.body) as { token: string; questions: { id: string }[] };
        const q4 = poll.questions.some((q) => q.id === 'q4');
        bodies.push(JSON.stringify({ token: poll.token, q1: 'ja', q2: 'deels', q3: 1 + (bodies.length % 5), ...(q4 ? { q4: 1 } : {}) }));
      }
    }
    await sleep(2_500); // the minimum fill time of a poll token (2 s)

    const acknowledged: string[] = [];
    let backupRun: Promise<number> | undefined;
    let ackedBeforeBackup = 0;
    let backupDone = false;
    let next = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < TOKENS && !backupDone) {
          const k = next++;
          const r = await send(agent, port, 'POST', path, addressOf(k), bodies[k]);
          if (r.status !== 201) throw new Error(`answer ${k}: ${r.status} ${r.body.slice(0, 200)}`);
          acknowledged.push(nonceHashOf((JSON.parse(bodies[k]!) as { token: string }).token));
          if (acknowledged.length === BACKUP_AFTER && !backupRun) {
            const backupProcess = spawn(process.execPath, [HELDER, 'backup', '--output', backup], { env, stdio: ['ignore', 'pipe', 'inherit'] });
            // The command says "Backing up" right before it copies: every answer acknowledged
            // before that line arrived was committed before the copy began.
            backupProcess.stdout!.once('data', () => (ackedBeforeBackup = acknowledged.length));
            backupProcess.stdout!.resume();
            backupRun = exitOf(backupProcess).then((code) => {
              backupDone = true;
              return code;
            });
          }
        }
      }),
    );
    agent.destroy();
    expect(await backupRun).toBe(0);
    expect(ackedBeforeBackup).toBeGreaterThanOrEqual(BACKUP_AFTER);
    const ackedWhileBackingUp = acknowledged.length - ackedBeforeBackup;
    // The load went on while the backup process ran (else this would not test a live backup).
    expect(ackedWhileBackingUp).toBeGreaterThan(0);
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
    server = undefined;

    const io = memoryIo({ DATABASE_URL: `sqlite:${restored}` });
    expect(await runCli(['restore', backup], io), io.err()).toBe(0);
    const verify = memoryIo({ DATABASE_URL: `sqlite:${restored}` });
    expect(await runCli(['audit', 'verify'], verify), verify.out()).toBe(0);

    const open = createDatabase({ url: `sqlite:${restored}`, mustExist: true });
    try {
      const used = new Set((await open.db.selectFrom('poll_tokens_used').select('nonce_hash').where('change_id', '=', change.id).execute()).map((r) => r.nonce_hash));
      const missing = acknowledged.slice(0, ackedBeforeBackup).filter((hash) => !used.has(hash));
      expect(missing).toEqual([]);
      const inBackup = acknowledged.filter((hash) => used.has(hash)).length;
      console.log(
        `backup during a write burst: ${ackedBeforeBackup} answers acknowledged before the copy began (all in it), ${ackedWhileBackingUp} while it copied ` +
          `(${inBackup - ackedBeforeBackup} of them in it); backup ${(statSync(backup).size / 1e6).toFixed(1)} MB`,
      );
    } finally {
      await open.close();
    }
  });
});
