/**
 * Benchmark of issue 2: the FULL legitimacy report (`checkOrganization` for each of the 12
 * organizations) of a national-scale register, on SQLite (temp file, WAL, synchronous=FULL as in
 * production) and PostgreSQL (throwaway cluster), at 1× and 10× the data.
 *
 * Goals: ≤ 2 s at 1× on SQLite; 10× the data in ≤ 12× the time; no N+1 (queries per organization
 * identical at every scale). Same-run baselines: `count(*)` over every table, and a raw read of all
 * measurement rows of each organization. Appends a section to BENCHMARKS.md (`--dry-run`: print only).
 *
 *   node bin/run-ts.js bench/legitimacy.ts [--scale 1,10] [--dialects sqlite,postgres] [--quick] [--runs 3] [--dry-run]
 *   npm run bench -- legitimacy --scale=1,10 --dialects=sqlite     (bench/run.ts passes only --flags)
 */
import { appendFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { Kysely, sql, type LogEvent } from 'kysely';
import { fixedClock } from '../src/core';
import { createDatabase, migrateToLatest, type Database, type DialectName, type Db, type OpenDatabase } from '../src/storage';
import { openSqlite } from '../src/storage/dialects/sqlite';
import { openPostgres } from '../src/storage/dialects/postgres';
import { getOrganizationChains } from '../src/modules/chains';
import { checkOrganization, reportOf } from '../src/modules/legitimacy';
import { BASE, BENCH_TODAY, TABLES, formatCounts, generateRegister, verifyCounts, type Counts } from './generate';
import { startThrowawayPostgres, type ThrowawayCluster } from './pg';

export interface Options {
  scales: number[];
  dialects: DialectName[];
  runs: number;
  dryRun: boolean;
}

/** Accepts `--name value` and `--name=value` (bench/run.ts forwards only arguments that start with --). */
export const parseOptions = (args: readonly string[]): Options => {
  const value = (name: string) => {
    const eq = args.find((a) => a.startsWith(`${name}=`));
    if (eq) return eq.slice(name.length + 1);
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] && !args[i + 1]!.startsWith('--') ? args[i + 1] : undefined;
  };
  const list = (name: string) => value(name)?.split(',').map((s) => s.trim()).filter(Boolean);
  const scales = args.includes('--quick') ? [0.1, 1] : (list('--scale') ?? ['1', '10']).map(Number);
  if (scales.some((s) => !(s > 0))) throw new Error(`--scale takes positive numbers, e.g. 1,10 (got ${value('--scale')})`);
  const dialects = (list('--dialects') ?? ['sqlite', 'postgres']) as DialectName[];
  if (dialects.some((d) => d !== 'sqlite' && d !== 'postgres')) throw new Error('--dialects takes sqlite and/or postgres');
  return { scales: [...new Set(scales)].sort((a, b) => a - b), dialects, runs: Math.max(3, Number(value('--runs') ?? 3)), dryRun: args.includes('--dry-run') };
};

export interface Figures {
  dialect: DialectName;
  scale: number;
  generateSeconds: number;
  counts: Counts;
  sizeMb: number;
  /** Median over runs of the full report (12 organizations in turn), ms. */
  reportMs: number;
  slowestOrgMs: number;
  /** Median CPU time (user + system) of the Node process per report, and its GC pauses. */
  cpuMs: number;
  gcMs: number;
  /** Split of the report: loading the chains (SQL + mapping + assembly) and evaluating the rules. */
  loadMs: number;
  evaluateMs: number;
  /** Sum of the durations Kysely logs per query (on PostgreSQL queries overlap: may exceed loadMs). */
  sqlMs: number;
  /** Queries issued by `checkOrganization`, per organization (min and max over the 12). */
  queriesMin: number;
  queriesMax: number;
  slowestQueries: { sql: string; ms: number }[];
  countScanMs: number;
  rawReadMs: number;
  rawRows: number;
  /** 1-minute load average before and after timing: other work on the machine skews every figure. */
  load: [number, number];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One warm-up, then `runs` timed runs; returns the median of what `fn` reports (or its wall time). */
const measure = async (runs: number, fn: () => Promise<number | void>): Promise<number> => {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const reported = await fn();
    samples.push(typeof reported === 'number' ? reported : performance.now() - t0);
  }
  return median(samples);
};

