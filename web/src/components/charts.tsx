/**
 * Charts as plain SVG and CSS, no chart library: usage bars against a budget, a line of rates over days, a
 * funnel, and bars per hour. Sizes are set through SVG attributes (not inline styles), which the CSP allows.
 */

/** `used` of `budget` as a bar; `budget` null means unlimited. Turns amber past 80 % and red at the budget. */
export function UsageBar(props: { label: string; used: number; budget: number | null; hint?: string | null }) {
  const { used, budget } = props;
  const fraction = budget === null || budget === 0 ? (used > 0 && budget === 0 ? 1 : 0) : Math.min(1, used / budget);
  const level = budget !== null && used >= budget ? "full" : fraction >= 0.8 ? "high" : "ok";
  return (
    <div class="usage" data-level={level}>
      <div class="usage-label">
        <span>{props.label}</span>
        <span class="usage-value">
          {used} / {budget === null ? "∞" : budget}
        </span>
      </div>
      <svg
        class="usage-bar"
        viewBox="0 0 100 8"
        preserveAspectRatio="none"
        role="img"
        aria-label={`${props.label}: ${used} of ${budget ?? "unlimited"}`}
      >
        <rect class="usage-track" x="0" y="0" width="100" height="8" rx="2" />
        <rect class="usage-fill" x="0" y="0" width={fraction * 100} height="8" rx="2" />
      </svg>
      {props.hint ? <div class="usage-hint">{props.hint}</div> : null}
    </div>
  );
}

export interface Point {
  label: string;
  value: number | null;
  /** Shown in the tooltip, e.g. "3 of 7". */
  detail?: string;
}

/** A line over points (gaps where value is null), values 0..1 shown as percentages. */
export function RateLineChart(props: { points: Point[]; title: string }) {
  const w = 600,
    h = 160,
    pad = 28;
  const n = props.points.length;
  const x = (i: number) => pad + (n <= 1 ? 0 : (i * (w - 2 * pad)) / (n - 1));
  const y = (v: number) => h - pad - v * (h - 2 * pad);
  const segments: string[] = [];
  let current = "";
  props.points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={props.title}>
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line class="grid" x1={pad} x2={w - pad} y1={y(v)} y2={y(v)} />
            <text class="axis" x={2} y={y(v) + 4}>
              {Math.round(v * 100)}%
            </text>
          </g>
        ))}
        {segments.map((d, i) => (
          <path key={i} class="line" d={d} />
        ))}
        {props.points.map((p, i) =>
          p.value === null ? null : (
            <circle key={i} class="dot" cx={x(i)} cy={y(p.value)} r="3">
              <title>{`${p.label}: ${Math.round(p.value * 100)}%${p.detail ? ` (${p.detail})` : ""}`}</title>
            </circle>
          ),
        )}
        {props.points.length > 0 ? (
          <>
            <text class="axis" x={pad} y={h - 6}>
              {props.points[0]!.label}
            </text>
            <text class="axis" x={w - pad} y={h - 6} text-anchor="end">
              {props.points[n - 1]!.label}
            </text>
          </>
        ) : null}
      </svg>
    </figure>
  );
}

export interface FunnelStage {
  stage: string;
  count: number;
  /** What the rate is over. */
  base?: number | null;
  rate: number | null;
}

