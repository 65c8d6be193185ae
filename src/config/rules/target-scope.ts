import { metricsFrom } from '../../model/metrics.js';
import type { Normalised } from '../normalise/model.js';
import type { Reader } from '../normalise/reader.js';

const DATA_METRICS: ReadonlySet<string> = new Set(metricsFrom('data'));

/**
 * A target on data figures needs a `data` section to measure; without one it is reported now
 * (a warning: `nines check` records it as a failed target with the same reason).
 */
export function targetScope({ outline }: Normalised, reader: Reader): void {
  if (outline.data !== undefined) return;
  for (const metric of outline.targetMetrics) {
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
