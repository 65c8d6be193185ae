/** With `--simulate`: the Monte Carlo figures beside the analytic ones, a year's downtime, realised RPO/RTO. */
import { downtimeHistogramChart } from '../../charts/specs.js';
import { formatCount, formatDuration, formatProbability } from '../../format.js';
import {
  figure,
  valueAt,
  type Block,
  type Cell,
  type Figure,
  type ReportDocuments,
  type SectionBuilder,
} from '../../review-view.js';

/** "1.2e-4 [1.1e-4, 1.3e-4]" from a path to {estimate, ci}, or "< x (no events)". */
function interval(d: ReportDocuments, path: string, f: (v: number) => string = formatProbability): Figure {
  const { ci, events } = valueAt(d, path) as { ci: [number, number]; events?: number };
  return figure(d, `${path}.estimate`, (estimate) =>
    events === 0 ? `< ${f(ci[1])} (none in the trials)` : `${f(estimate)} [${f(ci[0])}, ${f(ci[1])}]`,
  );
}

function agreement(d: ReportDocuments, path: string): Cell {
  const agrees = (valueAt(d, path) as { agrees?: boolean }).agrees;
  if (agrees === undefined) return '—';
  return agrees
    ? { text: 'agrees', path: `${path}.agrees`, value: true, tone: 'good' }
    : { text: 'DISAGREES (> 4 SE)', path: `${path}.agrees`, value: false, tone: 'bad' };
}

/** Simulated service and tier unavailability against the analytic engine. */
export const simulationSection: SectionBuilder = ({ documents: d }) => {
  const sim = d.simulate?.simulation;
  if (sim === undefined) return undefined;
  const rows: Cell[][] = [];
  if (sim.method !== 'timeline') {
    rows.push([
      'service (snapshot)',
      interval(d, 'simulate.simulation.service.unavailability'),
      figure(d, 'analyze.service.unavailability', formatProbability),
      agreement(d, 'simulate.simulation.service.unavailability'),
    ]);
    sim.tiers.forEach((t, i) => {
      const at = `simulate.simulation.tiers.${i}.unavailability`;
      const analytic = d.analyze.tiers.findIndex((x) => x.name === t.name);
      rows.push([
        `tier ${t.name}`,
        interval(d, at),
        analytic < 0 ? '—' : figure(d, `analyze.tiers.${analytic}.unavailability`, formatProbability),
        agreement(d, at),
      ]);
    });
  }
  if (sim.timeline !== undefined) {
    rows.push([
      'service (timeline mean)',
      interval(d, 'simulate.simulation.timeline.unavailability'),
      figure(d, 'analyze.service.unavailability', formatProbability),
      agreement(d, 'simulate.simulation.timeline.unavailability'),
    ]);
  }
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: [
        `Seed ${sim.seed}, ${sim.generator}, ${formatCount(sim.trials)} trials (${sim.method}), service estimator ${sim.estimator}. Intervals are 95%; "agrees" means within 4 standard errors of the analytic figure.`,
      ],
    },
    {
      kind: 'table',
      table: {
        head: ['Unavailability', 'Simulated [95% interval]', 'Analytic', 'Check'],
        align: ['l', 'r', 'r', 'l'],
        rows,
      },
    },
  ];
  blocks.push(...yearBlocks(d));
  if (sim.notes.length > 0) blocks.push({ kind: 'list', items: sim.notes.map((n) => [`note: ${n}`]) });
  return { id: 'simulation', title: 'Simulation', blocks };
};

function yearBlocks(d: ReportDocuments): Block[] {
  const sim = d.simulate?.simulation;
  if (sim?.annualDowntimeSeconds === undefined) return [];
  const q = 'simulate.simulation.annualDowntimeSeconds';
  const blocks: Block[] = [
    {
      kind: 'table',
      table: {
        head: ["A year's downtime", 'Mean', 'p50', 'p90', 'p99', 'p99.9', 'Worst year'],
        align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
        rows: [
          [
            'simulated',
            ...(['mean', 'p50', 'p90', 'p99', 'p999', 'max'] as const).map((k) =>
              figure(d, `${q}.${k}`, formatDuration),
            ),
          ],
        ],
      },
    },
  ];
  if (sim.missProbability !== undefined) {
    const target = `${(sim.missProbability.target * 100).toPrecision(6).replace(/\.?0+$/, '')}%`;
    blocks.push({
      kind: 'facts',
      items: [
        { label: `P(a year misses the ${target} target)`, value: interval(d, 'simulate.simulation.missProbability') },
      ],
    });
  }
  const chart = downtimeHistogramChart(d);
  if (chart !== undefined) blocks.push({ kind: 'chart', chart });
  return blocks;
}

/** Realised RPO / RTO over simulated disruptions, and simulated durability against the Markov model. */
export const realisedSection: SectionBuilder = ({ documents: d }) => {
  const dl = d.simulate?.simulation.dataLoss;
  if (dl === undefined) return undefined;
  const blocks: Block[] = [];
  if (dl.recovery.length > 0) {
    blocks.push({
      kind: 'table',
      table: {
        head: ['Disruption', 'RPO mean', 'RPO p99', 'RTO mean', 'RTO p99', 'RTO worst', 'Analytic RPO / RTO'],
        align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
        rows: dl.recovery.map((r, i): Cell[] => {
          const at = `simulate.simulation.dataLoss.recovery.${i}`;
          if (r.rpoSeconds === undefined || r.rtoSeconds === undefined)
            return [r.scenario, { text: 'not recoverable', tone: 'bad' }, '—', '—', '—', '—', '—'];
          const a = r.analytic;
          return [
            r.scenario,
            figure(d, `${at}.rpoSeconds.mean.estimate`, formatDuration),
            figure(d, `${at}.rpoSeconds.p99.estimate`, formatDuration),
            figure(d, `${at}.rtoSeconds.mean.estimate`, formatDuration),
            figure(d, `${at}.rtoSeconds.p99.estimate`, formatDuration),
            figure(d, `${at}.rtoSeconds.max`, formatDuration),
            a.rpoSeconds === null || a.rtoSeconds === null
              ? '—'
              : `${formatDuration(a.rpoSeconds)} / ${formatDuration(a.rtoSeconds)}`,
          ];
        }),
      },
    });
  }
  const du = dl.durability;
  if (du !== undefined) {
    const at = 'simulate.simulation.dataLoss.durability.lossWithinHorizon';
    blocks.push({
      kind: 'facts',
      items: [
        {
          label: `P(data loss within ${formatDuration(du.lossWithinHorizon.horizonSeconds)}), simulated`,
          value: interval(d, at),
        },
        { label: 'Markov model', value: figure(d, `${at}.analytic`, formatProbability) },
        { label: 'Check', value: agreement(d, at) },
      ],
    });
  }
  return blocks.length === 0
    ? undefined
    : { id: 'realised', title: 'Realised RPO, RTO and durability (simulated)', blocks };
};
