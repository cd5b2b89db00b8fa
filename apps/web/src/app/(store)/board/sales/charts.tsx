// The sales charts (W7): server components drawing SVG with d3-scale and d3-shape, so the page
// sends no JavaScript for them. Each chart is an image with a title and a description that carry
// its numbers, and the same numbers as a table under "Show as table".
import { scaleBand, scaleLinear } from "d3-scale";
import { curveMonotoneX, line } from "d3-shape";
import type { ReactNode } from "react";

/** `fullLabel`: the category as the table and the description say it, when the axis says it short. */
export type Point = { key: string; label: string; fullLabel?: string; value: number; text: string };

const W = 720;
const H = 220;
const M = { top: 12, right: 12, bottom: 28, left: 64 };

function Figure({ id, title, desc, showAsTable, table, children }: { id: string; title: string; desc: string; showAsTable: string; table: ReactNode; children: ReactNode }) {
  return (
    <figure className="m-0 grid gap-2" data-chart={id}>
      <figcaption id={`${id}-caption`} className="text-base font-bold">
        {title}
      </figcaption>
      {children}
      <details className="text-sm">
        <summary className="cursor-pointer font-semibold text-brand-700">{showAsTable}</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
      <p id={`${id}-desc`} hidden>
        {desc}
      </p>
    </figure>
  );
}

