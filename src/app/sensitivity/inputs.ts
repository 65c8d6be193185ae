import type { Component } from '../../model/component.js';
import type { Model } from '../../model/types.js';
import { phaseSeconds } from '../../model/data-protection.js';

/** A numeric model input and how to write it changed: `set(x)` is the `--set PATH=VALUE`. */
export type NumericInput = {
  readonly path: string;
  readonly name: string;
  /** In base units (seconds, a fraction, a count). */
  readonly value: number;
  readonly unit: 'seconds' | 'fraction' | 'count' | 'bytes' | 'bytesPerSecond';
  readonly discrete: boolean;
  readonly set: (x: number) => string;
};

type Raw = Record<string, unknown>;
const isRaw = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);

const seconds =
  (path: string) =>
  (x: number): string =>
    `${path}=${x} s`;
const number =
  (path: string) =>
  (x: number): string =>
    `${path}=${x}`;

function failureInputs(out: NumericInput[], path: string, name: string, c: Component | undefined, raw: unknown): void {
  if (c === undefined || !isRaw(raw)) return;
  const add = (
    key: string,
    value: number | undefined,
    unit: NumericInput['unit'],
    set: (p: string) => (x: number) => string,
  ): void => {
    if (value !== undefined && value > 0 && Number.isFinite(value) && raw[key] !== undefined)
      out.push({
        path: `${path}.${key}`,
        name: `${name} ${key}`,
        value,
        unit,
        discrete: false,
        set: set(`${path}.${key}`),
      });
  };
  add('mtbf', c.mtbfSeconds, 'seconds', seconds);
  add('afr', c.mtbfSeconds === undefined ? undefined : 31_536_000 / c.mtbfSeconds, 'fraction', number);
  add('mttr', c.mttrSeconds, 'seconds', seconds);
  add('probability', c.unavailability, 'fraction', number);
  if (raw['availability'] !== undefined && c.unavailability > 0) {
    // Perturb the unavailability: availability = 1 − q·(1 ± h).
    out.push({
      path: `${path}.availability`,
      name: `${name} unavailability`,
      value: c.unavailability,
      unit: 'fraction',
      discrete: false,
      set: (x) => `${path}.availability=${1 - x}`,
    });
  }
}

/** A continuous input whose `--set` writes the value with `suffix` (" s", " B", or nothing). */
function input(path: string, name: string, value: number, unit: NumericInput['unit'], suffix = ''): NumericInput {
  return { path, name, value, unit, discrete: false, set: (x) => `${path}=${x}${suffix}` };
}

/**
 * The numeric inputs of a model that the engine reads: failure specs of regions, zones and
 * tiers, tier node counts, recovery phases, copy lags, backup intervals and durations,
 * durability parameters. Paths name list items (`tiers.db.failure.mttr`) as `--set` does.
 * @example numericInputs(model, raw).map((i) => i.path) // ['regions.us-east.failure.mtbf', …]
 */
export function numericInputs(model: Model, raw: Raw): NumericInput[] {
  return [...structureInputs(model, raw), ...recoveryInputs(model, raw), ...dataInputs(model, raw)];
}

/** Failure specs of regions, zones and tiers, and tier node counts. */
function structureInputs(model: Model, raw: Raw): NumericInput[] {
  const out: NumericInput[] = [];
  const list = (key: string): Raw[] => (Array.isArray(raw[key]) ? (raw[key] as unknown[]).filter(isRaw) : []);
  model.regions.forEach((r, i) => {
    failureInputs(out, `regions.${r.name}.failure`, `region ${r.name}`, r.failure, list('regions')[i]?.['failure']);
  });
  model.zones.forEach((z, i) => {
    failureInputs(out, `zones.${z.name}.failure`, `zone ${z.name}`, z.failure, list('zones')[i]?.['failure']);
  });
  model.tiers.forEach((t, i) => {
    const rt = list('tiers')[i];
    failureInputs(out, `tiers.${t.name}.failure`, `tier ${t.name} node`, t.failure, rt?.['failure']);
    if (typeof rt?.['nodes'] === 'number' && t.nodes >= 2)
      out.push({ ...input(`tiers.${t.name}.nodes`, `tier ${t.name} nodes`, t.nodes, 'count'), discrete: true });
  });
  return out;
}

/** The recovery phases the model writes. */
function recoveryInputs(model: Model, raw: Raw): NumericInput[] {
  const rawRecovery = raw['recovery'];
  if (model.recovery === undefined || !isRaw(rawRecovery)) return [];
  const r = model.recovery;
  const phases = phaseSeconds(r);
  return phases
    .filter(([key, v]) => v > 0 && rawRecovery[key] !== undefined)
    .map(([key, v]) => input(`recovery.${key}`, `recovery ${key}`, v, 'seconds', ' s'));
}

/** Copy lags, backup intervals, durations and restore rates, data size and change, rebuild. */
function dataInputs(model: Model, raw: Raw): NumericInput[] {
  const data = model.data;
  const rawData = raw['data'];
  if (data === undefined || !isRaw(rawData)) return [];
  const out: NumericInput[] = [];
  for (const c of data.copies)
    if (c.mode === 'async' && c.lagSeconds > 0)
      out.push(input(`data.copies.${c.name}.lag`, `copy ${c.name} lag`, c.lagSeconds, 'seconds', ' s'));
  for (const b of data.backups) {
    out.push(input(`data.backups.${b.name}.every`, `backup ${b.name} interval`, b.everySeconds, 'seconds', ' s'));
    if (b.durationSeconds !== undefined && b.durationSeconds > 0)
      out.push(
        input(`data.backups.${b.name}.duration`, `backup ${b.name} duration`, b.durationSeconds, 'seconds', ' s'),
      );
  }
  out.push(input('data.size', 'data size', data.sizeBytes, 'bytes', ' B'));
  if (data.yearlyGrowth > 0) out.push(input('data.yearlyGrowth', 'yearly growth', data.yearlyGrowth, 'fraction'));
  for (const b of data.backups)
    out.push(
      input(
        `data.backups.${b.name}.restoreThroughput`,
        `backup ${b.name} restore rate`,
        b.restoreThroughputBytesPerSecond,
        'bytesPerSecond',
        ' B/s',
      ),
    );
  if (data.dailyChange > 0) out.push(input('data.dailyChange', 'daily change', data.dailyChange, 'fraction'));
  const d = data.durability;
  const rawDurability = rawData['durability'];
  if (d?.rebuildSeconds !== undefined && isRaw(rawDurability) && rawDurability['rebuild'] !== undefined)
    out.push(input('data.durability.rebuild', 'durability rebuild', d.rebuildSeconds, 'seconds', ' s'));
  return out;
}
