/**
 * The report's charts as Vega-Lite specs built from the JSON documents (pure data: the
 * charting library is only called in ./svg.ts). A new chart (sweep curves, a runway) is one
 * more function here returning a `Chart`.
 */
import { formatDuration, formatProbability, formatShare } from '../format.js';
import type { Chart, ReportDocuments } from '../review-view.js';
import { SECONDS_PER_YEAR } from '../../units/conventions.js';

const WIDTH = 520;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Shared look: no border, system fonts, quiet axes. */
export const CHART_CONFIG = {
  view: { stroke: null },
  font: FONT,
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 600,
    gridColor: '#e5e7eb',
    domainColor: '#9ca3af',
    tickColor: '#9ca3af',
  },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  header: { labelFontSize: 12, titleFontSize: 12 },
  title: { fontSize: 13 },
  background: 'white',
} as const;

/** A Vega expression formatting seconds like formatDuration: "52.6 min", "1.5 d". */
const DURATION_LABEL =
  "datum.value >= 86400 ? format(datum.value / 86400, '.3~g') + ' d' : datum.value >= 3600 ? format(datum.value / 3600, '.3~g') + ' h' : " +
  "datum.value >= 60 ? format(datum.value / 60, '.3~g') + ' min' : format(datum.value, '.3~g') + ' s'";

/** Round durations for a log axis: 1 s, 10 s, 1 min, 10 min, 1 h, 10 h, 1 d, 10 d, 100 d, 1 y. */
const TICKS = [1, 10, 60, 600, 3600, 36_000, 86_400, 864_000, 8_640_000, SECONDS_PER_YEAR];

/**
 * Histogram of a simulated year's downtime (timeline trials), on log-spaced bins from the
 * simulator; years without downtime are counted in the caption (log axis has no zero), and a
 * rule marks the downtime the availability target allows per year, (1 − target) × 365 d.
 */
