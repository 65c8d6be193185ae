import type { CostPart, CostResult } from '../../analytic/cost.js';
import { formatAmount, formatBytes, formatCount } from '../format.js';
import type { TextStyle } from '../style.js';
import { table } from '../table.js';

/**
 * The cost section of `nines analyze`: each priced part (quantity × unit price) per month and
 * per year, the total, and the cost per nine. Amounts carry no currency: the model's own.
 * @example renderCost(result, textStyle(false))
 */
export function renderCost(cost: CostResult, style: TextStyle): string {
  const t = table(['Part', 'Quantity', 'Unit price/month', 'Per month', 'Per year'], style, {
    colAligns: ['left', 'right', 'right', 'right', 'right'],
  });
  for (const p of cost.parts)
    t.push([`${p.kind} ${p.name}`, quantity(p), unitPrice(p), formatAmount(p.perMonth), formatAmount(p.perYear)]);
  t.push([
    style.chalk.bold('total'),
    '',
    '',
    style.chalk.bold(formatAmount(cost.perMonth)),
    style.chalk.bold(formatAmount(cost.perYear)),
  ]);
  const perNine =
    cost.perNinePerMonth === null
      ? 'cost per nine: - (no finite, positive nines)'
      : `cost per nine: ${formatAmount(cost.perNinePerMonth)}/month (monthly cost ÷ service nines)`;
  return `${[style.chalk.bold('Cost'), '  month = 30 d, year = 365 d; storage at the end of the horizon', t.toString(), `  ${perNine}`].join('\n')}\n`;
}

function quantity(p: CostPart): string {
  switch (p.basis) {
    case 'nodes':
      return `${formatCount(p.quantity)} node${p.quantity === 1 ? '' : 's'}`;
    case 'stored':
      return formatBytes(p.quantity);
    case 'fixed':
      return 'fixed';
    default: {
      const never: never = p.basis;
      throw new Error(`unknown basis ${String(never)}`);
    }
  }
}

function unitPrice(p: CostPart): string {
  return p.basis === 'stored' ? `${formatAmount(p.unitPricePerMonth * 1e12)}/TB` : formatAmount(p.unitPricePerMonth);
}
