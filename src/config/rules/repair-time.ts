import type { Normalised } from '../normalise/model.js';
import type { Reader } from '../normalise/reader.js';

/**
 * A component given as {mtbf, mttr} with MTTR > MTBF is down more than it is up: legal, but
 * usually a swapped pair, so a warning (failure specs of regions, zones, tiers and node groups;
 * shards repair in their rebuild time and are not checked).
 */
export function repairTime({ parts }: Normalised, reader: Reader): void {
  for (const c of parts.failures) {
    const path = reader.origins.path(c);
    if (path === undefined || c.source !== 'mtbf' || c.mtbfSeconds === undefined || c.mttrSeconds === undefined)
      continue;
    if (c.mtbfSeconds < c.mttrSeconds)
      reader.report(
        'suspicious-value',
        [...path, 'mttr'],
        'MTTR is longer than MTBF: the component is down more than it is up; is that meant?',
        'value',
        'warning',
      );
  }
}
