import { table as makeTable } from '../table.js';
import type { DowntimeBudget } from '../../analytic/budget.js';
import { formatDuration, formatPercentFromUnavailability, formatNines } from '../format.js';
import type { TextStyle } from '../style.js';

/** What `nines budget` shows: the unavailability a target allows and its downtime per period. */
export type BudgetView = { readonly unavailability: number; readonly budget: readonly DowntimeBudget[] };

/** The downtime budget as a small table. */
export function renderBudget(unavailability: number, budget: readonly DowntimeBudget[], style: TextStyle): string {
  const table = makeTable(['period', 'allowed downtime'], style);
  for (const b of budget)
    table.push([`${b.period} (${formatDuration(b.periodSeconds)})`, formatDuration(b.downtimeSeconds)]);
  const title = `Downtime budget for ${formatPercentFromUnavailability(unavailability)} (${formatNines(unavailability)})`;
  return `${style.chalk.bold(title)}\n${table.toString()}\n`;
}
