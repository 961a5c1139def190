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
