/**
 * Benchmark of the perception figures of one change (issue 4): `getPerception` with 1,000 answers
 * and with 1,000,000 answers. Goal: time with 1,000,000 ÷ time with 1,000 ≤ 1.3, which holds only
 * when the figures come from the incremental aggregates (ARCHITECTURE.md "Speed"), not from the
 * answers. The same-run baseline is what reading the answers would cost: `verifyPollAggregates`,
 * the full recount from `poll_responses`, at both sizes.
 *
 * Two SQLite files (WAL, `synchronous=FULL`, as in production), each with the demo register; on one
 * published change with groups, N answers are written DIRECTLY with multi-row inserts (as
 * bench/generate.ts does: the use case would take minutes for a million), spread over its groups,
 * "geen van deze" and no answer to Q5, with Q4 where the change asks it, and the aggregate rows
 * summed from the same answers (`aggregatesOf`), so the recount must equal them. Then
 * `getPerception` runs alternately on both files, median of `--runs` (default 2,000) after a
 * warm-up. Appends to BENCHMARKS.md; `--dry-run` prints only, `--quick` uses 100,000 instead of a
 * million.
 *
 *   node bin/run-ts.js bench/perception.ts [--dry-run] [--quick] [--runs=2000]
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { systemClock } from '../src/core';
import { seedDemo } from '../src/modules/demo';
import { listChanges } from '../src/modules/changes';
import { aggregatesOf, getPerception, getPoll, UNKNOWN_GROUP, verifyPollAggregates, type PollResponse, type ScaleAnswer } from '../src/modules/polls';
import { createDatabase, migrateToLatest, type OpenDatabase } from '../src/storage';

const GOAL = 1.3;
const ROWS_PER_INSERT = 4_000; // 8 columns: 32,000 parameters, under SQLite's 32,766

interface Prepared {
  open: OpenDatabase;
  changeId: string;
  answers: number;
  file: string;
  seconds: number;
}

/** A fresh database with the demo and `answers` answers on one published change with groups. */
const prepare = async (dir: string, answers: number): Promise<Prepared> => {
  const t0 = performance.now();
  const file = join(dir, `perception-${answers}.sqlite`);
  const open = createDatabase({ url: `sqlite:${file}` });
  await migrateToLatest(open.db);
  const deps = { db: open.db, clock: systemClock, secret: randomBytes(36).toString('base64url') };
  const { organizationId } = await seedDemo(deps);
  const changes = (await listChanges(deps, organizationId, { publishedOnly: true }, { page: 1, size: 100 })).items;
  // The published change with the most groups (Q5 options), preferring one that asks Q4.
  let best: { id: string; groups: string[]; q4: boolean } | undefined;
  for (const change of changes) {
    const poll = await getPoll(deps, change.id);
    const groups = poll.questions.find((q) => q.id === 'q5')?.options.map((o) => o.value) ?? [];
    const q4 = poll.questions.some((q) => q.id === 'q4');
    if (!best || groups.length + (q4 ? 0.5 : 0) > best.groups.length + (best.q4 ? 0.5 : 0)) best = { id: change.id, groups, q4 };
  }
  if (!best) throw new Error('the demo has no published change');
  const { groups, q4 } = best;
  const changeId = best.id as PollResponse['changeId'];

  // A small deterministic PRNG (mulberry32): the same answers every run.
  let seed = 42;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const understanding = ['ja', 'ja', 'deels', 'nee'] as const;
  const counts = new Map<string, { change_id: string; group_key: string; question: string; answer: string; count: number }>();
  const totals = new Map<string, { change_id: string; group_key: string; respondents: number; with_both: number; met: number; gap_sum: number }>();
  const day = new Date().toISOString().slice(0, 10);
  let batch: PollResponse[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await open.db
      .insertInto('poll_responses')
      .values(batch.map((r) => ({ id: r.id, change_id: r.changeId, group_key: r.groupKey, q1: r.q1, q2: r.q2, q3: r.q3, q4: r.q4, submitted_on: r.submittedOn })))
      .execute();
    batch = [];
  };
  for (let i = 0; i < answers; i++) {
    const r: PollResponse = {
      id: randomUUID(),
      changeId,
      // Most pick a group or "geen van deze" (`none`, the last option); some skip Q5.
      groupKey: rnd() < 0.08 || groups.length === 0 ? UNKNOWN_GROUP : groups[Math.floor(rnd() * groups.length)]!,
      q1: understanding[Math.floor(rnd() * understanding.length)]!,
      q2: understanding[Math.floor(rnd() * understanding.length)]!,
      q3: (1 + Math.floor(rnd() * 5)) as ScaleAnswer,
      q4: q4 ? ((1 + Math.floor(rnd() * 5)) as ScaleAnswer) : null,
      submittedOn: day,
    };
    const a = aggregatesOf(r);
    for (const c of a.counts) {
      const key = `${r.groupKey}|${c.question}|${c.answer}`;
      const row = counts.get(key) ?? { change_id: changeId, group_key: r.groupKey, question: c.question, answer: c.answer, count: 0 };
      row.count += 1;
      counts.set(key, row);
    }
    const total = totals.get(r.groupKey) ?? { change_id: changeId, group_key: r.groupKey, respondents: 0, with_both: 0, met: 0, gap_sum: 0 };
    total.respondents += 1;
    total.with_both += a.totals.withBoth;
    total.met += a.totals.met;
    total.gap_sum += a.totals.gapSum;
    totals.set(r.groupKey, total);
    batch.push(r);
    if (batch.length === ROWS_PER_INSERT) await flush();
  }
  await flush();
  await open.db.insertInto('poll_counts').values([...counts.values()]).execute();
  await open.db.insertInto('poll_totals').values([...totals.values()]).execute();
  return { open, changeId, answers, file, seconds: (performance.now() - t0) / 1000 };
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const flag = (args: string[], name: string, fallback: number) => {
  const found = args.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const ms = (x: number) => (x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);

let started = false;

export async function main(args: string[] = []) {
  started = true;
  const quick = args.includes('--quick');
  const large = quick ? 100_000 : 1_000_000;
  const runs = Math.max(50, flag(args, 'runs', 2_000));
  const dir = mkdtempSync(join(tmpdir(), 'helder-bench-perception-'));
  try {
    const small = await prepare(dir, 1_000);
    console.log(`1,000 answers written in ${small.seconds.toFixed(1)} s`);
    const big = await prepare(dir, large);
    console.log(`${large.toLocaleString('en')} answers written in ${big.seconds.toFixed(1)} s`);
    const sets = [small, big];
    for (const p of sets) {
      const check = await verifyPollAggregates({ db: p.open.db }, p.changeId);
      if (!check.ok) throw new Error(`the generated aggregates differ from a recount (${p.answers} answers)`);
      const perception = await getPerception({ db: p.open.db }, p.changeId);
      if (perception.respondents !== p.answers) throw new Error(`getPerception counts ${perception.respondents}, not ${p.answers}`);
    }

    const time = async (fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn();
      return performance.now() - t;
    };
    // Warm-up, then alternate the two sizes so drift on the machine hits both alike.
    for (let i = 0; i < 200; i++) for (const p of sets) await getPerception({ db: p.open.db }, p.changeId);
    const loadBefore = loadavg()[0]!;
    const perception: number[][] = [[], []];
    for (let i = 0; i < runs; i++) for (const [j, p] of sets.entries()) perception[j]!.push(await time(() => getPerception({ db: p.open.db }, p.changeId)));
    const recountRuns = quick ? 5 : 3;
    const recount: number[][] = [[], []];
    for (let i = 0; i < recountRuns; i++) for (const [j, p] of sets.entries()) recount[j]!.push(await time(() => verifyPollAggregates({ db: p.open.db }, p.changeId)));
    const loadAfter = loadavg()[0]!;
    const [pSmall, pBig] = perception.map(median) as [number, number];
    const [rSmall, rBig] = recount.map(median) as [number, number];
    const ratio = pBig / pSmall;
    for (const p of sets) await p.open.close();
    const sizes = sets.map((p) => `${(statSync(p.file).size / 1024 / 1024).toFixed(1)} MiB`);

    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    const verdict = ratio <= GOAL ? `**holds** (${ratio.toFixed(2)} ≤ ${GOAL})` : `**does not hold** (${ratio.toFixed(2)} > ${GOAL})`;
    const label = large.toLocaleString('en');
    const section = [
      '',
      `## Perception figures of one change — ${new Date().toISOString().slice(0, 10)}${quick ? ' (quick run)' : ''}`,
      '',
      `Machine: ${cpu}, ${cpus().length} cores, ${platform()} ${release()}, Node ${process.version}. Two SQLite files (WAL, \`synchronous=FULL\`) with the demo register and 1,000 or ${label} answers on one published change, written directly (${small.seconds.toFixed(1)} s and ${big.seconds.toFixed(1)} s; files ${sizes.join(' and ')}). Load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}.`,
      '',
      `| figure | 1,000 answers | ${label} answers | ratio | target |`,
      '| --- | --- | --- | --- | --- |',
      `| **\`getPerception\`** (median of ${runs}, alternating) | ${ms(pSmall)} | ${ms(pBig)} | **${ratio.toFixed(2)}** | ≤ ${GOAL} |`,
      `| baseline: \`verifyPollAggregates\`, recount from the answers (median of ${recountRuns}) | ${ms(rSmall)} | ${ms(rBig)} | ${(rBig / rSmall).toFixed(0)} | |`,
      '',
      `Verdict: time with ${label} answers ÷ time with 1,000 answers ≤ ${GOAL} ${verdict}.${quick ? ' (Quick run: 100,000, not a million.)' : ''}`,
      '',
    ].join('\n');
    console.log(section);
    if (!args.includes('--dry-run')) {
      const file = resolve('BENCHMARKS.md');
      if (!existsSync(file)) writeFileSync(file, '# Benchmarks\n');
      appendFileSync(file, section);
    }
    return { ratio, small: pSmall, big: pBig };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly, nothing calls main(): run it once the importer had its turn (see bench/language.ts).
setImmediate(() => {
  if (!started) void main(process.argv.slice(2));
});
