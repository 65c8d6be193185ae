import type { Path } from '../problem.js';
import { isRaw, list, str, type Raw, type Reader } from '../normalise/reader.js';

/**
 * Compute tied to data: a failover whose primary holds the data tier needs a copy of the data
 * where its standby runs. A standby in regions with no copy is a warning naming what its RPO
 * falls back to (the backups it can restore from, or nothing).
 */
export function standbyData(raw: Raw, reader: Reader): void {
  const data = isRaw(raw['data']) ? raw['data'] : undefined;
  const dataTier = str(data?.['tier']);
  // Backup-restore restores the standby from backups by design.
  if (
    data === undefined ||
    dataTier === undefined ||
    (isRaw(raw['recovery']) && raw['recovery']['strategy'] === 'backup-restore')
  )
    return;
  const zoneRegion = new Map(
    list(raw['zones']).flatMap((z) =>
      isRaw(z) && str(z['name']) !== undefined ? [[str(z['name']) ?? '', str(z['region'])] as const] : [],
    ),
  );
  const tierZones = new Map(
    list(raw['tiers']).flatMap((t) => {
      if (!isRaw(t) || str(t['name']) === undefined) return [];
      const nodes = t['nodes'];
      const zones = Array.isArray(nodes)
        ? nodes.flatMap((g) => (isRaw(g) && str(g['zone']) !== undefined ? [str(g['zone']) ?? ''] : []))
        : isRaw(nodes)
          ? Object.keys(nodes)
          : [...zoneRegion.keys()];
      return [[str(t['name']) ?? '', zones] as const];
    }),
  );
  const visit = (expr: unknown, path: Path): void => {
    if (!isRaw(expr)) return;
    for (const key of ['all', 'any', 'of'] as const) {
      for (const [i, child] of list(expr[key]).entries()) visit(child, [...path, key, i]);
    }
    const f = expr['failover'];
    if (!isRaw(f)) return;
    visit(f['primary'], [...path, 'failover', 'primary']);
    visit(f['standby'], [...path, 'failover', 'standby']);
    if (!tiersOf(f['primary']).includes(dataTier)) return;
    const standbyZones = tiersOf(f['standby']).flatMap((t) => tierZones.get(t) ?? []);
    const regions = new Set(
      standbyZones.flatMap((z) => {
        const r = zoneRegion.get(z);
        return r === undefined ? [] : [r];
      }),
    );
    const zones = new Set(standbyZones);
    if (regions.size === 0 && zones.size === 0) return;
    const near = (c: Raw): boolean => {
      const zone = str(c['zone']);
      const region = str(c['region']) ?? (zone === undefined ? undefined : zoneRegion.get(zone));
      return (zone !== undefined && zones.has(zone)) || (region !== undefined && regions.has(region));
    };
    if (list(data['copies']).some((c) => isRaw(c) && near(c))) return;
    const backups = list(data['backups']).flatMap((b) =>
      isRaw(b) &&
      str(b['name']) !== undefined &&
      (b['location'] === 'offsite' || regions.has(str(b['location']) ?? '') || zones.has(str(b['location']) ?? ''))
        ? [`backup '${str(b['name']) ?? ''}'`]
        : [],
    );
    const where = [...(regions.size > 0 ? regions : zones)].join(', ');
    const fallback =
      backups.length > 0
        ? `the last backup it can restore (${backups.join(', ')})`
        : 'nothing: no copy or backup reaches it';
    reader.report(
      'standby-without-data',
      [...path, 'failover', 'standby'],
      `the standby runs in ${where}, where no copy of tier ${dataTier}'s data lives; after a switchover its RPO falls back to ${fallback}`,
      'value',
      'warning',
    );
  };
  visit(raw['service'], ['service']);
}

/** Tier names an expression mentions. */
function tiersOf(expr: unknown): string[] {
  if (typeof expr === 'string') return [expr];
  if (!isRaw(expr)) return [];
  const f = expr['failover'];
  return [
    ...['all', 'any', 'of'].flatMap((k) => list(expr[k]).flatMap(tiersOf)),
    ...(isRaw(f) ? [...tiersOf(f['primary']), ...tiersOf(f['standby'])] : []),
  ];
}
