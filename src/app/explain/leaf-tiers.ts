/**
 * Leaf rules for a tier's own figures (size, k, unavailability, nines, share, capacity) and the
 * bounds of an unavailability when improbable zone/region states were skipped.
 */
import type { ExplainInput, ExplainStep, Unit } from '../../report/explain-view.js';
import { formatProbability } from '../../report/format.js';
import { tierSteps } from './availability.js';
import { at, type Body, type LeafEnv, type Rule } from './leaf-rule.js';
import { input, step } from './sources.js';

function tierFigure(env: LeafEnv, t: number, field: string): Body | undefined {
  const tier = env.model.tiers[t];
  const r = env.analysis.availability.tiers[t];
  if (tier === undefined || r === undefined) return undefined;
  const a = env.analysis.availability;
  const structure = (): ExplainStep[] => tierSteps(env.ctx, env.model, a, t);
  const nodes = input(env.ctx, 'nodes', ['tiers', t, 'nodes'], tier.nodes, 'count');
  const k = input(
    env.ctx,
    'minHealthy',
    ['tiers', t, 'minHealthy'],
    tier.minHealthy,
    'count',
    tier.capacity === undefined ? 'all nodes' : '⌈demand / perNode⌉',
  );
  const Q = a.service.unavailability;
  const formulas: Record<string, [string, Unit, Body['inputs'], () => ExplainStep[]]> = {
    nodes: ['the nodes of the tier (spares included)', 'count', [nodes], () => []],
    minHealthy: ['k: the nodes that must be up (a count, majority, all, or ⌈demand/perNode⌉)', 'count', [k], () => []],
    failuresTolerated: [`n − k = ${tier.nodes} − ${tier.minHealthy}`, 'count', [nodes, k], () => []],
    unavailability: [`Q_${tier.name}: the tier down, its zones and regions included`, 'fraction', [], structure],
    nines: [`−log10 Q_${tier.name}`, 'nines', [], structure],
    serviceAvailabilityIfPerfect: [
      `1 − Q(tier ${tier.name} never down): the service with the tier forced up`,
      'fraction',
      [],
      structure,
    ],
    unavailabilityShare: [
      `(Q − Q(tier up))/Q with Q = ${formatProbability(Q)}: the tier's Fussell–Vesely importance`,
      'fraction',
      [],
      structure,
    ],
  };
  const f = formulas[field];
  return f === undefined
    ? undefined
    : { label: `${field} of tier ${tier.name}`, formula: f[0], unit: f[1], inputs: f[2] ?? [], steps: f[3]() };
}

function bounds(env: LeafEnv, t: number | undefined, field: string): Body {
  const a = env.analysis.availability;
  const what = t === undefined ? 'the service' : `tier ${env.model.tiers[t]?.name ?? t}`;
  const formula = {
    lower: 'Q as computed: the states skipped counted as up',
    upper: 'Q + the probability of the zone/region states skipped (each counted as down)',
    width: 'upper − lower (0 when every state was evaluated)',
  }[field as 'lower' | 'upper' | 'width'];
  return {
    label: `${field} bound of the unavailability of ${what}`,
    formula,
    unit: 'fraction',
    steps: [skippedStates(a.service.prunedProbability)],
  };
}

/** The bounds of outages per year when states were skipped (analytic/availability/frequency-bounds.ts). */
function outageBounds(env: LeafEnv, field: string): Body {
  const a = env.analysis.availability;
  const formula = {
    lower: 'ν − Σ_d a_d·λ_d·(I_B − max(0, I_B − P/(1 − q_d))) over zones and regions d (P: the states skipped), × year',
    upper: 'ν + 2·P·Σ n·a·λ over node groups + Σ_d a_d·λ_d·(min(1, I_B + P/q_d) − I_B), × year',
  }[field as 'lower' | 'upper'];
  return {
    label: `${field} bound of the outages per year of the service`,
    formula,
    unit: 'count',
    steps: [skippedStates(a.service.prunedProbability)],
  };
}

function tierCapacity(env: LeafEnv, t: number, field: string): Body | undefined {
  const tier = env.model.tiers[t];
  if (tier?.capacity === undefined) return undefined;
  const path = ['tiers', t, 'capacity'];
  const perNode = input(env.ctx, 'capacity.perNode', [...path, 'perNode'], tier.capacity.perNode, 'count');
  const demand = input(env.ctx, 'capacity.demand', [...path, 'demand'], tier.capacity.demand, 'count');
  const nodes = input(env.ctx, 'nodes', ['tiers', t, 'nodes'], tier.nodes, 'count');
  const formulas: Record<string, [string, ExplainInput[]]> = {
    perNode: ['as given', [perNode]],
    demand: ['as given', [demand]],
    total: [`perNode × nodes = ${tier.capacity.perNode} × ${tier.nodes}`, [perNode, nodes]],
  };
  const f = formulas[field];
  return f && { label: `capacity.${field} of tier ${tier.name}`, formula: f[0], unit: 'count', inputs: f[1] };
}

export const TIER_RULES: readonly Rule[] = [
  {
    pattern: /^\.tiers\[(\d+)\]\.unavailabilityBounds\.(\w+)$/,
    explain: (env, m) => bounds(env, at(m, 1), m[2] ?? ''),
  },
  { pattern: /^\.service\.unavailabilityBounds\.(\w+)$/, explain: (env, m) => bounds(env, undefined, m[1] ?? '') },
  { pattern: /^\.service\.outagesPerYearBounds\.(\w+)$/, explain: (env, m) => outageBounds(env, m[1] ?? '') },
  { pattern: /^\.tiers\[(\d+)\]\.capacity\.(\w+)$/, explain: (env, m) => tierCapacity(env, at(m, 1), m[2] ?? '') },
  { pattern: /^\.tiers\[(\d+)\]\.(\w+)$/, explain: (env, m) => tierFigure(env, at(m, 1), m[2] ?? '') },
];

/** The step both bounds rest on: the probability of the states the walk skipped. */
function skippedStates(p: number): ExplainStep {
  return step(
    'states skipped',
    'the probability of the joint zone/region states pruned as negligible',
    p,
    'fraction',
    formatProbability(p),
  );
}
