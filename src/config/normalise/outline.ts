/**
 * The names a model declares and the references it makes, each with its document path, read
 * once from the document as written (unknown names included, so that rules can report them):
 * what the rules on names and references read instead of the raw document.
 */
import type { Path } from '../problem.js';
import { isRaw, list, str, type Raw } from './reader.js';

/** A name as written, where it is written (`at: 'key'`: a mapping key, as in `nodes: {a: 2}`). */
export type Ref = { readonly name: string; readonly path: Path; readonly at: 'key' | 'value' };

/** A region, zone or tier as listed: its name (`undefined`: none written) and the path of its list item. */
export type Declared = { readonly name: string | undefined; readonly path: Path };

/**
 * A tier: the zones its `nodes` map or list names (`undefined`: a count, spread over zones),
 * and the zones and region it declares it belongs to (`zones`, `region`).
 */
export type TierOutline = Declared & {
  readonly zones: readonly Ref[] | undefined;
  readonly declaredZones: readonly Ref[];
  readonly region: Ref | undefined;
};

/** A service expression node: a tier name, or a combination of sub-expressions. */
export type ExprOutline =
  | { readonly kind: 'tier'; readonly name: string; readonly path: Path }
  | {
      readonly kind: 'combination';
      readonly path: Path;
      /** The items of `all`, `any` and `of`, in that order. */
      readonly children: readonly ExprOutline[];
      readonly failover:
        | { readonly primary: ExprOutline | undefined; readonly standby: ExprOutline | undefined }
        | undefined;
      /** `atLeast` as written (a number), and how many alternatives `of` lists. */
      readonly atLeast: number | undefined;
      readonly alternatives: number;
    };

export type CopyOutline = {
  readonly name: string | undefined;
  readonly path: Path;
  readonly zone: Ref | undefined;
  readonly region: Ref | undefined;
  readonly location: Ref | undefined;
};

export type BackupOutline = {
  readonly name: string | undefined;
  readonly path: Path;
  readonly location: Ref | undefined;
};

export type DataOutline = {
  readonly tier: Ref | undefined;
  readonly copies: readonly CopyOutline[];
  readonly backups: readonly BackupOutline[];
  /** The locations `backupCapacity` names (its keys). */
  readonly backupCapacity: readonly Ref[];
};

export type Outline = {
  readonly regions: readonly Declared[];
  readonly zones: readonly (Declared & { readonly region: Ref | undefined })[];
  readonly tiers: readonly TierOutline[];
  /** `undefined`: no `service` (every tier is required). */
  readonly service: ExprOutline | undefined;
  /** `undefined`: no `data` section. */
  readonly data: DataOutline | undefined;
  /** The target metrics written under `targets`, and the tiers their items name. */
  readonly targetMetrics: readonly string[];
  readonly targetTiers: readonly Ref[];
  readonly recoveryStrategy: string | undefined;
};

/** Reads the outline of a document; defensive like the rest of normalisation (odd shapes yield nothing). */
export function readOutline(raw: Raw): Outline {
  const targets = isRaw(raw['targets']) ? raw['targets'] : {};
  return {
    regions: listed(raw['regions'], 'regions'),
    zones: listed(raw['zones'], 'zones', (z, path) => ({ region: ref(z['region'], [...path, 'region']) })),
    tiers: listed(raw['tiers'], 'tiers', (t, path) => ({
      zones: placement(t['nodes'], [...path, 'nodes']),
      declaredZones: list(t['zones']).flatMap((z, j) => {
        const zone = ref(z, [...path, 'zones', j]);
        return zone === undefined ? [] : [zone];
      }),
      region: ref(t['region'], [...path, 'region']),
    })),
    service: raw['service'] === undefined ? undefined : expr(raw['service'], ['service']),
    data: raw['data'] === undefined ? undefined : dataOutline(isRaw(raw['data']) ? raw['data'] : {}),
    targetMetrics: Object.keys(targets),
    targetTiers: Object.entries(targets).flatMap(([metric, value]) => {
      const items = Array.isArray(value)
        ? value.map((v, i) => [v, [metric, i]] as const)
        : [[value, [metric]] as const];
      return items.flatMap(([entry, path]) => {
        const tier = isRaw(entry) ? ref(entry['tier'], ['targets', ...path, 'tier']) : undefined;
        return tier === undefined ? [] : [tier];
      });
    }),
    recoveryStrategy: isRaw(raw['recovery']) ? str(raw['recovery']['strategy']) : undefined,
  };
}