export function downtimeHistogramChart(documents: ReportDocuments): Chart | undefined {
  const sim = documents.simulate?.simulation;
  const bins = sim?.annualDowntimeHistogram;
  if (sim === undefined || bins === undefined) return undefined;
  const total = bins.reduce((s, b) => s + b.trials, 0);
  const zero = bins.filter((b) => b.toSeconds === 0).reduce((s, b) => s + b.trials, 0);
  const values = bins
    .filter((b) => b.toSeconds > 0 && b.trials > 0)
    .map((b) => ({ from: b.fromSeconds, to: b.toSeconds, years: b.trials, share: b.trials / total }));
  if (values.length === 0) return undefined;
  const target = sim.missProbability?.target;
  const budget = target === undefined ? undefined : (1 - target) * SECONDS_PER_YEAR;
  const lo = Math.min(...values.map((v) => v.from));
  const hi = Math.max(...values.map((v) => v.to));
  const ticks = TICKS.filter((t) => t >= lo && t <= hi);
  const x = {
    field: 'from',
    type: 'quantitative',
    scale: { type: 'log', domain: [lo, hi] },
    title: 'downtime in a simulated year',
    axis: { labelExpr: DURATION_LABEL, values: ticks },
  };
  const layers: Record<string, unknown>[] = [
    {
      mark: { type: 'bar', color: '#4f7cac', stroke: 'white', strokeWidth: 1 },
      encoding: {
        x,
        x2: { field: 'to' },
        y: { field: 'years', type: 'quantitative', title: 'simulated years' },
        y2: { datum: 0 },
        tooltip: [{ field: 'years', type: 'quantitative' }],
      },
    },
  ];
  if (budget !== undefined) {
    layers.push(
      {
        data: { values: [{ budget }] },
        mark: { type: 'rule', color: '#b91c1c', strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: { x: { field: 'budget', type: 'quantitative' } },
      },
      {
        data: { values: [{ budget, label: `target allows ${formatDuration(budget)}/year` }] },
        mark: { type: 'text', align: 'left', dx: 4, baseline: 'bottom', color: '#b91c1c', fontSize: 11 },
        encoding: { x: { field: 'budget', type: 'quantitative' }, y: { value: -4 }, text: { field: 'label' } },
      },
    );
  }
  const percent = (p: number): string => `${formatProbability(p * 100)}%`;
  return {
    id: 'downtime-histogram',
    title: 'Annual downtime (simulated years)',
    caption:
      `${percent(zero / total)} of ${total.toLocaleString('en-US')} simulated years had no downtime; the bars are the rest, on log-spaced bins.` +
      (budget === undefined
        ? ''
        : ` The dashed line is the downtime the availability target allows in a year (${formatDuration(budget)}).`),
    spec: { width: WIDTH, height: 220, data: { values }, layer: layers, config: CHART_CONFIG },
    marks: { rect: values.length, ...(budget === undefined ? {} : { rule: 1 }) },
    table: {
      head: ['Downtime in the year', 'Years', 'Share'],
      align: ['l', 'r', 'r'],
      rows: [
        ['none', zero.toLocaleString('en-US'), percent(zero / total)],
        ...values.map((v) => [
          `${formatDuration(v.from)} – ${formatDuration(v.to)}`,
          v.years.toLocaleString('en-US'),
          percent(v.share),
        ]),
      ],
    },
  };
}

/**
 * Unavailability by cause: for each tier, zone and region, the share of the service's
 * unavailability that would go if it never failed, (q − q(it perfect)) / q. Shares overlap
 * (a zone holds nodes of several tiers), so they need not add up to 100%.
 */
export function unavailabilityByCauseChart(documents: ReportDocuments): Chart | undefined {
  const a = documents.analyze;
  if (a.service.unavailability <= 0) return undefined;
  const causes = [
    ...a.tiers.map((t) => ({ cause: `tier ${t.name}`, kind: 'tier', share: t.unavailabilityShare })),
    ...a.zones.map((z) => ({ cause: `zone ${z.name}`, kind: 'zone', share: z.unavailabilityShare })),
    ...a.regions.map((r) => ({ cause: `region ${r.name}`, kind: 'region', share: r.unavailabilityShare })),
  ]
    .filter((c) => c.share > 0)
    .sort((p, q) => q.share - p.share)
    .slice(0, 12);
  if (causes.length === 0) return undefined;
  const values = causes.map((c, i) => ({ ...c, order: i }));
  return {
    id: 'unavailability-by-cause',
    title: 'Unavailability by cause',
    caption:
      "Share of the service's unavailability that would go if the part never failed, (q − q with it perfect) / q; shares overlap, so they need not add up to 100%.",
    spec: {
      width: WIDTH - 140,
      height: { step: 22 },
      data: { values: values.map((v) => ({ ...v, label: formatShare(v.share) })) },
      encoding: {
        y: { field: 'cause', type: 'nominal', sort: { field: 'order' }, title: null, axis: { labelLimit: 200 } },
        x: {
          field: 'share',
          type: 'quantitative',
          title: 'share of service unavailability',
          axis: { format: '.0%' },
          scale: { domain: [0, 1] },
        },
      },
      layer: [
        {
          mark: { type: 'bar', cornerRadiusEnd: 2 },
          encoding: {
            color: {
              field: 'kind',
              type: 'nominal',
              title: null,
              scale: { domain: ['tier', 'zone', 'region'], range: ['#4f7cac', '#e0a458', '#8c5c9c'] },
            },
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#374151' },
          encoding: {
            x: { datum: 0 },
            text: { field: 'label' },
            color: { value: '#ffffff' },
            opacity: { condition: { test: 'datum.share > 0.15', value: 1 }, value: 0 },
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#374151' },
          encoding: {
            text: { field: 'label' },
            opacity: { condition: { test: 'datum.share <= 0.15', value: 1 }, value: 0 },
          },
        },
      ],
      config: CHART_CONFIG,
    },
    marks: { rect: values.length, text: 2 * values.length },
    table: {
      head: ['Cause', 'Share of unavailability'],
      align: ['l', 'r'],
      rows: values.map((v) => [v.cause, formatShare(v.share)]),
    },
  };
}
