/**
 * What a failover node costs beyond the static parallel of its primary and standby
 * (DESIGN §4 "Failover and recovery"). Semantics: when the primary fails the service is down
 * for the switchover τ (or until the primary is back, if sooner); from τ on it runs on the
 * standby if the switchover succeeded (probability c) and is down whenever the standby is;
 * a failed switchover leaves it down until the primary is repaired; at the primary's repair a
 * service running on the standby is interrupted for the failback f.
 *
 * With the primary's outage R (mean D), the standby stationary and independent of the primary
 * (availability a_S, failure frequency ν_S) and renewal-reward over the primary's cycles
 * (rate ν_P), the unavailability of the node is exactly
 *   q = ν_P·{ E[min(τ, R)] + [(1 − c) + c·q_S]·E[(R − τ)⁺] },
 * i.e. the static parallel q_P·q_S = ν_P·q_S·E[R] plus
 *   Δq = ν_P·a_S·( E[min(τ, R)] + (1 − c)·E[(R − τ)⁺] ),
 * and with R ~ Exp(1/D): E[min(τ, R)] = D·(1 − e^(−τ/D)), E[(R − τ)⁺] = D·e^(−τ/D); a fixed
 * repair gives min(τ, D) and (D − τ)⁺. The failback adds ν_P·c·a_S·P(R > τ)·f, a first-order
 * term: it ignores a primary failure within the failback window (relative error ≤ λ_P·f).
 * Outage starts change by
 *   Δν = ν_P·a_S·(1 if τ > 0 else 1 − c) − ν_P·ν_S·( E[min(τ, R)] + (1 − c)·E[(R − τ)⁺] )
 *        + ν_P·c·a_S·P(R > τ)·[f > 0],
 * every primary failure now starting an outage, and standby failures during the window (or
 * after a failed switchover) no longer starting one.
 */

/** One cause of primary outages: its rate ν (per second) and its outage length. */
export type OutageCause = {
  readonly rate: number;
  readonly meanSeconds: number;
  /** `fixed`: R = mean exactly; `exponential`: R ~ Exp (other shapes are taken as exponential). */
  readonly shape: 'exponential' | 'fixed';
};

export type SwitchoverNode = {
  readonly switchoverSeconds: number;
  readonly success: number;
  readonly failbackSeconds: number;
};

export type StandbyState = { readonly availability: number; readonly failureFrequency: number };

/** E[min(τ, R)], E[(R − τ)⁺] and P(R > τ) for one outage length. @example outageWindow(3600, 3600, 'fixed').within // 3600 */
export function outageWindow(
  tau: number,
  mean: number,
  shape: OutageCause['shape'],
): { within: number; beyond: number; pBeyond: number } {
  if (!(mean > 0)) return { within: 0, beyond: 0, pBeyond: 0 };
  if (shape === 'fixed')
    return { within: Math.min(tau, mean), beyond: Math.max(0, mean - tau), pBeyond: mean > tau ? 1 : 0 };
  const x = tau / mean;
  return { within: -mean * Math.expm1(-x), beyond: mean * Math.exp(-x), pBeyond: Math.exp(-x) };
}

/**
 * Δq and Δν of one cause of primary outages (see the file comment).
 * @example switchoverPenalty({ rate: 1e-8, meanSeconds: 86400, shape: 'exponential' }, { availability: 1, failureFrequency: 0 }, { switchoverSeconds: 3600, success: 1, failbackSeconds: 0 }).dq // 1e-8·86400·(1 − e^(−1/24))
 */
export function switchoverPenalty(
  cause: OutageCause,
  standby: StandbyState,
  node: SwitchoverNode,
): { dq: number; dnu: number } {
  const { within, beyond, pBeyond } = outageWindow(node.switchoverSeconds, cause.meanSeconds, cause.shape);
  const c = node.success;
  const aS = standby.availability;
  const lost = within + (1 - c) * beyond;
  const failback = cause.rate * c * aS * pBeyond;
  const dq = cause.rate * aS * lost + failback * node.failbackSeconds;
  const starts = node.switchoverSeconds > 0 ? 1 : 1 - c;
  const dnu =
    cause.rate * aS * starts - cause.rate * standby.failureFrequency * lost + (node.failbackSeconds > 0 ? failback : 0);
  return { dq, dnu };
}
