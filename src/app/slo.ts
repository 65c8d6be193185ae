/**
 * The `nines slo` use case: from a model and its objective to error budgets per window, the
 * budget's allocation over the design, the probability that a window exhausts its budget
 * (timeline simulation), and multiwindow multi-burn-rate alerts. Pure but for the simulator's
 * workers; the result is the JSON document's body.
 */
import { analyzeAvailability, type AvailabilityResult } from '../analytic/availability/index.js';
import { allocateBudget, type Allocation } from '../analytic/slo/allocation.js';
import { budgetFraction, burnAlerts, burnRateTable, maxBurnRate, type BurnAlert, type BurnRateRow } from '../analytic/slo/burn-rate.js';
import { toNumber } from '../analytic/slo/rational.js';
import type { SloGateFigures } from '../gate/types.js';
import type { Model, SourcePosition, Target } from '../model/types.js';
import { formatDuration, formatPercentFromUnavailability as percent } from '../report/format.js';
import { compileModel, DEFAULT_SEED, DEFAULT_TIMELINE_TRIALS, simulate, type ProportionEstimate } from '../simulate/index.js';
import { SECONDS_PER_DAY, SECONDS_PER_YEAR } from '../units/conventions.js';
import { DEFAULT_SLO_WINDOW, windowLengths, windowName, windowText, type SloWindow, type WindowLength } from '../units/slo-window.js';

/** The objective and where it came from. */
export type Objective = {
  readonly availability: number;
  /** 1 − objective, exact from its text: the error budget as a fraction of the window. */
  readonly unavailability: number;
  readonly source: 'slo.objective' | 'targets.availability' | '--objective';
  readonly position?: SourcePosition;
};

/** The objective: the flag, else `slo.objective`, else the service availability target (≥). */
export function resolveObjective(model: Model, flag?: { readonly value: number; readonly complement: number }): Objective | undefined {
  if (flag !== undefined) return { availability: flag.value, unavailability: flag.complement, source: '--objective' };
  const own = model.slo?.objective;
  if (own !== undefined) return { availability: own.value, unavailability: own.complement, source: 'slo.objective', position: own.position };
  const t = model.targets.find((x) => x.metric === 'availability' && x.tier === undefined && x.operator === '>=');
  if (t === undefined) return undefined;
  return {
    availability: t.threshold,
    unavailability: t.thresholdComplement ?? 1 - t.threshold,
    source: 'targets.availability',
    ...(t.position === undefined ? {} : { position: t.position }),
  };
}

/** The window the alerts are computed for: the rolling length; 30 d for a month, 90 d for a quarter (DESIGN §4). */
export function nominalWindowSeconds(window: SloWindow): number {
  return window.kind === 'rolling' ? window.days * SECONDS_PER_DAY : (window.period === 'month' ? 30 : 90) * SECONDS_PER_DAY;
}

export type WindowBudget = WindowLength & {
  /** (1 − objective) × window. */
  readonly budgetSeconds: number;
  /** (1 − objective) × window × requests per second; null without a request rate. */
  readonly failedRequests: number | null;
};

export type Exhaustion = WindowLength & {
  /** P(downtime in a window > its budget): the share of simulated windows that exhaust it. */
  readonly probability: ProportionEstimate;
  /** Mean share of the budget a window uses: simulated (time-average downtime / budget) and analytic (q / (1 − objective)). */
  readonly meanBudgetShare: { readonly simulated: number; readonly simulatedCi: readonly [number, number]; readonly analytic: number };
};

export type ExhaustionResult =
  | { readonly simulated: true; readonly seed: number; readonly trials: number; readonly start: 'steady'; readonly windows: readonly Exhaustion[] }
  | { readonly simulated: false; readonly reason: string };

export type SloWarning = { readonly code: 'objective-infeasible' | 'alert-infeasible'; readonly message: string };

export type SloFigures = {
  readonly objective: Objective;
  readonly window: { readonly text: string; readonly name: string; readonly kind: SloWindow['kind']; readonly lengths: readonly WindowLength[]; readonly alertWindowSeconds: number };
  readonly requestsPerSecond: number | null;
  readonly budgets: readonly WindowBudget[];
  readonly allocation: Allocation;
  readonly alerts: readonly BurnAlert[];
  /** 1 / (1 − objective): the burn rate of a total outage. */
  readonly maxBurnRate: number;
  readonly burnRates: readonly BurnRateRow[];
  readonly warnings: readonly SloWarning[];
};

export type SloOptions = {
  readonly objective?: { readonly value: number; readonly complement: number };
  readonly window?: SloWindow;
};

/**
 * The analytic SLO figures: budgets, allocation, alerts and their feasibility.
 * @example sloFigures(model, analyzeAvailability(model), objective).allocation.budgetShare
 */
