import type { ChainGoal } from '../../../modules/chains';
import type { Decision } from '../../../modules/decisions';
import { progressOf, trackStatus, type AnchorOfGoal, type Measurement } from '../../../modules/goals';
import { LineChart } from '../../views/chart';
import { Alert, DataList, Heading, Paragraph, Table } from '../../views/components';
import { formatDate, formatNumber, formatValue } from '../i18n';
import type { View } from '../site';
import { TrackBadge } from './shared';

/**
 * "Doelen": each goal in words, baseline → latest → target, a small chart with a table alternative,
 * progress in words, and honestly whether a council adopted this version of it (DOMAIN.md "Anchor":
 * an edit after adoption is shown loudly, never silently).
 */
export interface GoalsProps {
  view: View;
  goals: ChainGoal[];
  decisions: Decision[];
  measurements: Measurement[];
  allAnchors: AnchorOfGoal[];
}

const Anchoring = ({ view, g, decisions, allAnchors }: { view: View; g: ChainGoal; decisions: Map<string, Decision>; allAnchors: AnchorOfGoal[] }) => {
  if (g.anchored) {
    const adopted = g.anchors.map((a) => decisions.get(a.decisionId)).filter((d): d is Decision => d !== undefined);
    return (
      <p class="utrecht-paragraph helder-goal__anchor">
        {view.t.anchoredBy}:{' '}
        {adopted.map((d, i) => (
          <>
            {i > 0 ? '; ' : ''}
            <span lang="nl">{view.labels.decisionKind[d.kind]} “{d.title}”</span>, {formatDate(view.lang, d.date)}
          </>
        ))}
      </p>
    );
  }
  if (g.editedAfterAdoption) {
    const anchor = allAnchors.find((a) => a.goalId === g.goal.id && a.version === g.adoptedVersion);
    const decision = anchor ? decisions.get(anchor.decisionId) : undefined;
    return <Alert type="warning">{decision ? view.t.editedAfter(formatDate(view.lang, decision.date), decision.body) : view.t.editedAfterUnknown}</Alert>;
  }
  return <Alert type="warning">{view.t.notAnchored}</Alert>;
};

const Goal = ({ view, g, n, total, series, decisions, allAnchors }: { view: View; g: ChainGoal; n: number; total: number; series: Measurement[]; decisions: Map<string, Decision>; allAnchors: AnchorOfGoal[] }) => {
  const v = g.goal.current;
  const latest = g.latestMeasurement ?? undefined;
  const status = trackStatus(v, latest);
  const progress = progressOf(v, latest?.value);
  const value = (n: number | null) => (n === null ? '—' : formatValue(view.lang, n, v.unit));
  const dated = (n: number | null, date: string | null) => (n === null ? view.t.notDescribed : date ? `${value(n)} (${formatDate(view.lang, date)})` : value(n));
  const id = `doel-${n}`;
  const targetText = v.targetValue === null ? '—' : value(v.targetValue);
  return (
    <article class="helder-goal" aria-labelledby={`${id}-heading`}>
      <p class="utrecht-paragraph utrecht-paragraph--small helder-goal__count">{view.t.goalOf(n, total)}</p>
      <Heading level={3} id={`${id}-heading`}><span lang="nl">{v.statement}</span></Heading>
      <p class="utrecht-paragraph">
        <TrackBadge view={view} status={status} />
        {progress !== null && status !== 'achieved' ? <> {view.t.progress}: {formatNumber(view.lang, Math.round(progress * 100))}%</> : null}
      </p>
      <DataList
        rows={[
          [view.t.baseline, dated(v.baselineValue, v.baselineDate)],
          [view.t.latest, latest ? dated(latest.value, latest.date) : view.labels.track.no_measurement],
          [view.t.target, dated(v.targetValue, v.targetDate)],
          [view.t.measuredBy, <span lang="nl">{v.indicator || view.t.notDescribed}</span>],
        ]}
      />
      <Anchoring view={view} g={g} decisions={decisions} allAnchors={allAnchors} />
      <div class="helder-goal__chart">
        <LineChart
          id={`${id}-chart`}
          title={view.t.chartTitle(v.statement)}
          description={
            series.length > 0 ? view.t.chartDesc(dated(series[0]!.value, series[0]!.date), dated(series[series.length - 1]!.value, series[series.length - 1]!.date), targetText) : view.t.chartDescEmpty(targetText)
          }
          series={series}
          baseline={v.baselineValue !== null && v.baselineDate ? { date: v.baselineDate, value: v.baselineValue } : null}
          target={v.targetValue !== null && v.targetDate ? { date: v.targetDate, value: v.targetValue } : null}
          format={(x) => formatValue(view.lang, x, v.unit)}
          formatDate={(d) => formatDate(view.lang, d)}
        />
      </div>
      {series.length > 0 ? (
        <details class="helder-details">
          <summary>{view.t.measurementsTable}</summary>
          <Table
            caption={view.t.chartTitle(v.statement)}
            head={[view.t.date, view.t.value, view.t.source]}
            numeric={[1]}
            rows={series.map((m) => [formatDate(view.lang, m.date), value(m.value), <span lang="nl">{m.source}</span>])}
          />
        </details>
      ) : null}
    </article>
  );
};

export const Goals = ({ view, goals, decisions, measurements, allAnchors }: GoalsProps) => {
  if (goals.length === 0) return <Paragraph>{view.t.noGoals}</Paragraph>;
  const byId = new Map(decisions.map((d) => [d.id as string, d]));
  return (
    <>
      {goals.map((g, i) => (
        <Goal view={view} g={g} n={i + 1} total={goals.length} series={measurements.filter((m) => m.goalId === g.goal.id)} decisions={byId} allAnchors={allAnchors} />
      ))}
    </>
  );
};
