import { describe, expect, it } from 'vitest';
import type { ChangeId } from '../changes';
import { describePerception } from './describe';
import { perceptionOf, type PollAggregates } from './perception';
import { aggregatesOf, type PollResponse } from './poll';

const CHANGE = 'c1' as ChangeId;
const groups = [
  { id: 'a', name: 'Winkeliers' },
  { id: 'b', name: 'Bewoners' },
  { id: 'c', name: 'Bezoekers' },
];

/** Aggregates as the repository keeps them, built from responses in memory. */
const aggregate = (responses: Pick<PollResponse, 'groupKey' | 'q1' | 'q2' | 'q3' | 'q4'>[]): PollAggregates => {
  const counts = new Map<string, number>();
  const totals = new Map<string, { respondents: number; withBoth: number; met: number; gapSum: number }>();
  for (const r of responses) {
    const a = aggregatesOf(r);
    for (const c of a.counts) counts.set(`${r.groupKey}|${c.question}|${c.answer}`, (counts.get(`${r.groupKey}|${c.question}|${c.answer}`) ?? 0) + 1);
    const t = totals.get(r.groupKey) ?? { respondents: 0, withBoth: 0, met: 0, gapSum: 0 };
    totals.set(r.groupKey, { respondents: t.respondents + 1, withBoth: t.withBoth + a.totals.withBoth, met: t.met + a.totals.met, gapSum: t.gapSum + a.totals.gapSum });
  }
  return {
    counts: [...counts].map(([k, count]) => {
      const [groupKey, question, answer] = k.split('|') as [string, string, string];
      return { groupKey, question, answer, count };
    }),
    totals: [...totals].map(([groupKey, t]) => ({ groupKey, ...t })),
  };
};

const many = (n: number, groupKey: string, r: Partial<Pick<PollResponse, 'q1' | 'q2' | 'q3' | 'q4'>> = {}) =>
  Array.from({ length: n }, () => ({ groupKey, q1: 'ja' as const, q2: 'nee' as const, q3: 3 as const, q4: null, ...r }));

describe('perceptionOf', () => {
  it('shows nothing while fewer than the minimum answered, only the count', () => {
    const p = perceptionOf(CHANGE, aggregate(many(9, 'a')), groups, 10);
    expect(p).toEqual({ changeId: CHANGE, minGroupSize: 10, respondents: 9, total: null, groups: [], other: null });
  });

  it('computes understanding, means, perceived success and gap', () => {
    const responses = [
      ...many(6, 'a', { q1: 'ja', q2: 'ja', q3: 4, q4: 4 }),
      ...many(2, 'a', { q1: 'deels', q2: 'nee', q3: 5, q4: 2 }),
      ...many(2, 'a', { q1: 'nee', q2: 'ja', q3: 1, q4: 3 }),
    ];
    const p = perceptionOf(CHANGE, aggregate(responses), groups, 10);
    expect(p.groups.map((g) => g.groupId)).toEqual(['a']);
    expect(p.other).toBeNull();
    expect(p.total).toMatchObject({ respondents: 10, understandingWhy: 0.6, understandingWhat: 0.8, experienceAnswers: 10, perceivedSuccess: 0.8 });
    expect(p.total!.meanExpectation).toBeCloseTo((6 * 4 + 2 * 5 + 2 * 1) / 10);
    expect(p.total!.meanExperience).toBeCloseTo((6 * 4 + 2 * 2 + 2 * 3) / 10);
    expect(p.total!.meanGap).toBeCloseTo((0 + 2 * -3 + 2 * 2) / 10);
    expect(p.total!.distribution.q1).toEqual({ ja: 6, deels: 2, nee: 2 });
  });

  it('withholds experience figures until enough people answered Q4', () => {
    const p = perceptionOf(CHANGE, aggregate([...many(12, 'a'), ...many(3, 'a', { q4: 5 })]), groups, 10);
    expect(p.total).toMatchObject({ respondents: 15, experienceAnswers: 3, meanExperience: null, perceivedSuccess: null, meanGap: null });
    expect(p.total!.distribution.q4).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });
  });

  it('merges small groups, "geen van deze" and unanswered Q5 into "overig"', () => {
    const p = perceptionOf(CHANGE, aggregate([...many(12, 'a'), ...many(15, 'b'), ...many(4, 'c'), ...many(3, 'none'), ...many(4, 'unknown')]), groups, 10);
    expect(p.groups.map((g) => [g.groupId, g.figures.respondents])).toEqual([['a', 12], ['b', 15]]);
    expect(p.other!.respondents).toBe(11);
    expect(p.total!.respondents).toBe(38);
  });

  it('never leaves a remainder below the minimum that subtraction would reveal', () => {
    // overig would be group c alone (4): total − a − b would give its figures away.
    const p = perceptionOf(CHANGE, aggregate([...many(12, 'a'), ...many(15, 'b'), ...many(4, 'c', { q1: 'nee' })]), groups, 10);
    expect(p.groups.map((g) => g.groupId)).toEqual(['b']);
    expect(p.other!.respondents).toBe(16);
    // Every number shown is at least the minimum, and total − shown = overig, which is shown too.
    const shown = [p.total!, ...p.groups.map((g) => g.figures), p.other!];
    for (const f of shown) expect(f.respondents).toBeGreaterThanOrEqual(10);
  });

  it('shows only the total when merging leaves no group apart', () => {
    const p = perceptionOf(CHANGE, aggregate([...many(12, 'a'), ...many(3, 'b')]), groups, 10);
    expect(p.groups).toEqual([]);
    expect(p.other).toBeNull();
    expect(p.total!.respondents).toBe(15);
  });

  it('puts answers of a group that is no longer the change\'s into "overig"', () => {
    const p = perceptionOf(CHANGE, aggregate([...many(12, 'a'), ...many(10, 'gone')]), groups, 10);
    expect(p.groups.map((g) => g.groupId)).toEqual(['a']);
    expect(p.other!.respondents).toBe(10);
  });
});

