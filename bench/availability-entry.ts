// Bench entry, bundled by bench/availability.mjs: times analyzeAvailability on a ladder of sizes.
import { analyzeAvailability } from '../src/analytic/availability/index.js';
import { component } from '../src/model/component.js';
import type { Model, Tier } from '../src/model/types.js';
import { SECONDS_PER_HOUR, SECONDS_PER_YEAR } from '../src/units/conventions.js';

const H = SECONDS_PER_HOUR;

export type Rung = {
  readonly zones: number;
  readonly regions: number;
  readonly tiers: number;
  readonly maxNodes: number;
};

export function buildModel(rung: Rung): Model {
  const regions = Array.from({ length: rung.regions }, (_, i) => ({
    name: `r${i}`,
    failure: component({ mtbfSeconds: 50_000 * H, mttrSeconds: 4 * H }),
  }));
  const zones = Array.from({ length: rung.zones }, (_, i) => ({
    name: `z${i}`,
    region: rung.regions > 0 ? `r${i % rung.regions}` : undefined,
    failure: component({ mtbfSeconds: 10_000 * H, mttrSeconds: 2 * H }),
  }));
  const tiers = Array.from({ length: rung.tiers }, (_, t): Tier => {
    const nodes = Math.max(rung.zones, Math.round(rung.maxNodes / 3 ** t));
    const failure = component({ mtbfSeconds: (2_000 + 100 * t) * H, mttrSeconds: H });
    const groups = zones.map((z, i) => ({
      zone: z.name,
      count: Math.floor(nodes / zones.length) + (i < nodes % zones.length ? 1 : 0),
      failure,
    }));
    return { name: `t${t}`, nodes, groups, minHealthy: Math.ceil(nodes * 0.6), failure, capacity: undefined };
  });
  return {
    name: 'bench',
    description: undefined,
    horizonSeconds: SECONDS_PER_YEAR,
    regions,
    zones,
    tiers,
    service: { kind: 'all', of: tiers.map((t) => ({ kind: 'tier', tier: t.name })) },
    data: undefined,
    recovery: undefined,
    targets: [],
  };
}

export function run(rung: Rung): { ms: number; states: number; nines: number | null } {
  const model = buildModel(rung);
  const t0 = performance.now();
  const res = analyzeAvailability(model);
  return { ms: performance.now() - t0, states: res.service.statesEvaluated, nines: res.service.nines };
}
