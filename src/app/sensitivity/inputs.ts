import type { Component, Model } from '../../model/types.js';

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

/**
 * The numeric inputs of a model that the engine reads: failure specs of regions, zones and
 * tiers, tier node counts, recovery phases, copy lags, backup intervals and durations,
 * durability parameters. Paths name list items (`tiers.db.failure.mttr`) as `--set` does.
 * @example numericInputs(model, raw).map((i) => i.path) // ['regions.us-east.failure.mtbf', …]
 */
export function numericInputs(model: Model, raw: Raw): NumericInput[] {
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
      out.push({
        path: `tiers.${t.name}.nodes`,
        name: `tier ${t.name} nodes`,
        value: t.nodes,
        unit: 'count',
        discrete: true,
        set: number(`tiers.${t.name}.nodes`),
      });
  });
  const rawRecovery = raw['recovery'];
  if (model.recovery !== undefined && isRaw(rawRecovery)) {
    const r = model.recovery;
    for (const [key, v] of [
      ['detection', r.detectionSeconds],
      ['failover', r.failoverSeconds],
      ['provisioning', r.provisioningSeconds],
      ['validation', r.validationSeconds],
    ] as const) {
      if (v > 0 && rawRecovery[key] !== undefined)
        out.push({
          path: `recovery.${key}`,
          name: `recovery ${key}`,
          value: v,
          unit: 'seconds',
          discrete: false,
          set: seconds(`recovery.${key}`),
        });
    }
  }
  const data = model.data;
  const rawData = raw['data'];
  if (data !== undefined && isRaw(rawData)) {
    for (const c of data.copies)
      if (c.mode === 'async' && c.lagSeconds > 0)
        out.push({
          path: `data.copies.${c.name}.lag`,
          name: `copy ${c.name} lag`,
          value: c.lagSeconds,
          unit: 'seconds',
          discrete: false,
          set: seconds(`data.copies.${c.name}.lag`),
        });
    for (const b of data.backups) {
      out.push({
        path: `data.backups.${b.name}.every`,
        name: `backup ${b.name} interval`,
        value: b.everySeconds,
        unit: 'seconds',
        discrete: false,
        set: seconds(`data.backups.${b.name}.every`),
      });
      if (b.durationSeconds !== undefined && b.durationSeconds > 0)
        out.push({
          path: `data.backups.${b.name}.duration`,
          name: `backup ${b.name} duration`,
          value: b.durationSeconds,
          unit: 'seconds',
          discrete: false,
          set: seconds(`data.backups.${b.name}.duration`),
        });
    }
    out.push({
      path: 'data.size',
      name: 'data size',
      value: data.sizeBytes,
      unit: 'bytes',
      discrete: false,
      set: (x) => `data.size=${x} B`,
    });
    if (data.yearlyGrowth > 0)
      out.push({
        path: 'data.yearlyGrowth',
        name: 'yearly growth',
        value: data.yearlyGrowth,
        unit: 'fraction',
        discrete: false,
        set: number('data.yearlyGrowth'),
      });
    for (const b of data.backups)
      out.push({
        path: `data.backups.${b.name}.restoreThroughput`,
        name: `backup ${b.name} restore rate`,
        value: b.restoreThroughputBytesPerSecond,
        unit: 'bytesPerSecond',
        discrete: false,
        set: (x) => `data.backups.${b.name}.restoreThroughput=${x} B/s`,
      });
    if (data.dailyChange > 0)
      out.push({
        path: 'data.dailyChange',
        name: 'daily change',
        value: data.dailyChange,
        unit: 'fraction',
        discrete: false,
        set: number('data.dailyChange'),
      });
    const d = data.durability;
    if (
      d?.rebuildSeconds !== undefined &&
      isRaw(rawData['durability']) &&
      rawData['durability']['rebuild'] !== undefined
    )
      out.push({
        path: 'data.durability.rebuild',
        name: 'durability rebuild',
        value: d.rebuildSeconds,
        unit: 'seconds',
        discrete: false,
        set: seconds('data.durability.rebuild'),
      });
  }
  return out;
}
