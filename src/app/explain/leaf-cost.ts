/** Leaf rules for the cost: every part's quantity × price, and the totals. */
import { formatAmount, formatBytes, formatCount } from '../../report/format.js';
import { at, type Body, type Formulas, type LeafEnv, pick, type Rule } from './leaf-rule.js';
import { step } from './sources.js';

function cost(env: LeafEnv, field: string, part?: number): Body | undefined {
  const c = env.analysis.cost;
  if (c === undefined) return undefined;
  if (part !== undefined) {
    const p = c.parts[part];
    if (p === undefined) return undefined;
    const f: Formulas = {
      quantity: [
        p.basis === 'nodes'
          ? 'the tier’s nodes'
          : p.basis === 'stored'
            ? 'stored bytes (steady state at the horizon)'
            : '1 (a fixed amount)',
        p.basis === 'stored' ? 'bytes' : 'count',
      ],
      unitPricePerMonth: ['the price as given, per 30-day month', 'amount'],
      perMonth: [`quantity × unit price = ${p.quantity} × ${p.unitPricePerMonth}`, 'amount'],
      perYear: ['quantity × price per second × 365 d', 'amount'],
    };
    return pick(f, field, `cost of ${p.kind} ${p.name} (${p.basis}): ${field}`);
  }
  const quantity = (p: (typeof c.parts)[number]): string =>
    p.basis === 'stored'
      ? `${formatBytes(p.quantity)} × ${formatAmount(p.unitPricePerMonth * 1e12)}/TB`
      : `${formatCount(p.quantity)} × ${formatAmount(p.unitPricePerMonth)}`;
  const steps = c.parts.map((p) =>
    step(`${p.kind} ${p.name} (${p.basis})`, `${quantity(p)} a month`, p.perMonth, 'amount', formatAmount(p.perMonth)),
  );
  const f: Formulas = {
    perMonth: ['Σ over the parts of quantity × price per month', 'amount'],
    perYear: ['Σ over the parts of quantity × price per second × 365 d', 'amount'],
    perNinePerMonth: ['per month / the service nines', 'amount'],
  };
  return pick(f, field, `cost: ${field}`, { steps });
}

export const COST_RULES: readonly Rule[] = [
  { pattern: /^\.cost\.parts\[(\d+)\]\.(\w+)$/, explain: (env, m) => cost(env, m[2] ?? '', at(m, 1)) },
  { pattern: /^\.cost\.(\w+)$/, explain: (env, m) => cost(env, m[1] ?? '') },
];
