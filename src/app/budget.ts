/**
 * The budget use case (`nines budget`): an availability target ('99.95%', '4 nines', 0.9995,
 * 4.5) → the downtime it allows per day, week, month, quarter and year, the view its renderers
 * show and the JSON document. A target that does not parse is a coded error. No I/O.
 */
import { downtimeBudget } from '../analytic/budget.js';
import { ninesError } from '../errors.js';
import { envelope } from '../report/json/envelope.js';
import type { BudgetView } from '../report/text/budget.js';
import { parseAvailabilityArgument } from '../units/fraction.js';
import { nines } from '../units/nines.js';

export type BudgetOutcome = { readonly view: BudgetView; readonly document: Record<string, unknown> };

/**
 * The downtime budget of a target.
 * @example runBudget('99.99%').view.budget.at(-1)?.downtimeSeconds // 1e-4 × 365 × 86 400 s = 3153.6 s
 */
export function runBudget(target: string): BudgetOutcome {
  const parsed = parseAvailabilityArgument(target);
  if (!parsed.ok) throw ninesError('bad-argument', `target '${target}'`, parsed.message);
  const q = parsed.complement;
  const budget = downtimeBudget(q);
  const document = {
    ...envelope('budget'),
    target: { availability: parsed.value, unavailability: q, nines: nines(q) },
    budget,
  };
  return { view: { unavailability: q, budget }, document };
}