function Table({ caption, head, rows }: { caption: string; head: [string, string]; rows: Point[] }) {
  return (
    <table className="w-full border-collapse text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-line">
          <th scope="col" className="py-1 pr-3">{head[0]}</th>
          <th scope="col" className="py-1 text-right">{head[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-b border-line/60">
            <th scope="row" className="py-1 pr-3 font-normal">{r.fullLabel ?? r.label}</th>
            <td className="py-1 text-right tabular-nums">{r.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A short description of a series: its total, its highest point, and every value. */
const describe = (rows: Point[]) => rows.map((r) => `${r.fullLabel ?? r.label}: ${r.text}`).join("; ");

type ChartProps = {
  id: string;
  title: string;
  points: Point[];
  /** The axis labels of the value scale (formatted by the page). */
  tick: (v: number) => string;
  /** Every nth category label is drawn (all are in the table). */
  labelEvery?: number;
  head: [string, string];
  showAsTable: string;
  summary: string;
  /** The drawing's width in SVG units: smaller for a half-width chart, so its text stays legible. */
  width?: number;
};

function Axis({ y, ticks, tick, width = W }: { y: (v: number) => number; ticks: number[]; tick: (v: number) => string; width?: number }) {
  return (
    <g aria-hidden="true">
      {ticks.map((t) => (
        <g key={t} transform={`translate(0,${y(t)})`}>
          <line x1={M.left} x2={width - M.right} className="stroke-line" strokeDasharray={t === 0 ? undefined : "3 3"} />
          <text x={M.left - 6} dy="0.32em" textAnchor="end" className="fill-muted text-[11px]">
            {tick(t)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Vertical bars, one per category (days, slots). */
export function BarChart({ id, title, points, tick, labelEvery = 1, head, showAsTable, summary, width = W }: ChartProps) {
  const x = scaleBand<string>().domain(points.map((p) => p.key)).range([M.left, width - M.right]).padding(0.2);
  const max = Math.max(1, ...points.map((p) => p.value));
  const y = scaleLinear().domain([0, max]).nice(4).range([H - M.bottom, M.top]);
  const ticks = y.ticks(4);
  return (
    <Figure id={id} title={title} desc={`${summary}. ${describe(points)}`} showAsTable={showAsTable} table={<Table caption={title} head={head} rows={points} />}>
      <svg viewBox={`0 0 ${width} ${H}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="h-auto w-full">
        <title id={`${id}-title`}>{title}</title>
        <Axis y={y} ticks={ticks} tick={tick} width={width} />
        {points.map((p, i) => (
          <g key={p.key}>
            <rect x={x(p.key)} y={y(p.value)} width={x.bandwidth()} height={Math.max(0, y(0) - y(p.value))} rx={2} className="fill-brand-600">
              <title>{`${p.fullLabel ?? p.label}: ${p.text}`}</title>
            </rect>
            {i % labelEvery === 0 && (
              <text x={(x(p.key) ?? 0) + x.bandwidth() / 2} y={H - M.bottom + 16} textAnchor="middle" className="fill-muted text-[11px]" aria-hidden="true">
                {p.label}
              </text>
            )}
          </g>
        ))}
      </svg>
    </Figure>
  );
}

/** A line with a dot per category (orders per day). */
export function LineChart({ id, title, points, tick, labelEvery = 1, head, showAsTable, summary }: ChartProps) {
  const x = scaleBand<string>().domain(points.map((p) => p.key)).range([M.left, W - M.right]).padding(0.2);
  const max = Math.max(1, ...points.map((p) => p.value));
  const y = scaleLinear().domain([0, max]).nice(4).range([H - M.bottom, M.top]);
  const cx = (p: Point) => (x(p.key) ?? 0) + x.bandwidth() / 2;
  const path = line<Point>().x(cx).y((p) => y(p.value)).curve(curveMonotoneX)(points) ?? "";
  return (
    <Figure id={id} title={title} desc={`${summary}. ${describe(points)}`} showAsTable={showAsTable} table={<Table caption={title} head={head} rows={points} />}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="h-auto w-full">
        <title id={`${id}-title`}>{title}</title>
        <Axis y={y} ticks={y.ticks(4).filter(Number.isInteger)} tick={tick} />
        <path d={path} fill="none" strokeWidth={2.5} className="stroke-leaf-700" />
        {points.map((p, i) => (
          <g key={p.key}>
            <circle cx={cx(p)} cy={y(p.value)} r={3.5} className="fill-leaf-700">
              <title>{`${p.fullLabel ?? p.label}: ${p.text}`}</title>
            </circle>
            {i % labelEvery === 0 && (
              <text x={cx(p)} y={H - M.bottom + 16} textAnchor="middle" className="fill-muted text-[11px]" aria-hidden="true">
                {p.label}
              </text>
            )}
          </g>
        ))}
      </svg>
    </Figure>
  );
}

/** Horizontal bars with their label and value written out (top bouquets, reasons). */
export function RankChart({ id, title, points, head, showAsTable, summary, empty, width = W }: Omit<ChartProps, "tick" | "labelEvery"> & { empty: string }) {
  const rowH = 30;
  const h = Math.max(1, points.length) * rowH + 8;
  const labelW = Math.round(width * 0.34);
  const x = scaleLinear().domain([0, Math.max(1, ...points.map((p) => p.value))]).range([0, width - labelW - 140]);
  if (points.length === 0) {
    return (
      <figure className="m-0 grid gap-2" data-chart={id}>
        <figcaption className="text-base font-bold">{title}</figcaption>
        <p className="m-0 text-muted">{empty}</p>
      </figure>
    );
  }
  return (
    <Figure id={id} title={title} desc={`${summary}. ${describe(points)}`} showAsTable={showAsTable} table={<Table caption={title} head={head} rows={points} />}>
      <svg viewBox={`0 0 ${width} ${h}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="h-auto w-full">
        <title id={`${id}-title`}>{title}</title>
        {points.map((p, i) => (
          <g key={p.key} transform={`translate(0,${i * rowH + 4})`} aria-hidden="true">
            <text x={labelW - 8} y={rowH / 2} dy="0.32em" textAnchor="end" className="fill-ink text-[13px]">
              {p.label.length > 18 ? `${p.label.slice(0, 17)}…` : p.label}
            </text>
            <rect x={labelW} y={5} width={Math.max(2, x(p.value))} height={rowH - 10} rx={3} className="fill-brand-600" />
            <text x={labelW + Math.max(2, x(p.value)) + 6} y={rowH / 2} dy="0.32em" className="fill-ink text-[13px] tabular-nums">
              {p.text}
            </text>
          </g>
        ))}
      </svg>
    </Figure>
  );
}
