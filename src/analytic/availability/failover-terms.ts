/**
 * The switchover terms of every failover node, added to the static structure (where a failover
 * is the parallel of its primary and standby): Δq_svc = Σ_F I_F·Δq_F and Δν_svc = Σ_F I_F·Δν_F,
 * with I_F = q_svc(F down) − q_svc(F up) the node's Birnbaum importance in the static
 * structure (1 at the root) and Δq_F, Δν_F from {@link switchoverPenalty} over the causes of
 * the primary's outages: each zone, region or node group whose loss alone takes the primary
 * down is a cause with its own repair time; the remaining outage frequency shares the mean
 * length that makes Σ ν_i·D_i = q_P. A zone or region that holds both sides enters with the
 * standby's availability given its loss (first order: the standby's failure frequency is not
 * conditioned). Failovers started together by one loss (their primaries share a zone or
 * region) overlap in time: their terms for that loss are replaced by the exact one of the
 * service given the loss ({@link sharedLoss}).
 */
import type { ResolvedFailover, ResolvedModel } from '../../model/resolve.js';
import type { Failover, Model } from '../../model/types.js';
import { causesOf, type SubAnalysis, type Subject } from './failover-causes.js';
import type { Switchover } from '../failover/switchover.js';
import { conditionService, type TierCache } from './conditioning.js';
import { ALWAYS_DOWN, ALWAYS_UP } from './pair.js';
import type { Prepared } from './prepare.js';
import type { FailoverResult } from './result.js';
import { compileService } from './service-expr.js';
import { sharedLoss, type Shared } from './failover-shared.js';
import { switchoverPenalty } from './switchover-penalty.js';

export type { SubAnalysis } from './failover-causes.js';

/** Δq and Δν attributed to each component (for shares), and the node's report entry. */
export type FailoverTerms = {
  readonly dq: number;
  readonly dnu: number;
  readonly nodes: readonly (readonly number[])[];
  readonly zones: readonly number[];
  readonly regions: readonly number[];
  readonly nodesNu: readonly (readonly number[])[];
  readonly report: readonly FailoverResult[];
  readonly staticParts: readonly string[];
  /** Zones and regions whose loss alone takes a primary down, and the failover covering it. */
  readonly paths: readonly { readonly kind: 'zone' | 'region'; readonly index: number; readonly failover: number }[];
};

type Ctx = {
  readonly resolved: ResolvedModel;
  readonly prepared: Prepared;
  readonly cache: TierCache;
  readonly switchover: ReadonlyMap<Failover, Switchover>;
  readonly analyze: (model: Model) => SubAnalysis;
};

/** The terms being summed (mutable while they are). */
type Acc = {
  dq: number;
  dnu: number;
  readonly nodes: number[][];
  readonly nodesNu: number[][];
  readonly zones: number[];
  readonly regions: number[];
  readonly report: FailoverResult[];
  readonly staticParts: string[];
  readonly paths: { kind: 'zone' | 'region'; index: number; failover: number }[];
  /** Per zone or region (`zone:3`): the failovers whose primary its loss alone takes down. */
  readonly shared: Map<string, Shared[]>;
};

/** Sums the terms of every failover node of the structure. */
export function failoverTerms(ctx: Ctx): FailoverTerms {
  const { model } = ctx.resolved;
  const acc: Acc = {
    dq: 0,
    dnu: 0,
    nodes: model.tiers.map((t) => new Array<number>(t.groups.length).fill(0)),
    nodesNu: model.tiers.map((t) => new Array<number>(t.groups.length).fill(0)),
    zones: new Array<number>(model.zones.length).fill(0),
    regions: new Array<number>(model.regions.length).fill(0),
    report: [],
    staticParts: [],
    paths: [],
    shared: new Map(),
  };
  for (const f of ctx.resolved.failovers) addFailover(ctx, f, acc);
  for (const [key, list] of acc.shared) {
    const [kind, index] = [key.slice(0, key.indexOf(':')), Number(key.slice(key.indexOf(':') + 1))];
    const u = sharedLoss(
      { prepared: ctx.prepared, cache: ctx.cache, structure: ctx.resolved.structure },
      { kind: kind === 'zone' ? 'zone' : 'region', index },
      list,
    );
    if (u === undefined) continue;
    acc.dq += u.dq;
    acc.dnu += u.dnu;
    const into = kind === 'zone' ? acc.zones : acc.regions;
    into[index] = (into[index] ?? 0) + u.dq;
  }
  const { dq, dnu, nodes, zones, regions, nodesNu, report, staticParts, paths } = acc;
  return { dq, dnu, nodes, zones, regions, nodesNu, report, staticParts, paths };
}

