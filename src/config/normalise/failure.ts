import { component, type DistributionInput, type FailureInput } from '../../model/component.js';
import type { Component, Distribution } from '../../model/component.js';
import type { Path } from '../problem.js';
import { isRaw, type Reader } from './reader.js';

/**
 * A failure spec → Component. Exactly one of {mtbf, mttr}, {afr, mttr}, {availability[, mttr]},
 * {probability[, mttr]} (the schema's oneOf reports other combinations).
 */
export function readFailure(reader: Reader, raw: unknown, path: Path): Component | undefined {
  if (!isRaw(raw)) return undefined;
  const mttr = reader.duration(raw['mttr'], [...path, 'mttr']);
  const distribution = readDistribution(raw['distribution']);
  let spec: FailureInput | undefined;
  let complement: number | undefined;
  if (raw['mtbf'] !== undefined) {
    const mtbf = reader.duration(raw['mtbf'], [...path, 'mtbf']);
    if (mtbf !== undefined && mttr !== undefined) spec = { mtbfSeconds: mtbf, mttrSeconds: mttr };
  } else if (raw['afr'] !== undefined) {
    const afr = reader.rate(raw['afr'], [...path, 'afr']);
    if (afr !== undefined && !(afr > 0))
      reader.report(
        'out-of-range',
        [...path, 'afr'],
        'an annual failure rate must be greater than zero; for a part that never fails, write availability: 100%',
      );
    else if (afr !== undefined && mttr !== undefined) spec = { afr, mttrSeconds: mttr };
  } else if (raw['availability'] !== undefined) {
    const a = reader.fraction(raw['availability'], [...path, 'availability'], true);
    if (a !== undefined) {
      spec = { availability: a.value, mttrSeconds: mttr };
      complement = a.complement;
    }
  } else if (raw['probability'] !== undefined) {
    const p = reader.fraction(raw['probability'], [...path, 'probability']);
    if (p !== undefined) spec = { probability: p.value, mttrSeconds: mttr };
  }
  if (spec === undefined) return undefined;
  const failure = reader.origins.record(component(spec, distribution, complement), path, raw);
  reader.origins.failures.push(failure);
  return failure;
}

/** A shard's failure spec, `{afr}` or `{mtbf}`: its repair time is the rebuild time. */
export function readShardFailure(
  reader: Reader,
  raw: unknown,
  path: Path,
  rebuildSeconds: number | undefined,
): Component | undefined {
  if (!isRaw(raw) || rebuildSeconds === undefined) return undefined;
  const distribution = readDistribution(raw['distribution']);
  if (raw['afr'] !== undefined) {
    const afr = reader.rate(raw['afr'], [...path, 'afr']);
    if (afr !== undefined && !(afr > 0))
      reader.report('out-of-range', [...path, 'afr'], 'an annual failure rate must be greater than zero');
    return afr !== undefined && afr > 0 ? component({ afr, mttrSeconds: rebuildSeconds }, distribution) : undefined;
  }
  const mtbf = reader.duration(raw['mtbf'], [...path, 'mtbf']);
  return mtbf === undefined ? undefined : component({ mtbfSeconds: mtbf, mttrSeconds: rebuildSeconds }, distribution);
}

function readDistribution(raw: unknown): DistributionInput {
  if (!isRaw(raw)) return {};
  return { lifetime: readOne(raw['lifetime']), repair: readOne(raw['repair']) };
}

function readOne(raw: unknown): Distribution | undefined {
  const spec = typeof raw === 'string' ? { type: raw } : isRaw(raw) ? raw : undefined;
  if (spec === undefined) return undefined;
  switch (spec['type']) {
    case 'exponential':
      return { type: 'exponential' };
    case 'fixed':
      return { type: 'fixed' };
    case 'weibull':
      return typeof spec['shape'] === 'number' ? { type: 'weibull', shape: spec['shape'] } : undefined;
    case 'lognormal':
      return typeof spec['sigma'] === 'number' ? { type: 'lognormal', sigma: spec['sigma'] } : undefined;
    default:
      return undefined;
  }
}