interface Target {
  open: OpenDatabase;
  /** A second Kysely on the same database whose `log` records every query. */
  logged: Kysely<Database>;
  events: LogEvent[];
  sizeMb(): Promise<number>;
  close(): Promise<void>;
}

const clock = fixedClock(`${BENCH_TODAY}T12:00:00Z`);

const openSqliteTarget = async (file: string): Promise<Target> => {
  const open = createDatabase({ url: `sqlite:${file}` });
  const events: LogEvent[] = [];
  const logged = new Kysely<Database>({ dialect: openSqlite(file).dialect, log: (e) => void events.push(e) });
  const sizeMb = async () => (statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0)) / 2 ** 20;
  return { open, logged, events, sizeMb, close: async () => { await logged.destroy(); await open.close(); } };
};

const openPostgresTarget = async (url: string): Promise<Target> => {
  const open = createDatabase({ url });
  const events: LogEvent[] = [];
  const logged = new Kysely<Database>({ dialect: openPostgres(url).dialect, log: (e) => void events.push(e) });
  const sizeMb = async () => {
    const { rows } = await sql<{ bytes: string }>`select pg_database_size(current_database()) as bytes`.execute(open.db);
    return Number(rows[0]!.bytes) / 2 ** 20;
  };
  return { open, logged, events, sizeMb, close: async () => { await logged.destroy(); await open.close(); } };
};

/** Times the report and its parts on a generated register. */
const benchmark = async (t: Target, organizationIds: string[], runs: number) => {
  const deps = { db: t.open.db, clock };
  const perOrg = new Map<string, number[]>();
  // CPU time of this process and its GC pauses, per run: less sensitive than wall time to other
  // work on the machine (on PostgreSQL the server's CPU is not included).
  const cpu: number[] = [];
  const gc: number[] = [];
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const reportMs = await measure(runs, async () => {
    let total = 0;
    gcMs = 0;
    const cpu0 = process.cpuUsage();
    for (const id of organizationIds) {
      const t0 = performance.now();
      await checkOrganization(deps, id);
      const ms = performance.now() - t0;
      total += ms;
      perOrg.set(id, [...(perOrg.get(id) ?? []), ms]);
    }
    const used = process.cpuUsage(cpu0);
    await new Promise((done) => setImmediate(done)); // let the observer report this run's GC entries
    cpu.push((used.user + used.system) / 1000);
    gc.push(gcMs);
    return total;
  });
  observer.disconnect();
  const slowestOrgMs = Math.max(...[...perOrg.values()].map((ms) => median(ms.slice(1)))); // without the warm-up

  // The split, on the logged instance: load (SQL + mapping + assembly) vs evaluation (pure rules).
  const logged = { db: t.logged as Db, clock };
  const split = { load: [] as number[], evaluate: [] as number[], sql: [] as number[] };
  const queryCounts: number[] = [];
  const byQuery = new Map<string, number[]>();
  for (let run = 0; run <= runs; run++) {
    let load = 0;
    let evaluate = 0;
    t.events.length = 0;
    for (const id of organizationIds) {
      const t0 = performance.now();
      const chains = await getOrganizationChains(logged, id);
      const t1 = performance.now();
      chains.map((chain) => reportOf(chain, BENCH_TODAY));
      load += t1 - t0;
      evaluate += performance.now() - t1;
    }
    if (run === 0) continue; // warm-up (the logged connection's cache starts cold)
    split.load.push(load);
    split.evaluate.push(evaluate);
    split.sql.push(t.events.reduce((n, e) => n + e.queryDurationMillis, 0));
    for (const e of t.events) {
      if (e.level !== 'query') continue;
      const key = e.query.sql.replace(/\s+/g, ' ').slice(0, 160);
      byQuery.set(key, [...(byQuery.get(key) ?? []), e.queryDurationMillis]);
    }
  }
  // Queries of the real entry point, per organization.
  for (const id of organizationIds) {
    t.events.length = 0;
    await checkOrganization(logged, id);
    queryCounts.push(t.events.length);
  }
  const slowestQueries = [...byQuery.entries()]
    .map(([q, ms]) => ({ sql: q, ms: ms.reduce((a, b) => a + b, 0) / runs }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 4);

  // Baselines, same run: a count(*) scan of every table, and every measurement row of each organization.
  const countScanMs = await measure(runs, async () => {
    for (const table of TABLES) await t.open.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).execute();
  });
  let rawRows = 0;
  const rawReadMs = await measure(runs, async () => {
    rawRows = 0;
    for (const id of organizationIds) {
      const rows = await t.open.db
        .selectFrom('measurements as m')
        .innerJoin('goals as g', 'g.id', 'm.goal_id')
        .innerJoin('changes as c', 'c.id', 'g.change_id')
        .selectAll('m')
        .where('c.organization_id', '=', id)
        .execute();
      rawRows += rows.length;
    }
  });
  return {
    reportMs, slowestOrgMs, cpuMs: median(cpu.slice(1)), gcMs: median(gc.slice(1)),
    loadMs: median(split.load), evaluateMs: median(split.evaluate), sqlMs: median(split.sql),
    queriesMin: Math.min(...queryCounts), queriesMax: Math.max(...queryCounts), slowestQueries,
    countScanMs, rawReadMs, rawRows,
  };
};