export function sloFigures(model: Model, availability: AvailabilityResult, objective: Objective, options: SloOptions = {}): SloFigures {
  const window = options.window ?? model.slo?.window ?? DEFAULT_SLO_WINDOW;
  const lengths = windowLengths(window);
  const rps = model.slo?.requestsPerSecond ?? null;
  const q = objective.unavailability;
  const budget = budgetFraction(q);
  const alertWindowSeconds = nominalWindowSeconds(window);
  const allocation = allocateBudget(model, availability, q);
  const alerts = burnAlerts(budget, alertWindowSeconds);
  const warnings: SloWarning[] = [];
  if (!allocation.feasible) {
    warnings.push({
      code: 'objective-infeasible',
      message: `the objective ${percent(objective.unavailability)} is above what the design can reach (${percent(allocation.designUnavailability)}): its modelled unavailability alone uses ${(allocation.budgetShare * 100).toPrecision(3)}% of the error budget`,
    });
  }
  for (const a of alerts) if (!a.feasible) warnings.push({ code: 'alert-infeasible', message: `the ${a.severity} alert on ${Number((a.budgetConsumed * 100).toPrecision(12))}% of the budget in ${formatDuration(a.longWindowSeconds)} can never fire: ${a.reason ?? ''}` });
  return {
    objective,
    window: { text: windowText(window), name: windowName(window), kind: window.kind, lengths, alertWindowSeconds },
    requestsPerSecond: rps,
    budgets: lengths.map((l) => ({ ...l, budgetSeconds: q * l.seconds, failedRequests: rps === null ? null : q * l.seconds * rps })),
    allocation,
    alerts,
    maxBurnRate: toNumber(maxBurnRate(budget)),
    burnRates: burnRateTable(budget, alertWindowSeconds),
    warnings,
  };
}

/** A copy of the model for the budget simulation: no data section, one availability target (the objective). */
function simulationModel(model: Model, objective: Objective): Model {
  const target: Target = {
    metric: 'availability', operator: '>=', threshold: objective.availability, thresholdComplement: objective.unavailability,
    level: 'error', scenario: undefined, tier: undefined, position: undefined,
  };
  return { ...model, data: undefined, targets: [target] };
}

/**
 * P(a window exhausts its budget) for each window length, by the timeline simulator: windows
 * start in the steady state; a window exhausts its budget when its downtime exceeds
 * (1 − objective) × its length (the simulator's `missProbability` over a horizon of one window).
 */
export async function budgetExhaustion(
  model: Model,
  figures: SloFigures,
  options: { readonly seed?: number; readonly trials?: number; readonly workers?: 'auto' | number } = {},
): Promise<ExhaustionResult> {
  const statics = compileModel(model).staticComponents;
  if (statics.length > 0) {
    return { simulated: false, reason: `components without an mttr have no time behaviour (${statics.slice(0, 3).join(', ')}${statics.length > 3 ? ', …' : ''}): give them an mttr to simulate windows` };
  }
  const seed = options.seed ?? DEFAULT_SEED;
  const trials = options.trials ?? DEFAULT_TIMELINE_TRIALS;
  const copy = simulationModel(model, figures.objective);
  const q = figures.objective.unavailability;
  const windows: Exhaustion[] = [];
  for (const length of figures.window.lengths) {
    const result = await simulate(copy, { seed, trials, mode: 'timeline', years: length.seconds / SECONDS_PER_YEAR, workers: options.workers ?? 'auto' });
    const miss = result.missProbability;
    const u = result.timeline?.unavailability;
    if (miss === undefined || u === undefined) throw new Error('slo: the timeline simulation returned no budget figure');
    const { target: _target, ...probability } = miss;
    windows.push({
      ...length,
      probability,
      meanBudgetShare: { simulated: u.estimate / q, simulatedCi: [u.ci[0] / q, u.ci[1] / q], analytic: figures.allocation.budgetShare },
    });
  }
  return { simulated: true, seed, trials, start: 'steady', windows };
}

/** Every SLO figure of a model, simulation included. */
export async function sloReport(model: Model, objective: Objective, options: SloOptions & { readonly seed?: number; readonly trials?: number; readonly simulate?: boolean; readonly workers?: 'auto' | number } = {}): Promise<{ figures: SloFigures; exhaustion: ExhaustionResult }> {
  const figures = sloFigures(model, analyzeAvailability(model), objective, options);
  const exhaustion = options.simulate === false ? { simulated: false as const, reason: '--no-simulate' } : await budgetExhaustion(model, figures, options);
  return { figures, exhaustion };
}

/** Whether any target needs the SLO figures. */
export function needsSloFigures(targets: readonly { readonly target: Target }[]): { budget: boolean; exhaustion: boolean } {
  return {
    budget: targets.some((t) => t.target.metric === 'errorBudget' || t.target.metric === 'budgetExhaustionProbability'),
    exhaustion: targets.some((t) => t.target.metric === 'budgetExhaustionProbability'),
  };
}

/**
 * The figures `check` gates SLO targets on: the budget share and, when asked, the worst window
 * length's exhaustion probability with its 95% interval.
 */
export async function sloGateFigures(
  model: Model,
  availability: AvailabilityResult,
  options: { readonly exhaustion: boolean; readonly seed?: number; readonly trials?: number; readonly workers?: 'auto' | number },
): Promise<SloGateFigures> {
  const objective = resolveObjective(model);
  if (objective === undefined) {
    const missing = 'no SLO objective: add slo.objective or an availability target to the model';
    return { budgetShare: { missing }, exhaustion: { missing } };
  }
  const figures = sloFigures(model, availability, objective);
  if (!options.exhaustion) return { budgetShare: figures.allocation.budgetShare, exhaustion: { missing: 'not simulated' } };
  const result = await budgetExhaustion(model, figures, options);
  if (!result.simulated) return { budgetShare: figures.allocation.budgetShare, exhaustion: { missing: result.reason } };
  const worst = result.windows.reduce((a, b) => (b.probability.estimate > a.probability.estimate ? b : a));
  return { budgetShare: figures.allocation.budgetShare, exhaustion: { estimate: worst.probability.estimate, ci: worst.probability.ci, trials: worst.probability.trials } };
}
