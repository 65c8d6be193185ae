/**
 * Importance measures of a model whose service unavailability is more than its static
 * structure (failover switchover windows, per-failure interruptions, logical corruption):
 * Q(1_i) and Q(0_i) come from the model re-analysed with the part forced (the drill's
 * conditioning), so that every figure of `importance[]` agrees with `service` and with a drill.
 * A node's Q(0_i) follows from Q = q·Q(1_i) + (1 − q)·Q(0_i) (an independent basic event; the
 * switchover terms are first order, so this is too); a zone's or region's is re-analysed with
 * it never down, and its FV is (Q − Q(0_i)) / Q.
 */
import type { Model } from '../../model/types.js';
import { alwaysUp, conditionModel } from '../drill/condition.js';
import { measures } from './importance.js';
import type { Importance } from './result.js';

/** Re-ranks `importance` with Q(1_i), Q(0_i) from `q(model)`. @example reanalysedImportance(model, Q, rows, perfect, (m) => analyzeAvailability(m).service.unavailability) */
export function reanalysedImportance(
  model: Model,
  Q: number,
  rows: readonly Importance[],
  tierPerfectQ: ReadonlyMap<string, number>,
  q: (m: Model) => number,
): Importance[] {
  const out = rows.map((s): Importance => {
    if (s.subjectKind === 'tier') {
      const down = q(conditionModel(model, [{ kind: 'tier', name: s.subject }]));
      // Tier forced up (a gate, not a basic event): the tier result's Q with the tier perfect.
      return {
        ...s,
        ...measures(
          Q,
          s.unavailability,
          down,
          Math.min(Q, tierPerfectQ.get(s.subject) ?? s.serviceUnavailabilityIfUp),
          false,
        ),
      };
    }
    if (s.subjectKind === 'node') {
      const index = Number(/\[(\d+)/.exec(s.subject)?.[1] ?? 0);
      const down = q(conditionModel(model, [{ kind: 'node', name: s.subject, tier: s.tier ?? '', index }]));
      const u = s.unavailability;
      const up = u < 1 ? Math.max(0, (Q - u * down) / (1 - u)) : 0;
      return { ...s, ...measures(Q, u, down, up, true), birnbaum: Math.max(0, down - up) };
    }
    const down = q(conditionModel(model, [{ kind: s.subjectKind, name: s.subject }]));
    const never: Model =
      s.subjectKind === 'zone'
        ? {
            ...model,
            zones: model.zones.map((z) =>
              z.name === s.subject && z.failure ? { ...z, failure: alwaysUp(z.failure) } : z,
            ),
          }
        : {
            ...model,
            regions: model.regions.map((r) =>
              r.name === s.subject && r.failure ? { ...r, failure: alwaysUp(r.failure) } : r,
            ),
          };
    // FV as (Q − Q(0_i)) / Q: a zone's or region's switchovers scale with its failure rate,
    // which forcing it down (Q(1_i)) does not see, so q·I_B / Q would understate its share.
    return { ...s, ...measures(Q, s.unavailability, down, s.unavailability > 0 ? q(never) : Q, false) };
  });
  const raw = (x: Importance): number => x.raw ?? Infinity;
  return out.sort((a, b) => b.fussellVesely - a.fussellVesely || (raw(b) === raw(a) ? 0 : raw(b) > raw(a) ? 1 : -1));
}
