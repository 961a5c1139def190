/**
 * Sentence splitting for Dutch that survives abbreviations (bijv., o.a., dhr., art. 3), initials
 * (J. de Vries) and numbers (3,5 miljoen; 1.200), and treats headings and list items as sentences.
 */
import { tokenize, type Token } from './tokens';

export interface Sentence {
  /** Position in the text, 0-based. */
  index: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
}

// Written without the final dot; dotted forms are matched as written (o.a, d.w.z).
const ABBREVIATIONS = new Set(
  (
    'bijv bv o.a d.w.z dhr mevr mr dr drs ir ing prof st nr nrs art lid sub blz p pag i.p.v e.d enz ' +
    'etc e.a ca m.b.t t.a.v i.v.m z.s.m jl a.s vgl zgn evt incl excl resp tel min max o.b.v m.i.v ' +
    'd.d t.o.v n.a.v c.q a.u.b s.v.p m.n m.u.v i.o.v i.s.m v.w.b mln mld jan feb mrt apr jun jul ' +
    'aug sep sept okt nov dec ma di wo do vr za zo e.g i.e vs fig hfd par afd'
  ).split(' '),
);
// These often close a list at the end of a sentence, so a capital letter after them starts a new one.
const LIST_ENDERS = new Set(['enz', 'etc', 'e.d', 'e.a']);
const BULLET = /^[ \t]*(?:[-*•–]|\d+[.)])[ \t]/;
// Lines shorter than this without closing punctuation are read as headings, not as wrapped prose.
const HEADING_MAX = 60;

const wordBefore = (text: string, dot: number): string =>
  /(\p{L}+(?:\.\p{L}+)*)$/u.exec(text.slice(Math.max(0, dot - 24), dot))?.[1] ?? '';

const dotEndsSentence = (text: string, dot: number, after: number): boolean => {
  const next = /\S/u.exec(text.slice(after))?.[0];
  if (next === undefined) return true;
  if (/\p{Ll}/u.test(next)) return false; // "ca. tien", "nr. 3": a lower-case word continues
  const word = wordBefore(text, dot);
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return LIST_ENDERS.has(lower) && /\p{Lu}/u.test(next);
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "J. de Vries"
  return true;
};

const lineAt = (text: string, from: number, to: number): string => text.slice(from, to).trim();

const lineBreakEndsSentence = (text: string, at: number): boolean => {
  const nextEnd = text.indexOf('\n', at + 1);
  const next = text.slice(at + 1, nextEnd === -1 ? text.length : nextEnd);
  if (next.trim() === '' || BULLET.test(next)) return true;
  const prevStart = text.lastIndexOf('\n', at - 1) + 1;
  const prevRaw = text.slice(prevStart, at);
  const prev = lineAt(text, prevStart, at);
  if (prev === '') return false;
  if (/[.!?:;…]$/.test(prev) || BULLET.test(prevRaw)) return true;
  return prev.length < HEADING_MAX && !/[,\-–]$/.test(prev) && /^\s*[\p{Lu}\d]/u.test(next);
};

/** Splits a text into sentences with their offsets and word tokens; empty pieces are dropped. */
export const splitSentences = (text: string): Sentence[] => {
  const cuts = new Set<number>();
  for (const m of text.matchAll(/[.!?…]+[)"'”’»]*(?=\s|$)/g)) {
    const end = m.index + m[0].length;
    // A single dot may belong to an abbreviation or an initial; "!", "?" and "..." always end.
    if (/^\.(?!\.)/.test(m[0]) && !dotEndsSentence(text, m.index, end)) continue;
    cuts.add(end);
  }
  for (const m of text.matchAll(/\n/g)) if (lineBreakEndsSentence(text, m.index)) cuts.add(m.index);
  cuts.add(text.length);

  const sentences: Sentence[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const raw = text.slice(from, cut);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim().replace(BULLET, '');
    const start = from + lead + (raw.trim().length - body.length);
    from = cut;
    const tokens = tokenize(body, start);
    if (tokens.length === 0) continue;
    sentences.push({ index: sentences.length, start, end: start + body.length, text: body, tokens });
  }
  return sentences;
};
