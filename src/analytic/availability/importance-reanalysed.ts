/**
 * Importance measures of a model whose service unavailability is more than its static
 * structure (failover switchover windows, per-failure interruptions, logical corruption):
 * Q(1_i) and Q(0_i) come from the model re-analysed with the part forced (the drill's
 * conditioning), so that every figure of `importance[]` agrees with `service` and with a drill.
 * A node's (per node of its group: the group's first node), zone's or region's Q(0_i) is
 * re-analysed with it never down (q = 0, rate 0: it starts no switchover), and its FV is
 * (Q − Q(0_i)) / Q; I_B = Q(1_i) − Q(0_i) and criticality = FV, as for a tier.
 */
import { conditionModel, neverDown } from '../../model/condition.js';
import type { FailureRef } from '../../model/down-set.js';
import { resolveModel } from '../../model/resolve.js';
import type { Model } from '../../model/types.js';
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
  // One resolution for every conditioning below (the down set of a part is looked up in it).
  const resolved = resolveModel(model);
  const out = rows.map((s): Importance => {
    if (s.subjectKind === 'tier') {
      const down = q(conditionModel(model, [{ kind: 'tier', name: s.subject }], 'as-usual', resolved));
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
    const ref: FailureRef =
      s.subjectKind === 'node'
        ? { kind: 'node', name: s.subject, tier: s.tier ?? '', index: Number(/\[(\d+)/.exec(s.subject)?.[1] ?? 0) }
        : { kind: s.subjectKind, name: s.subject };
    const down = q(conditionModel(model, [ref], 'as-usual', resolved));
    // FV as (Q − Q(0_i)) / Q: a part's switchovers scale with its failure rate, which forcing
    // it down (Q(1_i)) does not see, so q·I_B / Q would understate its share.
    return { ...s, ...measures(Q, s.unavailability, down, s.unavailability > 0 ? q(neverDown(model, ref)) : Q, false) };
  });
  const raw = (x: Importance): number => x.raw ?? Infinity;
  return out.sort((a, b) => b.fussellVesely - a.fussellVesely || (raw(b) === raw(a) ? 0 : raw(b) > raw(a) ? 1 : -1));
}
