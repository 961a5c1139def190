/** The shapes the checker returns; re-exported (with doc comments) from index.ts. */

export type Lang = 'nl' | 'en';

export interface Span {
  start: number;
  end: number;
}

export type Rule =
  | 'officialese'
  | 'passive'
  | 'nominalisation'
  | 'long_sentence'
  | 'very_long_sentence'
  | 'nested_sentence'
  | 'impersonal'
  | 'long_word'
  | 'infrequent_word'
  | 'vague_goal';

export interface Finding {
  rule: Rule;
  span: Span;
  excerpt: string;
  sentence: number;
  message: string;
  suggestion: string;
}

export interface Metrics {
  sentences: number;
  words: number;
  syllablesPerWord: number;
  wordsPerSentence: number;
  fleschDouma: number;
  longSentenceShare: number;
  longWordShare: number;
  infrequentWordShare: number;
}

export type Verdict = 'b1' | 'above_b1';

export interface LanguageReport {
  lang: Lang;
  verdict: Verdict;
  verdictLabel: string;
  score: number;
  reasons: string[];
  metrics: Metrics;
  findings: Finding[];
}

export interface GoalWordingReport {
  vague: boolean;
  findings: Finding[];
}
