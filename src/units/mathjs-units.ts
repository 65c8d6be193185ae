/**
 * The one mathjs instance of nines: only the Unit factory, with our time conventions.
 *
 * mathjs's own `year` is 365.25 d and its `month` a twelfth of that, and it has no `d`; nines
 * documents year = 365 d and month = 30 d (DESIGN §4), so those are redefined here. Nothing
 * from a model file ever reaches `evaluate`: only `unit(text)` runs, on text that has already
 * matched the whitelist in quantity.ts.
 */
import {
  create,
  createUnitDependencies,
  unitDependencies,
  type FactoryFunctionMap,
  type Unit,
} from 'mathjs';

// The typings mark each dependency map optional; both are present in mathjs 15.
const math = create({ unitDependencies, createUnitDependencies } as FactoryFunctionMap);

math.createUnit(
  {
    d: { definition: '86400 s', aliases: [] },
    w: { definition: '604800 s', aliases: ['wk'] },
    y: { definition: '31536000 s', aliases: ['yr'] },
    KB: { definition: '1000 B', aliases: [] },
  },
  { override: true },
);
for (const name of ['year', 'years']) math.createUnit(name, '31536000 s', { override: true });
for (const name of ['month', 'months']) math.createUnit(name, '2592000 s', { override: true });

/** Converts `value unit` text (already whitelisted) to a number in `baseUnit`. */
export function convert(text: string, baseUnit: 's' | 'B' | 'B/s'): number {
  const unit: Unit = math.unit(text);
  return unit.toNumber(baseUnit);
}