/** Horizontal bars, each stage's width relative to the first, with its count and its rate from the stage before. */
export function Funnel(props: { stages: FunnelStage[] }) {
  const top = Math.max(1, props.stages[0]?.count ?? 1);
  return (
    <table class="funnel">
      <tbody>
        {props.stages.map((s) => (
          <tr key={s.stage} data-stage={s.stage}>
            <th scope="row">{s.stage}</th>
            <td class="funnel-bar">
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                <rect class="funnel-fill" x="0" y="0" width={(s.count / top) * 100} height="10" />
              </svg>
            </td>
            <td class="num funnel-count" data-testid={`funnel-${s.stage}`}>
              {s.count}
            </td>
            <td class="num funnel-rate" title={s.base == null ? undefined : `${s.count} of ${s.base}`}>
              {s.rate === null ? "" : `${Math.round(s.rate * 100)}%`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface Bar {
  label: string;
  value: number;
  /** Tooltip. */
  detail?: string;
}

/**
 * Vertical bars (e.g. acceptance by the recipient's hour), scaled to `max` (default: the largest value); `line`,
 * one value per bar (null: none), is drawn over them on the same scale (e.g. what linkpace learnt per hour).
 */
export function BarChart(props: {
  bars: Bar[];
  title: string;
  max?: number;
  format?: (v: number) => string;
  line?: { values: Array<number | null>; label: string };
}) {
  const w = 600,
    h = 140,
    pad = 20;
  const max = props.max ?? Math.max(1e-9, ...props.bars.map((b) => b.value));
  const bw = (w - 2 * pad) / Math.max(1, props.bars.length);
  const fmt = props.format ?? String;
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={props.title}>
        {props.bars.map((b, i) => {
          const bh = (b.value / max) * (h - 2 * pad);
          return (
            <g key={i}>
              <rect class="bar" x={pad + i * bw + 1} y={h - pad - bh} width={Math.max(1, bw - 2)} height={bh}>
                <title>{`${b.label}: ${fmt(b.value)}${b.detail ? ` (${b.detail})` : ""}`}</title>
              </rect>
              {props.bars.length <= 24 ? (
                <text class="axis" x={pad + i * bw + bw / 2} y={h - 6} text-anchor="middle">
                  {b.label}
                </text>
              ) : i === 0 || i === props.bars.length - 1 ? (
                // Too many bars to label each: the first and the last, as the line chart does.
                <text class="axis" x={i === 0 ? pad : w - pad} y={h - 6} text-anchor={i === 0 ? "start" : "end"}>
                  {b.label}
                </text>
              ) : null}
            </g>
          );
        })}
        {props.line
          ? props.line.values.map((v, i) =>
              v === null ? null : (
                <line
                  key={`l${i}`}
                  class="learned"
                  x1={pad + i * bw + 1}
                  x2={pad + (i + 1) * bw - 1}
                  y1={h - pad - (Math.min(v, max) / max) * (h - 2 * pad)}
                  y2={h - pad - (Math.min(v, max) / max) * (h - 2 * pad)}
                >
                  <title>{`${props.bars[i]?.label ?? i}: ${props.line!.label} ${fmt(v)}`}</title>
                </line>
              ),
            )
          : null}
        {props.bars.some((b) => b.value > 0) ? (
          // The scale: a line at the top of the bars' range, with its value.
          <g>
            <line class="grid" x1={pad} x2={w - pad} y1={pad} y2={pad} />
            <text class="axis" x={pad} y={pad - 6}>
              {fmt(max)}
            </text>
          </g>
        ) : null}
      </svg>
    </figure>
  );
}

export interface IntervalBar {
  label: string;
  /** 0..1, or null when there is nothing to divide by (no bar). */
  value: number | null;
  low: number | null;
  high: number | null;
  /** Tooltip. */
  detail?: string;
}

/** Horizontal bars of rates (0..100%) with their interval as a whisker, one row per label (e.g. a step's variants). */
export function IntervalBarChart(props: { bars: IntervalBar[]; title: string }) {
  const w = 600,
    row = 26,
    left = 120,
    right = 20,
    top = 18;
  const h = top + row * props.bars.length + 6;
  const x = (v: number) => left + v * (w - left - right);
  return (
    <figure class="chart interval-chart">
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={props.title}>
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line class="grid" x1={x(v)} x2={x(v)} y1={top - 4} y2={h - 4} />
            <text class="axis" x={x(v)} y={top - 6} text-anchor={v === 0 ? "start" : v === 1 ? "end" : "middle"}>
              {Math.round(v * 100)}%
            </text>
          </g>
        ))}
        {props.bars.map((b, i) => {
          const y = top + i * row;
          const mid = y + row / 2;
          return (
            <g key={i}>
              <text class="axis" x={left - 8} y={mid + 4} text-anchor="end">
                {b.label}
              </text>
              {b.value === null ? null : (
                <rect class="bar" x={x(0)} y={y + 5} width={Math.max(0, x(b.value) - x(0))} height={row - 10}>
                  <title>{`${b.label}: ${Math.round(b.value * 1000) / 10}%${b.detail ? ` (${b.detail})` : ""}`}</title>
                </rect>
              )}
              {b.low === null || b.high === null ? null : (
                <g class="whisker">
                  <line x1={x(b.low)} x2={x(b.high)} y1={mid} y2={mid} />
                  <line x1={x(b.low)} x2={x(b.low)} y1={mid - 6} y2={mid + 6} />
                  <line x1={x(b.high)} x2={x(b.high)} y1={mid - 6} y2={mid + 6} />
                </g>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
