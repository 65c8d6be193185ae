import { SECONDS_PER_MONTH, SECONDS_PER_YEAR } from '../../units/conventions.js';
import type { CorruptionDowntime } from '../failover/switchover.js';
import { clamp01 } from './figures.js';
import { ninesOrNull } from '../../units/nines.js';
import type { AvailabilityResult } from './result.js';

/**
 * Adds logical corruption's downtime (rate × RTO) to the service figures: every replica is
 * corrupted at once, so no structure rides it out and no standby takes over.
 */
export function withCorruption(r: AvailabilityResult, c: CorruptionDowntime | undefined): AvailabilityResult {
  if (c === undefined) return r;
  const corruption = {
    disruptionsPerYear: c.ratePerSecond * SECONDS_PER_YEAR,
    rtoSeconds: c.rtoSeconds,
    unavailability: c.unavailability,
  };
  if (c.unavailability === 0) return { ...r, corruption };
  const s = r.service;
  const q = clamp01(s.unavailability + c.unavailability);
  const a = clamp01(s.availability - c.unavailability);
  const nu = s.failureFrequency === null ? null : s.failureFrequency + c.ratePerSecond;
  const H = r.horizonSeconds;
  return {
    ...r,
    corruption,
    service: {
      ...s,
      availability: a,
      unavailability: q,
      nines: ninesOrNull(q),
      downtimeSecondsPerYear: q * SECONDS_PER_YEAR,
      downtimeSecondsPerMonth: q * SECONDS_PER_MONTH,
      outagesPerYear: nu === null ? null : nu * SECONDS_PER_YEAR,
      meanOutageSeconds: nu !== null && nu > 0 ? q / nu : null,
      failureProbability: nu === null ? null : -Math.expm1(-nu * H),
      mtbfSeconds: nu !== null && nu > 0 ? 1 / nu : null,
      meanUpSeconds: nu !== null && nu > 0 ? a / nu : null,
      failureFrequency: nu,
    },
  };
}
