/**
 * The shared first half of an availability analysis (prepare, condition on the zone/region
 * states, the failover terms), and the two lean analyses built on it that compute only what
 * their callers read: {@link subAnalysis} for a failover's primary and standby (what
 * failover-terms.ts and failover-causes.ts read) and {@link serviceUnavailability} for the
 * importance re-analyses (Q alone). Their figures are those of the full analysis, computed by
 * the same expressions in the same order, so they agree with it to the last bit.
 */
import { resolveModel, tiersOf, type ResolvedModel } from '../../model/resolve.js';
import type { Failover, Model } from '../../model/types.js';
import { type CorruptionDowntime, corruptionDowntime, switchovers, type Switchover } from '../failover/switchover.js';
import { conditionService, type Conditioned, type TierCache } from './conditioning.js';
import { failoverTerms, type FailoverTerms, type SubAnalysis } from './failover-terms.js';
import { clamp01 } from './figures.js';
import { serviceFrequency, type DomainConditional, type Frequency } from './frequency.js';
import { survivesLoss } from './loss.js';
import { ALWAYS_DOWN, ALWAYS_UP } from './pair.js';
import { prepare, type Prepared } from './prepare.js';
import { serviceCore, type SectionCtx } from './sections.js';
import { compileService, type ServiceEvaluator } from './service-expr.js';
import { MAX_STATES, type DomainSpace } from './zone-states.js';

/** τ of every failover node of the model, by its spec (what {@link analysisCore} reads). */
export function switchoverTimes(resolved: ResolvedModel): ReadonlyMap<Failover, Switchover> {
  const list = switchovers(resolved);
  const taus = new Map<Failover, Switchover>();
  resolved.failovers.forEach((f, i) => {
    const tau = list[i];
    if (tau !== undefined) taus.set(f.node.spec, tau);
  });
  return taus;
}

/** What an analysis reads of the conditioned sums. */
export type Reads = {
  /** Skip the per-tier and per-node sums (and the interruption sums with them): q alone. */
  readonly light: boolean;
  /** Only the tiers the structure mentions: not the sums of the others (a failover's side). */
  readonly mentioned: boolean;
};

/**
 * Prepares the model, conditions the service on the zone/region states and sums the failover
 * terms, whose primaries and standbys are {@link subAnalysis}'d.
 */
export function analysisCore(
  resolved: ResolvedModel,
  taus: ReadonlyMap<Failover, Switchover>,
  maxStates: number,
  reads: Reads = { light: false, mentioned: false },
): SectionCtx {
  const prepared = prepare(resolved);
  const service = compileService(resolved.structure);
  const cache: TierCache = new Map();
  const read = reads.mentioned ? new Set(tiersOf(resolved.structure)) : undefined;
  const cond = conditionService(prepared, service, cache, reads.light, prepared.space, maxStates, read);
  const terms = failoverTerms({
    resolved,
    prepared,
    cache,
    switchover: taus,
    analyze: (m) => subAnalysis(resolveModel(m), taus, maxStates),
  });
  return { model: resolved.model, prepared, service, cache, cond, maxStates, terms };
}

/** The domains' conditionals, the outage frequency (switchovers and interruptions included). */
export function frequencies(ctx: SectionCtx): {
  readonly zoneCond: readonly DomainConditional[];
  readonly regionCond: readonly DomainConditional[];
  readonly frequency: Frequency;
} {
  const { model, cond } = ctx;
  const zoneCond = model.zones.map((_, z) => conditional(ctx, 'zone', z));
  const regionCond = model.regions.map((_, r) => conditional(ctx, 'region', r));
  const staticFrequency = serviceFrequency(model, cond, zoneCond, regionCond);
  return { zoneCond, regionCond, frequency: withSwitchovers(withInterruptions(staticFrequency, cond), ctx.terms) };
}

/** Per tier: does its loss alone (every other tier up) take the static structure down? */
export function tierLossTakesDown(prepared: Prepared, service: ServiceEvaluator): boolean[] {
  return prepared.tiers.map(
    (_, t) => service(prepared.tiers.map((_, i) => (i === t ? ALWAYS_DOWN : ALWAYS_UP))).a !== 1,
  );
}

/** Per tier: the outages its declared interruptions start (rate per second) and their length. */
export function interruptionsOf(model: Model, cond: Conditioned): SubAnalysis['interruptions'] {
  return cond.tierBlipNu.map((rate, t) => ({ rate, seconds: model.tiers[t]?.interruptionSeconds ?? 0 }));
}

