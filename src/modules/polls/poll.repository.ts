import type { Db } from '../../storage';
import { toCount } from '../../storage';
import type { PollAggregates } from './perception';
import type { PollResponse } from './poll';
import { aggregatesOf } from './poll';

/**
 * Marks a token's nonce as used. Returns false when it already was: `on conflict do nothing` on
 * the primary key, so of two concurrent submissions of one token exactly one inserts (PostgreSQL
 * makes the second wait for the first to commit, SQLite runs one writer at a time).
 */
export const markTokenUsed = async (db: Db, nonceHash: string, changeId: string, usedAt: string): Promise<boolean> => {
  const result = await db
    .insertInto('poll_tokens_used')
    .values({ nonce_hash: nonceHash, change_id: changeId, used_at: usedAt })
    .onConflict((oc) => oc.column('nonce_hash').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
};

/**
 * Stores one response and adds it to the aggregates, in the caller's transaction. Upserts add
 * `excluded` values (`count = count + excluded.count`), atomic on both dialects; rows are written
 * in one fixed order, so concurrent submissions never wait on each other in a cycle.
 */
export const insertResponse = async (db: Db, r: PollResponse): Promise<void> => {
  await db
    .insertInto('poll_responses')
    .values({ id: r.id, change_id: r.changeId, group_key: r.groupKey, q1: r.q1, q2: r.q2, q3: r.q3, q4: r.q4, submitted_on: r.submittedOn })
    .execute();
  const { counts, totals } = aggregatesOf(r);
  await db
    .insertInto('poll_counts')
    .values(counts.map((c) => ({ change_id: r.changeId, group_key: r.groupKey, question: c.question, answer: c.answer, count: 1 })))
    .onConflict((oc) => oc.columns(['change_id', 'group_key', 'question', 'answer']).doUpdateSet((eb) => ({ count: eb('poll_counts.count', '+', eb.ref('excluded.count')) })))
    .execute();
  await db
    .insertInto('poll_totals')
    .values({ change_id: r.changeId, group_key: r.groupKey, respondents: 1, with_both: totals.withBoth, met: totals.met, gap_sum: totals.gapSum })
    .onConflict((oc) =>
      oc.columns(['change_id', 'group_key']).doUpdateSet((eb) => ({
        respondents: eb('poll_totals.respondents', '+', eb.ref('excluded.respondents')),
        with_both: eb('poll_totals.with_both', '+', eb.ref('excluded.with_both')),
        met: eb('poll_totals.met', '+', eb.ref('excluded.met')),
        gap_sum: eb('poll_totals.gap_sum', '+', eb.ref('excluded.gap_sum')),
      })),
    )
    .execute();
};

/** The stored aggregates of one change: two indexed reads of at most a few hundred rows, whatever the number of answers. */
export const selectAggregates = async (db: Db, changeId: string): Promise<PollAggregates> => {
  const [counts, totals] = await Promise.all([
    db.selectFrom('poll_counts').selectAll().where('change_id', '=', changeId).execute(),
    db.selectFrom('poll_totals').selectAll().where('change_id', '=', changeId).execute(),
  ]);
  return sorted({
    counts: counts.map((c) => ({ groupKey: c.group_key, question: c.question, answer: c.answer, count: toCount(c.count) })),
    totals: totals.map((t) => ({ groupKey: t.group_key, respondents: toCount(t.respondents), withBoth: toCount(t.with_both), met: toCount(t.met), gapSum: toCount(t.gap_sum) })),
  });
};

/**
 * The same aggregates recomputed from the individual responses (a full scan: for audits and
 * tests, never for the portal). Grouped in SQL, so memory stays bounded.
 */
export const recountAggregates = async (db: Db, changeId: string): Promise<PollAggregates> => {
  const counts: PollAggregates['counts'] = [];
  for (const question of ['q1', 'q2', 'q3', 'q4'] as const) {
    const rows = await db
      .selectFrom('poll_responses')
      .select(['group_key', `${question} as answer`])
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('change_id', '=', changeId)
      .where(question, 'is not', null)
      .groupBy(['group_key', question])
      .execute();
    for (const r of rows) counts.push({ groupKey: r.group_key, question, answer: String(r.answer), count: toCount(r.n) });
  }
  const totals = await db
    .selectFrom('poll_responses')
    .select('group_key')
    .select((eb) => [
      eb.fn.countAll<string | number>().as('respondents'),
      eb.fn.count<string | number>('q4').as('with_both'),
      eb.fn.sum<string | number | null>(eb.case().when('q4', '>=', eb.ref('q3')).then(1).else(0).end()).as('met'),
      eb.fn.sum<string | number | null>(eb('q4', '-', eb.ref('q3'))).as('gap_sum'),
    ])
    .where('change_id', '=', changeId)
    .groupBy('group_key')
    .execute();
  return sorted({
    counts,
    totals: totals.map((t) => ({ groupKey: t.group_key, respondents: toCount(t.respondents), withBoth: toCount(t.with_both), met: toCount(t.met), gapSum: toCount(t.gap_sum) })),
  });
};

// One order in JavaScript, whatever the database's collation: stored and recounted compare equal.
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (a: PollAggregates): PollAggregates => ({
  counts: [...a.counts].sort((x, y) => byText(`${x.groupKey}|${x.question}|${x.answer}`, `${y.groupKey}|${y.question}|${y.answer}`)),
  totals: [...a.totals].sort((x, y) => byText(x.groupKey, y.groupKey)),
});