type Measured = Omit<Figures, 'dialect' | 'scale' | 'generateSeconds' | 'counts'>;
const MARKER = 'BENCH_RESULT ';

const openTarget = (dialect: DialectName, location: string) => (dialect === 'sqlite' ? openSqliteTarget(location) : openPostgresTarget(location));

/** The child's half: times the report on an existing register and prints the figures as one JSON line. */
const measureHere = async (dialect: DialectName, location: string, runs: number): Promise<Measured> => {
  const t = await openTarget(dialect, location);
  try {
    const ids = (await t.open.db.selectFrom('organizations').select('id').orderBy('slug').execute()).map((r) => r.id);
    const loadBefore = loadavg()[0]!;
    const figures = await benchmark(t, ids, runs);
    return { ...figures, sizeMb: await t.sizeMb(), load: [loadBefore, loadavg()[0]!] };
  } finally {
    await t.close();
  }
};

/**
 * Times the report in a fresh Node process, as a server would run it: the generator's 2M short-lived
 * rows would otherwise leave this process with a grown heap whose garbage collection skews the figures.
 */
const measureInChild = (dialect: DialectName, location: string, runs: number): Promise<Measured> =>
  new Promise((done, fail) => {
    const here = fileURLToPath(import.meta.url);
    const child = spawn(process.execPath, [join(dirname(here), '..', 'bin', 'run-ts.js'), here, `--measure=${dialect}`, `--location=${location}`, `--runs=${runs}`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(MARKER));
      if (code !== 0 || !line) fail(new Error(`measuring ${dialect} failed (exit ${code}): ${out.slice(-2000)}`));
      else done(JSON.parse(line.slice(MARKER.length)) as Measured);
    });
  });

/** Generates the register into an empty database and verifies its counts; then times the report in a child process. */
const runOne = async (dialect: DialectName, scale: number, location: string, runs: number): Promise<Figures> => {
  console.log(`\n${dialect} ${scale}×: generating…`);
  const t = await openTarget(dialect, location);
  let generated: Awaited<ReturnType<typeof generateRegister>>;
  let counts: Counts;
  try {
    await migrateToLatest(t.open.db);
    generated = await generateRegister(t.open.db, { scale, dialect, log: console.log });
    counts = await verifyCounts(t.open.db, generated.counts, scale);
    console.log(`generated in ${generated.seconds.toFixed(1)} s: ${formatCounts(counts)}`);
    // What autovacuum does shortly after a bulk load: statistics for the planner, visibility map.
    if (dialect === 'postgres') await sql`vacuum analyze`.execute(t.open.db);
  } finally {
    await t.close();
  }
  console.log(`${dialect} ${scale}×: timing the report of ${BASE.organizations} organizations in a fresh process…`);
  const result: Figures = { dialect, scale, generateSeconds: generated.seconds, counts, ...(await measureInChild(dialect, location, runs)) };
  console.log(
    `${dialect} ${scale}×: report ${fmt(result.reportMs)} (load ${fmt(result.loadMs)}, SQL ${fmt(result.sqlMs)}, evaluate ${fmt(result.evaluateMs)}), ` +
      `${result.queriesMin}–${result.queriesMax} queries/org; baselines count(*) ${fmt(result.countScanMs)}, raw read ${fmt(result.rawReadMs)}`,
  );
  for (const q of result.slowestQueries) console.log(`   ${fmt(q.ms).padStart(9)}  ${q.sql}`);
  return result;
};

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const n = (x: number) => x.toLocaleString('en-US');

