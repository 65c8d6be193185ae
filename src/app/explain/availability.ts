import type { AvailabilityResult } from '../../analytic/availability/index.js';
import type { Model, ServiceExpr } from '../../model/types.js';
import { formatAvailability, formatCount, formatDuration, formatProbability } from '../../report/format.js';
import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import { componentStep, input, step, type ExplainContext } from './sources.js';
import type { ExplainStep, Explanation } from '../../report/explain-view.js';

const CONVENTIONS = [
  'steady state: q = MTTR/(MTBF + MTTR) for each component, components independent',
  'a node is up only if it, its zone and its region are up (zones and regions are common causes)',
  'year = 365 d (8760 h), month = 30 d',
];

/** The text of a service expression: `all(db, any(a, b))`. */
export function expressionText(e: ServiceExpr): string {
  switch (e.kind) {
    case 'tier':
      return e.tier;
    case 'all':
    case 'any':
      return `${e.kind}(${e.of.map(expressionText).join(', ')})`;
    case 'atLeast':
      return `atLeast ${e.k} of (${e.of.map(expressionText).join(', ')})`;
    case 'failover':
      return `failover(${expressionText(e.primary)} → ${expressionText(e.standby)})`;
    default: {
      const never: never = e;
      throw new Error(`unknown service expression ${JSON.stringify(never)}`);
    }
  }
}

/** The failure specs of the regions, zones and node groups a set of tiers depends on. */
export function componentSteps(ctx: ExplainContext, model: Model, tiers: readonly number[]): ExplainStep[] {
  const zones = new Set(
    tiers.flatMap((t) => (model.tiers[t]?.groups ?? []).flatMap((g) => (g.zone === undefined ? [] : [g.zone]))),
  );
  const regions = new Set(model.zones.flatMap((z) => (zones.has(z.name) && z.region !== undefined ? [z.region] : [])));
  const out: ExplainStep[] = [];
  model.regions.forEach((r, i) => {
    if (regions.has(r.name)) out.push(componentStep(ctx, `region ${r.name}`, ['regions', i, 'failure'], r.failure));
  });
  model.zones.forEach((z, i) => {
    if (zones.has(z.name))
      out.push(
        componentStep(
          ctx,
          `zone ${z.name}${z.region === undefined ? '' : ` (in ${z.region})`}`,
          ['zones', i, 'failure'],
          z.failure,
        ),
      );
  });
  for (const t of tiers) {
    const tier = model.tiers[t];
    if (tier === undefined) continue;
    const raw = ctx.document.data['tiers'];
    const nodesRaw = Array.isArray(raw) ? (raw[t] as Record<string, unknown> | undefined)?.['nodes'] : undefined;
    let first = 0;
    const seen = new Set<unknown>();
    tier.groups.forEach((g, gi) => {
      const own = g.failure !== tier.failure;
      if (!own && seen.has(tier.failure)) {
        first += g.count;
        return;
      }
      seen.add(g.failure);
      const path = own && Array.isArray(nodesRaw) ? ['tiers', t, 'nodes', gi, 'failure'] : ['tiers', t, 'failure'];
      const label = own ? `nodes ${tier.name}[${first}..${first + g.count - 1}]` : `each node of ${tier.name}`;
      out.push(componentStep(ctx, label, path, g.failure));
      first += g.count;
    });
  }
  return out;
}

export function tierStructureStep(ctx: ExplainContext, model: Model, a: AvailabilityResult, t: number): ExplainStep {
  const tier = model.tiers[t];
  const r = a.tiers[t];
  if (tier === undefined || r === undefined) throw new Error(`no tier ${t}`);
  const placement = tier.groups.map((g) => `${g.count} in ${g.zone ?? 'no zone'}`).join(', ');
  const rule = tier.capacity === undefined ? 'all nodes' : '⌈demand / perNode⌉';
  return step(
    `tier ${tier.name}: up when at least ${tier.minHealthy} of its ${tier.nodes} nodes are up (${placement})`,
    `Q_${tier.name} = Σ_s P(s)·P(fewer than ${tier.minHealthy} of the nodes in up zones are up | s)`,
    r.unavailability,
    'fraction',
    formatAvailability(r.unavailability),
    [
      input(ctx, 'nodes', ['tiers', t, 'nodes'], tier.nodes, 'count'),
      input(ctx, 'minHealthy', ['tiers', t, 'minHealthy'], tier.minHealthy, 'count', rule),
    ],
  );
}

function tierIndices(model: Model, expr: ServiceExpr): number[] {
  const names = new Set<string>();
  const walk = (e: ServiceExpr): void => {
    if (e.kind === 'tier') names.add(e.tier);
    else if (e.kind === 'failover') {
      walk(e.primary);
      walk(e.standby);
    } else e.of.forEach(walk);
  };
  walk(expr);
  return model.tiers.flatMap((t, i) => (names.has(t.name) ? [i] : []));
}

