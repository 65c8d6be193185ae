/**
 * Candidate single changes for `nines recommend`, each one or more `--set PATH=VALUE` aimed at a
 * missed metric: more nodes, a node in an unused zone, one more zone, shorter repairs of what
 * matters, a standby in another region, sync or shorter-lag copies, a copy in another region,
 * shorter backup intervals, offsite backups, shorter recovery phases, a faster restore, a
 * hotter strategy, more replicas or parity, a faster rebuild, fewer retained points. The engine
 * decides which work.
 */
import type { Analysis } from '../../analytic/analyze-model.js';
import type { GateRecord } from '../../gate/index.js';
import type { Model, TargetMetric } from '../../model/types.js';
import { dataCandidates, durabilityCandidates, recoveryCandidates, storageCandidates } from './candidates-data.js';
import { AVAILABILITY, type Candidate, durationText, type Env, isRaw, list, type Raw } from './env.js';
import { standbyCandidate } from './standby.js';

export type { Candidate } from './env.js';

/** The next zone name after `az-c`: `az-d`; else `NAME-2`. */
function nextName(name: string, taken: ReadonlySet<string>): string {
  const m = /^(.*?)([a-y])$/.exec(name);
  const base = m !== null ? `${m[1]}${String.fromCharCode((m[2] ?? 'a').charCodeAt(0) + 1)}` : `${name}-2`;
  let out = base;
  for (let i = 2; taken.has(out); i++) out = `${base}-${i}`;
  return out;
}

/** More nodes (or a spare) in each tier given a count; a node in an unused zone for a placed tier. */
function nodeCandidates({ model, raw, add }: Env): void {
  const rawTiers = list(raw['tiers']);
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

/** One more zone like the last one (tiers given a node count spread over it). */
function zoneCandidate({ model, raw, add }: Env): void {
  const rawTiers = list(raw['tiers']);
  const rawZones = list(raw['zones']);
  const last = rawZones[rawZones.length - 1];
  if (last === undefined || typeof last['name'] !== 'string') return;
  if (!model.tiers.some((_, t) => typeof rawTiers[t]?.['nodes'] === 'number')) return;
  const name = nextName(last['name'], new Set(model.zones.map((z) => z.name)));
  add(
    `zones=${JSON.stringify([...rawZones, { ...last, name }])}`,
    `one more zone (${name}, like ${last['name']}): tiers given a node count spread over it`,
  );
}

/** Twice-as-fast repair of each node group, zone or region with FV ≥ 1%. */
function repairCandidates({ model, analysis, add }: Env): void {
  const important = analysis.availability.importance.filter((i) => i.fussellVesely >= 0.01 && i.subjectKind !== 'tier');
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

/**
 * The candidates for the records that did not pass (all availability candidates when every
 * target passes: `nines recommend` on a healthy model).
 * @example candidates(model, raw, analysis, failed)[0].sets // ['tiers.db.nodes=4']
 */
export function candidates(model: Model, raw: Raw, analysis: Analysis, missed: readonly GateRecord[]): Candidate[] {
  const metrics = new Set(missed.map((r) => r.metric));
  const want = (...m: TargetMetric[]): boolean =>
    missed.length === 0 ? m.some((x) => AVAILABILITY.includes(x)) : m.some((x) => metrics.has(x));
  const out: Candidate[] = [];
  const add = (set: string | readonly string[], change: string): void => {
    const sets = typeof set === 'string' ? [set] : [...set];
    if (!out.some((c) => c.sets.join('\n') === sets.join('\n'))) out.push({ sets, change });
  };
  const env: Env = { model, raw, analysis, missed, want, add };
  // A lost node's RTO (and the availability) depends on how many nodes carry on.
  if (want(...AVAILABILITY, 'durability', 'rto')) nodeCandidates(env);
  if (want(...AVAILABILITY)) {
    zoneCandidate(env);
    repairCandidates(env);
    standbyCandidate(env);
  }
  if (model.data !== undefined && want('rpo', 'dataAtRisk', 'rto')) dataCandidates(env);
  if (model.recovery !== undefined && want('rto')) recoveryCandidates(env);
  if (model.data?.durability !== undefined && want('durability')) durabilityCandidates(env);
  if (model.data !== undefined && want('backupStorage')) storageCandidates(env);
  return out;
}
