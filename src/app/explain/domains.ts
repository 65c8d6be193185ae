/** zones/regions.<name>.availability, a tier's horizon figures, and importance rows. */
import type { AvailabilityResult } from '../../analytic/availability/index.js';
import type { Model } from '../../model/types.js';
import { formatAvailability, formatCount, formatDuration, formatProbability } from '../../report/format.js';
import { componentStep, input, step, type ExplainContext } from './sources.js';
import { componentSteps, CONVENTIONS } from './availability.js';
import type { Explanation } from '../../report/explain-view.js';

/** zones.<name>.availability / regions.<name>.availability: the domain's own failure spec and what its loss does. */
export function explainDomain(
  ctx: ExplainContext,
  model: Model,
  a: AvailabilityResult,
  kind: 'zone' | 'region',
  i: number,
): Explanation {
  const d = kind === 'zone' ? a.zones[i] : a.regions[i];
  const spec = kind === 'zone' ? model.zones[i] : model.regions[i];
  if (d === undefined || spec === undefined) throw new Error(`no ${kind} ${i}`);
  const list = kind === 'zone' ? 'zones' : 'regions';
  return {
    figure: `${list}.${d.name}.availability`,
    jsonPath: `.${list}[${i}].availability`,
    label: `availability of ${kind} ${d.name} (its own failures)`,
    formula: 'A = 1 − q',
    value: d.availability,
    unit: 'fraction',
    display: formatAvailability(d.unavailability),
    inputs: [],
    steps: [
      componentStep(ctx, `${kind} ${d.name}`, [list, i, 'failure'], spec.failure),
      step(
        'if it is lost',
        d.serviceSurvivesLoss
          ? 'the service survives with everything else up'
          : 'its loss alone takes the service down',
        d.serviceUnavailabilityGivenLoss,
        'fraction',
        `service ${formatAvailability(d.serviceUnavailabilityGivenLoss)} given its loss, the rest failing as usual`,
      ),
    ],
    conventions: CONVENTIONS,
  };
}

/** Horizon figures of a tier: P(some node fails), expected node failures, P(quorum loss). */
export const TIER_FIGURES = ['anyNodeFailureProbability', 'expectedNodeFailures', 'quorumLossProbability'] as const;

/** tiers.<name>.<horizon figure>: from each group's F(H) = 1 − e^(−λH) (or p for a static node). */
export function explainTierHorizon(
  ctx: ExplainContext,
  model: Model,
  a: AvailabilityResult,
  t: number,
  figure: (typeof TIER_FIGURES)[number],
): Explanation {
  const r = a.tiers[t];
  const tier = model.tiers[t];
  if (r === undefined || tier === undefined) throw new Error(`no tier ${t}`);
  const H = a.horizonSeconds;
  const groups = tier.groups.map((g, gi) => {
    const lambda = g.failure.failureRate;
    const F = lambda === undefined ? g.failure.unavailability : -Math.expm1(-lambda * H);
    return step(
      `${g.count} node(s) in ${g.zone ?? 'no zone'}`,
      lambda === undefined
        ? 'static: F = p'
        : `F(H) = 1 − e^(−λH), λ = 1/${formatDuration(1 / lambda)}, H = ${formatDuration(H)}`,
      F,
      'fraction',
      `F = ${formatProbability(F)}`,
      gi === 0 ? [input(ctx, 'horizon', ['horizon'], H, 'seconds', '1 year')] : [],
    );
  });
  const formula = {
    anyNodeFailureProbability: 'P(some node fails within H) = 1 − Π_g (1 − F_g)^{n_g} = −expm1(Σ n_g·log1p(−F_g))',
    expectedNodeFailures:
      'E[node failures within H] = Σ_g n_g·λ_g·(1 − q_g)·H (steady-state failure frequency × H; n_g·p for static nodes)',
    quorumLossProbability: `P(more than ${tier.nodes - tier.minHealthy} of ${tier.nodes} nodes fail within H, nothing repaired) = the k-of-n tail with each node failing with F_g; zone and region failures not included`,
  }[figure];
  const value = r[figure];
  return {
    figure: `tiers.${tier.name}.${figure}`,
    jsonPath: `.tiers[${t}].${figure}`,
    label: `${figure} of tier ${tier.name}`,
    formula,
    value,
    unit: figure === 'expectedNodeFailures' ? 'count' : 'fraction',
    display: figure === 'expectedNodeFailures' ? formatCount(value) : formatProbability(value),
    inputs: [],
    steps: [
      step(
        'node failure specs',
        '',
        null,
        'text',
        `tier ${tier.name}`,
        [],
        componentSteps(ctx, model, [t]).filter((s) => s.label.includes(tier.name)),
      ),
      ...groups,
    ],
    conventions: [...CONVENTIONS, 'exponential lifetimes for F(H)'],
  };
}

/** importance.<kind>.<subject>: the measures from Q, Q(subject down) and Q(subject up). */
export function explainImportance(model: Model, a: AvailabilityResult, i: number): Explanation {
  const m = a.importance[i];
  if (m === undefined) throw new Error(`no importance ${i}`);
  const Q = a.service.unavailability;
  const p = formatProbability;
  const ratio = (x: number | null): string => (x === null ? '∞' : String(Number(x.toPrecision(6))));
  // Beyond the static structure (failovers, interruptions, corruption) every part is re-analysed.
  const reanalysed =
    a.failovers.length > 0 || a.corruption !== undefined || model.tiers.some((t) => (t.interruptionSeconds ?? 0) > 0);
  const basic = m.subjectKind !== 'tier' && !reanalysed;
  return {
    figure: `importance.${m.subjectKind}.${m.subject}`,
    jsonPath: `.importance[${i}].fussellVesely`,
    label: `importance of ${m.subjectKind} ${m.subject} for the service outage${m.count !== undefined && m.count > 1 ? ' (per node of the group)' : ''}`,
    formula: 'FV = (Q − Q(0))/Q: the share of the unavailability that would go if it never failed',
    value: m.fussellVesely,
    unit: 'fraction',
    display: `FV ${(m.fussellVesely * 100).toPrecision(4)}%`,
    inputs: [],
    steps: [
      step('service unavailability', 'Q', Q, 'fraction', p(Q)),
      step(
        'with it down',
        'Q(1): the subject forced down, everything else failing as usual',
        m.serviceUnavailabilityIfDown,
        'fraction',
        p(m.serviceUnavailabilityIfDown),
      ),
      step(
        'with it never down',
        basic
          ? 'Q(0) = Q − q·I_B (Q = q·Q(1) + (1 − q)·Q(0) for an independent part)'
          : m.subjectKind === 'tier'
            ? 'Q(0): the tier forced up'
            : 'Q(0): the engine re-run with it never failing (q = 0, no switchovers it would start)',
        m.serviceUnavailabilityIfUp,
        'fraction',
        p(m.serviceUnavailabilityIfUp),
      ),
      step('Birnbaum', 'I_B = Q(1) − Q(0)', m.birnbaum, 'fraction', p(m.birnbaum)),
      step(
        'criticality',
        basic ? `q·I_B/Q, q = ${p(m.unavailability)}` : '(Q − Q(0))/Q, as FV',
        m.criticality,
        'fraction',
        p(m.criticality),
      ),
      step('RAW', 'Q(1)/Q', m.raw, 'count', ratio(m.raw)),
      step('RRW', 'Q/Q(0)', m.rrw, 'count', ratio(m.rrw)),
    ],
    conventions: [...CONVENTIONS, 'unavailability-based measures, as fault-tree tools report them'],
  };
}
