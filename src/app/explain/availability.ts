/**
 * Availability explanations shared by the others: the conventions, the service expression as
 * text, each component's failure spec, a tier's k-of-n structure, and tiers.<name>.availability.
 */
import type { AvailabilityResult } from '../../analytic/availability/index.js';
import type { Model, ServiceExpr } from '../../model/types.js';
import { formatAvailability, formatDuration } from '../../report/format.js';
import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import { componentStep, input, step, type ExplainContext } from './sources.js';
import type { ExplainStep, Explanation } from '../../report/explain-view.js';

export const CONVENTIONS = [
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

export function tierIndices(model: Model, expr: ServiceExpr): number[] {
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

/** A tier's component specs and its k-of-n structure: what its unavailability comes from. */
export function tierSteps(ctx: ExplainContext, model: Model, a: AvailabilityResult, t: number): ExplainStep[] {
  const name = model.tiers[t]?.name ?? String(t);
  return [
    step(
      'component unavailabilities',
      '',
      null,
      'text',
      `tier ${name} and its zones and regions`,
      [],
      componentSteps(ctx, model, [t]),
    ),
    tierStructureStep(ctx, model, a, t),
  ];
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
      ...tierSteps(ctx, model, a, t),
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
