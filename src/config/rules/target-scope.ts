import { isRaw, type Raw, type Reader } from '../build/reader.js';

const SCENARIO_METRICS = new Set(['rpo', 'rto', 'dataAtRisk']);
const DATA_METRICS = new Set(['rpo', 'rto', 'dataAtRisk', 'durability', 'backupStorage']);

/**
 * `scenario` belongs to rpo, rto and dataAtRisk targets and `tier` to availability targets; a
 * target on data figures needs a `data` section (else it is reported now, not failed later).
 */
export function targetScope(raw: Raw, reader: Reader): void {
  const targets = isRaw(raw['targets']) ? raw['targets'] : {};
  for (const [metric, value] of Object.entries(targets)) {
    const items = Array.isArray(value) ? value.map((v, i) => [v, [metric, i]] as const) : [[value, [metric]] as const];
    for (const [item, path] of items) {
      if (!isRaw(item)) continue;
      if (item['scenario'] !== undefined && !SCENARIO_METRICS.has(metric)) {
        reader.report('invalid-value', ['targets', ...path, 'scenario'], `'scenario' applies only to rpo, rto and dataAtRisk targets`, 'key');
      }
      if (item['tier'] !== undefined && metric !== 'availability') {
        reader.report('invalid-value', ['targets', ...path, 'tier'], `'tier' applies only to availability targets`, 'key');
      }
    }
    if (DATA_METRICS.has(metric) && raw['data'] === undefined) {
      reader.report('missing-data', ['targets', metric], `a ${metric} target needs a 'data' section to measure`, 'key', 'warning');
    }
  }
}
