/**
 * A small line chart of a goal's measurements as hand-built SVG (no chart library: < 0.1 ms per chart,
 * no script). The measured series is a solid line; the agreed path from baseline to target a dashed
 * one. The SVG is `role="img"` with a title and description (WCAG 1.1.1); the caller also renders the
 * same numbers as a table, because a picture alone does not serve everyone.
 */
export interface ChartPoint {
  date: string;
  value: number;
}

export interface LineChartProps {
  id: string;
  title: string;
  description: string;
  series: ChartPoint[];
  baseline: ChartPoint | null;
  target: ChartPoint | null;
  format: (n: number) => string;
  formatDate: (iso: string) => string;
}

const W = 320;
const H = 160;
const PAD = { left: 8, right: 8, top: 22, bottom: 24 };

const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;
const round = (n: number) => Math.round(n * 10) / 10;

export const LineChart = (p: LineChartProps) => {
  const all = [...p.series, ...(p.baseline ? [p.baseline] : []), ...(p.target ? [p.target] : [])];
  if (all.length === 0) return null;
  const xs = all.map((q) => day(q.date));
  const ys = all.map((q) => q.value);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const span = y1 - y0;
  [y0, y1] = [y0 - span * 0.1, y1 + span * 0.1];
  const x = (iso: string) => round(x1 === x0 ? W / 2 : PAD.left + ((day(iso) - x0) / (x1 - x0)) * (W - PAD.left - PAD.right));
  const y = (v: number) => round(PAD.top + (1 - (v - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom));
  const sorted = [...p.series].sort((a, b) => a.date.localeCompare(b.date));
  const line = sorted.map((q, i) => `${i === 0 ? 'M' : 'L'}${x(q.date)} ${y(q.value)}`).join(' ');
  const first = all.reduce((a, b) => (a.date <= b.date ? a : b));
  const last = all.reduce((a, b) => (a.date >= b.date ? a : b));
  return (
    <svg class="helder-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${p.id}-title ${p.id}-desc`} focusable="false">
      <title id={`${p.id}-title`}>{p.title}</title>
      <desc id={`${p.id}-desc`}>{p.description}</desc>
      <line class="helder-chart__axis" x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
      {p.baseline && p.target ? (
        <line class="helder-chart__target-path" x1={x(p.baseline.date)} y1={y(p.baseline.value)} x2={x(p.target.date)} y2={y(p.target.value)} />
      ) : null}
      {p.target ? (
        <g>
          <circle class="helder-chart__target" cx={x(p.target.date)} cy={y(p.target.value)} r="4" />
          <text class="helder-chart__label" x={Math.min(x(p.target.date), W - PAD.right)} y={Math.max(12, y(p.target.value) - 8)} text-anchor="end">{p.format(p.target.value)}</text>
        </g>
      ) : null}
      {sorted.length > 1 ? <path class="helder-chart__line" d={line} /> : null}
      {sorted.map((q) => (
        <circle class="helder-chart__point" cx={x(q.date)} cy={y(q.value)} r="3.5" />
      ))}
      {sorted.length > 0 ? (
        <text class="helder-chart__label helder-chart__label--strong" x={x(sorted[sorted.length - 1]!.date)} y={Math.max(12, y(sorted[sorted.length - 1]!.value) - 8)} text-anchor="middle">
          {p.format(sorted[sorted.length - 1]!.value)}
        </text>
      ) : null}
      <text class="helder-chart__label" x={PAD.left} y={H - 6} text-anchor="start">{p.formatDate(first.date)}</text>
      <text class="helder-chart__label" x={W - PAD.right} y={H - 6} text-anchor="end">{p.formatDate(last.date)}</text>
    </svg>
  );
};

/** One set of bars in a bar chart (a group of respondents), each bar a share 0…1 or unknown. */
export interface BarSet {
  label: string;
  /** `lang` of the label when it is content in another language than the page (WCAG 3.1.2). */
  lang?: string;
  bars: { label: string; value: number | null; text: string }[];
}

export interface BarChartProps {
  id: string;
  title: string;
  description: string;
  sets: BarSet[];
}

const BAR = { width: 320, label: 15, bar: 10, gap: 8, setGap: 14, setLabel: 18, text: 44 };

/**
 * Horizontal bars of shares (0…1), grouped per set, as hand-built SVG. Every bar carries its label
 * and its value in words above and beside it, so nothing is told by colour alone (WCAG 1.4.1); the
 * SVG is `role="img"` with a title and description, and the caller shows the same numbers as a table.
 */
export const BarChart = (p: BarChartProps) => {
  if (p.sets.length === 0) return null;
  const span = BAR.width - BAR.text;
  let y = 0;
  const rows = p.sets.map((set, s) => {
    y += s === 0 ? BAR.setLabel - 4 : BAR.setGap + BAR.setLabel;
    const head = { y };
    const bars = set.bars.map((b) => {
      const top = y + BAR.gap;
      y = top + BAR.label + BAR.bar;
      return { ...b, labelY: top + 11, barY: top + BAR.label, width: b.value === null ? 0 : round(Math.max(0, Math.min(1, b.value)) * span) };
    });
    return { set, head, bars };
  });
  const height = Math.ceil(y + 6);
  return (
    <svg class="helder-chart helder-bars" viewBox={`0 0 ${BAR.width} ${height}`} role="img" aria-labelledby={`${p.id}-title ${p.id}-desc`} focusable="false">
      <title id={`${p.id}-title`}>{p.title}</title>
      <desc id={`${p.id}-desc`}>{p.description}</desc>
      {rows.map(({ set, head, bars }) => (
        <g>
          <text class="helder-chart__label helder-chart__label--strong" x={0} y={head.y} lang={set.lang}>{set.label}</text>
          {bars.map((b) => (
            <g>
              <text class="helder-chart__label" x={0} y={b.labelY}>{b.label}</text>
              <rect class="helder-bars__track" x={0} y={b.barY} width={span} height={BAR.bar} />
              {b.width > 0 ? <rect class="helder-bars__bar" x={0} y={b.barY} width={b.width} height={BAR.bar} /> : null}
              <text class="helder-chart__label" x={BAR.width} y={b.barY + BAR.bar - 1} text-anchor="end">{b.text}</text>
            </g>
          ))}
        </g>
      ))}
    </svg>
  );
};
