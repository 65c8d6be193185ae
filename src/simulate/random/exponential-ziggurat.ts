/**
 * Standard exponential variates by the ziggurat method (Marsaglia & Tsang, "The Ziggurat
 * Method for Generating Random Variables", J. Statistical Software 5(8), 2000, REXP with 256
 * layers): one 32-bit draw picks a layer (low 8 bits) and a position in it (high 24 bits);
 * about 98% of draws are accepted at once as j·w[i] with no logarithm
 * (the ziggurat's area is 256·v = 1.0111, so 98.9% are accepted in all, most without the wedge). The rest go through
 * the wedge test or the tail r + Exp(1) (r = 7.697117470131487). Using separate bits for the
 * layer and the position avoids the layer/value correlation of the original (Doornik 2005).
 * The fast test is inlined by the timeline kernel; {@link exponentialSlow} finishes the rest.
 */
import type { Rng } from './rng.js';

/** Position bits: j = u >>> 8 in [0, 2^24). */
const M = 16777216;
const R = 7.697117470131487;
const V = 3.949659822581572e-3;

/** ke[i]: j < ke[i] is accepted at once; we[i]: x = j·we[i]; fe[i] = e^(−x_i). */
export const ZIG_K = new Float64Array(256);
export const ZIG_W = new Float64Array(256);
export const ZIG_F = new Float64Array(256);
{
  let de = R;
  let te = de;
  const q = V / Math.exp(-de);
  ZIG_K[0] = (de / q) * M;
  ZIG_K[1] = 0;
  ZIG_W[0] = q / M;
  ZIG_W[255] = de / M;
  ZIG_F[0] = 1;
  ZIG_F[255] = Math.exp(-de);
  for (let i = 254; i >= 1; i--) {
    de = -Math.log(V / de + Math.exp(-de));
    ZIG_K[i + 1] = (de / te) * M;
    te = de;
    ZIG_F[i] = Math.exp(-de);
    ZIG_W[i] = de / M;
  }
}

/**
 * Finishes a draw whose fast test failed for layer i and position j, drawing any further
 * uniforms it needs from `rng` (a kernel with an inlined step passes its {@link Sfc32Words}).
 */
export function exponentialSlow(rng: Rng, i: number, j: number): number {
  let iz = i;
  let jz = j;
  for (;;) {
    if (iz === 0) return R - Math.log(rng.uniform());
    const x = jz * (ZIG_W[iz] ?? 0);
    const u = rng.uniform();
    const f0 = ZIG_F[iz] ?? 0;
    if (f0 + u * ((ZIG_F[iz - 1] ?? 0) - f0) < Math.exp(-x)) return x;
    const t = rng.next();
    iz = t & 255;
    jz = t >>> 8;
    if (jz < (ZIG_K[iz] ?? 0)) return jz * (ZIG_W[iz] ?? 0);
  }
}

/**
 * A standard exponential draw from `rng`.
 * @example exponential(rngFor(1, 0, 0)) // ≥ 0, mean 1
 */
export function exponential(rng: Rng): number {
  const t = rng.next();
  const iz = t & 255;
  const j = t >>> 8;
  if (j < (ZIG_K[iz] as number)) return j * (ZIG_W[iz] as number);
  return exponentialSlow(rng, iz, j);
}
