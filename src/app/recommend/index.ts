/**
 * `nines recommend` and the recommendations `nines check` prints after missed targets: ranked
 * single changes, each verified by re-running the whole pipeline (the `--set` override
 * machinery, validation, the analytic engine, the gate) with it, with its effect on every
 * target and the argument to paste. A change that breaks another target says so.
 */
import type { GateRecord } from '../../gate/index.js';
import { rerun, type RecommendInput } from '../rerun.js';
import type { Recommendation, RecommendResult, TargetEffect } from '../../report/recommend-view.js';
import { candidates } from './candidates.js';

export type { RecommendInput } from '../rerun.js';
export type * from '../../report/recommend-view.js';

const missedStatus = (r: GateRecord): boolean => r.status !== 'pass';

/** `PATH=VALUE` quoted for a POSIX shell when it needs to be. */
export function shellArgument(set: string): string {
  return /^[A-Za-z0-9_.=\-[\]/:@%+,]+$/.test(set) ? `--set ${set}` : `--set '${set.replace(/'/g, `'\\''`)}'`;
}

/**
 * Ranked recommendations: changes meeting every target first, then by targets fixed, targets
 * broken (fewest), service unavailability after. Only changes that fix a missed target (or,
 * when none is missed, lower the service unavailability without breaking a target) are kept.
 * @example recommend({ text, file, set: ['tiers.db.nodes=1'], targets: [], fail: [] }).recommendations[0].argument
 */
export function recommend(input: RecommendInput, limit = 6): RecommendResult | undefined {
  const base = rerun(input, input.set);
  if (base === undefined) return undefined;
  const missed = base.gate.records.filter(missedStatus);
  const q0 = base.analysis.availability.service.unavailability;
  const list = candidates(base.model, base.raw, base.analysis, missed);
  const out: Recommendation[] = [];
  for (const c of list) {
    const after = rerun(input, [...input.set, ...c.sets]);
    if (after === undefined) continue;
    const byId = new Map(after.gate.records.map((r) => [r.id, r] as const));
    const effects = base.gate.records.map((r): TargetEffect => {
      const a = byId.get(r.id);
      return {
        id: r.id,
        before: r.actual,
        after: a?.actual ?? null,
        beforeStatus: r.status,
        afterStatus: a?.status ?? 'fail',
      };
    });
    const fixes = effects.filter((e) => e.beforeStatus !== 'pass' && e.afterStatus === 'pass').map((e) => e.id);
    const breaks = effects.filter((e) => e.beforeStatus === 'pass' && e.afterStatus !== 'pass').map((e) => e.id);
    const q1 = after.analysis.availability.service.unavailability;
    const useful = missed.length > 0 ? fixes.length > 0 : q1 < q0 && breaks.length === 0;
    if (!useful) continue;
    out.push({
      argument: c.sets.map(shellArgument).join(' '),
      set: c.sets[0] ?? '',
      sets: c.sets,
      change: c.change,
      fixes,
      breaks,
      stillMissed: effects
        .filter((e) => e.afterStatus !== 'pass')
        .map((e) => e.id)
        .filter((id) => !breaks.includes(id)),
      meetsAll: after.gate.records.every((r) => r.status === 'pass'),
      serviceUnavailabilityBefore: q0,
      serviceUnavailabilityAfter: q1,
      effects,
    });
  }
  out.sort(
    (a, b) =>
      Number(b.meetsAll) - Number(a.meetsAll) ||
      b.fixes.length - a.fixes.length ||
      a.breaks.length - b.breaks.length ||
      a.serviceUnavailabilityAfter - b.serviceUnavailabilityAfter,
  );
  return { missed: missed.map((r) => r.id), recommendations: out.slice(0, limit), tried: list.length };
}
