/**
 * checkText and checkGoalWording: the two entry points the rest of Helder calls.
 */
import { analyseDutch } from './analyse-dutch';
import { analyseEnglish, detectLanguage } from './english';
import { hasMeasure } from './measure-words';
import { advice } from './messages';
import { fleschDouma, metricsFrom } from './readability';
import { splitSentences } from './sentences';
import type { Finding, GoalWordingReport, Lang, LanguageReport, Verdict } from './types';
import { findVagueTerms } from './vague-goal';
import { B1_SCORE, criterionScore, dutchCriteria, scoreOf, SHORT_TEXT, shortTextVerdict, type Criterion } from './verdict';

const LABEL: Record<Verdict, string> = { b1: 'B1 of eenvoudiger', above_b1: 'boven B1' };

const failing = (criteria: readonly Criterion[]): string[] =>
  criteria
    .map((c) => ({ c, score: criterionScore(c) }))
    .filter(({ score }) => score < B1_SCORE)
    .sort((a, b) => a.score - b.score)
    .map(({ c }) => c.reason);

const report = (lang: Lang, verdict: Verdict, score: number, reasons: string[], rest: Pick<LanguageReport, 'metrics' | 'findings'>): LanguageReport =>
  ({ lang, verdict, verdictLabel: LABEL[verdict], score, reasons, ...rest });

export const checkText = (text: string, options: { lang?: Lang } = {}): LanguageReport => {
  const lang = options.lang ?? detectLanguage(text);
  const sentences = splitSentences(text);
  const englishNote = 'Engelse tekst: alleen leesgemak (Flesch reading ease) en zinslengte zijn gecontroleerd.';

  if (lang === 'en') {
    const { metrics, findings, criteria } = analyseEnglish(text, sentences);
    const score = scoreOf(criteria);
    const short = sentences.length < SHORT_TEXT.sentences || metrics.words < SHORT_TEXT.words;
    const verdict: Verdict = short ? (findings.some((f) => f.rule === 'very_long_sentence') ? 'above_b1' : 'b1') : score >= B1_SCORE ? 'b1' : 'above_b1';
    return report(lang, verdict, score, [englishNote, ...failing(criteria)], { metrics, findings });
  }

  const analysis = analyseDutch(text, sentences);
  const metrics = metricsFrom(analysis.counts, fleschDouma);
  const criteria = dutchCriteria(metrics, analysis);
  const problems = failing(criteria);
  let score = scoreOf(criteria);
  let verdict: Verdict = score >= B1_SCORE ? 'b1' : 'above_b1';
  let reasons = problems;
  if (sentences.length < SHORT_TEXT.sentences || metrics.words < SHORT_TEXT.words) {
    const short = shortTextVerdict(analysis);
    verdict = short.verdict;
    score = verdict === 'b1' ? Math.max(score, B1_SCORE) : Math.min(score, B1_SCORE - 1);
    reasons = [
      'Korte tekst: beoordeeld op zinslengte, bijzinnen en moeilijke woorden, niet op gemiddelden.',
      ...short.reasons,
    ];
  } else if (verdict === 'b1') {
    reasons = [
      `Score ${score} van 100: waarschijnlijk goed te begrijpen op B1-niveau.`,
      ...problems.map((p) => `Let op: ${p}`),
    ];
  }
  if (sentences.length === 0) reasons = ['Lege tekst: er is niets te beoordelen.'];
  return report(lang, verdict, score, reasons, { metrics, findings: analysis.findings });
};

export const checkGoalWording = (statement: string): GoalWordingReport => {
  const sentences = splitSentences(statement);
  // A number, unit or date anywhere in the statement makes the vague verb a measurable goal.
  if (sentences.some((s) => hasMeasure(s.tokens, s.text))) return { vague: false, findings: [] };
  const findings: Finding[] = [];
  for (const s of sentences) {
    for (const m of findVagueTerms(s.tokens, true)) {
      const start = s.tokens[m.from]!.start;
      const end = s.tokens[m.to - 1]!.end;
      const excerpt = statement.slice(start, end);
      findings.push({ rule: 'vague_goal', span: { start, end }, excerpt, sentence: s.index, ...advice.vagueGoal(excerpt) });
    }
  }
  return { vague: findings.length > 0, findings };
};
