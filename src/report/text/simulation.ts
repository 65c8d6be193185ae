import type { DataLossResult, SimulationResult, UnavailabilityEstimate } from '../../simulate/index.js';
import { formatAvailability, formatCount, formatDuration, formatProbability } from '../format.js';
import type { TextStyle } from '../style.js';
import { table as makeTable } from '../table.js';
import { fitLines } from '../wrap.js';

const BAR_WIDTH = 30;

/**
 * The `nines simulate` report: run settings, simulated unavailability with its 95% interval
 * beside the analytic figure (flagged beyond 4 standard errors), then the timeline's spread of
 * annual downtime with a small histogram.
 * @example renderSimulation(await simulate(model, { seed: 1 }), textStyle(false))
 */
export function renderSimulation(result: SimulationResult, style: TextStyle): string {
  const { chalk } = style;
  const out: string[] = [chalk.bold('Simulation'), settingsLine(result)];
  if (result.method !== 'timeline') {
    const table = makeTable(
      ['', 'simulated availability', '95% interval (unavailability)', 'estimator', 'analytic', 'check'],
      style,
    );
    table.push(row('service', result.service.unavailability, style));
    for (const t of result.tiers) table.push(row(`tier ${t.name}`, t.unavailability, style));
    out.push(table.toString());
    const is = [result.service.unavailability, ...result.tiers.map((t) => t.unavailability)].filter(
      (u) => u.estimator === 'importance-sampling',
    );
    if (is.length > 0) {
      out.push(
        'importance sampling (failure biasing): effective sample size and variance reduction per figure: ' +
          is
            .map(
              (u) =>
                `${formatCount(Math.round(u.effectiveSampleSize ?? 0))} / ×${formatCount(u.varianceReduction ?? 1)}`,
            )
            .join(', '),
      );
    }
  }
  if (result.timeline !== undefined) out.push('', ...timelineLines(result, style));
  if (result.dataLoss !== undefined) out.push('', ...dataLossLines(result.dataLoss, style));
  return `${fitLines(out, style.width).join('\n')}\n`;
}

/** The simulation's notes, for stderr (the report on stdout holds only results). */
export function renderSimulationNotes(result: SimulationResult, style: TextStyle): string {
  return result.notes.map((note) => `${style.chalk.yellow(`nines: note: ${note}`)}\n`).join('');
}

function settingsLine(r: SimulationResult): string {
  const parts = [
    `seed ${r.seed}`,
    r.generator,
    `${formatCount(r.trials)} trials`,
    r.method,
    `service estimator ${r.estimator}`,
  ];
  if (r.stoppedBy !== 'trials') parts.push(`stopped by ${r.stoppedBy}`);
  return `(${parts.join(', ')})`;
}

function row(name: string, u: UnavailabilityEstimate, style: TextStyle): string[] {
  const simulated =
    u.events === 0 && u.upperBound !== undefined
      ? `≥ ${formatAvailability(u.upperBound)}`
      : formatAvailability(u.estimate);
  const interval =
    u.events === 0 && u.upperBound !== undefined
      ? `< ${formatProbability(u.upperBound)} (0 events in ${formatCount(u.trials)})`
      : `${formatProbability(u.estimate)} [${formatProbability(u.ci[0])}, ${formatProbability(u.ci[1])}]`;
  return [
    name,
    simulated,
    interval,
    u.estimator,
    u.analytic === undefined ? '-' : formatProbability(u.analytic),
    check(u, style),
  ];
}

function check(u: { estimate: number; stdErr: number; analytic?: number; agrees?: boolean }, style: TextStyle): string {
  if (u.analytic === undefined || u.agrees === undefined) return '-';
  if (u.agrees) return style.chalk.green('agrees');
  const z = u.stdErr > 0 ? Math.abs(u.estimate - u.analytic) / u.stdErr : Infinity;
  return style.chalk.red(`DISAGREES (${Number.isFinite(z) ? z.toFixed(1) : '∞'} SE)`);
}

