/**
 * Candidate single changes for `nines recommend`, each a `--set PATH=VALUE` aimed at a missed
 * metric: more nodes, a node in an unused zone, one more zone, shorter repairs of what
 * matters, sync or shorter-lag copies, a copy in another region, shorter backup intervals,
 * offsite backups, shorter recovery phases, a faster restore, a hotter strategy, more
 * replicas or parity, a faster rebuild, fewer retained points. The engine decides which work.
 */
import type { Analysis } from '../../analytic/analyze-model.js';
import type { GateRecord } from '../../gate/index.js';
import type { Model, TargetMetric } from '../../model/types.js';
import { formatBytes, formatDuration } from '../../report/format.js';

export type Candidate = { readonly set: string; readonly change: string };

const AVAILABILITY: readonly TargetMetric[] = ['availability', 'downtimePerYear', 'outagesPerYear'];

/** A duration as the model grammar reads it: "2 h", "52.6 min", "30 s". */
export function durationText(seconds: number): string {
  return formatDuration(seconds).replace(/ min$/, ' minute').replace(/ y$/, ' year');
}

type Raw = Record<string, unknown>;
const isRaw = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): Raw[] => (Array.isArray(x) ? x.filter(isRaw) : []);

/** The next zone name after `az-c`: `az-d`; else `NAME-2`. */
function nextName(name: string, taken: ReadonlySet<string>): string {
  const m = /^(.*?)([a-y])$/.exec(name);
  const base = m !== null ? `${m[1]}${String.fromCharCode((m[2] ?? 'a').charCodeAt(0) + 1)}` : `${name}-2`;
  let out = base;
  for (let i = 2; taken.has(out); i++) out = `${base}-${i}`;
  return out;
}

/**
 * The candidates for the records that did not pass (all availability candidates when every
 * target passes: `nines recommend` on a healthy model).
 * @example candidates(model, raw, analysis, failed)[0].set // 'tiers.db.nodes=4'
 */