/** What a failover's primary or standby analysis must give, and nothing else (see SubAnalysis). */
export function subAnalysis(
  resolved: ResolvedModel,
  taus: ReadonlyMap<Failover, Switchover>,
  maxStates: number,
): SubAnalysis {
  // The primary or standby reads the sums of its own tiers only (its frequency, interruptions).
  const ctx = analysisCore(resolved, taus, maxStates, { light: false, mentioned: true });
  const { model, prepared, service, cond, terms } = ctx;
  const { zoneCond, regionCond, frequency } = frequencies(ctx);
  const given = (zonesDown: ReadonlySet<number>, c: DomainConditional | undefined) => ({
    serviceSurvivesLoss: survivesLoss(prepared, service, zonesDown),
    serviceAvailabilityGivenLoss: c?.downA ?? 0,
  });
  return {
    service: serviceCore(cond, terms, frequency),
    zones: model.zones.map((_, z) => given(new Set([z]), zoneCond[z])),
    regions: model.regions.map((_, r) =>
      given(new Set(model.zones.flatMap((_, z) => (prepared.space.zoneRegion[z] === r ? [z] : []))), regionCond[r]),
    ),
    frequency,
    interruptions: interruptionsOf(model, cond),
    tierLossTakesDown: tierLossTakesDown(prepared, service),
  };
}

/**
 * The switchover times and corruption downtime of a model, which a copy of it with parts forced
 * down or up (model/condition.ts) shares: they read the structure, the data and the recovery
 * plan, never a component's failure figures (test/analytic/availability/importance-recovery.test.ts
 * holds this for every part of every example model and fixture).
 */
export type ConditionedRecovery = {
  readonly taus: ReadonlyMap<Failover, Switchover>;
  readonly corruption: CorruptionDowntime | undefined;
};

/**
 * The service unavailability Q of `analyzeAvailability(model).service` alone: the static
 * structure, switchovers, interruptions and logical corruption, without the sections,
 * frequencies, risks and importance nobody reads (the importance re-analyses' Q(1_i), Q(0_i)).
 * @example serviceUnavailability(conditionModel(model, [{ kind: 'zone', name: 'az-a' }]))
 */
export function serviceUnavailability(
  model: Model,
  maxStates: number = MAX_STATES,
  recovery?: ConditionedRecovery,
): number {
  const resolved = resolveModel(model);
  // The interruption sums are the per-tier sums' part: skip them only where there are none.
  const light = !model.tiers.some((t) => (t.interruptionSeconds ?? 0) > 0);
  const taus = recovery?.taus ?? switchoverTimes(resolved);
  const { cond, terms } = analysisCore(resolved, taus, maxStates, { light, mentioned: true });
  const q = clamp01(cond.q + cond.blipQ + terms.dq);
  const corruption = recovery === undefined ? corruptionDowntime(model) : recovery.corruption;
  return corruption === undefined || corruption.unavailability === 0 ? q : clamp01(q + corruption.unavailability);
}

/** The frequency plus the outages that per-failure interruptions start. */
function withInterruptions(f: Frequency, cond: Conditioned): Frequency {
  return cond.blipNu > 0 && f.total !== null ? { ...f, total: f.total + cond.blipNu } : f;
}

/** The static frequency plus the switchovers' Δν (split to node groups where attributed). */
function withSwitchovers(f: Frequency, terms: FailoverTerms): Frequency {
  if (terms.report.length === 0) return f;
  const total = f.total === null || terms.staticParts.length > 0 ? null : Math.max(0, f.total + terms.dnu);
  return {
    ...f,
    total,
    nodes: f.nodes.map((row, t) => row.map((x, g) => Math.max(0, x + (terms.nodesNu[t]?.[g] ?? 0)))),
    staticSubjects: [...new Set([...f.staticSubjects, ...terms.staticParts])],
  };
}

/** E[q_svc], E[a_svc] given the domain down and given it up: from the state sums, or forced. */
function conditional(ctx: SectionCtx, kind: 'zone' | 'region', i: number): DomainConditional {
  const { prepared, cond } = ctx;
  const q = (kind === 'zone' ? prepared.space.zoneQ : prepared.space.regionQ)[i] ?? 0;
  const sums = kind === 'zone' ? cond.zone : cond.region;
  const at = (xs: readonly number[]): number => xs[i] ?? 0;
  if (q > 0 && q < 1) {
    return {
      downQ: clamp01(at(sums.downQ) / q),
      downA: clamp01(at(sums.downA) / q),
      upQ: clamp01(at(sums.upQ) / (1 - q)),
      upA: clamp01(at(sums.upA) / (1 - q)),
    };
  }
  const forced = (down: boolean): { q: number; a: number } => {
    if (q >= 1 === down) return cond;
    const space: DomainSpace = {
      ...prepared.space,
      [kind === 'zone' ? 'zoneQ' : 'regionQ']: (kind === 'zone' ? prepared.space.zoneQ : prepared.space.regionQ).map(
        (x, j) => (j === i ? (down ? 1 : 0) : x),
      ),
    };
    return conditionService(prepared, ctx.service, ctx.cache, true, space, ctx.maxStates);
  };
  const down = forced(true);
  const up = forced(false);
  return { downQ: clamp01(down.q), downA: clamp01(down.a), upQ: clamp01(up.q), upA: clamp01(up.a) };
}
