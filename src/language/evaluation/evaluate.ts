/**
 * Precision and recall of the checker on the labelled evaluation set. "Positive" means "above B1"
 * for the verdict (the checker's job is to catch hard texts), "is passive" for the passive
 * detector and "is officialese" for the jargon detector.
 */
import { checkText } from '../index';
import { findOfficialese } from '../officialese';
import { findPassives } from '../passive';
import { splitSentences } from '../sentences';
import { SENTENCES, type LabelledSentence } from './sentences';
import { HOLDOUT_SENTENCES } from './sentences-holdout';
import { ABOVE_TEXTS } from './texts-above';
import { B1_TEXTS, type LabelledText } from './texts-b1';
import { BORDERLINE_TEXTS } from './texts-borderline';
import { SHORT_TEXTS } from './texts-short';

export interface Scores {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  accuracy: number;
}

const scores = (tp: number, fp: number, fn: number, tn = 0): Scores => ({
  tp, fp, fn, tn,
  precision: tp + fp === 0 ? 1 : tp / (tp + fp),
  recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  accuracy: (tp + tn) / Math.max(1, tp + fp + fn + tn),
});

/** The held-out sentence set (see sentences-holdout.ts). */
export { HOLDOUT_SENTENCES };

/** All labelled texts: B1, above B1, near the boundary and short. */
export const TEXTS: LabelledText[] = [...B1_TEXTS, ...ABOVE_TEXTS, ...BORDERLINE_TEXTS, ...SHORT_TEXTS];

/** Verdict scores over `texts`, with the ids the checker got wrong. */
export const evaluateVerdict = (texts: readonly LabelledText[] = TEXTS) => {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  const wrong: string[] = [];
  for (const t of texts) {
    const above = checkText(t.text).verdict === 'above_b1';
    const gold = t.level === 'above_b1';
    if (above && gold) tp += 1;
    else if (above) fp += 1;
    else if (gold) fn += 1;
    else tn += 1;
    if (above !== gold) wrong.push(t.id);
  }
  return { ...scores(tp, fp, fn, tn), wrong };
};

/** Passive detector: constructions found per sentence against the labelled count. */
export const evaluatePassive = (set: readonly LabelledSentence[] = SENTENCES) => {
  let tp = 0, fp = 0, fn = 0;
  for (const s of set) {
    const found = findPassives(splitSentences(s.text)[0]!).length;
    tp += Math.min(found, s.passive);
    fp += Math.max(0, found - s.passive);
    fn += Math.max(0, s.passive - found);
  }
  return scores(tp, fp, fn);
};

/** Officialese detector: a found term counts when it overlaps a labelled term (either contains the other). */
export const evaluateOfficialese = (set: readonly LabelledSentence[] = SENTENCES) => {
  let tp = 0, fp = 0, fn = 0;
  for (const s of set) {
    const sentence = splitSentences(s.text)[0]!;
    const found = findOfficialese(sentence.tokens).map((m) =>
      s.text.slice(sentence.tokens[m.from]!.start - sentence.start, sentence.tokens[m.to - 1]!.end - sentence.start).toLowerCase(),
    );
    const same = (a: string, b: string) => a.includes(b) || b.includes(a);
    const hits = found.filter((f) => s.officialese.some((g) => same(f, g))).length;
    tp += hits;
    fp += found.length - hits;
    fn += s.officialese.filter((g) => !found.some((f) => same(f, g))).length;
  }
  return scores(tp, fp, fn);
};
