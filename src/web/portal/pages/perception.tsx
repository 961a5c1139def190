import { describePerception, type Perception, type PerceptionFigures } from '../../../modules/polls';
import { BarChart, type BarSet } from '../../views/chart';
import { Heading, Paragraph, Table } from '../../views/components';
import { formatNumber } from '../i18n';
import type { View } from '../site';
import { VOICE } from '../voice-i18n';

/**
 * What the cached change page knows that the live perception block needs: the change, its groups
 * (to name the ones with too few answers) and the objective state of its goals (to compare with
 * what people perceive). It travels inside the cached page as a marker (see live.ts).
 */
export interface LiveData {
  changeId: string;
  groups: string[];
  /** Goals with a measurement, and of those the ones on track or achieved. */
  measuredGoals: number;
  goalsOnTrack: number;
}

const percent = (view: View, share: number | null) => (share === null ? VOICE[view.lang].notYetKnown : `${formatNumber(view.lang, Math.round(share * 100))}%`);

/** One sentence on the gap between perceived and objective success (DOMAIN.md: the gap is itself a finding). */
const gapSentence = (view: View, p: Perception, data: LiveData): string | null => {
  const v = VOICE[view.lang];
  if (data.measuredGoals === 0) return null;
  const perceived = p.total?.perceivedSuccess ?? null;
  if (perceived === null) return v.gapUnknown;
  const goalsGood = data.goalsOnTrack / data.measuredGoals >= 0.5;
  const peopleGood = perceived >= 0.5;
  return goalsGood === peopleGood ? (goalsGood ? v.gapBothGood : v.gapBothBad) : goalsGood ? v.gapGoalsGood : v.gapPeopleGood;
};

/**
 * "Wat vinden inwoners ervan?": the number of answers, understanding and perceived success per group
 * in plain sentences (`describePerception`), the same as a bar chart and as a table, the groups with
 * too few answers named but never shown apart, and beside it how the goals objectively stand.
 * Rendered per request: every answer changes it, and answers do not move the register version.
 */
export const PerceptionBlock = ({ view, p, data }: { view: View; p: Perception; data: LiveData }) => {
  const v = VOICE[view.lang];
  const en = view.lang === 'en';
  const blocks = describePerception(p, view.lang);
  const shown = new Set(p.groups.map((g) => g.name));
  const small = p.total ? data.groups.filter((name) => !shown.has(name)) : [];
  const sets: { label: string; lang?: string; f: PerceptionFigures }[] = p.total
    ? [
        { label: v.everyoneHeading, f: p.total },
        ...p.groups.map((g) => ({ label: g.name, lang: en ? 'nl' : undefined, f: g.figures })),
        ...(p.other ? [{ label: v.otherRespondents, f: p.other }] : []),
      ]
    : [];
  const bars: BarSet[] = sets.map((s) => ({
    label: `${s.label} (${formatNumber(view.lang, s.f.respondents)})`,
    lang: s.lang,
    bars: [
      { label: v.barWhy, value: s.f.understandingWhy, text: percent(view, s.f.understandingWhy) },
      { label: v.barWhat, value: s.f.understandingWhat, text: percent(view, s.f.understandingWhat) },
      { label: v.barMet, value: s.f.perceivedSuccess, text: s.f.perceivedSuccess === null ? '–' : percent(view, s.f.perceivedSuccess) },
    ],
  }));
  const gap = gapSentence(view, p, data);
  return (
    <div class="helder-perception">
      <p class="utrecht-paragraph helder-perception__count"><strong>{v.answersCount(p.respondents)}</strong></p>
      {blocks.map((b) => (
        <div class="helder-perception__block">
          {p.total ? <Heading level={3}>{b.heading === null ? v.everyoneHeading : shown.has(b.heading) ? <span lang="nl">{b.heading}</span> : b.heading}</Heading> : null}
          {b.sentences.map((s) => <Paragraph>{s}</Paragraph>)}
        </div>
      ))}
      {small.length > 0 ? (
        <ul class="utrecht-unordered-list helder-perception__small">
          {small.map((name) => <li class="utrecht-unordered-list__item"><span lang="nl">{name}</span>: {v.tooFewToShow}</li>)}
        </ul>
      ) : null}
      {bars.length > 0 ? (
        <>
          <div class="helder-perception__chart">
            <BarChart id="meningen-grafiek" title={v.chartTitle} description={v.chartDesc} sets={bars} />
          </div>
          <details class="helder-details">
            <summary>{v.tableSummary}</summary>
            <Table
              caption={v.chartTitle}
              head={[v.colGroup, v.colAnswers, v.barWhy, v.barWhat, v.barMet]}
              numeric={[1, 2, 3, 4]}
              rows={sets.map((s) => [
                s.lang ? <span lang={s.lang}>{s.label}</span> : s.label,
                formatNumber(view.lang, s.f.respondents),
                percent(view, s.f.understandingWhy),
                percent(view, s.f.understandingWhat),
                percent(view, s.f.perceivedSuccess),
              ])}
            />
          </details>
        </>
      ) : null}
      <Heading level={3}>{v.objectiveHeading}</Heading>
      <Paragraph>{data.measuredGoals === 0 ? v.objectiveNone : v.objective(data.goalsOnTrack, data.measuredGoals)}</Paragraph>
      {gap ? <Paragraph>{gap}</Paragraph> : null}
    </div>
  );
};
