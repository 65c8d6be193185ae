import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import type { Model } from '../../model/types.js';
import { readCosts } from './cost.js';
import { readData } from './data.js';
import type { Raw, Reader } from './reader.js';
import { readRecovery } from './recovery.js';
import { readService, standbyOnlyTiers } from './service.js';
import { readSlo } from './slo.js';
import { readTargets } from './targets.js';
import { readRegions, readTiers, readZones } from './topology.js';

/**
 * Raw document → immutable Model, in base units. Reports unit and range problems through the
 * reader; returns undefined when a required part could not be read.
 */
export function buildModel(raw: Raw, reader: Reader): Model | undefined {
  const horizonSeconds = raw['horizon'] === undefined ? SECONDS_PER_YEAR : reader.duration(raw['horizon'], ['horizon']);
  const regions = readRegions(reader, raw['regions']);
  const zones = readZones(reader, raw['zones']);
  const tiers = readTiers(reader, raw['tiers'], zones, standbyOnlyTiers(raw['service']));
  const service = readService(reader, raw['service'], tiers);
  const data = readData(reader, raw['data'], { zones, regions });
  const recovery = readRecovery(reader, raw['recovery']);
  const targets = readTargets(reader, raw['targets']);
  const slo = readSlo(reader, raw['slo']);
  const costs = readCosts(reader, raw);
  const name = typeof raw['name'] === 'string' ? raw['name'] : undefined;
  if (name === undefined || horizonSeconds === undefined || service === undefined || tiers.length === 0)
    return undefined;
  const description = typeof raw['description'] === 'string' ? raw['description'] : undefined;
  return {
    name,
    description,
    horizonSeconds,
    regions,
    zones,
    tiers,
    service,
    data,
    recovery,
    targets,
    ...(slo === undefined ? {} : { slo }),
    ...(costs.length > 0 ? { costs } : {}),
  };
}
