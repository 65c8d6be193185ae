import type { Normalised } from '../normalise/model.js';
import type { CopyOutline, ExprOutline } from '../normalise/outline.js';
import type { Reader } from '../normalise/reader.js';

/**
 * Compute tied to data: a failover whose primary holds the data tier needs a copy of the data
 * where its standby runs. A standby in regions with no copy is a warning naming what its RPO
 * falls back to (the backups it can restore from, or nothing).
 */
export function standbyData({ outline }: Normalised, reader: Reader): void {
  const data = outline.data;
  const dataTier = data?.tier?.name;
  // Backup-restore restores the standby from backups by design.
  if (data === undefined || dataTier === undefined || outline.recoveryStrategy === 'backup-restore') return;
  const zoneRegion = new Map(outline.zones.flatMap((z) => (z.name === undefined ? [] : [[z.name, z.region?.name]])));
  const tierZones = new Map(
    outline.tiers.flatMap((t) =>
      t.name === undefined ? [] : [[t.name, t.zones?.map((z) => z.name) ?? [...zoneRegion.keys()]] as const],
    ),
  );
  const visit = (expr: ExprOutline | undefined): void => {
    if (expr === undefined || expr.kind === 'tier') return;
    for (const child of expr.children) visit(child);
    const f = expr.failover;
    if (f === undefined) return;
    visit(f.primary);
    visit(f.standby);
    if (!tiersOf(f.primary).includes(dataTier)) return;
    const standbyZones = tiersOf(f.standby).flatMap((t) => tierZones.get(t) ?? []);
    const regions = new Set(
      standbyZones.flatMap((z) => {
        const r = zoneRegion.get(z);
        return r === undefined ? [] : [r];
      }),
    );
    const zones = new Set(standbyZones);
    if (regions.size === 0 && zones.size === 0) return;
    const near = (c: CopyOutline): boolean => {
      const zone = c.zone?.name;
      const region = c.region?.name ?? (zone === undefined ? undefined : zoneRegion.get(zone));
      return (zone !== undefined && zones.has(zone)) || (region !== undefined && regions.has(region));
    };
    if (data.copies.some(near)) return;
    const backups = data.backups.flatMap(({ name, location }) =>
      name !== undefined &&
      location !== undefined &&
      (location.name === 'offsite' || regions.has(location.name) || zones.has(location.name))
        ? [`backup '${name}'`]
        : [],
    );
    const where = [...(regions.size > 0 ? regions : zones)].join(', ');
    const fallback =
      backups.length > 0
        ? `the last backup it can restore (${backups.join(', ')})`
        : 'nothing: no copy or backup reaches it';
    reader.report(
      'standby-without-data',
      [...expr.path, 'failover', 'standby'],
      `the standby runs in ${where}, where no copy of tier ${dataTier}'s data lives; after a switchover its RPO falls back to ${fallback}`,
      'value',
      'warning',
    );
  };
  visit(outline.service);
}

/** Tier names an expression mentions. */
function tiersOf(expr: ExprOutline | undefined): string[] {
  if (expr === undefined) return [];
  if (expr.kind === 'tier') return [expr.name];
  return [...expr.children.flatMap(tiersOf), ...tiersOf(expr.failover?.primary), ...tiersOf(expr.failover?.standby)];
}