/** The names declared in an outline's list, in order (items without a name left out). */
export function names(items: readonly Declared[]): string[] {
  return items.flatMap((x) => (x.name === undefined ? [] : [x.name]));
}

/** The mapping items of a list, each with its name, its path and what `more` reads from it. */
function listed<T extends object>(
  section: unknown,
  key: string,
  more: (item: Raw, path: Path) => T = () => ({}) as T,
): (Declared & T)[] {
  return list(section).flatMap((x, i) => {
    if (!isRaw(x)) return [];
    const path: Path = [key, i];
    return [{ name: str(x['name']), path, ...more(x, path) }];
  });
}

function ref(value: unknown, path: Path, at: 'key' | 'value' = 'value'): Ref | undefined {
  const name = str(value);
  return name === undefined ? undefined : { name, path, at };
}

/** Zones named by `nodes`: a list of groups `{zone}`, or a map zone → count; a count spreads over all zones. */
function placement(nodes: unknown, path: Path): Ref[] | undefined {
  if (Array.isArray(nodes))
    return nodes.flatMap((g, j) => {
      const zone = isRaw(g) ? ref(g['zone'], [...path, j, 'zone']) : undefined;
      return zone === undefined ? [] : [zone];
    });
  if (isRaw(nodes)) return Object.keys(nodes).map((zone) => ({ name: zone, path: [...path, zone], at: 'key' }));
  return undefined;
}

function expr(value: unknown, path: Path): ExprOutline | undefined {
  if (typeof value === 'string') return { kind: 'tier', name: value, path };
  if (!isRaw(value)) return undefined;
  const children = (['all', 'any', 'of'] as const).flatMap((key) =>
    list(value[key]).flatMap((child, i) => {
      const e = expr(child, [...path, key, i]);
      return e === undefined ? [] : [e];
    }),
  );
  const f = value['failover'];
  const k = value['atLeast'];
  return {
    kind: 'combination',
    path,
    children,
    failover: isRaw(f)
      ? {
          primary: expr(f['primary'], [...path, 'failover', 'primary']),
          standby: expr(f['standby'], [...path, 'failover', 'standby']),
        }
      : undefined,
    atLeast: typeof k === 'number' ? k : undefined,
    alternatives: list(value['of']).length,
  };
}

function dataOutline(data: Raw): DataOutline {
  return {
    tier: ref(data['tier'], ['data', 'tier']),
    copies: list(data['copies']).flatMap((c, i) => {
      if (!isRaw(c)) return [];
      const path: Path = ['data', 'copies', i];
      return [
        {
          name: str(c['name']),
          path,
          zone: ref(c['zone'], [...path, 'zone']),
          region: ref(c['region'], [...path, 'region']),
          location: ref(c['location'], [...path, 'location']),
        },
      ];
    }),
    backups: list(data['backups']).flatMap((b, i) => {
      if (!isRaw(b)) return [];
      const path: Path = ['data', 'backups', i];
      return [{ name: str(b['name']), path, location: ref(b['location'], [...path, 'location']) }];
    }),
    backupCapacity: Object.keys(isRaw(data['backupCapacity']) ? data['backupCapacity'] : {}).map((key) => ({
      name: key,
      path: ['data', 'backupCapacity', key],
      at: 'key',
    })),
  };
}
