/**
 * Leaf rules for the service-level figures beyond the headline ones: outage frequency and the
 * state enumeration, failover nodes, risks, logical corruption's downtime, every importance
 * measure, minimal cut sets, and the envelope's numbers.
 */
import type { Model } from '../../model/types.js';
import type { ExplainStep, Unit } from '../../report/explain-view.js';
import { formatDuration, formatProbability } from '../../report/format.js';
import { explainImportance } from './domains.js';
import { explainService } from './service.js';
import { at, type Body, type LeafEnv, type Rule } from './leaf-rule.js';
import { componentStep, input, step } from './sources.js';
import type { Path } from '../../config/problem.js';
import { RECOVERY_PHASES } from '../../model/data-protection.js';

function serviceExtra(env: LeafEnv, field: string): Body | undefined {
  const formulas: Record<string, [string, Unit]> = {
    failureFrequency: ['ν = Σ_i I_B(i)·A_i·λ_i per second (Birnbaum × availability × failure rate)', 'fraction'],
    statesEvaluated: ['the joint zone/region states summed over in Q = Σ_s P(s)·Q_service(s)', 'count'],
    prunedProbability: ['the probability of the states skipped as negligible (0: exact)', 'fraction'],
  };
  const f = formulas[field];
  if (f === undefined) return undefined;
  const base = explainService(env.ctx, env.model, env.analysis.availability);
  return { label: `service ${field}`, formula: f[0], unit: f[1], steps: base.steps };
}

/** Paths of the failover nodes of the raw service expression, in post-order (as `failovers[]`). */
function failoverPaths(raw: unknown, path: Path = ['service']): Path[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const r = raw as Record<string, unknown>;
  const f = r['failover'] as Record<string, unknown> | undefined;
  if (f !== undefined)
    return [
      ...failoverPaths(f['primary'], [...path, 'failover', 'primary']),
      ...failoverPaths(f['standby'], [...path, 'failover', 'standby']),
      [...path, 'failover'],
    ];
  for (const key of ['all', 'any', 'of'])
    if (Array.isArray(r[key])) return (r[key] as unknown[]).flatMap((e, i) => failoverPaths(e, [...path, key, i]));
  return [];
}

function failover(env: LeafEnv, i: number, field: string): Body | undefined {
  const f = env.analysis.availability.failovers[i];
  if (f === undefined) return undefined;
  const node = failoverPaths(env.ctx.document.data['service'])[i] ?? ['service', 'failover'];
  const what = `failover ${f.primary} → ${f.standby}`;
  const phase = /^switchoverPhases\.(\w+)Seconds$/.exec(field)?.[1];
  const recovery = env.model.recovery;
  const phaseInputs = RECOVERY_PHASES.filter(() => recovery !== undefined).map((p) =>
    input(env.ctx, p, ['recovery', p], recovery?.[`${p}Seconds`] ?? 0, 'seconds'),
  );
  if (phase !== undefined)
    return {
      label: `${phase} phase of the switchover of ${what}`,
      formula:
        phase === 'restore'
          ? 'the chain to restore / restore throughput when the strategy restores (backup-restore), else 0'
          : `recovery.${phase}, kept when ${recovery?.strategy ?? 'the strategy'} needs it for a ${f.scope} loss`,
      unit: 'seconds',
      inputs: phaseInputs.filter((x) => x.name === phase),
    };
  const q = (label: string, value: number): ExplainStep => step(label, '', value, 'fraction', formatProbability(value));
  const formulas: Record<string, [string, Unit, Body['inputs'], ExplainStep[]]> = {
    switchoverSeconds: [
      f.switchoverSource === 'given'
        ? 'τ as given on the failover node'
        : `τ = the ${f.scope} scenario's phases under ${recovery?.strategy ?? 'no strategy'}: detection + failover + provisioning + restore + validation as the strategy keeps them`,
      'seconds',
      f.switchoverSource === 'given'
        ? [input(env.ctx, 'switchover', [...node, 'switchover'], f.switchoverSeconds, 'seconds')]
        : phaseInputs,
      [],
    ],
    success: [
      'c: the probability that a switchover succeeds',
      'fraction',
      [input(env.ctx, 'success', [...node, 'success'], f.success, 'fraction', '100%')],
      [],
    ],
    failbackSeconds: [
      'the interruption when the service switches back',
      'seconds',
      [input(env.ctx, 'failback', [...node, 'failback'], f.failbackSeconds, 'seconds', '0 s')],
      [],
    ],
    primaryUnavailability: [
      `q_P: the primary (${f.primary}) analysed alone, its zones and regions included`,
      'fraction',
      [],
      [],
    ],
    primaryOutagesPerYear: ['ν_P × 365 d: the outage frequency of the primary alone', 'perYear', [], []],
    primaryMeanOutageSeconds: ['q_P / ν_P', 'seconds', [], [q('q_P', f.primaryUnavailability)]],
    standbyUnavailability: [`q_S: the standby (${f.standby}) analysed alone`, 'fraction', [], []],
    importance: ['I_F = Q_svc(F down) − Q_svc(F up) in the static structure (1 at the root)', 'fraction', [], []],
    switchoverUnavailability: [
      `I_F·Δq_F: each outage of the primary costs E[min(τ, R)] (τ = ${formatDuration(f.switchoverSeconds)}) when the switchover succeeds and the standby is up, all of R otherwise; Δq_F is that beyond the static q_P·q_S`,
      'fraction',
      [],
      [
        q('q_P', f.primaryUnavailability),
        q('q_S', f.standbyUnavailability),
        step('I_F', '', f.importance, 'fraction', String(f.importance)),
      ],
    ],
    switchoverDowntimeSecondsPerYear: ['I_F·Δq_F × 365 d', 'seconds', [], [q('I_F·Δq_F', f.switchoverUnavailability)]],
  };
  const x = formulas[field];
  return x === undefined
    ? undefined
    : { label: `${field} of ${what}`, formula: x[0], unit: x[1], inputs: x[2] ?? [], steps: x[3] };
}

