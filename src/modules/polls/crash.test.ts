import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, verifyChain, type OpenDatabase } from '../../storage';
import { verifyPollAggregates } from './poll.service';
import { HELDER, freePort, send, sleep } from '../../core/testing';

/**
 * Issue 4: "kill -9 the server during a load, restart, and every acknowledged answer is present".
 *
 * The real server (`node bin/helder.js serve`, SQLite in WAL mode with `synchronous=FULL`, the demo
 * municipality) takes poll answers from 16 concurrent keep-alive connections. The test writes down
 * every answer acknowledged with 201 (its token's nonce), sends SIGKILL to the server while answers
 * are in flight, starts it again on the same file, and does that for a few rounds. At the end, with
 * the server stopped, every acknowledged nonce must be in `poll_tokens_used` (its response and
 * aggregate increments are written in the same transaction), the responses must match the used
 * tokens one to one, the aggregates must equal a recount, and the audit chain must verify.
 *
 * Why this can fail. SIGKILL ends the process at once; what the process handed to the kernel
 * survives (this test cannot pull the power: that is what `synchronous=FULL` is for, and
 * ARCHITECTURE.md "Storage" sets it on every open). So the check catches exactly the bug that is
 * ours to make: an answer acknowledged before its transaction committed. Under this load the server
 * is nearly always inside a batch (writer.ts): a build that resolved each submission when its work
 * was done instead of after the batch's COMMIT, or that answered 201 and wrote afterwards, has
 * acknowledged-but-uncommitted answers at almost every moment the kill can land, and those are gone
 * after the restart, so the first expectation fails; several rounds make a lucky miss unlikely.
 * Verified by hand (2026-11-27): with `answerBatch` settling each submission as soon as its outcome
 * was decided (before the batch's writes and COMMIT), the test failed in both runs tried, with 16
 * and 45 acknowledged answers missing. Settling right before the COMMIT instead would leave a window
 * of microseconds that a kill rarely hits: no test of this kind can prove that ordering, which is
 * why writer.ts settles only after `commit` returned.
 *
 * No timing is asserted: readiness is polled on /healthz, the kill comes after a number of
 * acknowledgements, and the rounds stop after a bounded time on a slow machine.
 */

const SECRET = randomBytes(36).toString('base64url');
const CONNECTIONS = 16;
const ROUNDS = 3;
const TOKENS_PER_ROUND = 400;
/** Kill once this many answers of the round were acknowledged: the load is then in full swing. */
const KILL_AFTER = 120;

/** A citizen's address from the IPv6 documentation range (RFC 3849); four answers per address. */
const addressOf = (k: number) => `2001:db8::${Math.floor(k / 4).toString(16)}`;

const nonceHashOf = (token: string) => createHash('sha256').update(token.split('.')[4]!).digest('hex');

