/**
 * The simulator's cost, estimated before it runs: every run either fits a budget of random
 * draws (snapshot: trials × components; timeline: the expected failure and repair events) or
 * is bounded (default trial counts) or refused with what to change (explicit counts).
 */
import { ninesError } from '../../errors.js';
import type { Model } from '../../model/types.js';
import type { CompiledModel } from './compile.js';

/**
 * Default budget of one phase in work units: a snapshot component draw is one unit, a timeline
 * event {@link EVENT_WORK}. About 1–2 s of one core: the snapshot kernel draws ~10⁸ components a
 * second and the timeline kernels handle ~2·10⁷ events (2-core Xeon, loaded by other work).
 */
export const DEFAULT_MAX_WORK = 1e8;
/**
 * Work units of one timeline event (failure or repair) besides its scan of the components'
 * next event times (1/20 unit per component): a small model's budget allows 2·10⁸ events.
 */
export const EVENT_WORK = 5;

/** The name of component c of a compiled model: a region, a zone, or `tier[i]` for a node. */
export function componentName(model: Model, m: CompiledModel, c: number): string {
  const R = m.regionCount;
  const Z = m.zoneCount;
  if (c < R) return `region ${model.regions[c]?.name ?? c}`;
  if (c < R + Z) return `zone ${model.zones[c - R]?.name ?? c}`;
  const n = c - R - Z;
  const t = m.nodeTier[n] ?? 0;
  let first = 0;
  while (first < n && m.nodeTier[first] !== t) first++;
  return `node ${m.tierNames[t] ?? t}[${n - first}]`;
}

/** Expected timeline events (failures and repairs) of one trial over the horizon: H · Σ 2 / (MTBF + MTTR), and the busiest component. */
export function timelineEventsPerTrial(
  m: CompiledModel,
  horizonSeconds: number,
): { readonly events: number; readonly busiest: number; readonly workPerEvent: number } {
  let rate = 0;
  let busiest = -1;
  let fastest = 0;
  let active = 0;
  for (let c = 0; c < m.componentCount; c++) {
    const up = m.meanUp[c] ?? Infinity;
    const cycle = up + (m.meanDown[c] ?? 0);
    if (!Number.isFinite(up) || !(cycle > 0)) continue;
    active++;
    const r = 2 / cycle;
    rate += r;
    if (r > fastest) {
      fastest = r;
      busiest = c;
    }
  }
  // Each event scans the next event time of every active component (timeline-exp-kernel.ts),
  // about 1/20 of a snapshot draw per component.
  return { events: rate * horizonSeconds, busiest, workPerEvent: EVENT_WORK + active / 20 };
}

/**
 * Trials of a phase within the budget: a default count is lowered to fit (with a note), an
 * explicit one over budget is refused naming the flag and the count that fits.
 */
export function boundTrials(
  phase: { readonly what: string; readonly flag: string; readonly unit: string; readonly hint?: string },
  requested: number,
  explicit: boolean,
  workPerTrial: number,
  maxWork: number,
  notes: string[],
): number {
  const work = requested * workPerTrial;
  if (!(work > maxWork)) return requested;
  const fits = Math.floor(maxWork / workPerTrial);
  const cost = `${requested.toLocaleString('en-US')} ${phase.what} × ${formatWork(workPerTrial)} ${phase.unit} = ${formatWork(work)}, over the budget of ${formatWork(maxWork)} (--max-work)`;
  if (fits < 1 || explicit) {
    const change =
      fits < 1
        ? `a shorter horizon (--years), fewer or slower-cycling components${phase.flag === '--timeline-trials' ? ', --mode snapshot' : ''}`
        : `${phase.flag} ${fits.toLocaleString('en-US')} or fewer`;
    throw ninesError(
      'simulation-refused',
      phase.flag,
      `${cost}${phase.hint ?? ''}; use ${change}, or raise --max-work`,
    );
  }
  notes.push(
    `${cost}: ran ${fits.toLocaleString('en-US')} ${phase.what} instead (${phase.flag} or --max-work changes it)`,
  );
  return fits;
}

function formatWork(x: number): string {
  return x < 1e6 ? Math.round(x).toLocaleString('en-US') : x.toExponential(1).replace('e+', 'e');
}

/**
 * Expected work of the goodput referee (estimate/goodput.ts: 400 replications of 200
 * checkpoint segments): a segment of τ + δ completes with probability e^(−(τ + δ)/M) and a
 * restart R with e^(−R/M), so each segment costs about e^((τ + δ + R)/M) draws. Infinity when
 * that overflows (an interruption every second against a 30-minute segment never completes).
 * @example goodputWork({ checkpointEverySeconds: 1800, checkpointCostSeconds: 20, restartSeconds: 300, mtbiSeconds: 11_135 }) // ≈ 9.7e4
 */
export function goodputWork(spec: {
  readonly checkpointEverySeconds: number;
  readonly checkpointCostSeconds: number;
  readonly restartSeconds: number;
  readonly mtbiSeconds: number;
}): number {
  const cycle = spec.checkpointEverySeconds + spec.checkpointCostSeconds + spec.restartSeconds;
  const perSegment = Number.isFinite(spec.mtbiSeconds) ? Math.exp(cycle / spec.mtbiSeconds) : 1;
  return 400 * 200 * perSegment;
}
