import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import type { Component } from '../../model/component.js';
import type { Backup } from '../../model/data-protection.js';
import type { Model, Tier } from '../../model/types.js';
import { readBackups } from './backup.js';
import { readCosts } from './cost.js';
import { readData } from './data.js';
import type { BackupSchedule } from './origins.js';
import { readOutline, type Outline } from './outline.js';
import type { Raw, Reader } from './reader.js';
import { readRecovery } from './recovery.js';
import { readService, standbyOnlyTiers } from './service.js';
import { readSlo } from './slo.js';
import { readTargets } from './targets.js';
import { readRegions, readTiers, readZones } from './topology.js';

/**
 * The document normalised: the Model when every required part could be read, the parts that
 * could (also when the Model could not), and the outline of names and references as written.
 * The rules (config/rules) run on this; their problems are placed through `reader.origins`
 * and the document's locator.
 */
export type Normalised = {
  readonly model: Model | undefined;
  readonly parts: {
    readonly tiers: readonly Tier[];
    readonly backups: readonly Backup[];
    /** Every failure spec and backup schedule read, also of an entity then dropped for its own errors. */
    readonly failures: readonly Component[];
    readonly schedules: readonly BackupSchedule[];
  };
  readonly outline: Outline;
};

/**
 * Raw document → immutable Model, in base units. Reports unit and range problems through the
 * reader; the model is undefined when a required part could not be read.
 */
export function normalise(raw: Raw, reader: Reader): Normalised {
  const horizonSeconds = raw['horizon'] === undefined ? SECONDS_PER_YEAR : reader.duration(raw['horizon'], ['horizon']);
  const regions = readRegions(reader, raw['regions']);
  const zones = readZones(reader, raw['zones']);
  const tiers = readTiers(reader, raw['tiers'], zones, standbyOnlyTiers(raw['service']));
  const service = readService(reader, raw['service'], tiers);
  const backups = readBackups(reader, raw['data'], { zones, regions });
  const data = readData(reader, raw['data'], { zones, regions }, backups);
  const recovery = readRecovery(reader, raw['recovery']);
  const targets = readTargets(reader, raw['targets']);
  const slo = readSlo(reader, raw['slo']);
  const costs = readCosts(reader, raw);
  const { failures, schedules } = reader.origins;
  const parts = { tiers, backups, failures, schedules };
  const outline = readOutline(raw);
  const name = typeof raw['name'] === 'string' ? raw['name'] : undefined;
  if (name === undefined || horizonSeconds === undefined || service === undefined || tiers.length === 0)
    return { model: undefined, parts, outline };
  const description = typeof raw['description'] === 'string' ? raw['description'] : undefined;
  const model: Model = {
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
  return { model, parts, outline };
}
