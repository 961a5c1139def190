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

/** Which of these nonce hashes are already marked used (for a batch; `markTokenUsed` for one). */
export const usedTokens = async (db: Db, nonceHashes: string[]): Promise<Set<string>> => {
  if (nonceHashes.length === 0) return new Set();
  const rows = await db.selectFrom('poll_tokens_used').select('nonce_hash').where('nonce_hash', 'in', nonceHashes).execute();
  return new Set(rows.map((r) => r.nonce_hash));
};

/**
 * Marks the nonces of a batch used, in one statement, without `on conflict`: the caller checked
 * them (`usedTokens`) inside the same write transaction, so a conflict here is a bug and fails the
 * whole batch rather than storing an answer twice.
 */
export const markTokensUsed = async (db: Db, rows: { nonceHash: string; changeId: string; usedAt: string }[]): Promise<void> => {
  if (rows.length === 0) return;
  await db.insertInto('poll_tokens_used').values(rows.map((r) => ({ nonce_hash: r.nonceHash, change_id: r.changeId, used_at: r.usedAt }))).execute();
};

/** Stores one response and adds it to the aggregates, in the caller's transaction (`insertResponses` of one). */
export const insertResponse = (db: Db, r: PollResponse): Promise<void> => insertResponses(db, [r]);

/**
 * Stores responses and adds them to the aggregates, in the caller's transaction: one statement per
 * table, the aggregate rows summed in JavaScript first. Upserts add `excluded` values
 * (`count = count + excluded.count`), atomic on both dialects; rows are written in one fixed order
 * (sorted by key), so concurrent writers never wait on each other in a cycle. At most a few
 * hundred responses at a time (a batch of the group-commit writer): far below the parameter limits.
 */
export const insertResponses = async (db: Db, responses: PollResponse[]): Promise<void> => {
  if (responses.length === 0) return;
  await db
    .insertInto('poll_responses')
    .values(responses.map((r) => ({ id: r.id, change_id: r.changeId, group_key: r.groupKey, q1: r.q1, q2: r.q2, q3: r.q3, q4: r.q4, submitted_on: r.submittedOn })))
    .execute();
  const counts = new Map<string, { change_id: string; group_key: string; question: string; answer: string; count: number }>();
  const totals = new Map<string, { change_id: string; group_key: string; respondents: number; with_both: number; met: number; gap_sum: number }>();
  for (const r of responses) {
    const a = aggregatesOf(r);
    for (const c of a.counts) {
      const key = `${r.changeId}\n${r.groupKey}\n${c.question}\n${c.answer}`;
      const row = counts.get(key) ?? { change_id: r.changeId, group_key: r.groupKey, question: c.question, answer: c.answer, count: 0 };
      row.count += 1;
      counts.set(key, row);
    }
    const key = `${r.changeId}\n${r.groupKey}`;
    const row = totals.get(key) ?? { change_id: r.changeId, group_key: r.groupKey, respondents: 0, with_both: 0, met: 0, gap_sum: 0 };
    row.respondents += 1;
    row.with_both += a.totals.withBoth;
    row.met += a.totals.met;
    row.gap_sum += a.totals.gapSum;
    totals.set(key, row);
  }
  const inOrder = <T>(m: Map<string, T>): T[] => [...m.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, v]) => v);
  await db
    .insertInto('poll_counts')
    .values(inOrder(counts))
    .onConflict((oc) => oc.columns(['change_id', 'group_key', 'question', 'answer']).doUpdateSet((eb) => ({ count: eb('poll_counts.count', '+', eb.ref('excluded.count')) })))
    .execute();
  await db
    .insertInto('poll_totals')
    .values(inOrder(totals))
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

/**
 * A number that grows with every accepted answer to one change's poll (the respondents summed over
 * its groups): one indexed read, for caches of rendered figures.
 */
export const selectPollVersion = async (db: Db, changeId: string): Promise<number> => {
  const row = await db
    .selectFrom('poll_totals')
    .select((eb) => eb.fn.sum<number | string>('respondents').as('n'))
    .where('change_id', '=', changeId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
};
