/**
 * Lifetime and repair-time draws with a given mean, and the stationary residual time of an
 * alternating renewal process. Each takes the generator first (pure-rand style).
 *
 * - exponential: X = −m·ln U.
 * - fixed: X = m.
 * - Weibull(k): X = λ·(−ln U)^{1/k} with λ = m / Γ(1 + 1/k).
 * - lognormal(σ): X = exp(μ + σZ) with μ = ln m − σ²/2.
 * Stationary start (Ross, Stochastic Processes, 2nd ed., §3.4–3.5): the phase in progress at a
 * random time is length-biased, density x·f(x)/m, and the time left in it is U times its length.
 * Length-biased Weibull(k, λ) is λ·G^{1/k} with G ~ Gamma(1 + 1/k); length-biased
 * lognormal(μ, σ) is lognormal(μ + σ², σ); length-biased exponential leaves an Exp(m) residual.
 */
import { DIST_EXPONENTIAL, DIST_FIXED, DIST_LOGNORMAL, DIST_WEIBULL } from '../compile/compile.js';
import type { Sfc32 } from './rng.js';

/** The Lanczos coefficients (g = 7, n = 9), once for every call. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; Numerical Recipes 3rd ed. §6.1), ~1e-15 relative. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = LANCZOS;
  const z = x - 1;
  let s = c[0] ?? 0;
  for (let i = 1; i < 9; i++) s += (c[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** A standard normal draw (Box–Muller, one of the pair). */
export function normal(rng: Sfc32): number {
  return Math.sqrt(-2 * Math.log(rng.uniform53())) * Math.cos(2 * Math.PI * rng.uniform());
}

/** A Gamma(shape ≥ 1, 1) draw (Marsaglia & Tsang 2000, ACM TOMS 26(3)). */
export function gamma(rng: Sfc32, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(rng);
    const v0 = 1 + c * x;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const u = rng.uniform();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Γ(1 + 1/k) for the Weibull shapes in use, computed once per shape instead of once per draw
 * (the same expression, so the same double: draws are unchanged bit for bit).
 */
let lastShape = Number.NaN;
let lastGammaFactor = Number.NaN;
function weibullGammaFactor(shape: number): number {
  if (shape !== lastShape) {
    lastShape = shape;
    lastGammaFactor = Math.exp(logGamma(1 + 1 / shape));
  }
  return lastGammaFactor;
}

/** A draw with mean `mean` from distribution code `kind` with parameter `param`. */
export function drawDuration(rng: Sfc32, kind: number, param: number, mean: number): number {
  switch (kind) {
    case DIST_EXPONENTIAL:
      return -mean * Math.log(rng.uniform53());
    case DIST_FIXED:
      return mean;
    case DIST_WEIBULL:
      return (mean / weibullGammaFactor(param)) * (-Math.log(rng.uniform53())) ** (1 / param);
    case DIST_LOGNORMAL:
      return Math.exp(Math.log(mean) - (param * param) / 2 + param * normal(rng));
    default:
      throw new Error(`simulate: unknown distribution code ${kind}`);
  }
}

/** The time left in the phase in progress at a random instant of a stationary renewal process. */
export function drawResidual(rng: Sfc32, kind: number, param: number, mean: number): number {
  switch (kind) {
    case DIST_EXPONENTIAL:
      return -mean * Math.log(rng.uniform53());
    case DIST_FIXED:
      return mean * rng.uniform();
    case DIST_WEIBULL: {
      const scale = mean / weibullGammaFactor(param);
      return rng.uniform() * scale * gamma(rng, 1 + 1 / param) ** (1 / param);
    }
    case DIST_LOGNORMAL:
      return rng.uniform() * Math.exp(Math.log(mean) + (param * param) / 2 + param * normal(rng));
    default:
      throw new Error(`simulate: unknown distribution code ${kind}`);
  }
}