describe('describePerception', () => {
  it('says it in plain Dutch: "8 van de 10 mensen begrijpen waarom…"', () => {
    const responses = [...many(8, 'a', { q1: 'ja', q2: 'ja', q3: 4, q4: 4 }), ...many(2, 'a', { q1: 'nee', q2: 'deels', q3: 4, q4: 2 }), ...many(10, 'b', { q1: 'ja', q2: 'ja', q3: 2, q4: 5 })];
    const text = describePerception(perceptionOf(CHANGE, aggregate(responses), groups, 10));
    expect(text[0]).toEqual({
      heading: null,
      sentences: [
        '9 van de 10 mensen begrijpen waarom deze verandering nodig is.',
        '9 van de 10 mensen weten wat er gaat veranderen.',
        'Gemiddeld verwachten ze dat de verandering voor hen niet beter en niet slechter uitpakt.',
        '9 van de 10 mensen vinden de verandering tot nu toe minstens zo goed als verwacht.',
        'Gemiddeld valt het mee: het is beter dan ze verwachtten.',
        'Dit is gebaseerd op 20 antwoorden.',
      ],
    });
    expect(text[1]!.heading).toBe('Winkeliers');
    expect(text[1]!.sentences[0]).toBe('8 van de 10 mensen uit de groep Winkeliers begrijpen waarom deze verandering nodig is.');
    expect(text[2]!.sentences[0]).toBe('Iedereen begrijpt waarom deze verandering nodig is.');
  });

  it('explains when there are too few answers, in Dutch and English', () => {
    const p = perceptionOf(CHANGE, aggregate(many(3, 'a')), groups, 10);
    expect(describePerception(p)[0]!.sentences[0]).toContain('nog te weinig antwoorden');
    expect(describePerception(p, 'en')[0]!.sentences[0]).toContain('too few answers');
  });

  it('handles the edges: nobody, fewer than 1 in 10, almost everyone', () => {
    const edge = (ja: number, n: number) => describePerception(perceptionOf(CHANGE, aggregate([...many(ja, 'a'), ...many(n - ja, 'a', { q1: 'nee' })]), [], 10))[0]!.sentences[0];
    expect(edge(0, 10)).toBe('Niemand begrijpt waarom deze verandering nodig is.');
    expect(edge(1, 20)).toBe('1 van de 10 mensen begrijpt waarom deze verandering nodig is.');
    expect(edge(1, 30)).toBe('Minder dan 1 van de 10 mensen begrijpt waarom deze verandering nodig is.');
    expect(edge(29, 30)).toBe('Bijna iedereen begrijpt waarom deze verandering nodig is.');
  });
});