function risk(env: LeafEnv, i: number, field: string): Body | undefined {
  const r = env.analysis.availability.risks[i];
  if (r === undefined) return undefined;
  const what = `${r.subjectKind} ${r.subject} (${r.kind})`;
  const formulas: Record<string, [string, Unit]> = {
    switchoverSeconds: ['τ of the failover that covers its loss (failovers[].switchoverSeconds)', 'seconds'],
    unavailabilityShare: [
      `(Q − Q(0))/Q: the share of the service unavailability ${r.subject}'s failures cause`,
      'fraction',
    ],
    serviceAvailabilityIfPerfect: [`1 − Q(0): the service if ${r.subject} never failed`, 'fraction'],
  };
  const f = formulas[field];
  return f && { label: `${field} of ${what}`, formula: f[0], unit: f[1] };
}

function corruption(env: LeafEnv, field: string): Body | undefined {
  const c = env.analysis.availability.corruption;
  const rate = env.model.data?.corruptionRate;
  if (c === undefined || rate === undefined) return undefined;
  const mtbf = input(env.ctx, 'corruption.mtbf', ['data', 'corruption', 'mtbf'], 1 / rate, 'seconds');
  const formulas: Record<string, [string, Unit]> = {
    disruptionsPerYear: ['rate × 365 d = 365 d / corruption MTBF', 'perYear'],
    rtoSeconds: [
      "the corruption scenario's RTO (rto[corruption]): every replica is corrupted, a backup is restored",
      'seconds',
    ],
    unavailability: [
      `rate × RTO = ${formatProbability(c.disruptionsPerYear)}/year × ${formatDuration(c.rtoSeconds ?? 0)}`,
      'fraction',
    ],
  };
  const f = formulas[field];
  return f && { label: `logical corruption: ${field}`, formula: f[0], unit: f[1], inputs: [mtbf] };
}

function importance(env: LeafEnv, i: number, field: string): Body | undefined {
  const a = env.analysis.availability;
  const row = a.importance[i];
  if (row === undefined) return undefined;
  const base = explainImportance(env.model, a, i);
  const formulas: Record<string, [string, Unit]> = {
    unavailability: ["q: the subject's own unavailability (a tier's includes its zones and regions)", 'fraction'],
    birnbaum: ['I_B = Q(1) − Q(0)', 'fraction'],
    criticality: [
      row.subjectKind === 'tier'
        ? '(Q − Q(0))/Q for a tier'
        : 'q·I_B/Q (the re-analysed FV where the model has failovers)',
      'fraction',
    ],
    fussellVesely: ['FV = (Q − Q(0))/Q', 'fraction'],
    raw: ['RAW = Q(1)/Q', 'count'],
    rrw: ['RRW = Q/Q(0) (none when Q(0) = 0)', 'count'],
    serviceUnavailabilityIfDown: ['Q(1): the subject forced down, everything else failing as usual', 'fraction'],
    serviceUnavailabilityIfUp: ['Q(0): the subject never down', 'fraction'],
    count: ['the nodes of the group (measures are per node)', 'count'],
  };
  const f = formulas[field];
  return f && { label: `${field}: ${base.label}`, formula: f[0], unit: f[1], steps: base.steps };
}

