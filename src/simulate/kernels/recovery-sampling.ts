/**
 * Realised RPO and RTO per disruption scenario: disruptions at uniformly random instants of
 * the horizon (a Poisson disruption process is independent of the fixed backup schedule, so
 * the phase of each disruption within the schedule is uniform). At instant t:
 * - a replica or copy gives its lag (0 if sync) and its fixed RTO;
 * - a backup job (starts at kΔ, done at kΔ + D, holds the data of its start) gives the last
 *   completed point k = ⌊(t − D)/Δ⌋, RPO = t − kΔ = D + ((t − D) mod Δ), uniform on
 *   [D, Δ + D) for uniform t; its RTO is the fixed phases plus the restore of that point's chain.
 * The surviving mechanism with the smallest realised RPO (then RTO) recovers, as in the
 * analytic engine, which ranks by the worst case instead.
 */
import type { RecoveryScenario } from '../compile/data-loss-setup.js';
import { rngFor } from '../random/rng.js';

/** Samples of one scenario (only for scenarios that survive). */
export type RecoverySamples = {
  readonly rpo: Float64Array;
  readonly rto: Float64Array;
  /** Disruptions recovered by each mechanism, in the scenario's order. */
  readonly recoveredBy: Uint32Array;
};

/**
 * Draws `n` disruptions over [0, horizon) for one scenario from the generator of (seed, stream, 0).
 * @example sampleRecovery(scenario, 31_536_000, 1, 5, 100_000).rpo
 */
export function sampleRecovery(
  s: RecoveryScenario,
  horizon: number,
  seed: number,
  stream: number,
  n: number,
): RecoverySamples {
  const rng = rngFor(seed, stream, 0);
  const M = s.mechanisms.length;
  const rpo = new Float64Array(n);
  const rto = new Float64Array(n);
  const recoveredBy = new Uint32Array(M);
  for (let i = 0; i < n; i++) {
    const t = rng.uniform53() * horizon;
    let bestRpo = Infinity;
    let bestRto = Infinity;
    let best = -1;
    for (let k = 0; k < M; k++) {
      const m = s.mechanisms[k];
      if (m === undefined) continue;
      let a: number;
      let b: number;
      if (m.kind === 'backup') {
        const dt = m.everySeconds;
        const point = Math.floor((t - m.durationSeconds) / dt);
        a = t - point * dt;
        const L = m.restoreSeconds.length;
        b = m.fixedRtoSeconds + (m.restoreSeconds[((point % L) + L) % L] ?? 0);
      } else {
        a = m.rpoSeconds;
        b = m.rtoSeconds;
      }
      if (a < bestRpo || (a === bestRpo && b < bestRto)) {
        bestRpo = a;
        bestRto = b;
        best = k;
      }
    }
    rpo[i] = bestRpo;
    rto[i] = bestRto;
    if (best >= 0) recoveredBy[best] = (recoveredBy[best] ?? 0) + 1;
  }
  return { rpo, rto, recoveredBy };
}