export function candidates(model: Model, raw: Raw, analysis: Analysis, missed: readonly GateRecord[]): Candidate[] {
  const metrics = new Set(missed.map((r) => r.metric));
  const want = (...m: TargetMetric[]): boolean =>
    missed.length === 0 ? m.some((x) => AVAILABILITY.includes(x)) : m.some((x) => metrics.has(x));
  const out: Candidate[] = [];
  const add = (set: string, change: string): void => {
    if (!out.some((c) => c.set === set)) out.push({ set, change });
  };
  const rawTiers = list(raw['tiers']);
  const rawZones = list(raw['zones']);

  if (want(...AVAILABILITY, 'durability')) {
    model.tiers.forEach((tier, t) => {
      const nodes = rawTiers[t]?.['nodes'];
      if (typeof nodes === 'number') {
        // minHealthy defaults to every node: one more node alone would need it too. Keep k.
        if (rawTiers[t]?.['minHealthy'] === undefined && tier.capacity === undefined) {
          add(
            `tiers.${tier.name}=${JSON.stringify({ ...rawTiers[t], nodes: nodes + 1, minHealthy: tier.minHealthy })}`,
            `one more node in tier ${tier.name} as a spare (${tier.minHealthy} of ${nodes + 1} needed)`,
          );
        }
        add(`tiers.${tier.name}.nodes=${nodes + 1}`, `one more node in tier ${tier.name}`);
        add(`tiers.${tier.name}.nodes=${nodes + 2}`, `two more nodes in tier ${tier.name}`);
      } else if (isRaw(nodes)) {
        const unused = model.zones.find((z) => !(z.name in nodes));
        if (unused !== undefined)
          add(
            `tiers.${tier.name}.nodes=${JSON.stringify({ ...nodes, [unused.name]: 1 })}`,
            `a node of tier ${tier.name} in zone ${unused.name} (another zone)`,
          );
      }
    });
  }
  if (want(...AVAILABILITY)) {
    const last = rawZones[rawZones.length - 1];
    if (
      last !== undefined &&
      typeof last['name'] === 'string' &&
      model.tiers.some((_, t) => typeof rawTiers[t]?.['nodes'] === 'number')
    ) {
      const name = nextName(last['name'], new Set(model.zones.map((z) => z.name)));
      add(
        `zones=${JSON.stringify([...rawZones, { ...last, name }])}`,
        `one more zone (${name}, like ${last['name']}): tiers given a node count spread over it`,
      );
    }
    const important = analysis.availability.importance.filter(
      (i) => i.fussellVesely >= 0.01 && i.subjectKind !== 'tier',
    );
    for (const i of important) {
      const spec =
        i.subjectKind === 'node'
          ? model.tiers.find((t) => t.name === i.tier)?.failure
          : i.subjectKind === 'zone'
            ? model.zones.find((z) => z.name === i.subject)?.failure
            : model.regions.find((r) => r.name === i.subject)?.failure;
      const mttr = spec?.mttrSeconds;
      if (mttr === undefined || !(mttr > 0)) continue;
      const path =
        i.subjectKind === 'node'
          ? `tiers.${i.tier ?? ''}.failure.mttr`
          : `${i.subjectKind === 'zone' ? 'zones' : 'regions'}.${i.subject}.failure.mttr`;
      const what = i.subjectKind === 'node' ? `tier ${i.tier ?? ''}'s nodes` : `${i.subjectKind} ${i.subject}`;
      add(
        `${path}=${durationText(mttr / 2)}`,
        `repair ${what} twice as fast (MTTR ${durationText(mttr)} → ${durationText(mttr / 2)})`,
      );
    }
  }
  const data = model.data;
  const rawData = isRaw(raw['data']) ? raw['data'] : {};
  if (data !== undefined && want('rpo', 'dataAtRisk', 'rto')) {
    const rpoTarget = Math.min(...missed.filter((r) => r.metric === 'rpo').map((r) => r.threshold), Infinity);
    if (data.replication.mode === 'async')
      add('data.replication.mode=sync', `synchronous replication within tier ${data.tier}`);
    for (const c of data.copies) {
      if (c.mode !== 'async') continue;
      add(`data.copies.${c.name}.mode=sync`, `make copy ${c.name} synchronous (RPO 0)`);
      const lag = Number.isFinite(rpoTarget) && rpoTarget < c.lagSeconds ? rpoTarget : c.lagSeconds / 2;
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
        r.name !== primaryRegion &&
        !data.copies.some((c) => c.location.kind === 'region' && c.location.name === r.name),
    );
    const copy = other === undefined ? { location: 'offsite' } : { region: other.name };
    const lag = Number.isFinite(rpoTarget) ? Math.min(30, rpoTarget) : 30;
    add(
      `data.copies=${JSON.stringify([...list(rawData['copies']), { name: 'dr-copy', ...copy, mode: 'async', lag: durationText(lag) }])}`,
      `an async copy ${other === undefined ? 'offsite' : `in region ${other.name}`} (lag ${durationText(lag)})`,
    );
    data.backups.forEach((b, i) => {
      const duration = analysis.dataProtection?.backups[i]?.durationSeconds ?? 0;
      const every =
        Number.isFinite(rpoTarget) && rpoTarget - duration >= 60 ? rpoTarget - duration : b.everySeconds / 4;
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
  if (model.recovery !== undefined && want('rto')) {
    const r = model.recovery;
    if (r.strategy === 'pilot-light' || r.strategy === 'backup-restore')
      add('recovery.strategy=warm-standby', `a warm standby instead of ${r.strategy}`);
    if (r.strategy === 'warm-standby') add('recovery.strategy=hot-standby', 'a hot standby instead of a warm one');
    const phases = [
      ['detection', r.detectionSeconds],
      ['failover', r.failoverSeconds],
      ['provisioning', r.provisioningSeconds],
      ['validation', r.validationSeconds],
    ] as const;
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
  if (data?.durability !== undefined && want('durability')) {
    const d = data.durability;
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
  if (data !== undefined && want('backupStorage')) {
    for (const b of data.backups) {
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
  return out;
}