function timelineLines(r: SimulationResult, style: TextStyle): string[] {
  const tl = r.timeline;
  if (tl === undefined) return [];
  const { chalk } = style;
  const u = tl.unavailability;
  const years = tl.years === 1 ? '1 year' : `${formatCount(tl.years)} years`;
  const lines = [chalk.bold(`Timeline (${formatCount(tl.trials)} simulated horizons of ${years}, ${tl.start} start)`)];
  const mean =
    u.upperBound !== undefined && u.estimate === 0
      ? `≥ ${formatAvailability(u.upperBound)} (no downtime seen)`
      : `${formatAvailability(u.estimate)}, unavailability ${formatProbability(u.estimate)} [${formatProbability(u.ci[0])}, ${formatProbability(u.ci[1])}]`;
  lines.push(
    `  mean availability      ${mean}${u.analytic === undefined ? '' : `  analytic ${formatProbability(u.analytic)} ${check(u, style)}`}`,
  );
  const d = r.annualDowntimeSeconds;
  if (d !== undefined) {
    lines.push(
      `  downtime per year      mean ${formatDuration(d.mean)}, p50 ${formatDuration(d.p50)}, p90 ${formatDuration(d.p90)}, p99 ${formatDuration(d.p99)}, p99.9 ${formatDuration(d.p999)}`,
    );
  }
  const o = r.outagesPerYear;
  if (o !== undefined)
    lines.push(
      `  outages per year       mean ${formatCount(o.mean)}, p90 ${formatCount(o.p90)}, p99 ${formatCount(o.p99)}, max ${formatCount(o.max)}`,
    );
  const l = r.longestOutageSeconds;
  if (l !== undefined)
    lines.push(
      `  longest outage         p50 ${formatDuration(l.p50)}, p99 ${formatDuration(l.p99)}, max ${formatDuration(l.max)}`,
    );
  const w = tl.outageWithinHorizon;
  lines.push(
    `  P(≥ 1 outage)          ${formatProbability(w.estimate)} [${formatProbability(w.ci[0])}, ${formatProbability(w.ci[1])}]`,
  );
  const miss = r.missProbability;
  if (miss !== undefined) {
    const text =
      miss.events === 0
        ? `< ${formatProbability(miss.ci[1])}`
        : `${formatProbability(miss.estimate)} [${formatProbability(miss.ci[0])}, ${formatProbability(miss.ci[1])}]`;
    lines.push(`  P(year misses ${(miss.target * 100).toPrecision(6).replace(/\.?0+$/, '')}%)  ${text}`);
  }
  for (const [i, f] of (r.failovers ?? []).entries()) {
    const rto =
      f.meanRealisedRtoSeconds === null
        ? 'no primary failure seen'
        : `mean realised RTO ${formatDuration(f.meanRealisedRtoSeconds)}`;
    lines.push(
      `  failover ${i + 1}             ${formatCount(f.switchovers)} switchovers, ${rto}, ${formatDuration(f.downtimeSecondsPerYear)} down a year`,
    );
  }
  const hist = r.annualDowntimeHistogram;
  if (hist !== undefined && hist.length > 0) {
    lines.push('  annual downtime:');
    const total = hist.reduce((s, b) => s + b.trials, 0);
    const labels = hist.map((b) =>
      b.toSeconds === 0 ? 'none' : `${formatDuration(b.fromSeconds)} – ${formatDuration(b.toSeconds)}`,
    );
    const width = Math.max(...labels.map((x) => x.length));
    hist.forEach((b, i) => {
      const f = total > 0 ? b.trials / total : 0;
      const bar = '█'.repeat(Math.round(f * BAR_WIDTH)) || (b.trials > 0 ? '▏' : '');
      lines.push(
        `    ${(labels[i] ?? '').padEnd(width)} ${chalk.cyan(bar.padEnd(BAR_WIDTH))} ${(f * 100).toFixed(f < 0.001 && f > 0 ? 3 : 1)}%`,
      );
    });
  }
  return lines;
}