/** service.availability: components → tiers → the exact sum over zone/region states → A, nines, downtime, outages. */
export function explainService(ctx: ExplainContext, model: Model, a: AvailabilityResult): Explanation {
  const s = a.service;
  const used = tierIndices(model, model.service);
  const cut = a.cutSets.sets
    .slice(0, 5)
    .map(
      (c) => `{${c.components.join(', ')}} ${formatProbability(c.probability)} (${(c.share * 100).toPrecision(3)}%)`,
    );
  const top = a.importance.filter((i) => i.subjectKind !== 'tier' && i.fussellVesely > 0).slice(0, 3);
  const steps: ExplainStep[] = [
    step(
      'component unavailabilities',
      '',
      null,
      'text',
      `each failure spec → q, for ${used.length === 1 ? 'the tier' : `${used.length} tiers`} and the zones and regions they sit in`,
      [],
      componentSteps(ctx, model, used),
    ),
    ...used.map((t) => tierStructureStep(ctx, model, a, t)),
    step(
      'service structure',
      'all: every part up; any: one; atLeast k: k of them',
      expressionText(model.service),
      'text',
      expressionText(model.service),
      [input(ctx, 'service', ['service'], expressionText(model.service), 'text', 'all tiers (series)')],
    ),
    step(
      'exact sum over the joint states of the zones and regions',
      `Q = Σ_s P(s)·Q_service(s) over ${formatCount(s.statesEvaluated)} state(s); tiers are independent given s` +
        (s.prunedProbability > 0
          ? `; states of total probability ${formatProbability(s.prunedProbability)} skipped (Q is within [Q, Q + that])`
          : '; nothing pruned'),
      s.unavailability,
      'fraction',
      `Q = ${formatProbability(s.unavailability)}`,
    ),
    step(
      'where it comes from',
      a.cutSets.complete
        ? `minimal cut sets (${a.cutSets.count}), P(C) = Π q: ${cut.join('; ')}${a.cutSets.count > 5 ? '; …' : ''}`
        : 'too many minimal cut sets to list',
      top.map((i) => `${i.subjectKind} ${i.subject}`).join(', '),
      'text',
      top.map((i) => `${i.subjectKind} ${i.subject}: FV ${(i.fussellVesely * 100).toPrecision(3)}%`).join('; ') ||
        'nothing can take the service down',
    ),
    step(
      'nines',
      `−log10 Q = −log10 ${formatProbability(s.unavailability)}`,
      s.nines,
      'nines',
      s.nines === null ? 'never down' : s.nines.toFixed(4),
    ),
    step(
      'downtime per year',
      `Q × 365 d = ${formatProbability(s.unavailability)} × 8760 h`,
      s.downtimeSecondsPerYear,
      'seconds',
      formatDuration(s.downtimeSecondsPerYear),
    ),
    step(
      'outages per year',
      s.outagesPerYear === null
        ? 'unknown: a component that matters has no failure rate (static spec)'
        : 'ν × 365 d, ν = Σ_i I_B(i)·A_i·λ_i (Birnbaum importance × availability × failure rate)',
      s.outagesPerYear,
      'perYear',
      s.outagesPerYear === null ? 'unknown' : formatCount(s.outagesPerYear),
    ),
    step(
      'mean outage',
      'Q / ν',
      s.meanOutageSeconds,
      'seconds',
      s.meanOutageSeconds === null ? 'unknown' : formatDuration(s.meanOutageSeconds),
    ),
  ];
  return {
    figure: 'service.availability',
    jsonPath: '.service.availability',
    label: 'service availability',
    formula: 'A = 1 − Q, Q = the probability that the service is down at a random moment',
    value: s.availability,
    unit: 'fraction',
    display: formatAvailability(s.unavailability),
    inputs: [],
    steps,
    conventions: CONVENTIONS,
  };
}

/** tiers.<name>.availability: its components and the k-of-n over the nodes in up zones. */
export function explainTier(ctx: ExplainContext, model: Model, a: AvailabilityResult, t: number): Explanation {
  const r = a.tiers[t];
  const tier = model.tiers[t];
  if (r === undefined || tier === undefined) throw new Error(`no tier ${t}`);
  return {
    figure: `tiers.${tier.name}.availability`,
    jsonPath: `.tiers[${t}].availability`,
    label: `availability of tier ${tier.name}`,
    formula: `A = 1 − Q_${tier.name}, zone and region failures included`,
    value: r.availability,
    unit: 'fraction',
    display: formatAvailability(r.unavailability),
    inputs: [],
    steps: [
      step(
        'component unavailabilities',
        '',
        null,
        'text',
        `tier ${tier.name} and its zones and regions`,
        [],
        componentSteps(ctx, model, [t]),
      ),
      tierStructureStep(ctx, model, a, t),
      step(
        'downtime per year',
        `Q × 365 d`,
        r.unavailability * SECONDS_PER_YEAR,
        'seconds',
        formatDuration(r.unavailability * SECONDS_PER_YEAR),
      ),
    ],
    conventions: CONVENTIONS,
  };
}

/** Figures of the service explained by the same derivation: its JSON key and display. */
export const SERVICE_FIGURES = {
  unavailability: 'unavailability',
  nines: 'nines',
  downtimePerYear: 'downtimeSecondsPerYear',
  downtimePerMonth: 'downtimeSecondsPerMonth',
  outagesPerYear: 'outagesPerYear',
  meanOutage: 'meanOutageSeconds',
  failureProbability: 'failureProbability',
  mtbf: 'mtbfSeconds',
  meanUp: 'meanUpSeconds',
} as const;

/** service.<figure>: the service derivation, ending at that figure. */
export function explainServiceFigure(
  ctx: ExplainContext,
  model: Model,
  a: AvailabilityResult,
  figure: keyof typeof SERVICE_FIGURES,
): Explanation {
  const base = explainService(ctx, model, a);
  const key = SERVICE_FIGURES[figure];
  const value = a.service[key];
  const unit =
    key.endsWith('Seconds') || key.startsWith('downtime')
      ? 'seconds'
      : key === 'outagesPerYear'
        ? 'perYear'
        : key === 'nines'
          ? 'nines'
          : 'fraction';
  const display =
    value === null
      ? 'unknown'
      : unit === 'seconds'
        ? formatDuration(value)
        : unit === 'fraction'
          ? formatProbability(value)
          : unit === 'nines'
            ? value.toFixed(4)
            : formatCount(value);
  return {
    ...base,
    figure: `service.${figure}`,
    jsonPath: `.service.${key}`,
    label: `service ${figure}`,
    value,
    unit,
    display,
  };
}

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
