/**
 * Leaf rules for the components and the failure domains: `components.*`, each tier's node
 * groups and figures, zones and regions beyond their availability, capacity after a loss.
 */
import type { Component } from '../../model/component.js';
import type { Model } from '../../model/types.js';
import type { ExplainStep, Unit } from '../../report/explain-view.js';
import { formatProbability } from '../../report/format.js';
import { at, type Body, type LeafEnv, type Rule } from './leaf-rule.js';
import { componentStep, input, step, type ExplainContext } from './sources.js';
import type { Path } from '../../config/problem.js';

const FIELDS: Readonly<Record<string, { readonly formula: string; readonly unit: Unit }>> = {
  availability: { formula: 'a = 1 − q', unit: 'fraction' },
  unavailability: { formula: 'q, its steady-state unavailability', unit: 'fraction' },
  nines: { formula: 'nines = −log10 q (none when it never fails)', unit: 'nines' },
  failureRate: { formula: 'λ = 1/MTBF per second (none for a static spec: no rate)', unit: 'fraction' },
  mtbfSeconds: { formula: 'MTBF as given, or 365 d/afr', unit: 'seconds' },
  mttrSeconds: { formula: 'MTTR as given (none for a static spec)', unit: 'seconds' },
  failureProbability: {
    formula: 'F(H) = 1 − e^(−λH) = −expm1(−λH), at least one failure within the horizon H (a static spec: p)',
    unit: 'fraction',
  },
};

/** Where a node group's failure spec is written: its own entry of a placement list, or the tier's. */
function groupFailurePath(ctx: ExplainContext, model: Model, t: number, g: number): Path {
  const tier = model.tiers[t];
  const raw = ctx.document.data['tiers'];
  const nodes = Array.isArray(raw) ? (raw[t] as Record<string, unknown> | undefined)?.['nodes'] : undefined;
  const own = tier !== undefined && tier.groups[g]?.failure !== tier.failure;
  return own && Array.isArray(nodes) ? ['tiers', t, 'nodes', g, 'failure'] : ['tiers', t, 'failure'];
}

/** One figure of a component from its failure spec (`FIELDS`), with the horizon for F(H). */
function componentBody(
  env: LeafEnv,
  what: string,
  path: Path,
  c: Component | undefined,
  field: string,
): Body | undefined {
  const f = FIELDS[field];
  if (f === undefined) return undefined;
  const H = env.analysis.availability.horizonSeconds;
  return {
    label: `${field} of ${what}`,
    formula: f.formula,
    unit: f.unit,
    inputs: field === 'failureProbability' ? [input(env.ctx, 'horizon', ['horizon'], H, 'seconds', '1 year')] : [],
    steps: [componentStep(env.ctx, what, path, c)],
  };
}

/** The tier and group of the i-th entry of components.nodes (groups of every tier, in order). */
function groupAt(model: Model, i: number): { t: number; g: number } | undefined {
  let k = 0;
  for (const [t, tier] of model.tiers.entries())
    for (const g of tier.groups.keys()) {
      if (k === i) return { t, g };
      k++;
    }
  return undefined;
}

function nodeGroup(env: LeafEnv, t: number, g: number, field: string): Body | undefined {
  const tier = env.model.tiers[t];
  const group = tier?.groups[g];
  if (tier === undefined || group === undefined) return undefined;
  const what = `the nodes of ${tier.name} in ${group.zone ?? 'no zone'}`;
  if (field === 'count')
    return {
      label: `nodes of tier ${tier.name} in ${group.zone ?? 'no zone'}`,
      formula: 'the placement: nodes given per zone, or a count spread over the zones in order',
      unit: 'count',
      inputs: [input(env.ctx, 'nodes', ['tiers', t, 'nodes'], tier.nodes, 'count')],
    };
  if (field === 'outagesPerYear')
    return {
      label: `outages a year started by ${what}`,
      formula: "their part of the service's ν: Σ over the group's nodes of I_B·a·λ, × 365 d",
      unit: 'perYear',
      steps: [componentStep(env.ctx, what, groupFailurePath(env.ctx, env.model, t, g), group.failure)],
    };
  return componentBody(env, what, groupFailurePath(env.ctx, env.model, t, g), group.failure, field);
}

function domain(env: LeafEnv, kind: 'zone' | 'region', i: number, field: string): Body | undefined {
  const spec = kind === 'zone' ? env.model.zones[i] : env.model.regions[i];
  if (spec === undefined) return undefined;
  return componentBody(env, `${kind} ${spec.name}`, [`${kind}s`, i, 'failure'], spec.failure, field);
}

