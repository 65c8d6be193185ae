import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import { wholeNines } from '../../units/nines.js';
import type { DurabilityFigures } from './types.js';

/**
 * The figures both durability models report, from log P(loss per year) and log MTTDL:
 * nines = floor(−log10 P), finite however small P is (P itself may underflow to 0).
 * MTTDL beyond the double range (P below ~1e-300) is capped at Number.MAX_VALUE so JSON stays
 * a number; log10MttdlSeconds stays exact.
 * Expected bytes lost per year = (year / MTTDL) × bytes per group (a loss event loses the
 * whole group's data: the conservative reading).
 * @example figuresFromLogs(Math.log(1e-20), Math.log(1e27), 1e12).nines // 20
 */
export function figuresFromLogs(
  logAnnualLoss: number,
  logMttdlSeconds: number,
  bytesPerGroup: number,
): DurabilityFigures {
  const p = Math.exp(logAnnualLoss);
  // Math.log10 of a representable P is exact at powers of ten (1e-11 → −11); below the
  // double range only the logarithm is left.
  const log10 = p > 0 ? Math.log10(p) : logAnnualLoss / Math.LN10;
  return {
    annualLossProbability: p,
    log10AnnualLossProbability: log10,
    nines: wholeNines(-log10),
    mttdlSeconds: cappedExp(logMttdlSeconds),
    log10MttdlSeconds: logMttdlSeconds / Math.LN10,
    expectedBytesLostPerYear: Math.exp(Math.log(SECONDS_PER_YEAR) - logMttdlSeconds) * bytesPerGroup,
  };
}

/** e^x, capped at Number.MAX_VALUE instead of overflowing to Infinity. */
export function cappedExp(x: number): number {
  const v = Math.exp(x);
  return Number.isFinite(v) ? v : Number.MAX_VALUE;
}
