/**
 * Lifetime and repair-time draws with a given mean, and the stationary residual time of an
 * alternating renewal process. Each takes the generator first (pure-rand style).
 * {@link drawDuration} is the durability kernel's; the timeline kernel samples through
 * {@link sampleDuration} / {@link sampleResidual} with the per-distribution constants computed
 * once ({@link samplingScale}) and exponentials from the ziggurat (no logarithm for most draws).
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
import { exponential } from './exponential-ziggurat.js';
import { normalZiggurat } from './normal-ziggurat.js';
import type { Rng } from './rng.js';

/** Distribution codes of the timeline kernel. */
export const DIST_EXPONENTIAL = 0;
export const DIST_FIXED = 1;
export const DIST_WEIBULL = 2;
export const DIST_LOGNORMAL = 3;

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
export function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(rng.uniform53())) * Math.cos(2 * Math.PI * rng.uniform());
}

/** A Gamma(shape ≥ 1, 1) draw (Marsaglia & Tsang 2000, ACM TOMS 26(3)). */
export function gamma(rng: Rng, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalZiggurat(rng);
    const v0 = 1 + c * x;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const u = rng.uniform();
    // The squeeze u < 1 − 0.0331·x⁴ accepts ~98% without logarithms (same paper, §4).
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d - d * v + d * Math.log(v)) return d * v;
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
export function drawDuration(rng: Rng, kind: number, param: number, mean: number): number {
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

/**
 * The constant a sampler scales by: Weibull λ = m / Γ(1 + 1/k), lognormal e^μ = m·e^(−σ²/2),
 * otherwise the mean. @example samplingScale(DIST_WEIBULL, 1, 5) // 5 (Γ(2) = 1)
 */
export function samplingScale(kind: number, param: number, mean: number): number {
  if (kind === DIST_WEIBULL) return mean / Math.exp(logGamma(1 + 1 / param));
  if (kind === DIST_LOGNORMAL) return mean * Math.exp((-param * param) / 2);
  return mean;
}

/** The exponent a sampler takes: 1/k for Weibull(k), σ for lognormal(σ), else 0. */
export function samplingExponent(kind: number, param: number): number {
  if (kind === DIST_WEIBULL) return 1 / param;
  return kind === DIST_LOGNORMAL ? param : 0;
}

/**
 * Weibull with scale s and exponent p = 1/k from a standard exponential e: s·e^p (the timeline
 * kernel inlines its e). The common shapes k = 1, 2, 3, 1.5 take roots (the same number to an
 * ulp, 2–3× faster than e^(p·ln e)).
 */
export function weibullOf(e: number, s: number, p: number): number {
  if (p === 0.5) return s * Math.sqrt(e);
  if (p === 2 / 3) return s * Math.cbrt(e * e);
  if (p === 1 / 3) return s * Math.cbrt(e);
  if (p === 1) return s * e;
  return s * Math.exp(p * Math.log(e));
}

/**
 * A draw from distribution `kind` with scale s and exponent p ({@link samplingScale},
 * {@link samplingExponent}): exponential s·E, fixed s, Weibull s·E^p = s·e^(p·ln E) (E ~ Exp(1):
 * P(s·E^p > x) = e^(−(x/s)^k)), lognormal s·e^(pZ).
 */
export function sampleDuration(rng: Rng, kind: number, s: number, p: number): number {
  switch (kind) {
    case DIST_EXPONENTIAL:
      return s * exponential(rng);
    case DIST_FIXED:
      return s;
    case DIST_WEIBULL:
      return weibullOf(exponential(rng), s, p);
    case DIST_LOGNORMAL:
      return s * Math.exp(p * normalZiggurat(rng));
    default:
      throw new Error(`simulate: unknown distribution code ${kind}`);
  }
}

/** The time left in the phase in progress at a random instant of a stationary renewal process (scale s, exponent p). */
export function sampleResidual(rng: Rng, kind: number, s: number, p: number): number {
  switch (kind) {
    case DIST_EXPONENTIAL:
      return s * exponential(rng);
    case DIST_FIXED:
      return s * rng.uniform();
    case DIST_WEIBULL:
      return rng.uniform() * weibullOf(gamma(rng, 1 + p), s, p);
    case DIST_LOGNORMAL:
      return rng.uniform() * s * Math.exp(p * p + p * normalZiggurat(rng));
    default:
      throw new Error(`simulate: unknown distribution code ${kind}`);
  }
}
