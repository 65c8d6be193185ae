/**
 * The text report of `nines plan`: runway of every limit, the nodes to add by when, a chart
 * of demand against capacity per tier, storage against capacity, hot spares and jobs.
 */
import type { PlanResult, Runway } from '../../analytic/capacity/index.js';
import { SECONDS_PER_DAY, SECONDS_PER_MONTH } from '../../units/conventions.js';
import { formatBytes, formatCount, formatDuration, formatProbability } from '../format.js';
import type { TextStyle } from '../style.js';
import { table } from '../table.js';
import { wrap } from '../wrap.js';
import { chart } from './chart.js';

/** "day 263 (8.8 months)" or "beyond the horizon (3 y)". */
export function formatRunway(at: number | null, horizonSeconds: number): string {
  if (at === null) return `beyond the horizon (${formatDuration(horizonSeconds)})`;
  if (at === 0) return 'now';
  return `day ${Math.floor(at / SECONDS_PER_DAY)} (${(at / SECONDS_PER_MONTH).toFixed(1)} months)`;
}

/** Rows of the additions table in text (JSON has them all). */
const MAX_ROWS = 24;

const KIND: Record<Runway['kind'], string> = {
  demand: 'demand',
  'zone-loss': 'N+1 (zone loss)',
  availability: 'availability',
  'backup-storage': 'backup storage',
  'data-capacity': 'data capacity',
};

/** What `nines plan` shows: the model's name and description, and its capacity plan. */
export type PlanView = {
  readonly modelName: string;
  readonly description?: string | undefined;
  readonly plan: PlanResult;
};

/** The plan under the model's name (and its description, wrapped to `width`). */
export function renderPlanReport(view: PlanView, style: TextStyle, width: number): string {
  const { chalk } = style;
  const about = view.description ? `\n${chalk.dim(wrap(view.description, '', width))}` : '';
  return `${chalk.bold(view.modelName)}${about}\n\n${renderPlan(view.plan, style, width)}`;
}

export function renderPlan(plan: PlanResult, style: TextStyle, width: number): string {
  const { chalk } = style;
  const out: string[] = [
    chalk.bold(`Capacity plan over ${formatDuration(plan.horizonSeconds)} (month = 30 d, year = 365 d)`),
  ];
  for (const section of [runwaySection, additionsSection, tierCharts, storageSection, sparesSection, jobsSection])
    out.push(...section(plan, style, width));
  for (const note of plan.planNotes) out.push(wrap(`${chalk.yellow('note')} ${note}`, '  ', width));
  return `${out.join('\n')}\n`;
}

/** Runway of every limit, soonest first. */
function runwaySection(plan: PlanResult, style: TextStyle, width: number): string[] {
  const { chalk } = style;
  const H = plan.horizonSeconds;
  const out: string[] = [];
  if (plan.runway.length > 0) {
    const t = table(['Subject', 'Limit', 'Runway'], style);
    const sorted = [...plan.runway].sort((a, b) => (a.breaksAtSeconds ?? Infinity) - (b.breaksAtSeconds ?? Infinity));
    for (const r of sorted) {
      const text = formatRunway(r.breaksAtSeconds, H);
      t.push([r.subject, KIND[r.kind], r.breaksAtSeconds === null ? chalk.green(text) : chalk.yellow(text)]);
    }
    out.push('', chalk.bold('Runway (with the nodes and storage the model has)'), t.toString());
  } else {
    out.push(
      '',
      wrap(
        'Nothing to run out of: give a tier capacity {perNode, demand, growth}, or data.capacity / data.backupCapacity.',
        '  ',
        width,
      ),
    );
  }
  return out;
}

/** The nodes to add, by when. */
function additionsSection(plan: PlanResult, style: TextStyle, _width: number): string[] {
  const { chalk } = style;
  const H = plan.horizonSeconds;
  const out: string[] = [];
  if (plan.additions.length > 0) {
    const t = table(['By', 'Tier', 'Add', 'Nodes', 'Because of'], style, {
      colAligns: ['left', 'left', 'right', 'right', 'left'],
    });
    for (const a of plan.additions.slice(0, MAX_ROWS))
      t.push([formatRunway(a.bySeconds, H), a.tier, `+${a.addNodes}`, String(a.totalNodes), KIND[a.reason]]);
    out.push('', chalk.bold('Plan: nodes to add, in service by (nodes: serving nodes after it)'), t.toString());
    if (plan.additions.length > MAX_ROWS)
      out.push(`  … ${plan.additions.length - MAX_ROWS} more additions (--json lists them all)`);
  } else if (plan.steps.some((s) => s.tiers.length > 0)) {
    out.push('', chalk.bold('Plan'), '  no nodes to add within the horizon');
  }
  return out;
}

