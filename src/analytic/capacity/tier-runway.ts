import { crossingTime } from './growth.js';
import type { Runway, RunwayKind } from './plan-types.js';

/**
 * A crossing t* is the last instant demand still fits; needs are read one second later, when
 * ⌈d/perNode⌉ has risen (d grows by a relative ~1e-8 per second at 40%/year).
 */
export function after(t: number): number {
  return t === 0 ? 0 : t + 1;
}

/** The runway of one limit of a tier: when demand d(t) first exceeds it (null beyond the horizon). */
export function tierRunway(
  subject: string,
  kind: RunwayKind,
  d0: number,
  growth: Parameters<typeof crossingTime>[1],
  limit: number,
  reason: string,
  H: number,
): Runway {
  const at = crossingTime(d0, growth, limit);
  return { subject, kind, breaksAtSeconds: at < H ? at : null, reason: at === 0 ? `short today: ${reason}` : reason };
}
