import { METRIC_NAMES, METRICS, SCENARIOS, shorthandOf } from '../../model/metrics.js';
import type { Target, TargetLevel, TargetMetric } from '../../model/types.js';
import type { Path } from '../problem.js';
import { isRaw, type Reader } from './reader.js';
import { parseCostRate } from '../../units/cost.js';
import { SECONDS_PER_MONTH } from '../../units/conventions.js';

/** `targets`: metric → shorthand | {min|max, level, scenario, tier} | a list of those. */
export function readTargets(reader: Reader, raw: unknown): Target[] {
  if (!isRaw(raw)) return [];
  return Object.entries(raw).flatMap(([name, value]) => {
    const metric = METRIC_NAMES.find((m) => m === name);
    if (metric === undefined) return [];
    const items = Array.isArray(value)
      ? value.map((v, i) => [v, ['targets', name, i]] as const)
      : [[value, ['targets', name]] as const];
    return items.flatMap(([item, path]) => {
      const target = readTarget(reader, metric, item, path);
      return target ? [target] : [];
    });
  });
}

/** One target: its threshold, side (min → ">=", max → "<="), level, scenario and tier. */
function readTarget(reader: Reader, metric: TargetMetric, raw: unknown, path: Path): Target | undefined {
  const shorthand = shorthandOf(metric);
  const object = isRaw(raw) ? raw : undefined;
  const side = object ? (object['min'] !== undefined ? 'min' : 'max') : shorthand;
  const valuePath = object ? [...path, side] : path;
  const threshold = readThreshold(reader, metric, object ? object[side] : raw, valuePath);
  if (threshold === undefined) return undefined;
  const level: TargetLevel = object?.['level'] === 'warn' ? 'warn' : 'error';
  const scenario = SCENARIOS.find((s) => s === object?.['scenario']);
  const tier = typeof object?.['tier'] === 'string' ? object['tier'] : undefined;
  const { line, col } = reader.locate(path, 'key');
  return {
    metric,
    operator: side === 'min' ? '>=' : '<=',
    threshold: threshold.value,
    thresholdComplement: threshold.complement,
    level,
    scenario,
    tier,
    position: { line, col },
  };
}

export function readThreshold(
  reader: Reader,
  metric: TargetMetric,
  raw: unknown,
  path: Path,
): { value: number; complement: number | undefined } | undefined {
  switch (METRICS[metric].parse) {
    case 'fraction':
      return reader.fraction(raw, path, true);
    case 'duration': {
      const value = reader.duration(raw, path, 'non-negative');
      return value === undefined ? undefined : { value, complement: undefined };
    }
    case 'size': {
      const value = reader.size(raw, path);
      return value === undefined ? undefined : { value, complement: undefined };
    }
    case 'share': {
      const value = reader.fraction(raw, path);
      return value === undefined ? undefined : { value: value.value, complement: undefined };
    }
    case 'count':
      if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0) return { value: raw, complement: undefined };
      reader.report('invalid-value', path, `expected a number of outages per year ≥ 0, got ${JSON.stringify(raw)}`);
      return undefined;
    case 'cost': {
      // An amount per month (a plain number), or a price per time converted to 30 days.
      if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0) return { value: raw, complement: undefined };
      const parsed = parseCostRate(raw);
      if (parsed.ok) return { value: parsed.value * SECONDS_PER_MONTH, complement: undefined };
      reader.report(
        'invalid-unit',
        path,
        `expected an amount per month like 5000, or ${parsed.message.replace(/^expected /, '')}`,
      );
      return undefined;
    }
  }
}
