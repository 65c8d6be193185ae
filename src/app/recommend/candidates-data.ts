/**
 * Candidates for the data-protection targets: copies (sync, shorter lag, one in another region),
 * backups (more often, offsite, faster restore), recovery phases and strategy, durability
 * (replicas, parity, rebuild) and backup storage (retention).
 */
import { formatBytes } from '../../report/format.js';
import { durationText, isRaw, list, type Env } from './env.js';
import { phaseSeconds } from '../../model/data-protection.js';

/** The tightest missed RPO threshold, or Infinity. */
function rpoTarget(env: Env): number {
  return Math.min(...env.missed.filter((r) => r.metric === 'rpo').map((r) => r.threshold), Infinity);
}

/** Sync or shorter-lag copies, an async copy in another region (or offsite), and the backups. */
export function dataCandidates(env: Env): void {
  const { model, raw, add } = env;
  const data = model.data;
  if (data === undefined) return;
  const rawData = isRaw(raw['data']) ? raw['data'] : {};
  const rpo = rpoTarget(env);
  if (data.replication.mode === 'async')
    add('data.replication.mode=sync', `synchronous replication within tier ${data.tier}`);
  for (const c of data.copies) {
    if (c.mode !== 'async') continue;
    add(`data.copies.${c.name}.mode=sync`, `make copy ${c.name} synchronous (RPO 0)`);
    const lag = Number.isFinite(rpo) && rpo < c.lagSeconds ? rpo : c.lagSeconds / 2;
    if (lag > 0)
      add(
        `data.copies.${c.name}.lag=${durationText(lag)}`,
        `shorter lag for copy ${c.name} (${durationText(c.lagSeconds)} → ${durationText(lag)})`,
      );
  }
  const tier = model.tiers.find((t) => t.name === data.tier);
  const primaryRegion = model.zones.find((z) => z.name === tier?.groups[0]?.zone)?.region;
  const other = model.regions.find(
    (r) =>
      r.name !== primaryRegion && !data.copies.some((c) => c.location.kind === 'region' && c.location.name === r.name),
  );
  const copy = other === undefined ? { location: 'offsite' } : { region: other.name };
  const lag = Number.isFinite(rpo) ? Math.min(30, rpo) : 30;
  add(
    `data.copies=${JSON.stringify([...list(rawData['copies']), { name: 'dr-copy', ...copy, mode: 'async', lag: durationText(lag) }])}`,
    `an async copy ${other === undefined ? 'offsite' : `in region ${other.name}`} (lag ${durationText(lag)})`,
  );
  backupCandidates(env, rpo);
}

function backupCandidates({ model, analysis, add }: Env, rpo: number): void {
  model.data?.backups.forEach((b, i) => {
    const duration = analysis.dataProtection?.backups[i]?.durationSeconds ?? 0;
    const every = Number.isFinite(rpo) && rpo - duration >= 60 ? rpo - duration : b.everySeconds / 4;
    if (every < b.everySeconds)
      add(
        `data.backups.${b.name}.every=${durationText(every)}`,
        `back up ${b.name} more often (every ${durationText(b.everySeconds)} → ${durationText(every)})`,
      );
    if (b.location.kind !== 'offsite')
      add(
        `data.backups.${b.name}.location=offsite`,
        `keep backup ${b.name} offsite (outside every modelled failure domain)`,
      );
    add(
      `data.backups.${b.name}.restoreThroughput=${formatBytes(b.restoreThroughputBytesPerSecond * 2)}/s`,
      `restore ${b.name} twice as fast`,
    );
  });
}

/** A hotter strategy; each phase halved, and cut by the worst missed RTO's shortfall. */
export function recoveryCandidates({ model, missed, add }: Env): void {
  const r = model.recovery;
  if (r === undefined) return;
  if (r.strategy === 'pilot-light' || r.strategy === 'backup-restore')
    add('recovery.strategy=warm-standby', `a warm standby instead of ${r.strategy}`);
  if (r.strategy === 'warm-standby') add('recovery.strategy=hot-standby', 'a hot standby instead of a warm one');
  const phases = phaseSeconds(r);
  // The shortfall of the worst missed RTO, taken off each phase that is long enough on its own.
  const excess = Math.max(
    0,
    ...missed.filter((m) => m.metric === 'rto' && m.actual !== null).map((m) => (m.actual ?? 0) - m.threshold),
  );
  for (const [key, value] of phases) {
    if (value > 0)
      add(
        `recovery.${key}=${durationText(value / 2)}`,
        `halve the ${key} time (${durationText(value)} → ${durationText(value / 2)})`,
      );
    if (excess > 0 && value > excess)
      add(
        `recovery.${key}=${durationText(value - excess)}`,
        `${key} ${durationText(excess)} shorter (${durationText(value)} → ${durationText(value - excess)})`,
      );
  }
}

/** One more replica or parity shard; a rebuild twice as fast. */
export function durabilityCandidates({ model, add }: Env): void {
  const d = model.data?.durability;
  if (d === undefined) return;
  if (d.scheme.kind === 'replicas')
    add(`data.durability.scheme.replicas=${d.scheme.replicas + 1}`, `one more replica (${d.scheme.replicas + 1})`);
  else
    add(
      `data.durability.scheme.erasure.parity=${d.scheme.parity + 1}`,
      `one more parity shard (${d.scheme.data} + ${d.scheme.parity + 1})`,
    );
  if (d.rebuildSeconds !== undefined)
    add(`data.durability.rebuild=${durationText(d.rebuildSeconds / 2)}`, 'rebuild twice as fast');
}

/** A quarter fewer restore points; half the monthly fulls. */
export function storageCandidates({ model, add }: Env): void {
  for (const b of model.data?.backups ?? []) {
    const points = Math.max(1, Math.floor(b.retention.points * 0.75));
    if (points < b.retention.points)
      add(
        `data.backups.${b.name}.retention.points=${points}`,
        `keep ${points} restore points of ${b.name} instead of ${b.retention.points}`,
      );
    if (b.retention.monthly > 0)
      add(
        `data.backups.${b.name}.retention.monthly=${Math.floor(b.retention.monthly / 2)}`,
        `keep half the monthly fulls of ${b.name}`,
      );
  }
}
