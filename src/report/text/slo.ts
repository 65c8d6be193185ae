/**
 * Text of `nines slo`: the error budget per window length, its allocation over the design,
 * the probability that a window exhausts it, and the burn-rate alerts.
 */
import type { SloFigures } from '../../analytic/slo/figures.js';
import type { Slo } from '../../model/types.js';
import type { ExhaustionResult } from '../../simulate/run/budget-exhaustion.js';
import { formatDuration, formatNines, formatPercentFromUnavailability, formatProbability } from '../format.js';
import type { TextStyle } from '../style.js';
import { promDuration } from '../export/prometheus.js';
import { table } from '../table.js';
import { wrap } from '../wrap.js';

/** What the renderers of `nines slo` show: the text and the Prometheus, Sloth and OpenSLO exports. */
export type SloView = {
  readonly modelName: string;
  readonly slo: Slo | undefined;
  readonly figures: SloFigures;
  readonly exhaustion: ExhaustionResult;
};

/** Durations here keep four significant digits: 40.32 min, 51.84 s. */
const duration = (seconds: number): string => formatDuration(seconds, 4);
const share = (x: number): string =>
  x === 0 ? '0%' : Math.abs(x) < 1e-5 ? `${(x * 100).toExponential(1)}%` : `${Number((x * 100).toPrecision(3))}%`;
const count = (x: number): string =>
  x >= 100 ? Math.round(x).toLocaleString('en-US') : String(Number(x.toPrecision(3)));

/** The whole report; `width` wraps the prose (tables are as wide as they need). */
export function renderSlo(
  modelName: string,
  f: SloFigures,
  exhaustion: ExhaustionResult,
  style: TextStyle,
  width = 100,
): string {
  const { chalk } = style;
  const q = f.objective.unavailability;
  const from = f.objective.source === '--objective' ? 'from --objective' : `from ${f.objective.source}`;
  const out = [
    chalk.bold(`SLO of ${modelName}: ${formatPercentFromUnavailability(q)} over ${f.window.name} (objective ${from})`),
    ...budgetSection(f, style),
    ...allocationSection(f, style, width),
    ...exhaustionSection(exhaustion, style, width),
    ...alertsSection(f, style, width),
  ];
  return `${out.join('\n')}\n`;
}

/** The error budget per window length. */
function budgetSection(f: SloFigures, style: TextStyle): string[] {
  const { chalk } = style;
  const out: string[] = [];
  const budgets = table(
    [
      'Window',
      'Length',
      'Error budget',
      ...(f.requestsPerSecond === null ? [] : [`Failed at ${count(f.requestsPerSecond)}/s`]),
    ],
    style,
  );
  for (const b of f.budgets) {
    budgets.push([
      b.which,
      `${b.days} d`,
      duration(b.budgetSeconds),
      ...(b.failedRequests === null ? [] : [count(b.failedRequests)]),
    ]);
  }
  out.push('', chalk.bold('Error budget'), budgets.toString());

  return out;
}

/** The budget allocated over the design, and whether the design fits it. */
function allocationSection(f: SloFigures, style: TextStyle, width: number): string[] {
  const { chalk } = style;
  const q = f.objective.unavailability;
  const out: string[] = [];
  const a = f.allocation;
  const w = f.window.alertWindowSeconds;
  const per = `Per ${duration(w)}`;
  const alloc = table(['Part of the design', 'Unavailability', per, 'Share', 'Extra 9'], style);
  for (const d of a.dependencies) {
    alloc.push([
      `${d.kind} ${d.name}`,
      formatProbability(d.unavailability),
      duration(d.unavailability * w),
      share(d.budgetShare),
      d.extraNine ? 'yes' : chalk.yellow('no'),
    ]);
  }
  if (a.dependencies.length > 1) {
    alloc.push([
      'critical ones together',
      formatProbability(a.dependenciesUnavailability),
      duration(a.dependenciesUnavailability * w),
      share(a.dependenciesUnavailability / q),
      '',
    ]);
  }
  if (a.switchover !== null) {
    alloc.push([
      'switchover windows',
      formatProbability(a.switchover.unavailability),
      duration(a.switchover.unavailability * w),
      share(a.switchover.budgetShare),
      '',
    ]);
  }
  alloc.push([
    'redundancy exhausted',
    formatProbability(a.combinedUnavailability),
    duration(a.combinedUnavailability * w),
    share(a.combinedUnavailability / q),
    '',
  ]);
  alloc.push([
    chalk.bold('design total'),
    formatProbability(a.designUnavailability),
    duration(a.designUnavailability * w),
    share(a.budgetShare),
    '',
  ]);
  const left =
    a.leftUnavailability >= 0
      ? duration(a.leftUnavailability * w)
      : chalk.red(`−${duration(-a.leftUnavailability * w)}`);
  alloc.push([
    'left: releases, incidents',
    formatProbability(a.leftUnavailability),
    left,
    share(a.leftUnavailability / q),
    '',
  ]);
  out.push('', chalk.bold('Allocation of the budget'), alloc.toString());
  out.push(
    wrap(
      `Each unique critical dependency (a tier the service cannot do without, a zone or region whose loss alone takes it down) consumes its own unavailability, counted once however deep it sits (Treynor et al., "The Calculus of Service Availability", 2017); ${a.switchover === null ? '' : `"switchover windows" is the service down while a failover switches to its standby or fails back (${duration(a.switchover.secondsPerYear)} a year); `}"redundancy exhausted" is the rest of the modelled unavailability. Extra 9: the dependency is ten times better than the budget.`,
      '  ',
      width,
    ),
  );
  const verdict = a.feasible
    ? chalk.green(
        `Feasible: the design reaches ${formatPercentFromUnavailability(a.designUnavailability)} (${formatNines(a.designUnavailability)}), ${a.headroomNines === null ? 'never failing' : `${a.headroomNines.toFixed(2)} nines better than the objective (the rule of the extra 9 asks for 1)`}.`,
      )
    : chalk.red(
        `Not feasible: the design reaches only ${formatPercentFromUnavailability(a.designUnavailability)}, so its modelled failures alone use ${share(a.budgetShare)} of the budget.`,
      );
  out.push(wrap(verdict, '  ', width));

  return out;
}

