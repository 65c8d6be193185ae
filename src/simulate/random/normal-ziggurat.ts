/**
 * Standard normal variates by the ziggurat method (Marsaglia & Tsang, "The Ziggurat Method for
 * Generating Random Variables", J. Statistical Software 5(8), 2000, RNOR with 128 layers): one
 * 32-bit draw gives the layer (low 7 bits), the sign (bit 7) and a position (high 24 bits), so
 * layer and value do not share bits (Doornik 2005); about 99% of draws are accepted at once as
 * ±j·w[i]. The rest go through the wedge test or the tail beyond r = 3.442619855899 (Marsaglia's
 * tail: x = −ln U₁ / r, y = −ln U₂ until 2y ≥ x², then r + x). The timeline's Weibull residuals
 * draw their Gamma variates from it (distributions.ts).
 */
import type { Rng } from './rng.js';

/** Position bits: j = u >>> 8 in [0, 2^24). */
const M = 16777216;
const R = 3.442619855899;
const V = 9.91256303526217e-3;

/** kn[i]: j < kn[i] is accepted at once; wn[i]: x = j·wn[i]; fn[i] = e^(−x_i²/2). */
const KN = new Float64Array(128);
const WN = new Float64Array(128);
const FN = new Float64Array(128);
{
  let dn = R;
  let tn = dn;
  const q = V / Math.exp(-0.5 * dn * dn);
  KN[0] = (dn / q) * M;
  KN[1] = 0;
  WN[0] = q / M;
  WN[127] = dn / M;
  FN[0] = 1;
  FN[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    KN[i + 1] = (dn / tn) * M;
    tn = dn;
    FN[i] = Math.exp(-0.5 * dn * dn);
    WN[i] = dn / M;
  }
}

/**
 * A standard normal draw from `rng`.
 * @example normal(rngFor(1, 0, 0)) // mean 0, variance 1
 */
export function normalZiggurat(rng: Rng): number {
  for (;;) {
    const t = rng.next();
    const i = t & 127;
    const j = t >>> 8;
    const sign = (t & 128) === 0 ? 1 : -1;
    if (j < (KN[i] as number)) return sign * j * (WN[i] as number);
    if (i === 0) {
      let x: number;
      let y: number;
      do {
        x = -Math.log(rng.uniform()) / R;
        y = -Math.log(rng.uniform());
      } while (y + y < x * x);
      return sign * (R + x);
    }
    const x = j * (WN[i] as number);
    const f = FN[i] as number;
    if (f + rng.uniform() * ((FN[i - 1] as number) - f) < Math.exp(-0.5 * x * x)) return sign * x;
  }
}
