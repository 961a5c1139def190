import type { ChangeId } from '../changes';
import { NO_GROUP, SCALE, UNDERSTANDING_ANSWERS, UNKNOWN_GROUP, type GroupKey } from './poll';

/** The stored aggregates of one change: counts per group × question × answer, and totals per group. */
export interface PollAggregates {
  counts: { groupKey: GroupKey; question: string; answer: string; count: number }[];
  totals: { groupKey: GroupKey; respondents: number; withBoth: number; met: number; gapSum: number }[];
}

/** Everything one bucket of respondents adds up to; buckets merge by adding. */
interface Tally {
  respondents: number;
  q1: Record<string, number>;
  q2: Record<string, number>;
  q3: Record<string, number>;
  q4: Record<string, number>;
  withBoth: number;
  met: number;
  gapSum: number;
}

/** What the portal and the API show for one set of respondents (a group, "overig" or everyone). */
export interface PerceptionFigures {
  respondents: number;
  /** Share answering "ja" to Q1 (understands why) and Q2 (knows what), 0…1. */
  understandingWhy: number;
  understandingWhat: number;
  /** Mean of Q3, 1…5. */
  meanExpectation: number;
  /** Mean of Q4, 1…5; null while fewer than the minimum answered Q4. */
  meanExperience: number | null;
  /** Share whose experience (Q4) is at least what they expected (Q3); null like `meanExperience`. */
  perceivedSuccess: number | null;
  /** Mean of Q4 − Q3 (−4…4); null like `meanExperience`. */
  meanGap: number | null;
  /** Respondents who answered both Q3 and Q4: the base of the three figures above. */
  experienceAnswers: number;
  /** Answers per option, for charts: q1/q2 by `ja|deels|nee`, q3/q4 by `1`…`5`. */
  distribution: Record<'q1' | 'q2' | 'q3' | 'q4', Record<string, number>>;
}

export interface GroupPerception {
  groupId: string;
  name: string;
  figures: PerceptionFigures;
}

/**
 * The perception of one change: figures for everyone, per group large enough to show apart, and
 * for "overig" (the rest). Groups below `minGroupSize` are never shown apart (DOMAIN.md), and
 * neither is a remainder that would reveal one by subtraction (docs/citizen-voice.md).
 */
export interface Perception {
  changeId: ChangeId;
  minGroupSize: number;
  /** Everyone who answered, always given (a count alone reveals no answer). */
  respondents: number;
  /** Null while fewer than `minGroupSize` answered: then nothing is shown at all. */
  total: PerceptionFigures | null;
  groups: GroupPerception[];
  /** "Overig": respondents of small groups, "geen van deze" and no group; null when not shown. */
  other: PerceptionFigures | null;
}

const emptyTally = (): Tally => ({ respondents: 0, q1: {}, q2: {}, q3: {}, q4: {}, withBoth: 0, met: 0, gapSum: 0 });

const addInto = (into: Tally, from: Tally): Tally => {
  into.respondents += from.respondents;
  into.withBoth += from.withBoth;
  into.met += from.met;
  into.gapSum += from.gapSum;
  for (const q of ['q1', 'q2', 'q3', 'q4'] as const) {
    for (const [answer, n] of Object.entries(from[q])) into[q][answer] = (into[q][answer] ?? 0) + n;
  }
  return into;
};

const sum = (values: Record<string, number>): number => Object.values(values).reduce((a, b) => a + b, 0);
const weighted = (values: Record<string, number>): number => Object.entries(values).reduce((a, [k, n]) => a + Number(k) * n, 0);

