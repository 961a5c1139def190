import type { Perception, PerceptionFigures } from './perception';

/** One block of plain sentences: everyone, one group, or "overig". */
export interface PerceptionText {
  /** Null for everyone; the group's name, or "Overige mensen" / "Other respondents". */
  heading: string | null;
  sentences: string[];
}

type Lang = 'nl' | 'en';

/** "8 van de 10 mensen …": the phrasing B1 readers understand better than percentages. */
const share = (value: number, subject: string, verb: { one: string; many: string }, rest: string, lang: Lang): string => {
  const tenths = Math.round(value * 10);
  if (lang === 'en') {
    if (value === 1) return `Everyone ${verb.one} ${rest}.`;
    if (value === 0) return `No one ${verb.one} ${rest}.`;
    if (tenths === 10) return `Almost everyone ${verb.one} ${rest}.`;
    if (tenths === 0) return `Fewer than 1 in 10 ${subject} ${verb.many} ${rest}.`;
    return `${tenths} in 10 ${subject} ${verb.many} ${rest}.`;
  }
  if (value === 1) return `Iedereen ${verb.one} ${rest}.`;
  if (value === 0) return `Niemand ${verb.one} ${rest}.`;
  if (tenths === 10) return `Bijna iedereen ${verb.one} ${rest}.`;
  if (tenths === 0) return `Minder dan 1 van de 10 ${subject} ${verb.one} ${rest}.`;
  return `${tenths} van de 10 ${subject} ${tenths === 1 ? verb.one : verb.many} ${rest}.`;
};

const SCALE_WORDS: Record<Lang, string[]> = {
  nl: ['veel slechter', 'slechter', 'niet beter en niet slechter', 'beter', 'veel beter'],
  en: ['much worse', 'worse', 'neither better nor worse', 'better', 'much better'],
};

/** The word for a mean on the 1…5 scale: the nearest point. */
const scaleWord = (mean: number, lang: Lang): string => SCALE_WORDS[lang][Math.min(4, Math.max(0, Math.round(mean) - 1))]!;

/** Plain sentences for one set of figures (B1 Dutch, or English). */
export const describeFigures = (f: PerceptionFigures, lang: Lang = 'nl', subject = lang === 'nl' ? 'mensen' : 'people'): string[] => {
  const nl = lang === 'nl';
  const lines = [
    share(f.understandingWhy, subject, nl ? { one: 'begrijpt', many: 'begrijpen' } : { one: 'understands', many: 'understand' }, nl ? 'waarom deze verandering nodig is' : 'why this change is needed', lang),
    share(f.understandingWhat, subject, nl ? { one: 'weet', many: 'weten' } : { one: 'knows', many: 'know' }, nl ? 'wat er gaat veranderen' : 'what will change', lang),
    nl
      ? `Gemiddeld verwachten ze dat de verandering voor hen ${scaleWord(f.meanExpectation, lang)} uitpakt.`
      : `On average they expect the change to turn out ${scaleWord(f.meanExpectation, lang)} for them.`,
  ];
  if (f.perceivedSuccess !== null && f.meanGap !== null) {
    lines.push(
      share(
        f.perceivedSuccess,
        subject,
        nl ? { one: 'vindt', many: 'vinden' } : { one: 'finds', many: 'find' },
        nl ? 'de verandering tot nu toe minstens zo goed als verwacht' : 'the change so far at least as good as expected',
        lang,
      ),
    );
    const gap = Math.abs(f.meanGap) < 0.25 ? 'same' : f.meanGap > 0 ? 'better' : 'worse';
    lines.push(
      nl
        ? { same: 'Gemiddeld is het ongeveer wat ze verwachtten.', better: 'Gemiddeld valt het mee: het is beter dan ze verwachtten.', worse: 'Gemiddeld valt het tegen: het is slechter dan ze verwachtten.' }[gap]
        : { same: 'On average it is about what they expected.', better: 'On average it is better than they expected.', worse: 'On average it is worse than they expected.' }[gap],
    );
  }
  lines.push(nl ? `Dit is gebaseerd op ${f.respondents} antwoorden.` : `Based on ${f.respondents} answers.`);
  return lines;
};

/**
 * The whole perception of a change in plain sentences, for the portal: everyone first, then each
 * group shown apart, then "overig"; one explaining sentence while there are too few answers.
 */
export const describePerception = (p: Perception, lang: Lang = 'nl'): PerceptionText[] => {
  const nl = lang === 'nl';
  if (!p.total) {
    return [
      {
        heading: null,
        sentences: [
          nl
            ? `Er zijn nog te weinig antwoorden om uitkomsten te laten zien. Vanaf ${p.minGroupSize} antwoorden ziet u hier wat mensen vinden.`
            : `There are too few answers to show results yet. From ${p.minGroupSize} answers on, you will see here what people think.`,
        ],
      },
    ];
  }
  return [
    { heading: null, sentences: describeFigures(p.total, lang) },
    ...p.groups.map((g) => ({ heading: g.name, sentences: describeFigures(g.figures, lang, nl ? `mensen uit de groep ${g.name}` : `people in the group ${g.name}`) })),
    ...(p.other ? [{ heading: nl ? 'Overige mensen' : 'Other respondents', sentences: describeFigures(p.other, lang, nl ? 'overige mensen' : 'other respondents') }] : []),
  ];
};
