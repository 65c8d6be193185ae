/**
 * Importance measures of every node group, tier, zone and region for the service outage,
 * unavailability-based as fault-tree tools report them (SCRAM, RiskSpectrum, SAPHIRE; Rausand
 * & Høyland, System Reliability Theory, 2nd ed., 2004, §5; NUREG/CR-3385, Vesely et al. 1983).
 * With Q the service unavailability, q_i the subject's own unavailability, Q(1_i) the service
 * unavailability with the subject down and Q(0_i) with it never down:
 *
 *   Birnbaum     I_B  = Q(1_i) − Q(0_i)
 *   criticality  I_CR = P(i down and critical | service down) = q_i·I_B / Q
 *   Fussell–Vesely FV = (Q − Q(0_i)) / Q   (the share of Q that would go if i never failed)
 *   RAW               = Q(1_i) / Q          (risk achievement worth)
 *   RRW               = Q / Q(0_i)          (risk reduction worth; null when Q(0_i) = 0)
 *
 * For a node, zone or region (an independent basic event) Q = q_i·Q(1_i) + (1 − q_i)·Q(0_i),
 * so FV = I_CR exactly; cut-set tools report FV as Σ_{C ∋ i} P(C)/Q, its rare-event
 * approximation. A tier is a gate whose state depends on the zones it shares: Q(1_i), Q(0_i)
 * force the tier's state with everything else failing as usual, and I_CR = FV by the same
 * definition. Node measures are per node of the group. A component in no minimal cut set is
 * (with q > 0; cut sets list only those) is irrelevant to the structure: its measures are set exactly (I_B = 0, RAW = RRW = 1) rather
 * than left to the round-off of Q(1_i) − Q(0_i).
 */
import type { Model } from '../../model/types.js';
import type { Conditioned } from './conditioning.js';
import type { DomainConditional } from './frequency.js';
import type { Importance } from './result.js';

type Measures = Omit<Importance, 'subject' | 'subjectKind'>;

/**
 * Measures from Q, q_i, Q(1_i) and Q(0_i) (Birnbaum given separately when known without
 * cancellation, as for nodes).
 * @example measures(1e-4, 0.01, 0.005, 0) // RAW 50, RRW 1, FV 0 … (Q(0_i) = Q − q·I_B)
 */
export function measures(Q: number, q: number, qDownRaw: number, qUpRaw: number, basic: boolean): Measures {
  // A sum over zone states may come out a rounding above 1 (or, cancelling, below 0).
  const qDown = clamp01(qDownRaw);
  const qUp = clamp01(qUpRaw);
  const birnbaum = Math.max(0, qDown - qUp);
  const fv = Q > 0 ? clamp01(basic ? (q * birnbaum) / Q : (Q - qUp) / Q) : 0;
  return {
    unavailability: clamp01(q),
    birnbaum,
    criticality: fv,
    fussellVesely: fv,
    raw: Q > 0 ? Math.max(1, qDown / Q) : qDown > 0 ? null : 1,
    rrw: qUp > 0 ? Math.max(1, Q / qUp) : Q > 0 ? null : 1,
    serviceUnavailabilityIfDown: qDown,
    serviceUnavailabilityIfUp: qUp,
  };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/**
 * The importance of every node group (per node), tier, zone and region, ranked by
 * Fussell–Vesely (then RAW): the first rows are what matters most.
 * @example importanceMeasures(model, cond, zones, regions)[0].subject // 'us-east'
 */
export function importanceMeasures(
  model: Model,
  cond: Conditioned,
  zones: readonly (DomainConditional | undefined)[],
  regions: readonly (DomainConditional | undefined)[],
  relevant?: ReadonlySet<string>,
): Importance[] {
  const Q = cond.q;
  const out: Importance[] = [];
  const irrelevant = measures(Q, 0, Q, Q, true);
  const pick = (component: string, q: number, m: Measures): Measures =>
    relevant === undefined || q === 0 || relevant.has(component) ? m : { ...irrelevant, unavailability: q };
  model.tiers.forEach((tier, t) => {
    out.push({
      subject: tier.name,
      subjectKind: 'tier',
      ...measures(Q, cond.tierQ[t] ?? 0, cond.tierDownQ[t] ?? 0, cond.tierPerfectQ[t] ?? 0, false),
    });
    let first = 0;
    tier.groups.forEach((g, gi) => {
      const q = g.failure.unavailability;
      const ib = cond.nodeImportance[t]?.[gi] ?? 0;
      // Q = q·Q(1) + (1 − q)·Q(0) and I_B = Q(1) − Q(0).
      const last = first + g.count - 1;
      const m = pick(`node ${tier.name}[${first}]`, q, {
        ...measures(Q, q, Q + (1 - q) * ib, Math.max(0, Q - q * ib), true),
        birnbaum: ib,
      });
      out.push({
        subject: `${tier.name}[${first === last ? first : `${first}..${last}`}]`,
        subjectKind: 'node',
        ...m,
        tier: tier.name,
        zone: g.zone ?? null,
        count: g.count,
      });
      first += g.count;
    });
  });
  const domains = (kind: 'zone' | 'region', list: Model['zones'] | Model['regions'], conds: typeof zones): void => {
    list.forEach((d, i) => {
      const c = conds[i];
      if (c === undefined) return;
      const q = d.failure?.unavailability ?? 0;
      out.push({
        subject: d.name,
        subjectKind: kind,
        ...pick(`${kind} ${d.name}`, q, measures(Q, q, c.downQ, c.upQ, true)),
      });
    });
  };
  domains('zone', model.zones, zones);
  domains('region', model.regions, regions);
  const raw = (x: Importance): number => x.raw ?? Infinity;
  return out.sort((a, b) => b.fussellVesely - a.fussellVesely || (raw(b) === raw(a) ? 0 : raw(b) > raw(a) ? 1 : -1));
}
