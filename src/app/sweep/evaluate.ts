/**
 * One point of a sweep or design: the model analysed (and optionally simulated), its figures
 * and the verdict of its targets.
 */
import type { Analysis } from '../../analytic/analyze-model.js';
import { analyzeAvailability, type AvailabilityResult } from '../../analytic/availability/index.js';
import { costOf } from '../../analytic/cost.js';
import { analyzeDataProtection } from '../../analytic/data-protection/index.js';
import {
  evaluateTargets,
  fileTargets,
  mergeTargets,
  type GateResult,
  type GateTarget,
  type McDecision,
} from '../../gate/index.js';
import type { Model } from '../../model/types.js';
import type { Figures, PointSimulation } from '../../report/sweep/view.js';
import { compileModel, simulateSync, type CompiledModel } from '../../simulate/index.js';
import { figuresOf } from './figures.js';

export type PointOptions = {
  /** The model file, for target sources. */
  readonly file: string;
  /** `--target` flags; they replace the model's targets of the same metric and scope. */
  readonly flagTargets: readonly GateTarget[];
  readonly method: 'analytic' | 'simulate';
  readonly seed: number;
  readonly trials: number;
  readonly mcDecision: McDecision;
};

export type EvaluatedPoint = {
  readonly figures: Figures;
  readonly gate: GateResult;
  readonly simulation: PointSimulation | undefined;
};

/**
 * Figures and target verdicts of one model. With `simulate`, snapshot trials on one thread
 * (the compiled model reused by the points of one topology) with the same seed at every point (common random numbers: neighbouring points differ by their
 * model, not by their noise); availability and downtime targets use the 95% interval.
 * @example evaluatePoint(model, options).gate.status
 */
export function evaluatePoint(model: Model, options: PointOptions): EvaluatedPoint {
  const key = topologyKey(model);
  const analysis = analyzePoint(model, key);
  const simulation =
    options.method === 'simulate'
      ? simulateSync(
          model,
          { seed: options.seed, trials: options.trials, mode: 'snapshot' },
          {
            serviceUnavailability: analysis.availability.service.unavailability,
            tiers: Object.fromEntries(analysis.availability.tiers.map((t) => [t.name, t.unavailability])),
          },
          remember(COMPILED, key, () => compileModel(model)),
        )
      : undefined;
  const targets = mergeTargets(fileTargets(model.targets, options.file), options.flagTargets);
  const gate = evaluateTargets(targets, { ...analysis, simulation }, { mcDecision: options.mcDecision });
  const u = simulation?.service.unavailability;
  return {
    figures: figuresOf(analysis),
    gate,
    simulation:
      u === undefined
        ? undefined
        : { estimate: u.estimate, stdErr: u.stdErr, ci: [u.ci[0], u.ci[1]], trials: u.trials },
  };
}

const AVAILABILITY = new Map<string, AvailabilityResult>();
const COMPILED = new Map<string, CompiledModel>();
const MEMO_LIMIT = 1_000;

/**
 * What a point's availability and its compiled simulation model depend on: regions, zones,
 * tiers, service, horizon. Along an axis of the data, the backups or the recovery plan they are
 * the same, and computed once. Non-finite numbers are kept apart from null (JSON writes both as null).
 */
function topologyKey(model: Model): string {
  return JSON.stringify(
    [model.regions, model.zones, model.tiers, model.service, model.horizonSeconds],
    (_, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x),
  );
}

/** The value remembered under `key`, made once (a bounded memo: cleared when full). */
function remember<T>(memo: Map<string, T>, key: string, make: () => T): T {
  let value = memo.get(key);
  if (value === undefined) {
    value = make();
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, value);
  }
  return value;
}

/** `analyzeModel` for one point, its availability remembered by {@link topologyKey}. */
function analyzePoint(model: Model, key: string): Analysis {
  const availability = remember(AVAILABILITY, key, () => analyzeAvailability(model));
  const dataProtection = analyzeDataProtection(model);
  return { availability, dataProtection, cost: costOf(model, availability, dataProtection) };
}