/** The probability that a window exhausts its budget (timeline simulation). */
function exhaustionSection(exhaustion: ExhaustionResult, style: TextStyle, width: number): string[] {
  const { chalk } = style;
  const out: string[] = [];
  out.push('', chalk.bold('Budget exhaustion'));
  if (!exhaustion.simulated) out.push(wrap(`Not simulated: ${exhaustion.reason}.`, '  ', width));
  else {
    const ex = table(['Window', 'P(exhaust)', '95% interval', 'Mean used (95%)', 'Analytic'], style);
    const p3 = (x: number): string => (x === 0 ? '0' : String(Number(x.toPrecision(3))));
    for (const e of exhaustion.windows) {
      const p = e.probability;
      const interval = p.events === 0 ? `< ${p3(p.upperBound ?? p.ci[1])}` : `${p3(p.ci[0])}–${p3(p.ci[1])}`;
      const m = e.meanBudgetShare;
      ex.push([
        `${e.days} d`,
        p3(p.estimate),
        interval,
        `${share(m.simulated)} (${share(m.simulatedCi[0])}–${share(m.simulatedCi[1])})`,
        share(m.analytic),
      ]);
    }
    out.push(
      ex.toString(),
      wrap(
        `P(exhaust): the share of simulated windows whose downtime exceeds the budget (timeline simulation, ${exhaustion.trials.toLocaleString('en-US')} windows per length, seed ${exhaustion.seed}, steady-state start). Mean used: downtime / budget, beside the analytic q / (1 − objective).`,
        '  ',
        width,
      ),
    );
  }

  return out;
}

/** The multiwindow burn-rate alerts. */
function alertsSection(f: SloFigures, style: TextStyle, width: number): string[] {
  const { chalk } = style;
  const q = f.objective.unavailability;
  const w = f.window.alertWindowSeconds;
  const out: string[] = [];
  const alerts = table(['Alert', 'Windows', 'Spent', 'Burn', 'Ratio >', 'Fires in', 'Lasts'], style);
  for (const x of f.alerts) {
    const fires = x.feasible ? duration(x.detectionSecondsAtFullOutage) : chalk.yellow('never');
    alerts.push([
      x.severity,
      `${promDuration(x.longWindowSeconds)} / ${promDuration(x.shortWindowSeconds)}`,
      share(x.budgetConsumed),
      shorten(x.burnRateText),
      shorten(x.errorRatioThresholdText),
      fires,
      duration(x.timeToExhaustionSeconds),
    ]);
  }
  const nominal =
    f.window.kind === 'calendar'
      ? `; a calendar ${f.window.name.replace('calendar ', '')} counts as ${duration(w)}`
      : '';
  out.push('', chalk.bold(`Burn-rate alerts (${duration(w)} window${nominal})`), alerts.toString());
  out.push(
    wrap(
      `Multiwindow, multi-burn-rate alerts after the SRE workbook (ch. 5): an alert fires when the error ratio exceeds burn rate × ${formatProbability(q)} over both its long and its short window (1/12 of the long), after spending the share of the budget shown. Fires in: the time to fire once errors jump to 100% (never: even a total outage burns too slowly). Lasts: how long the budget lasts at that burn rate (${duration(w)} / b). A total outage burns at ${shorten(String(f.maxBurnRate))}× and empties the budget in ${duration(q * w)}.`,
      '  ',
      width,
    ),
  );
  return out;
}

/** Long exact decimals (a repeating 0.9333…) cut to 6 significant digits for the table. */
function shorten(text: string): string {
  const m = /^(-?\d*\.\d*?)(\d+)$/.exec(text);
  if (m === null || text.replace(/^-?0\.0*/, '').length <= 8) return text;
  return `${Number(Number(text).toPrecision(6))}…`;
}