describe('poll answers survive kill -9 of the server', () => {
  let dir: string;
  let file: string;
  let server: ChildProcess | undefined;
  let port: number;

  const start = async (): Promise<void> => {
    port = await freePort();
    const child = spawn(process.execPath, [HELDER, 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: `sqlite:${file}`,
        PORT: String(port),
        HOST: '127.0.0.1',
        HELDER_DEMO: 'on',
        HELDER_TRUST_PROXY: '127.0.0.1',
        HELDER_SECRET: SECRET,
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    server = child;
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) return;
      await sleep(100);
    }
    throw new Error('the server did not answer /healthz within a minute');
  };

  const stop = (signal: NodeJS.Signals): Promise<void> =>
    new Promise((done) => {
      const child = server;
      server = undefined;
      if (!child || child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill(signal);
    });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'helder-crash-'));
    file = join(dir, 'helder.sqlite');
  });
  afterAll(async () => {
    await stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged answer, with aggregates equal to a recount', { timeout: 60_000 }, async () => {
    const began = Date.now();
    await start();
    const api = () => `http://127.0.0.1:${port}/api/v1`;
    const org = ((await (await fetch(`${api()}/organizations`)).json()) as { items: { id: string; slug: string }[] }).items[0]!;
    const change = ((await (await fetch(`${api()}/changes?organization=${org.slug}&size=1`)).json()) as { items: { id: string }[] }).items[0]!;
    const path = `/api/v1/changes/${change.id}/poll`;

    // All tokens first (signed with the fixed secret, so they stay valid across restarts).
    const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const total = ROUNDS * TOKENS_PER_ROUND;
    const bodies: string[] = [];
    let asksQ4 = false;
    for (let k = 0; k < total; k += CONNECTIONS) {
      const replies = await Promise.all(Array.from({ length: Math.min(CONNECTIONS, total - k) }, (_, j) => send(agent, port, 'GET', path, addressOf(k + j))));
      for (const r of replies) {
        expect(r.status).toBe(200);
        const poll = JSON.parse(r.body) as { token: string; questions: { id: string }[] };
        asksQ4 = poll.questions.some((q) => q.id === 'q4');
        bodies.push(JSON.stringify({ token: poll.token, q1: 'ja', q2: 'deels', q3: 1 + (bodies.length % 5), ...(asksQ4 ? { q4: 1 + ((bodies.length * 3) % 5) } : {}) }));
      }
    }
    agent.destroy();
    await sleep(2_500); // the minimum fill time of a poll token (2 s)

    const acknowledged: string[] = [];
    let lost = 0; // requests the kill cut off: not acknowledged, so may or may not be stored
    let rounds = 0;
    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0) {
        // Bounded: on a slow machine fewer rounds, at least one.
        if (Date.now() - began > 35_000) break;
        await start();
      }
      const load = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
      let next = round * TOKENS_PER_ROUND;
      const end = next + TOKENS_PER_ROUND;
      let ackedThisRound = 0;
      let killed: Promise<void> | undefined;
      const target = port;
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (next < end && !killed) {
            const k = next++;
            try {
              const r = await send(load, target, 'POST', path, addressOf(k), bodies[k]);
              if (r.status === 201) {
                acknowledged.push(nonceHashOf((JSON.parse(bodies[k]!) as { token: string }).token));
                ackedThisRound += 1;
                if (ackedThisRound === KILL_AFTER) killed = stop('SIGKILL');
              } else if (r.status !== 503) {
                throw new Error(`answer ${k}: ${r.status} ${r.body.slice(0, 200)}`);
              }
            } catch (error) {
              if (!killed) throw error;
              lost += 1;
            }
          }
        }),
      );
      load.destroy();
      await (killed ?? stop('SIGKILL'));
      rounds += 1;
      expect(ackedThisRound).toBeGreaterThanOrEqual(KILL_AFTER);
    }

    // Once more on the same file: the server recovers the WAL and takes answers again.
    await start();
    expect((await fetch(`${api()}/changes/${change.id}/perception`)).status).toBe(200);
    await stop('SIGTERM');

    let open: OpenDatabase | undefined;
    try {
      open = createDatabase({ url: `sqlite:${file}` });
      const used = new Set((await open.db.selectFrom('poll_tokens_used').select('nonce_hash').where('change_id', '=', change.id).execute()).map((r) => r.nonce_hash));
      const missing = acknowledged.filter((hash) => !used.has(hash));
      expect({ rounds, acknowledged: acknowledged.length, missing: missing.length }).toEqual({ rounds, acknowledged: acknowledged.length, missing: 0 });
      const responses = Number((await open.db.selectFrom('poll_responses').select((eb) => eb.fn.countAll().as('n')).where('change_id', '=', change.id).executeTakeFirstOrThrow()).n);
      expect(responses).toBe(used.size); // one response per used token, none half-written
      expect((await verifyPollAggregates({ db: open.db }, change.id)).ok).toBe(true);
      expect((await verifyChain(open.db, org.id)).ok).toBe(true);
    } finally {
      await open?.close();
    }
    console.log(`crash test: ${rounds} kill -9 rounds, ${acknowledged.length} acknowledged answers all present, ${lost} requests cut off by the kills`);
  });
});
