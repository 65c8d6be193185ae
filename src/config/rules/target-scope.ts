import { metricsFrom } from '../../model/metrics.js';
import { isRaw, type Raw, type Reader } from '../normalise/reader.js';

const DATA_METRICS: ReadonlySet<string> = new Set(metricsFrom('data'));

/**
 * A target on data figures needs a `data` section to measure; without one it is reported now
 * (a warning: `nines check` records it as a failed target with the same reason).
 */
export function targetScope(raw: Raw, reader: Reader): void {
  if (raw['data'] !== undefined) return;
  const targets = isRaw(raw['targets']) ? raw['targets'] : {};
  for (const metric of Object.keys(targets)) {
    if (DATA_METRICS.has(metric)) {
      reader.report(
        'missing-data',
        ['targets', metric],
        `the ${metric} target needs a 'data' section to measure`,
        'key',
        'warning',
      );
    }
  }
}