function interval(
  x: { estimate: number; ci: readonly [number, number]; upperBound?: number },
  f: (v: number) => string,
): string {
  return x.upperBound !== undefined && x.estimate === 0
    ? `< ${f(x.upperBound)} (no loss seen)`
    : `${f(x.estimate)} [${f(x.ci[0])}, ${f(x.ci[1])}]`;
}

/** "  name" padded to the value column. */
function label(name: string): string {
  return `  ${name}`.padEnd(25);
}

function dataLossLines(dl: DataLossResult, style: TextStyle): string[] {
  const { chalk } = style;
  const lines = [chalk.bold('Data loss')];
  const d = dl.durability;
  if (d !== undefined) {
    const scheme = `${d.shards} shards tolerating ${d.toleratedFailures}, ${formatCount(d.groups)} group${d.groups === 1 ? '' : 's'}`;
    lines.push(
      `${label('durability')}${scheme}, rebuild ${formatDuration(d.rebuildSeconds)} (${d.rebuildDistribution}, one at a time)`,
    );
    lines.push(
      `${label('estimator')}${d.estimator}, ${formatCount(d.busyPeriodLoss.trials)} busy periods (first failure until rebuilt)`,
    );
    lines.push(`${label('P(loss | busy period)')}${interval(d.busyPeriodLoss, formatProbability)}`);
    const markov = (x: { analytic?: number; agrees?: boolean; estimate: number; stdErr: number }): string =>
      x.analytic === undefined ? '' : `  Markov ${formatProbability(x.analytic)} ${check(x, style)}`;
    lines.push(
      `${label('loss events per year')}${interval(d.eventsPerYear, formatProbability)}${markov(d.eventsPerYear)}`,
    );
    const h = d.lossWithinHorizon;
    lines.push(
      `${label(`P(loss within ${formatDuration(h.horizonSeconds)})`)}${interval(h, formatProbability)}${markov(h)}`,
    );
    if (d.mttdlSeconds !== undefined)
      lines.push(
        `${label('MTTDL')}${formatDuration(d.mttdlSeconds.estimate)} [${formatDuration(d.mttdlSeconds.ci[0])}, ${formatDuration(d.mttdlSeconds.ci[1])}]  Markov ${formatDuration(d.analytic.markovMttdlSeconds)}`,
      );
    if (!d.analytic.markovApplies)
      lines.push(chalk.dim('  (the Markov model assumes exponential rebuilds: shown, not checked)'));
  }
  const rows = dl.recovery;
  if (rows.length > 0) {
    const n = rows.find((r) => r.disruptions > 0)?.disruptions ?? 0;
    lines.push(
      `  realised RPO / RTO over ${formatCount(n)} disruptions at random instants (analytic: worst RPO / RTO)`,
    );
    const table = makeTable(
      ['scenario', 'recovered by', 'RPO mean', 'p90', 'p99', 'RTO mean', 'max', 'analytic'],
      style,
    );
    for (const r of rows) {
      if (r.rpoSeconds === undefined || r.rtoSeconds === undefined) {
        table.push([r.scenario, chalk.red('not recoverable'), '-', '-', '-', '-', '-', '-']);
        continue;
      }
      const by = r.recoveredBy
        .filter((m) => m.share > 0)
        .map((m) => (m.share === 1 ? m.name : `${m.name} ${(m.share * 100).toFixed(1)}%`))
        .join(', ');
      const a = r.analytic;
      const analytic =
        a.rpoSeconds === null || a.rtoSeconds === null
          ? '-'
          : `${formatDuration(a.rpoSeconds)} / ${formatDuration(a.rtoSeconds)}`;
      const rpo = r.rpoSeconds;
      const rto = r.rtoSeconds;
      table.push([
        r.scenario,
        by,
        formatDuration(rpo.mean.estimate),
        formatDuration(rpo.p90.estimate),
        formatDuration(rpo.p99.estimate),
        formatDuration(rto.mean.estimate),
        formatDuration(rto.max),
        analytic,
      ]);
    }
    lines.push(table.toString());
  }
  return lines;
}