const full = (answers: readonly (string | number)[], counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(answers.map((a) => [String(a), counts[String(a)] ?? 0]));

const figuresOf = (t: Tally, min: number): PerceptionFigures => {
  const q1 = sum(t.q1);
  const q2 = sum(t.q2);
  const q3 = sum(t.q3);
  const q4 = sum(t.q4);
  const enoughExperience = t.withBoth >= min;
  return {
    respondents: t.respondents,
    understandingWhy: q1 === 0 ? 0 : (t.q1.ja ?? 0) / q1,
    understandingWhat: q2 === 0 ? 0 : (t.q2.ja ?? 0) / q2,
    meanExpectation: q3 === 0 ? 0 : weighted(t.q3) / q3,
    meanExperience: enoughExperience && q4 > 0 ? weighted(t.q4) / q4 : null,
    perceivedSuccess: enoughExperience ? t.met / t.withBoth : null,
    meanGap: enoughExperience ? t.gapSum / t.withBoth : null,
    experienceAnswers: t.withBoth,
    distribution: {
      q1: full(UNDERSTANDING_ANSWERS, t.q1),
      q2: full(UNDERSTANDING_ANSWERS, t.q2),
      q3: full(SCALE, t.q3),
      // Q4 answers of fewer people than the minimum are not shown, like the figures built on them.
      q4: enoughExperience ? full(SCALE, t.q4) : full(SCALE, {}),
    },
  };
};

/**
 * Figures from the stored aggregates, with small groups merged into "overig":
 *
 * 1. a group of the change with at least `min` respondents is shown apart; smaller groups, "geen
 *    van deze", unanswered Q5 and groups that are no longer the change's all go to "overig";
 * 2. "overig" = everyone − the groups shown, so anyone can compute it by subtraction: when it holds
 *    1…min−1 respondents it would expose a small group, so the smallest shown group joins it,
 *    again until it reaches `min` or no group is shown apart (secondary suppression, as in
 *    statistical disclosure control);
 * 3. "overig" is shown when it reaches `min` and some group is shown apart (else it equals the
 *    total); nothing is shown at all while fewer than `min` answered.
 */
export const perceptionOf = (
  changeId: ChangeId,
  aggregates: PollAggregates,
  groups: readonly { id: string; name: string }[],
  min: number,
): Perception => {
  const tallies = new Map<GroupKey, Tally>();
  const tallyOf = (key: GroupKey) => {
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = emptyTally()));
    return t;
  };
  for (const c of aggregates.counts) {
    const q = c.question as 'q1' | 'q2' | 'q3' | 'q4';
    if (!['q1', 'q2', 'q3', 'q4'].includes(q)) continue;
    const t = tallyOf(c.groupKey);
    t[q][c.answer] = (t[q][c.answer] ?? 0) + c.count;
  }
  for (const r of aggregates.totals) addInto(tallyOf(r.groupKey), { ...emptyTally(), respondents: r.respondents, withBoth: r.withBoth, met: r.met, gapSum: r.gapSum });

  const total = [...tallies.values()].reduce(addInto, emptyTally());
  const known = new Set(groups.map((g) => g.id));
  const other = emptyTally();
  for (const [key, t] of tallies) if (!known.has(key) || key === NO_GROUP || key === UNKNOWN_GROUP) addInto(other, t);

  let shown = groups.map((g) => ({ group: g, tally: tallies.get(g.id) ?? emptyTally() }));
  for (const s of shown.filter((s) => s.tally.respondents < min)) addInto(other, s.tally);
  shown = shown.filter((s) => s.tally.respondents >= min);
  while (shown.length > 0 && other.respondents > 0 && other.respondents < min) {
    const smallest = shown.reduce((a, b) => (b.tally.respondents < a.tally.respondents ? b : a));
    addInto(other, smallest.tally);
    shown = shown.filter((s) => s !== smallest);
  }

  if (total.respondents < min) return { changeId, minGroupSize: min, respondents: total.respondents, total: null, groups: [], other: null };
  return {
    changeId,
    minGroupSize: min,
    respondents: total.respondents,
    total: figuresOf(total, min),
    groups: shown.map((s) => ({ groupId: s.group.id, name: s.group.name, figures: figuresOf(s.tally, min) })),
    other: shown.length > 0 && other.respondents >= min ? figuresOf(other, min) : null,
  };
};