/** The service given a domain's loss, or with it never down, and the share that follows. */
function domainEffect(env: LeafEnv, kind: 'zone' | 'region', i: number, field: string): Body | undefined {
  const a = env.analysis.availability;
  const d = kind === 'zone' ? a.zones[i] : a.regions[i];
  if (d === undefined) return undefined;
  const spec = kind === 'zone' ? env.model.zones[i] : env.model.regions[i];
  const own = componentStep(env.ctx, `${kind} ${d.name}`, [`${kind}s`, i, 'failure'], spec?.failure);
  const Q = a.service.unavailability;
  const Q0 = 1 - d.serviceAvailabilityIfPerfect;
  const formulas: Record<string, [string, Unit, ExplainStep[]]> = {
    nodes: [`nodes placed in ${kind} ${d.name} (every tier)`, 'count', []],
    serviceAvailabilityGivenLoss: [
      'E[A_svc | it is down]: the engine with it forced down, the rest failing as usual',
      'fraction',
      [own],
    ],
    serviceUnavailabilityGivenLoss: ['E[Q_svc | it is down] = 1 − E[A_svc | it is down]', 'fraction', [own]],
    serviceAvailabilityIfPerfect: ['E[A_svc | it never fails] = 1 − Q(0)', 'fraction', [own]],
    unavailabilityShare: [
      '(Q − Q(0))/Q, its Fussell–Vesely importance',
      'fraction',
      [
        own,
        step('service unavailability', 'Q', Q, 'fraction', formatProbability(Q)),
        step('with it never down', 'Q(0)', Q0, 'fraction', formatProbability(Q0)),
      ],
    ],
  };
  const f = formulas[field];
  return f === undefined
    ? undefined
    : { label: `${field} of ${kind} ${d.name}`, formula: f[0], unit: f[1], steps: f[2] };
}

function capacityAfterLoss(
  env: LeafEnv,
  kind: 'zone' | 'region',
  i: number,
  j: number,
  field: string,
): Body | undefined {
  const a = env.analysis.availability;
  const d = kind === 'zone' ? a.zones[i] : a.regions[i];
  const c = d?.capacityAfterLoss[j];
  const t = env.model.tiers.findIndex((x) => x.name === c?.tier);
  const tier = env.model.tiers[t];
  if (d === undefined || c === undefined || tier?.capacity === undefined) return undefined;
  const perNode = input(
    env.ctx,
    'capacity.perNode',
    ['tiers', t, 'capacity', 'perNode'],
    tier.capacity.perNode,
    'count',
  );
  const demand = input(env.ctx, 'capacity.demand', ['tiers', t, 'capacity', 'demand'], tier.capacity.demand, 'count');
  const formulas: Record<string, [string, Body['inputs']]> = {
    nodesLeft: [
      `the nodes of ${tier.name} outside ${kind} ${d.name}`,
      [input(env.ctx, 'nodes', ['tiers', t, 'nodes'], tier.nodes, 'count')],
    ],
    capacity: [`perNode × nodes left = ${tier.capacity.perNode} × ${c.nodesLeft}`, [perNode]],
    demand: ['the demand as given', [demand]],
    spareNodes: [
      `⌊(capacity − demand)/perNode⌋ = ⌊(${c.capacity} − ${c.demand})/${tier.capacity.perNode}⌋`,
      [perNode, demand],
    ],
  };
  const f = formulas[field];
  return f === undefined
    ? undefined
    : {
        label: `${field} of tier ${tier.name} after losing ${kind} ${d.name}`,
        formula: f[0],
        unit: 'count',
        inputs: f[1] ?? [],
      };
}

function summary(env: LeafEnv, kind: 'zone' | 'region', field: string): Body | undefined {
  const list = kind === 'zone' ? env.model.zones : env.model.regions;
  const formulas: Record<string, string> = {
    count: `the ${kind}s of the model`,
    anyFailsWithinHorizonProbability: '1 − Π_i (1 − F_i(H)) = −expm1(Σ log1p(−F_i)), F_i(H) = 1 − e^(−λ_i·H)',
    allDownAtOnceProbability: 'Π_i q_i (independent, steady state)',
    anyDownAtOnceProbability: '1 − Π_i (1 − q_i) = −expm1(Σ log1p(−q_i))',
  };
  const formula = formulas[field];
  if (formula === undefined) return undefined;
  return {
    label: `${field} of the ${kind}s' own failures`,
    formula,
    unit: field === 'count' ? 'count' : 'fraction',
    steps: list.map((d, i) => componentStep(env.ctx, `${kind} ${d.name}`, [`${kind}s`, i, 'failure'], d.failure)),
  };
}

export const COMPONENT_RULES: readonly Rule[] = [
  {
    pattern: /^\.components\.nodes\[(\d+)\]\.(\w+)$/,
    explain: (env, m) => {
      const g = groupAt(env.model, at(m, 1));
      return g && nodeGroup(env, g.t, g.g, m[2] ?? '');
    },
  },
  {
    pattern: /^\.components\.(zone|region)s\[(\d+)\]\.(\w+)$/,
    explain: (env, m) => domain(env, m[1] as 'zone', at(m, 2), m[3] ?? ''),
  },
  {
    pattern: /^\.components\.(zone|region)Summary\.(\w+)$/,
    explain: (env, m) => summary(env, m[1] as 'zone', m[2] ?? ''),
  },
  {
    pattern: /^\.tiers\[(\d+)\]\.groups\[(\d+)\]\.(\w+)$/,
    explain: (env, m) => nodeGroup(env, at(m, 1), at(m, 2), m[3] ?? ''),
  },
  {
    pattern: /^\.(zone|region)s\[(\d+)\]\.capacityAfterLoss\[(\d+)\]\.(\w+)$/,
    explain: (env, m) => capacityAfterLoss(env, m[1] as 'zone', at(m, 2), at(m, 3), m[4] ?? ''),
  },
  {
    pattern: /^\.(zone|region)s\[(\d+)\]\.(unavailability|nines|failureProbability)$/,
    explain: (env, m) => domain(env, m[1] as 'zone', at(m, 2), m[3] ?? ''),
  },
  {
    pattern: /^\.(zone|region)s\[(\d+)\]\.(\w+)$/,
    explain: (env, m) => domainEffect(env, m[1] as 'zone', at(m, 2), m[3] ?? ''),
  },
];
