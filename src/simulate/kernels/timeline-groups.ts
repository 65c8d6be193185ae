/**
 * Groups of interchangeable exponential components for {@link runTimelineChunkExp}: the nodes of
 * one tier in one zone with the same mean up and down times form one group, every zone and
 * region is a group of one. A group of n members with j down is a birth–death process: by
 * superposition of independent exponential clocks the next failure among its n − j up members
 * comes after Exp((n − j)λ) and the next repair after Exp(jμ), so the kernel keeps two clocks
 * per group instead of one per component. In the steady state the members are independent,
 * each down with probability q = MTTR / (MTBF + MTTR), so j starts Binomial(n, q).
 */
import type { CompiledModel } from '../compile/compile.js';
import { logGamma } from '../random/distributions.js';

export type ExpGroups = {
  readonly count: number;
  readonly size: Int32Array;
  /** Mean up and down time of one member, seconds. */
  readonly meanUp: Float64Array;
  readonly meanDown: Float64Array;
  /** The members' tier, −1 for a zone or region. */
  readonly tier: Int32Array;
  /** The members' zone (−1: none); for a zone or region, its component index. */
  readonly place: Int32Array;
  /** P(j ≤ i) of the stationary Binomial(n, q) at cdf[cdfStart[g] + i], i = 0 … n. */
  readonly cdfStart: Int32Array;
  readonly cdf: Float64Array;
};

const cache = new WeakMap<CompiledModel, ExpGroups>();

/** The groups of an all-exponential model (computed once per model). */
export function expGroups(m: CompiledModel): ExpGroups {
  let g = cache.get(m);
  if (g === undefined) {
    g = buildGroups(m);
    cache.set(m, g);
  }
  return g;
}

function buildGroups(m: CompiledModel): ExpGroups {
  const RZ = m.regionCount + m.zoneCount;
  const keys = new Map<string, number>();
  const members: number[] = [];
  const first: number[] = [];
  for (let c = 0; c < m.componentCount; c++) {
    if (!Number.isFinite(m.meanUp[c] ?? Infinity)) continue;
    const key = c < RZ ? `c${c}` : `${m.nodeTier[c - RZ]}/${m.nodeZone[c - RZ]}/${m.meanUp[c]}/${m.meanDown[c]}`;
    const at = keys.get(key);
    if (at === undefined) {
      keys.set(key, members.length);
      members.push(1);
      first.push(c);
    } else members[at] = (members[at] ?? 0) + 1;
  }
  const size = Int32Array.from(members);
  const cdfStart = new Int32Array(size.length + 1);
  for (let i = 0; i < size.length; i++) cdfStart[i + 1] = (cdfStart[i] ?? 0) + (size[i] ?? 0) + 1;
  const cdf = new Float64Array(cdfStart[size.length] ?? 0);
  first.forEach((c, i) => {
    const up = m.meanUp[c] ?? 0;
    const dn = m.meanDown[c] ?? 0;
    binomialCdf(size[i] ?? 0, dn / (up + dn), cdf, cdfStart[i] ?? 0);
  });
  return {
    count: size.length,
    size,
    meanUp: Float64Array.from(first, (c) => m.meanUp[c] ?? 0),
    meanDown: Float64Array.from(first, (c) => m.meanDown[c] ?? 0),
    tier: Int32Array.from(first, (c) => (c < RZ ? -1 : (m.nodeTier[c - RZ] ?? 0))),
    place: Int32Array.from(first, (c) => (c < RZ ? c : (m.nodeZone[c - RZ] ?? -1))),
    cdfStart,
    cdf,
  };
}

/**
 * Writes P(X ≤ i), i = 0 … n, of X ~ Binomial(n, q) at out[at + i]: the terms in log space
 * (C(n, i) by log Γ, (1 − q)^(n − i) by log1p), normalised by their sum so the last is 1.
 * @example binomialCdf(1, 0.25, out, 0) // out = [0.75, 1]
 */
export function binomialCdf(n: number, q: number, out: Float64Array, at: number): void {
  const lq = Math.log(q);
  const lp = Math.log1p(-q);
  const lnf = logGamma(n + 1);
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const term = Math.exp(lnf - logGamma(i + 1) - logGamma(n - i + 1) + i * lq + (n - i) * lp);
    sum += term;
    out[at + i] = sum;
  }
  for (let i = 0; i <= n; i++) out[at + i] = (out[at + i] ?? 0) / sum;
  out[at + n] = 1;
}
