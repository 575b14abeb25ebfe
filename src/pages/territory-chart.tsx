// Horizontal interval bars as inline SVG, drawn on the server: no chart library, no outside asset.
// Bars are positioned in percentages of the chart width (no viewBox), so the chart stretches to
// any screen while its text keeps a readable size.
import type { Interval } from '../domain/comparison.ts';
import { formatInt } from './format.ts';

export interface BarRow {
  /** The label drawn above the bar: wide screens, and a shorter one for phones. */
  label: { wide: string; narrow: string };
  /** Full description for the tooltip and screen readers. */
  description: string;
  interval: Interval;
  /** The numbers drawn under the bar: wide screens, and a shorter one for phones. */
  value: { wide: string; narrow: string };
}

/** Two versions of one line of text; the stylesheet shows the one that fits the screen. */
const Responsive = ({ text, y, cls }: { text: { wide: string; narrow: string }; y: number; cls?: string }) =>
  text.wide === text.narrow ? (
    <text class={cls} x="0" y={y}>
      {text.wide}
    </text>
  ) : (
    <>
      <text class={cls ? `${cls} wide` : 'wide'} x="0" y={y}>
        {text.wide}
      </text>
      <text class={cls ? `${cls} narrow` : 'narrow'} x="0" y={y}>
        {text.narrow}
      </text>
    </>
  );

export interface BarChartProps {
  /** Unique on the page: prefixes the ids of the title, description and hatch pattern. */
  id: string;
  title: string;
  description: string;
  /** The value at the right end of the axis. */
  max: number;
  baseline: number;
  baselineLabel: string;
  rows: readonly BarRow[];
  /** Axis values with a grid line and a label; the first and last label align to the edges. */
  ticks: readonly { value: number; label: string }[];
}

const TOP = 24;
const ROW = 58;
const BAR_OFFSET = 21;
const BAR_HEIGHT = 16;

/** A value as a percentage of the chart width, clamped to the axis. */
const pct = (value: number, max: number): string =>
  `${(Math.min(Math.max(value / max, 0), 1) * 100).toFixed(3)}%`;

/** A rounded axis maximum and step for values up to `max`, with at most about five ticks. */
export function niceScale(max: number): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 };
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return { max: Math.ceil(max / step) * step, step };
}

/** The hatch pattern for the uncertain part of a bar. */
const Hatch = ({ id }: { id: string }) => (
  <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
    <line x1="0" y1="0" x2="0" y2="6" class="hatch-line" />
  </pattern>
);

/** One chart: per row a solid bar to the low bound and a hatched bar from low to high, against a baseline line. */
export const BarChart = (props: BarChartProps) => {
  const { id, max, rows } = props;
  const axisY = TOP + rows.length * ROW + 2;
  const height = axisY + 18;
  const hatch = `${id}-hatch`;
  const basePct = pct(props.baseline, max);
  const baseRatio = props.baseline / max;
  return (
    <svg
      class="bars"
      width="100%"
      height={height}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>{props.description}</desc>
      <defs>
        <Hatch id={hatch} />
      </defs>
      {props.ticks.map((tick) => (
        <line class="grid-line" x1={pct(tick.value, max)} x2={pct(tick.value, max)} y1={TOP - 2} y2={axisY} />
      ))}
      {rows.map((row, i) => {
        const y = TOP + i * ROW + BAR_OFFSET;
        const low = Math.max(0, Math.min(row.interval.low, row.interval.high));
        const high = Math.max(row.interval.low, row.interval.high);
        const showRange = (high - low) / max > 0.002;
        return (
          <g>
            <title>{row.description}</title>
            <rect class="bar-track" x="0" y={y} width="100%" height={BAR_HEIGHT} />
            {low > 0 && <rect class="bar-solid" x="0" y={y} width={pct(low, max)} height={BAR_HEIGHT} />}
            {showRange && (
              <rect
                class="bar-range"
                x={pct(low, max)}
                y={y + 0.5}
                width={pct(high - low, max)}
                height={BAR_HEIGHT - 1}
                fill={`url(#${hatch})`}
              />
            )}
          </g>
        );
      })}
      <line class="mark-line" x1={basePct} x2={basePct} y1={TOP - 8} y2={axisY} />
      {/* Text last, with a halo, so that the baseline line passes behind it. */}
      {rows.map((row, i) => {
        const y = TOP + i * ROW;
        return (
          <>
            <Responsive text={row.label} y={y + 14} />
            <Responsive text={row.value} y={y + BAR_OFFSET + BAR_HEIGHT + 14} cls="value" />
          </>
        );
      })}
      <text
        class="mark-label"
        x={basePct}
        y="12"
        dx={baseRatio > 0.5 ? -5 : 5}
        text-anchor={baseRatio > 0.5 ? 'end' : 'start'}
      >
        {props.baselineLabel}
      </text>
      {props.ticks.map((tick, i) => (
        <text
          class="axis"
          x={pct(tick.value, max)}
          y={axisY + 13}
          text-anchor={i === 0 ? 'start' : i === props.ticks.length - 1 ? 'end' : 'middle'}
        >
          {tick.label}
        </text>
      ))}
    </svg>
  );
};

/** The chart legend: what the solid bar, the hatched bar and the dashed line mean. */
export const ChartLegend = ({ baselineTitle }: { baselineTitle: string }) => (
  <ul class="legend" aria-label="Chart legend">
    <li>
      <svg width="28" height="14" aria-hidden="true">
        <rect class="bar-solid" x="0" y="0" width="28" height="14" />
      </svg>
      km² under Russian control, at least (low bound)
    </li>
    <li>
      <svg width="28" height="14" aria-hidden="true">
        <defs>
          <Hatch id="legend-hatch" />
        </defs>
        <rect class="bar-range" x="0.5" y="0.5" width="27" height="13" fill="url(#legend-hatch)" />
      </svg>
      uncertainty, up to the high bound
    </li>
    <li>
      <svg width="28" height="14" aria-hidden="true">
        <line class="mark-line" x1="14" x2="14" y1="0" y2="14" />
      </svg>
      baseline: {baselineTitle}
    </li>
    <li>
      <svg width="28" height="14" aria-hidden="true">
        <rect class="bar-track" x="0" y="0" width="28" height="14" />
      </svg>
      the rest of the region (or of the axis)
    </li>
  </ul>
);

/** Ticks for a nice scale from 0 to max. */
export function scaleTicks(max: number, step: number): { value: number; label: string }[] {
  const ticks: { value: number; label: string }[] = [];
  for (let v = 0; v <= max + step / 1000; v += step) ticks.push({ value: v, label: formatInt(v) });
  const last = ticks.at(-1);
  if (last) last.label = `${last.label} km²`;
  return ticks;
}