/** The failure spec of a cut-set component (`region us-east`, `zone az-a`, `node db[0]`). */
function componentOf(env: LeafEnv, name: string): ExplainStep | undefined {
  const [kind, subject = ''] = name.split(' ');
  const m = env.model;
  if (kind === 'region' || kind === 'zone') {
    const list: Model['zones'] | Model['regions'] = kind === 'zone' ? m.zones : m.regions;
    const i = list.findIndex((d) => d.name === subject);
    return i < 0 ? undefined : componentStep(env.ctx, name, [`${kind}s`, i, 'failure'], list[i]?.failure);
  }
  const node = /^(.+)\[(\d+)\]$/.exec(subject);
  const t = m.tiers.findIndex((x) => x.name === node?.[1]);
  let first = 0;
  for (const g of m.tiers[t]?.groups ?? []) {
    if (Number(node?.[2]) < first + g.count) return componentStep(env.ctx, name, ['tiers', t, 'failure'], g.failure);
    first += g.count;
  }
  return undefined;
}

function cutSet(env: LeafEnv, i: number, field: string): Body | undefined {
  const c = env.analysis.availability.cutSets.sets[i];
  if (c === undefined) return undefined;
  const steps = c.components.flatMap((n) => componentOf(env, n) ?? []);
  const Q = env.analysis.availability.service.unavailability;
  if (field === 'probability')
    return {
      label: `P of cut set {${c.components.join(', ')}}`,
      formula: 'P(C) = Π q_i over its independent components',
      unit: 'fraction',
      steps,
    };
  if (field === 'share')
    return {
      label: `share of cut set {${c.components.join(', ')}}`,
      formula: 'P(C)/Q (cut sets overlap: shares need not add to 1)',
      unit: 'fraction',
      steps: [
        step('P(C)', 'Π q_i', c.probability, 'fraction', formatProbability(c.probability), [], steps),
        step('Q', '', Q, 'fraction', formatProbability(Q)),
      ],
    };
  return undefined;
}

export const SERVICE_RULES: readonly Rule[] = [
  {
    pattern: /^\.schemaVersion$/,
    explain: () => ({
      label: 'the JSON format',
      formula: 'schemaVersion: the major version; documents only grow within it',
      unit: 'count',
    }),
  },
  {
    pattern: /^(?:\.dataProtection)?\.horizonSeconds$/,
    explain: (env) => ({
      label: 'the horizon',
      formula: 'H as given',
      unit: 'seconds',
      inputs: [input(env.ctx, 'horizon', ['horizon'], env.model.horizonSeconds, 'seconds', '1 year')],
    }),
  },
  { pattern: /^\.service\.(\w+)$/, explain: (env, m) => serviceExtra(env, m[1] ?? '') },
  {
    pattern: /^\.switchoverUnavailability$/,
    explain: (env) => ({
      label: 'the switchover windows of every failover',
      formula:
        'Σ_F I_F·Δq_F, with a loss that starts several failovers counted once (its windows merged over the sorted switchover times)',
      unit: 'fraction',
      steps: env.analysis.availability.failovers.map((f) =>
        step(
          `failover ${f.primary} → ${f.standby}`,
          'I_F·Δq_F',
          f.switchoverUnavailability,
          'fraction',
          formatProbability(f.switchoverUnavailability),
        ),
      ),
    }),
  },
  { pattern: /^\.failovers\[(\d+)\]\.([\w.]+)$/, explain: (env, m) => failover(env, at(m, 1), m[2] ?? '') },
  { pattern: /^\.risks\[(\d+)\]\.(\w+)$/, explain: (env, m) => risk(env, at(m, 1), m[2] ?? '') },
  { pattern: /^\.corruption\.(\w+)$/, explain: (env, m) => corruption(env, m[1] ?? '') },
  { pattern: /^\.importance\[(\d+)\]\.(\w+)$/, explain: (env, m) => importance(env, at(m, 1), m[2] ?? '') },
  {
    pattern: /^\.cutSets\.(count|rareEventSum)$/,
    explain: (_, m) =>
      m[1] === 'count'
        ? {
            label: 'minimal cut sets of the service',
            formula: 'the minimal sets of components whose joint failure takes it down, enumerated',
            unit: 'count',
          }
        : {
            label: 'rare-event sum of the cut sets',
            formula: 'Σ_C P(C), an upper bound on Q (the rare-event approximation)',
            unit: 'fraction',
          },
  },
  { pattern: /^\.cutSets\.sets\[(\d+)\]\.(\w+)$/, explain: (env, m) => cutSet(env, at(m, 1), m[2] ?? '') },
];
