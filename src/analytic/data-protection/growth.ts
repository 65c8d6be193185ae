import { SECONDS_PER_DAY, SECONDS_PER_YEAR } from '../../units/conventions.js';

/** The data set as the backup maths sees it (all base units). */
export type DataSet = {
  readonly sizeBytes: number;
  readonly dailyChange: number;
  readonly yearlyGrowth: number;
  readonly reduction: number;
};

/**
 * Size at time t: S(t) = S0·(1 + g)^(t / year) (compound growth, year = 365 d).
 * @example sizeAt({ sizeBytes: 100, yearlyGrowth: 0.1, dailyChange: 0, reduction: 0 }, 31_536_000) // 110
 */
export function sizeAt(data: DataSet, t: number): number {
  return data.sizeBytes * Math.pow(1 + data.yearlyGrowth, t / SECONDS_PER_YEAR);
}

/** Stored size of a full at t: F = S(t)·(1 − reduction). */
export function fullBytesAt(data: DataSet, t: number): number {
  return sizeAt(data, t) * (1 - data.reduction);
}

/**
 * Source bytes changed over `seconds` at t: S(t)·min(1, dailyChange·seconds / day).
 * Linear in time (changes are not assumed to overlap), capped at the whole data set.
 */
export function changedBytesAt(data: DataSet, t: number, seconds: number): number {
  return sizeAt(data, t) * Math.min(1, (data.dailyChange * seconds) / SECONDS_PER_DAY);
}

/** Stored size of an increment covering `seconds` at t: I = changed bytes·(1 − reduction). */
export function incrementBytesAt(data: DataSet, t: number, seconds: number): number {
  return changedBytesAt(data, t, seconds) * (1 - data.reduction);
}
