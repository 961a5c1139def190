/**
 * Benchmark of the public portal (issue 3): the demo's biggest change page served by the real
 * server (page cache, security headers, rate limiter and load shedding all on) against a bare
 * `node:http` server returning the same bytes, both with autocannon on loopback, 100 connections,
 * 10 s each; then a spike at twice the throughput the portal sustained, for 60 s, recording how it
 * sheds load (429/503 vs 200), its memory, and how fast it serves normally again. Each server runs
 * in a child process, so autocannon does not share its event loop. Appends to BENCHMARKS.md;
 * `--dry-run` prints only, `--quick` shortens every phase (for trying it out).
 *
 *   node bin/run-ts.js bench/portal.ts [--dry-run] [--quick]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, platform, release, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

/** The part of autocannon 9's result this benchmark reads (the package ships no types). */
interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: Record<string, unknown>) => Promise<CannonResult>;

const SELF = fileURLToPath(import.meta.url);
const RUN_TS = resolve('bin/run-ts.js');

type Child = { process: ChildProcess; port: number; rss(): Promise<number> };

/** Starts `bench/portal.ts` again as a server child (`HELDER_BENCH_SERVE=portal|bare`). */
const startChild = (mode: 'portal' | 'bare', env: Record<string, string>): Promise<Child & { path?: string; body?: number }> =>
  new Promise((resolvePromise, reject) => {
    const child = fork(RUN_TS, [SELF], { env: { ...process.env, ...env, HELDER_BENCH_SERVE: mode }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const pending: ((rss: number) => void)[] = [];
    child.on('message', (m: { port?: number; path?: string; body?: number; rss?: number }) => {
      if (m.rss !== undefined) pending.shift()?.(m.rss);
      else if (m.port) resolvePromise({ process: child, port: m.port, path: m.path, body: m.body, rss: () => new Promise((r) => { pending.push(r); child.send('rss'); }) });
    });
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });

const stop = (child: Child) => new Promise<void>((r) => { child.process.removeAllListeners('exit'); child.process.once('exit', () => r()); child.process.kill('SIGTERM'); });

const cannon = (url: string, opts: { connections: number; duration: number; overallRate?: number }) =>
  autocannon({ url, connections: opts.connections, duration: opts.duration, overallRate: opts.overallRate, timeout: 10 });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

let started = false;

export async function main(args: string[] = []) {
  started = true;
  const quick = args.includes('--quick');
  const measure = quick ? 3 : 10;
  const spikeSeconds = quick ? 10 : 60;
  const dir = mkdtempSync(join(tmpdir(), 'helder-bench-portal-'));
  const portal = await startChild('portal', { DATABASE_FILE: join(dir, 'bench.sqlite') });
  const pageUrl = `http://127.0.0.1:${portal.port}${portal.path}`;
  // Seeding blocks the child's event loop for a while, and load shedding rightly answers 503 for
  // the window after: wait until it serves.
  let page = await fetch(pageUrl);
  for (let i = 0; page.status === 503 && i < 50; i++) {
    await sleep(200);
    page = await fetch(pageUrl);
  }
  const body = Buffer.from(await page.arrayBuffer());
  if (page.status !== 200) throw new Error(`the change page answered ${page.status}`);
  writeFileSync(join(dir, 'page.html'), body);
  const bare = await startChild('bare', { BENCH_PAGE: join(dir, 'page.html'), BENCH_TYPE: page.headers.get('content-type') ?? 'text/html' });
  const bareUrl = `http://127.0.0.1:${bare.port}/`;

  console.log(`change page ${portal.path}: ${body.length} bytes`);
  await cannon(pageUrl, { connections: 100, duration: 2 });
  await cannon(bareUrl, { connections: 100, duration: 2 });
  const p = await cannon(pageUrl, { connections: 100, duration: measure });
  const b = await cannon(bareUrl, { connections: 100, duration: measure });
  await stop(bare);
  const ratio = p.requests.average / b.requests.average;
  console.log(`portal ${p.requests.average.toFixed(0)} req/s p99 ${p.latency.p99} ms; bare ${b.requests.average.toFixed(0)} req/s p99 ${b.latency.p99} ms; ratio ${(ratio * 100).toFixed(0)}%`);

  // The spike: twice what the portal sustained, open-loop enough (1,000 connections) that a
  // backlog builds; RSS sampled every second.
  const rate = Math.round(2 * p.requests.average);
  const rssBefore = await portal.rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => void portal.rss().then((r) => (rssPeak = Math.max(rssPeak, r))), 1000);
  console.log(`spike: ${rate} req/s offered for ${spikeSeconds} s over 1000 connections…`);
  const s = await cannon(pageUrl, { connections: 1000, duration: spikeSeconds, overallRate: rate });
  clearInterval(sampler);
  const spikeEnd = Date.now();
  let recovered = NaN;
  for (let i = 0; i < 600; i++) {
    const t0 = Date.now();
    const r = await fetch(pageUrl).catch(() => undefined);
    if (r) await r.arrayBuffer();
    if (r?.status === 200 && Date.now() - t0 < 50) {
      recovered = (Date.now() - spikeEnd) / 1000;
      break;
    }
    await sleep(100);
  }
  const after = await cannon(pageUrl, { connections: 100, duration: quick ? 2 : 5 });
  const rssAfter = await portal.rss();
  await stop(portal);
  rmSync(dir, { recursive: true, force: true });

  const codes = Object.entries(s.statusCodeStats ?? {}).sort().map(([code, { count }]) => `${code}: ${count}`).join(', ');
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const section = [
    '',
    `## Public portal — ${new Date().toISOString().slice(0, 10)}${quick ? ' (quick run)' : ''}`,
    '',
    `Machine: ${cpu}, ${cpus().length} cores, ${platform()} ${release()}, Node ${process.version}. Loopback, autocannon 9, servers in child processes.`,
    `Page: the demo's biggest change page \`${portal.path}\`, ${body.length} bytes; the portal with its page cache, security headers, rate limiter (loopback on its allow list: it stands for a crowd of addresses) and load shedding on; the bare server is \`node:http\` returning the same bytes.`,
    '',
    '| server | req/s (mean) | p50 | p99 | target |',
    '| --- | --- | --- | --- | --- |',
    `| portal, change page | ${p.requests.average.toFixed(0)} | ${p.latency.p50} ms | ${p.latency.p99} ms | ≥ 50% of bare, p99 ≤ 20 ms |`,
    `| bare node:http, same bytes | ${b.requests.average.toFixed(0)} | ${b.latency.p50} ms | ${b.latency.p99} ms | |`,
    `| **ratio** | **${(ratio * 100).toFixed(0)}%** | | | |`,
    '',
    `Spike: ${rate} req/s offered (2× sustained) for ${spikeSeconds} s over 1000 connections. Answers: ${codes || 'none'}; errors ${s.errors}, timeouts ${s.timeouts}; p50 ${s.latency.p50} ms, p99 ${s.latency.p99} ms.`,
    `Memory (RSS): ${mib(rssBefore)} before, ${mib(rssPeak)} peak, ${mib(rssAfter)} after. Serving normally again (a 200 in under 50 ms) ${Number.isNaN(recovered) ? 'not within 60 s' : `${recovered.toFixed(1)} s`} after the spike; then ${after.requests.average.toFixed(0)} req/s, p99 ${after.latency.p99} ms, ${Object.entries(after.statusCodeStats ?? {}).map(([c, { count }]) => `${c}: ${count}`).join(', ')}.`,
    '',
  ].join('\n');
  console.log(section);
  if (!args.includes('--dry-run')) {
    const file = resolve('BENCHMARKS.md');
    if (!existsSync(file)) writeFileSync(file, '# Benchmarks\n');
    appendFileSync(file, section);
  }
  return { ratio, p99: p.latency.p99 };
}

/** The child: the real portal over a seeded SQLite file, or the bare server, on loopback port 0. */
const serve = async (mode: string) => {
  if (mode === 'bare') {
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(process.env.BENCH_PAGE!);
    const type = process.env.BENCH_TYPE!;
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': type, 'content-length': bytes.length });
      res.end(bytes);
    });
    server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
  } else {
    const { systemClock } = await import('../src/core');
    const { createDatabase, migrateToLatest } = await import('../src/storage');
    const { seedDemo, DEMO_ORGANIZATION_SLUG } = await import('../src/modules/demo');
    const { getOrganizationChains } = await import('../src/modules/chains');
    const { buildServer } = await import('../src/web/server');
    const { registerVersionReader } = await import('../src/storage');
    const database = createDatabase({ url: `sqlite:${process.env.DATABASE_FILE}` });
    await migrateToLatest(database.db);
    const deps = { db: database.db, clock: systemClock };
    const { organizationId } = await seedDemo(deps);
    const app = await buildServer({
      deps,
      baseUrl: 'http://127.0.0.1',
      hsts: false,
      health: async () => ({ ok: true, database: 'sqlite' }),
      // As app/deps.ts should wire it: the audit head, one indexed query compiled once.
      registerVersion: registerVersionReader(database.db),
      portal: { rateLimit: { max: 600, timeWindowMs: 60_000, allowList: ['127.0.0.1'] } },
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    // The biggest published change page, by rendered size.
    let path = '';
    let size = 0;
    for (const c of await getOrganizationChains(deps, organizationId)) {
      if (!c.change.publishedAt) continue;
      const candidate = `/${DEMO_ORGANIZATION_SLUG}/veranderingen/${c.change.slug}`;
      const length = (await (await fetch(address + candidate)).arrayBuffer()).byteLength;
      if (length > size) [path, size] = [candidate, length];
    }
    process.on('message', () => process.send!({ rss: process.memoryUsage().rss }));
    process.once('SIGTERM', () => void app.close().then(() => database.close()).then(() => process.exit(0)));
    process.send!({ port: Number(new URL(address).port), path, body: size });
  }
};

if (process.env.HELDER_BENCH_SERVE) {
  started = true;
  void serve(process.env.HELDER_BENCH_SERVE);
}

// Run directly, nothing calls main(): run it once the importer had its turn (see bench/language.ts).
setImmediate(() => {
  if (!started) void main(process.argv.slice(2));
});