const sqliteVersion = () => {
  const { raw } = openSqlite(':memory:');
  const v = (raw.prepare('select sqlite_version() as v').get() as { v: string }).v;
  raw.close();
  return v;
};

let started = false;

export async function main(args: string[] = []): Promise<Figures[]> {
  started = true;
  const child = args.find((a) => a.startsWith('--measure='));
  if (child) {
    const location = args.find((a) => a.startsWith('--location='))?.slice('--location='.length) ?? '';
    const measured = await measureHere(child.slice('--measure='.length) as DialectName, location, parseOptions(args).runs);
    console.log(`${MARKER}${JSON.stringify(measured)}`);
    return [];
  }
  const options = parseOptions(args);
  const results: Figures[] = [];
  let pgVersion: string | undefined;

  if (options.dialects.includes('sqlite')) {
    const dir = mkdtempSync(join(tmpdir(), 'helder-bench-sqlite-'));
    try {
      for (const scale of options.scales) {
        const file = join(dir, `register-${scale}x.sqlite`);
        results.push(await runOne('sqlite', scale, file, options.runs));
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  if (options.dialects.includes('postgres')) {
    let cluster: ThrowawayCluster | undefined;
    const stop = () => cluster?.stop();
    process.once('exit', stop);
    try {
      cluster = await startThrowawayPostgres();
      if (!cluster) throw new Error('PostgreSQL server binaries not found (apt-get install -y postgresql, or set PG_BIN)');
      pgVersion = cluster.version.replace(/^postgres \(PostgreSQL\) /, '');
      for (const scale of options.scales) {
        const name = `bench_${String(scale).replace('.', '_')}x`;
        const admin = createDatabase({ url: cluster.url });
        await sql`create database ${sql.id(name)}`.execute(admin.db);
        await admin.close();
        const url = cluster.url.replace(/\/postgres$/, `/${name}`);
        results.push(await runOne('postgres', scale, url, options.runs));
      }
    } finally {
      stop();
      process.off('exit', stop);
    }
  }

  const section = report(results, options, pgVersion);
  console.log(section);
  if (!options.dryRun) {
    const file = resolve('BENCHMARKS.md');
    if (!existsSync(file)) writeFileSync(file, '# Benchmarks\n');
    appendFileSync(file, section);
  }
  return results;
}

/** Goal of issue 2: 10× the data in ≤ 12× the time, i.e. 1.2 × the data ratio for other pairs of scales. */
const ratioGoal = (low: number, high: number) => 1.2 * (high / low);

const report = (results: Figures[], options: Options, pgVersion: string | undefined): string => {
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  const lines = [
    '',
    `## Legitimacy report at national scale (issue 2) — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${gib} GiB, ${platform()} ${release()}, Node ${process.version}, ` +
      `SQLite ${sqliteVersion()} (better-sqlite3; WAL, synchronous=FULL)${pgVersion ? `, PostgreSQL ${pgVersion} (throwaway cluster, default settings, fsync on; VACUUM ANALYZE after loading)` : ''}.`,
    `Register at 1×: ${BASE.organizations} organizations, ${n(BASE.changes)} changes, ${n(BASE.goals)} goals, ${n(BASE.measures)} measures, ${n(BASE.decisions)} decisions, ` +
      `${n(BASE.measurements)} measurements, plus goal versions, anchors, contributions, groups, impacts, milestones (bench/generate.ts, fixed seed).`,
    `Report = \`checkOrganization\` for each of the 12 organizations in turn; median of ${options.runs} runs after one warm-up. Load/evaluate split and SQL time ` +
      '(sum of Kysely-logged query durations; PostgreSQL runs a chain\'s queries in parallel, so it can exceed load) from a second, logged Kysely instance. ' +
      'Baselines, same run: `count(*)` over all 16 tables; raw read of every measurement row of each organization (joined through goals and changes). ' +
      `Load avg = the machine's 1-minute load average before → after timing (${cpus().length} cores; other work running at the same time inflates every figure).`,
    '',
    '| dialect | scale | rows | generate | report (12 orgs) | Node CPU (GC) | per org, mean | slowest org | load | of which SQL | evaluate | queries / org | count(*) all tables | raw read measurements | report ÷ raw read | load avg |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map((r) => {
      const rows = TABLES.reduce((s, t) => s + r.counts[t], 0);
      return `| ${r.dialect} | ${r.scale}× | ${n(rows)} (${r.sizeMb.toFixed(0)} MiB) | ${r.generateSeconds.toFixed(1)} s | **${fmt(r.reportMs)}** | ${fmt(r.cpuMs)} (${fmt(r.gcMs)}) | ${fmt(r.reportMs / 12)} | ${fmt(r.slowestOrgMs)} | ${fmt(r.loadMs)} | ${fmt(r.sqlMs)} | ${fmt(r.evaluateMs)} | ${r.queriesMin === r.queriesMax ? r.queriesMin : `${r.queriesMin}–${r.queriesMax}`} | ${fmt(r.countScanMs)} | ${fmt(r.rawReadMs)} (${n(r.rawRows)} rows) | ${(r.reportMs / r.rawReadMs).toFixed(2)} | ${r.load.map((x) => x.toFixed(1)).join(' → ')} |`;
    }),
    '',
  ];
  const verdicts: string[] = [];
  const mark = (ok: boolean) => (ok ? 'holds' : '**MISSED**');
  const sqliteOne = results.find((r) => r.dialect === 'sqlite' && r.scale === 1);
  if (sqliteOne) verdicts.push(`- Full report ≤ 2 s at 1× on SQLite: ${mark(sqliteOne.reportMs <= 2000)} (${fmt(sqliteOne.reportMs)}).`);
  for (const dialect of options.dialects) {
    const mine = results.filter((r) => r.dialect === dialect);
    if (mine.length < 2) continue;
    const low = mine[0]!;
    const high = mine[mine.length - 1]!;
    const ratio = high.reportMs / low.reportMs;
    const goal = ratioGoal(low.scale, high.scale);
    const sameQueries = mine.every((r) => r.queriesMin === low.queriesMin && r.queriesMax === low.queriesMin);
    verdicts.push(
      `- ${dialect}, ${high.scale / low.scale}× the data: report ${ratio.toFixed(2)}× the time (goal ≤ ${goal.toFixed(0)}×): ${mark(ratio <= goal)}; ` +
        `Node CPU ${(high.cpuMs / low.cpuMs).toFixed(2)}×, GC ${(high.gcMs / low.gcMs).toFixed(2)}×, load ${(high.loadMs / low.loadMs).toFixed(2)}×, evaluate ${(high.evaluateMs / low.evaluateMs).toFixed(2)}×, raw-read baseline ${(high.rawReadMs / low.rawReadMs).toFixed(2)}×. ` +
        `No N+1 (same queries per organization at every scale): ${mark(sameQueries)} (${mine.map((r) => `${r.queriesMin === r.queriesMax ? r.queriesMin : `${r.queriesMin}–${r.queriesMax}`} at ${r.scale}×`).join(', ')}).`,
    );
  }
  return [...lines, 'Goals:', '', ...verdicts, ''].join('\n');
};

// Run directly (node bin/run-ts.js bench/legitimacy.ts …): nothing else calls main(). bench/run.ts
// calls main() in the microtask right after its import, before this macrotask (as bench/language.ts).
setImmediate(() => {
  if (!started) {
    main(process.argv.slice(2)).catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  }
});