/** One failover node: its causes' penalties, attributed, and its report entry. */
function addFailover(ctx: Ctx, f: ResolvedFailover, acc: Acc): void {
  const { model } = ctx.resolved;
  const tau = ctx.switchover.get(f.node.spec);
  const primary = ctx.analyze({ ...model, service: f.node.spec.primary });
  const standby = ctx.analyze({ ...model, service: f.node.spec.standby });
  const importance = birnbaum(ctx, f);
  const node = {
    switchoverSeconds: tau?.seconds ?? 0,
    success: f.node.spec.success,
    failbackSeconds: f.node.spec.failbackSeconds,
  };
  const sb = { availability: standby.service.availability, failureFrequency: standby.frequency.total ?? 0 };
  if (primary.frequency.total === null) acc.staticParts.push(...primary.frequency.staticSubjects);
  let fdq = 0;
  let fdnu = 0;
  for (const cause of causesOf(model, primary)) {
    // A zone or region that holds both sides takes the standby with it: condition on it.
    const at = cause.subject;
    const given =
      at.kind === 'zone' || at.kind === 'region'
        ? (at.kind === 'zone' ? standby.zones : standby.regions)[at.index]
        : undefined;
    const standbyGiven = given === undefined ? sb : { ...sb, availability: given.serviceAvailabilityGivenLoss };
    const p = switchoverPenalty(cause, standbyGiven, node);
    fdq += p.dq;
    fdnu += p.dnu;
    if (cause.alone && (at.kind === 'zone' || at.kind === 'region')) {
      const key = `${at.kind}:${at.index}`;
      const failback = p.dq - switchoverPenalty(cause, standbyGiven, { ...node, failbackSeconds: 0 }).dq;
      const entry: Shared = {
        failover: f.node.index,
        importance,
        cause,
        dq: p.dq,
        dnu: p.dnu,
        failback,
        success: node.success,
        tau: node.switchoverSeconds,
      };
      acc.shared.set(key, [...(acc.shared.get(key) ?? []), entry]);
      acc.paths.push({ kind: at.kind, index: at.index, failover: acc.report.length });
    }
    attribute(acc, at, importance, p);
  }
  acc.dq += importance * fdq;
  acc.dnu += importance * fdnu;
  const ps = primary.service;
  acc.report.push({
    primary: describe(model, f.primaryTiers),
    standby: describe(model, f.standbyTiers),
    scope: f.scope,
    switchoverSeconds: node.switchoverSeconds,
    switchoverSource: tau?.source ?? 'none',
    switchoverPhases: tau?.phases ?? null,
    success: node.success,
    failbackSeconds: node.failbackSeconds,
    primaryUnavailability: ps.unavailability,
    primaryOutagesPerYear: ps.outagesPerYear,
    primaryMeanOutageSeconds: ps.meanOutageSeconds,
    standbyUnavailability: standby.service.unavailability,
    importance,
    switchoverUnavailability: importance * fdq,
    switchoverDowntimeSecondsPerYear: importance * fdq * 31_536_000,
    sharedDomains: [
      ...f.sharedRegions.map((r) => `region ${model.regions[r]?.name ?? ''}`),
      ...f.sharedZones.map((z) => `zone ${model.zones[z]?.name ?? ''}`),
    ],
  });
}

/** A cause's I_F·Δq (and a node group's I_F·Δν) to the component that caused it. */
function attribute(acc: Acc, at: Subject, importance: number, p: { dq: number; dnu: number }): void {
  if (at.kind === 'region') acc.regions[at.index] = (acc.regions[at.index] ?? 0) + importance * p.dq;
  else if (at.kind === 'zone') acc.zones[at.index] = (acc.zones[at.index] ?? 0) + importance * p.dq;
  else if (at.kind === 'node') {
    const row = acc.nodes[at.tier];
    const rowNu = acc.nodesNu[at.tier];
    if (row !== undefined) row[at.group] = (row[at.group] ?? 0) + importance * p.dq;
    if (rowNu !== undefined) rowNu[at.group] = (rowNu[at.group] ?? 0) + importance * p.dnu;
  }
}

/** I_F = q_svc(F down) − q_svc(F up) in the static structure; 1 when F is the whole service. */
function birnbaum(ctx: Ctx, f: ResolvedFailover): number {
  if (ctx.resolved.structure === f.node) return 1;
  const q = (down: boolean): number =>
    conditionService(
      ctx.prepared,
      compileService(ctx.resolved.structure, new Map([[f.node.index, down ? ALWAYS_DOWN : ALWAYS_UP]])),
      ctx.cache,
      true,
    ).q;
  return Math.max(0, q(true) - q(false));
}

function describe(model: Model, tiers: readonly number[]): string {
  return tiers.map((t) => model.tiers[t]?.name ?? '').join(', ');
}
