import { addNodes } from '../../model/add-nodes.js';
import type { Job, NodeGroup, Region, Tier, Zone } from '../../model/types.js';
import type { Path } from '../problem.js';
import { readFailure } from './failure.js';
import { int, isRaw, list, str, type Reader } from './reader.js';

export function readRegions(reader: Reader, raw: unknown): Region[] {
  return list(raw).flatMap((r, i) => {
    if (!isRaw(r) || str(r['name']) === undefined) return [];
    return [{ name: str(r['name']) ?? '', failure: readFailure(reader, r['failure'], ['regions', i, 'failure']) }];
  });
}

export function readZones(reader: Reader, raw: unknown): Zone[] {
  return list(raw).flatMap((z, i) => {
    if (!isRaw(z) || str(z['name']) === undefined) return [];
    return [
      {
        name: str(z['name']) ?? '',
        region: str(z['region']),
        failure: readFailure(reader, z['failure'], ['zones', i, 'failure']),
      },
    ];
  });
}

export function readTiers(
  reader: Reader,
  raw: unknown,
  zones: readonly Zone[],
  standbyOnly: ReadonlySet<string> = new Set(),
): Tier[] {
  const drZones = standbyZones(raw, zones, standbyOnly);
  return list(raw).flatMap((t, i) => {
    if (!isRaw(t)) return [];
    const path: Path = ['tiers', i];
    const name = str(t['name']);
    const failure = readFailure(reader, t['failure'], [...path, 'failure']);
    if (name === undefined || failure === undefined) return [];
    const spares = int(t['spares']) ?? 0;
    const home = homeZones(reader, t, path, zones, standbyOnly.has(name) ? undefined : drZones);
    const placed = readGroups(reader, t['nodes'], [...path, 'nodes'], home, failure);
    if (placed === undefined) return [];
    const active = placed.reduce((sum, g) => sum + g.count, 0);
    const capacity = readCapacity(reader, t['capacity'], [...path, 'capacity']);
    const minHealthy = readMinHealthy(t['minHealthy'], active, capacity);
    const job = readJob(reader, t['job'], [...path, 'job']);
    if (minHealthy === undefined) return [];
    const interruption = reader.duration(t['interruption'], [...path, 'interruption'], 'non-negative');
    const groups = spares > 0 ? addNodes(placed, spares, failure) : placed;
    const nodes = active + spares;
    const tier: Tier = {
      name,
      nodes,
      groups,
      minHealthy,
      failure,
      capacity,
      ...(spares > 0 ? { spares } : {}),
      ...(job === undefined ? {} : { job }),
      ...(interruption === undefined ? {} : { interruptionSeconds: interruption }),
    };
    return [reader.origins.record(tier, path, t)];
  });
}

/**
 * DR zones: those standby-only tiers place nodes in, by a map or a list naming zones, or by
 * their `zones` or `region`.
 */
function standbyZones(raw: unknown, zones: readonly Zone[], standbyOnly: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const t of list(raw)) {
    if (!isRaw(t) || !standbyOnly.has(str(t['name']) ?? '')) continue;
    const nodes = t['nodes'];
    if (Array.isArray(nodes))
      for (const g of nodes) if (isRaw(g) && str(g['zone']) !== undefined) out.add(str(g['zone']) ?? '');
    if (isRaw(nodes)) for (const z of Object.keys(nodes)) out.add(z);
    for (const z of list(t['zones'])) if (str(z) !== undefined) out.add(str(z) ?? '');
    const region = str(t['region']);
    if (region !== undefined) for (const z of zones) if (z.region === region) out.add(z.name);
  }
  return out;
}

/**
 * The zones a tier's `nodes: N` spreads over, in the model's order: its `zones`, else the zones
 * of its `region`, else every zone but the DR zones (those of standby-only tiers; `exclude`
 * undefined for a standby-only tier itself), else every zone. `zones`/`region` with a map or a
 * list of groups is an error: those name their zones already.
 */
