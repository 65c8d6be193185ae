/**
 * The units nines accepts, as exact factors to base units (seconds, bytes, bytes per second).
 * Time follows the nines conventions (DESIGN §4): d = 86 400 s, w = 7 d, month = 30 d,
 * y = year = 365 d. Sizes: kB = KB = 10³ B … EB = 10¹⁸ B (decimal), KiB = 2¹⁰ B … EiB = 2⁶⁰ B.
 * A throughput is a size per s, min, h or d.
 *
 * This replaces a mathjs Unit instance that was built at start-up (0.18 s of every command):
 * the same conversions, bit for bit — value × factor, and for a throughput
 * (value × size) × (1 / time), the order mathjs multiplies in (a test compares every unit).
 */

export const TIME_SECONDS: Readonly<Record<string, number>> = {
  ms: 1e-3,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86_400,
  day: 86_400,
  days: 86_400,
  w: 604_800,
  wk: 604_800,
  week: 604_800,
  weeks: 604_800,
  month: 2_592_000,
  months: 2_592_000,
  y: 31_536_000,
  yr: 31_536_000,
  year: 31_536_000,
  years: 31_536_000,
};

export const SIZE_BYTES: Readonly<Record<string, number>> = {
  B: 1,
  kB: 1e3,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  PB: 1e15,
  EB: 1e18,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
  PiB: 2 ** 50,
  EiB: 2 ** 60,
};

/** The time units a throughput may be per. */
export const RATE_TIME_SECONDS: Readonly<Record<string, number>> = { s: 1, min: 60, h: 3600, d: 86_400 };

/**
 * `value unit` in base units, or undefined for a unit not in the tables.
 * @example toBaseUnits(2, 'TB/h') // 2e12 / 3600 = 555555555.5555556 B/s
 */
export function toBaseUnits(value: number, unit: string): number | undefined {
  const time = TIME_SECONDS[unit];
  if (time !== undefined) return value * time;
  const size = SIZE_BYTES[unit];
  if (size !== undefined) return value * size;
  const [bytes, per] = unit.split('/');
  const s = bytes === undefined ? undefined : SIZE_BYTES[bytes];
  const t = per === undefined ? undefined : RATE_TIME_SECONDS[per];
  return s === undefined || t === undefined ? undefined : value * s * (1 / t);
}