/** Demand against capacity, per tier. */
function tierCharts(plan: PlanResult, style: TextStyle, width: number): string[] {
  const { chalk } = style;
  const H = plan.horizonSeconds;
  const out: string[] = [];
  const first = plan.steps[0];
  const chartWidth = Math.max(20, Math.min(72, width - 16));
  for (const tier of first?.tiers ?? []) {
    const rows = plan.steps.map((s) => s.tiers.find((x) => x.tier === tier.tier));
    const perNode = tier.nodes > 0 ? tier.capacity / tier.nodes : 0;
    const series = [
      { label: 'demand', symbol: '*', values: rows.map((r) => r?.demand ?? NaN) },
      { label: `capacity (${tier.nodes} nodes)`, symbol: '─', values: rows.map((r) => r?.capacity ?? NaN) },
    ];
    if (rows.some((r) => r?.neededForTarget !== null && r?.neededForTarget !== undefined) && perNode > 0) {
      series.push({
        label: 'planned capacity',
        symbol: '+',
        values: rows.map((r) => (r?.neededForTarget ?? NaN) * perNode),
      });
    }
    out.push(
      '',
      chalk.bold(`Tier ${tier.tier}: demand vs capacity`),
      chart(series, { width: chartWidth, height: 8, format: formatCount, xLabels: ['now', formatDuration(H)] }),
    );
  }
  return out;
}

/** Backup storage and live data against their capacity. */
function storageSection(plan: PlanResult, style: TextStyle, _width: number): string[] {
  const { chalk } = style;
  const H = plan.horizonSeconds;
  const out: string[] = [];
  const first = plan.steps[0];
  const storage = first?.storage ?? [];
  if (storage.length > 0) {
    const t = table(['Storage', 'Now', `At ${formatDuration(H)}`, 'Capacity'], style, {
      colAligns: ['left', 'right', 'right', 'right'],
    });
    const last = plan.steps[plan.steps.length - 1];
    for (const s of storage) {
      const end = last?.storage.find((x) => x.subject === s.subject && x.kind === s.kind);
      t.push([
        s.kind === 'data-capacity' ? 'live data' : `backups at ${s.subject}`,
        formatBytes(s.bytes),
        formatBytes(end?.bytes ?? s.bytes),
        s.capacityBytes === null ? 'unlimited' : formatBytes(s.capacityBytes),
      ]);
    }
    out.push(
      '',
      chalk.bold('Storage (backups: after retention; the runway counts the file being written)'),
      t.toString(),
    );
  }
  return out;
}

/** Hot spares per tier. */
function sparesSection(plan: PlanResult, style: TextStyle, _width: number): string[] {
  const { chalk } = style;
  const out: string[] = [];
  for (const s of plan.spares) {
    const t = table(['Hot spares', 'Value'], style);
    t.push([
      'nodes needed of nodes, spares',
      `${formatCount(s.minHealthy)} of ${formatCount(s.nodes)}, ${formatCount(s.spares)} spare(s)`,
    ]);
    t.push(['P(fewer than k healthy) with spares', formatProbability(s.shortageProbability)]);
    t.push(['P(fewer than k healthy) without', formatProbability(s.shortageProbabilityWithoutSpares)]);
    t.push(['nodes in repair on average', formatCount(s.expectedInRepair)]);
    for (const n of s.sparesNeeded)
      t.push([
        `spares for P(shortage) < ${formatProbability(n.probability)}`,
        n.spares === null ? 'out of reach' : String(n.spares),
      ]);
    out.push(
      '',
      chalk.bold(`Tier ${s.tier}: spares (node failures; zones up; Binomial(n + s, q), exact)`),
      t.toString(),
    );
  }
  return out;
}

/** Training jobs: interruptions and goodput. */
function jobsSection(plan: PlanResult, style: TextStyle, width: number): string[] {
  const { chalk } = style;
  const out: string[] = [];
  for (const j of plan.jobs) {
    const t = table(['Training job', 'Value'], style);
    t.push(['interruptions per day', formatCount(j.interruptionsPerDay)]);
    t.push(['mean time between interruptions', formatDuration(j.mtbiSeconds)]);
    t.push([
      'lost per interruption (τ/2 + R; exact)',
      `${formatDuration(j.lostPerInterruptionSeconds)}; ${formatDuration(j.exactLostPerInterruptionSeconds)}`,
    ]);
    t.push([`goodput at τ = ${formatDuration(j.current.checkpointEverySeconds)}`, percent(j.current.goodput)]);
    if (j.young)
      t.push([`Young (1974) τ = √(2δM) = ${formatDuration(j.young.checkpointEverySeconds)}`, percent(j.young.goodput)]);
    if (j.daly) t.push([`Daly (2006) τ = ${formatDuration(j.daly.checkpointEverySeconds)}`, percent(j.daly.goodput)]);
    out.push('', chalk.bold(`Tier ${j.tier}: training job on ${formatCount(j.nodes)} nodes`), t.toString());
    out.push(
      wrap(
        "goodput: Daly's complete model (interruptions exponential, also during checkpoints and restarts)",
        '  ',
        width,
      ),
    );
  }
  return out;
}

function percent(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}