function homeZones(
  reader: Reader,
  t: Record<string, unknown>,
  path: Path,
  zones: readonly Zone[],
  exclude: ReadonlySet<string> | undefined,
): readonly Zone[] {
  const declared = list(t['zones']).flatMap((z) => (str(z) === undefined ? [] : [str(z) ?? '']));
  const region = str(t['region']);
  if ((declared.length > 0 || region !== undefined) && int(t['nodes']) === undefined) {
    const key = declared.length > 0 ? 'zones' : 'region';
    reader.report(
      'placement-conflict',
      [...path, key],
      `${key} places a count of nodes; nodes already names its zones: drop ${key} or give nodes as a count`,
    );
  }
  if (declared.length > 0) return zones.filter((z) => declared.includes(z.name));
  if (region !== undefined) return zones.filter((z) => z.region === region);
  const home = exclude === undefined ? zones : zones.filter((z) => !exclude.has(z.name));
  return home.length > 0 ? home : zones;
}

/**
 * `nodes` as a count spread evenly over the tier's home zones ({@link homeZones}) in order
 * (remainder to the first zones), a map zone → count, or a list of groups `{zone?, count, failure?}`.
 */
function readGroups(
  reader: Reader,
  raw: unknown,
  path: Path,
  zones: readonly Zone[],
  failure: Tier['failure'],
): NodeGroup[] | undefined {
  const n = int(raw);
  if (n !== undefined) {
    if (zones.length === 0) return [{ zone: undefined, count: n, failure }];
    const base = Math.floor(n / zones.length);
    const extra = n % zones.length;
    return zones
      .map((z, i) => ({ zone: z.name, count: base + (i < extra ? 1 : 0), failure }))
      .filter((g) => g.count > 0);
  }
  if (Array.isArray(raw)) {
    const groups = raw.flatMap((g, i) => {
      if (!isRaw(g)) return [];
      const count = int(g['count']);
      const own = g['failure'] === undefined ? failure : readFailure(reader, g['failure'], [...path, i, 'failure']);
      if (count === undefined || own === undefined) return [];
      return count > 0 ? [{ zone: str(g['zone']), count, failure: own }] : [];
    });
    return groups.length > 0 ? groups : undefined;
  }
  if (isRaw(raw)) {
    const groups = Object.entries(raw).flatMap(([zone, count]) =>
      int(count) !== undefined && (int(count) ?? 0) > 0 ? [{ zone, count: int(count) ?? 0, failure }] : [],
    );
    if (groups.length === 0) reader.report('out-of-range', path, 'a tier needs at least one node');
    return groups.length > 0 ? groups : undefined;
  }
  return undefined;
}

function readCapacity(reader: Reader, raw: unknown, path: Path): Tier['capacity'] {
  if (!isRaw(raw)) return undefined;
  const perNode = raw['perNode'];
  const demand = raw['demand'];
  const growth = reader.growthRate(raw['growth'], [...path, 'growth']);
  if (typeof perNode !== 'number' || typeof demand !== 'number') return undefined;
  return growth === undefined || growth.rate === 0 ? { perNode, demand } : { perNode, demand, growth };
}

/** `job`: checkpoint interval and cost (> 0), restart (≥ 0). */
function readJob(reader: Reader, raw: unknown, path: Path): Job | undefined {
  if (!isRaw(raw)) return undefined;
  const every = reader.duration(raw['checkpointEvery'], [...path, 'checkpointEvery']);
  const cost = reader.duration(raw['checkpointCost'], [...path, 'checkpointCost']);
  const restart = reader.duration(raw['restart'], [...path, 'restart'], 'non-negative');
  if (every === undefined || cost === undefined || restart === undefined) return undefined;
  return { checkpointEverySeconds: every, checkpointCostSeconds: cost, restartSeconds: restart };
}

/**
 * k: a number, "majority" (⌊n/2⌋ + 1), "all" (n), or by default ⌈demand / perNode⌉ or n.
 * A k above n is kept: rules/tier-quorum reports it (an error when written, a warning when
 * the capacity asks for more nodes than the tier has).
 */
function readMinHealthy(raw: unknown, n: number, capacity: Tier['capacity']): number | undefined {
  if (raw === 'majority') return Math.floor(n / 2) + 1;
  if (raw === 'all') return n;
  const k = int(raw);
  if (k !== undefined) return k;
  if (raw !== undefined) return undefined;
  if (capacity !== undefined && capacity.perNode > 0) return Math.ceil(capacity.demand / capacity.perNode);
  return n;
}
