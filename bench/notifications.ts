/**
 * Benchmark of the notification fan-out (issue 10): one change with 100,000 confirmed followers,
 * one event (a measurement that puts a goal behind), every mail handed to a local SMTP sink.
 * The real server (`node bin/helder.js serve`, SQLite file, `HELDER_SMTP_URL` pointing at a sink
 * in this process that counts messages without parsing them) does the fan-out and the sending.
 * Measured: time from the event's commit to the last mail accepted, the server's RSS during the
 * run (sampled from /proc every 250 ms: flat means streamed, not loaded at once), and the portal's
 * p99 on a change page during the fan-out against the same server idle (autocannon, 10
 * connections, 8 s each). Goal: ≤ 60 s, p99 within 1.5× of idle.
 *
 *   node bin/run-ts.js bench/run.ts notifications [--followers=N] [--dry-run]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, platform, release, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { isoDate, systemActor, systemClock } from '../src/core';
import { findChangeBySlug } from '../src/modules/changes';
import { seedDemo } from '../src/modules/demo';
import { listGoals, recordMeasurement } from '../src/modules/goals';
import { createDatabase, migrateToLatest } from '../src/storage';

interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: Record<string, unknown>) => Promise<CannonResult>;
const HELDER = resolve('bin/helder.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
const rssOf = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;

export async function main(args: string[] = []) {
  const followers = Number(args.find((a) => a.startsWith('--followers='))?.split('=')[1] ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'helder-bench-mail-'));
  const file = join(dir, 'helder.sqlite');
  let received = 0;
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  sink.on('error', () => undefined);
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  const smtpPort = (sink.server.address() as { port: number }).port;

  console.log(`preparing ${followers} followers …`);
  const open = createDatabase({ url: `sqlite:${file}` });
  await migrateToLatest(open.db);
  const deps = { db: open.db, clock: systemClock };
  const { organizationId } = await seedDemo(deps);
  const change = (await findChangeBySlug(deps, organizationId, 'betaald-parkeren-parkwijk'))!;
  const now = new Date().toISOString();
  for (let i = 0; i < followers; i += 500) {
    const ids = Array.from({ length: Math.min(500, followers - i) }, (_, j) => ({ id: randomUUID(), n: i + j }));
    await open.db.transaction().execute(async (tx) => {
      await tx.insertInto('subscribers').values(ids.map(({ id, n }) => ({ id, organization_id: organizationId, email: `volger${n}@example.nl`, created_at: now }))).execute();
      await tx
        .insertInto('subscriptions')
        .values(ids.map(({ id }) => ({ id: randomUUID(), subscriber_id: id, organization_id: organizationId, scope: 'change', scope_id: change.id, group_id: '', frequency: 'immediate', requested_at: now, confirmed_at: now, expires_at: null })))
        .execute();
    });
  }
  // The demo's own events are older than every follower: mark them handled, as a running server would have.
  await open.db.updateTable('notification_outbox').set({ state: 'skipped' }).where('state', '=', 'pending').execute();

  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [HELDER, 'serve'], {
    env: { ...process.env, DATABASE_URL: `sqlite:${file}`, PORT: String(port), HOST: '127.0.0.1', HELDER_DEMO: 'off', HELDER_SECRET: randomBytes(36).toString('base64url'), HELDER_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 300 && !(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)); i++) await sleep(100);
  const page = `http://127.0.0.1:${port}/voorbeeldstad/veranderingen/betaald-parkeren-parkwijk`;
  const cannon = () => autocannon({ url: page, connections: 10, duration: 8 });
  await cannon(); // warm-up
  const idle = await cannon();
  const rssIdle = rssOf(server.pid!);

  let peak = rssIdle;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server.pid!))), 250);
  const goal = (await listGoals(deps, { changeIds: [change.id] })).find((g) => g.current.statement.includes('P+R'))!;
  const t0 = Date.now();
  await recordMeasurement(deps, systemActor('bench'), goal.id, { date: isoDate(new Date()), value: 160, source: 'Slagboomtellingen' });
  const busy = await cannon();
  while (received < followers && Date.now() - t0 < 600_000) await sleep(100);
  const seconds = (Date.now() - t0) / 1000;
  clearInterval(sampler);
  const sent = Number((await open.db.selectFrom('notification_deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'sent').executeTakeFirstOrThrow()).n);
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await open.close();
  sink.close();
  rmSync(dir, { recursive: true, force: true });

  const ratio = busy.latency.p99 / Math.max(1, idle.latency.p99);
  const section = [
    `\n## Notification fan-out (issue 10) — ${isoDate(new Date())}\n`,
    `Machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, ${platform()} ${release()}, Node ${process.version}. The real server (SQLite file, WAL, synchronous=FULL), its notification worker sending over a pool of 5 SMTP connections to a sink in the benchmark process that counts messages without parsing them; autocannon (10 connections, 8 s) on the change page of the same server.\n`,
    '| figure | value | target |',
    '| --- | --- | --- |',
    `| followers of one change (confirmed) | ${followers} | 100,000 |`,
    received < followers
      ? `| event commit → last mail accepted by the sink | **not finished**: stopped after ${seconds.toFixed(0)} s with ${received} of ${followers} delivered (${Math.round(received / seconds)} mails/s) | ≤ 60 s |`
      : `| event commit → last mail accepted by the sink | ${seconds.toFixed(1)} s (${Math.round(received / seconds)} mails/s) | ≤ 60 s |`,
    `| mails received / delivery rows \`sent\` | ${received} / ${sent} | all |`,
    `| server RSS idle → peak during the run | ${mib(rssIdle)} → ${mib(peak)} | flat |`,
    `| portal p99 idle / during the fan-out | ${idle.latency.p99} ms / ${busy.latency.p99} ms (${ratio.toFixed(2)}×; ${Math.round(idle.requests.average)} / ${Math.round(busy.requests.average)} req/s) | ≤ 1.5× |`,
    '',
  ].join('\n');
  console.log(section);
  if (!args.includes('--dry-run')) appendFileSync(resolve('BENCHMARKS.md'), section);
}
