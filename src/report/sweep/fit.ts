import type { FigureDef, FigureId } from './view.js';

/** Which figures keep their column first when the terminal is narrow. */
const PRIORITY: readonly string[] = [
  'availability',
  'costPerMonth',
  'downtimePerYear',
  'rpo',
  'rto',
  'durability',
  'backupStorage',
  'outagesPerYear',
  'dataAtRisk',
];

function priority(id: FigureId): number {
  const i = PRIORITY.findIndex((p) => id === p || id.startsWith(`${p}[`));
  return i < 0 ? PRIORITY.length : i;
}

/** Columns a cell text takes in a table: the widest cell or heading, plus padding and a rule. */
export function columnWidth(head: string, cells: readonly string[]): number {
  return Math.max([...head].length, ...cells.map((c) => [...c].length)) + 3;
}

/**
 * The figures that fit beside `used` columns within `width`, taken in priority order
 * (availability, cost, downtime, RPO, RTO, …; or, with `inGivenOrder`, as given) until one does
 * not fit, at least one; returned in their own order with those left out.
 * @example fitFigures(defs, (d) => cells(d), 30, 80).shown
 */
export function fitFigures(
  candidates: readonly FigureDef[],
  cellsOf: (def: FigureDef) => readonly string[],
  used: number,
  width: number,
  inGivenOrder = false,
): { shown: FigureDef[]; hidden: FigureDef[] } {
  const keep = new Set<FigureId>();
  let total = used;
  for (const def of inGivenOrder ? candidates : [...candidates].sort((a, b) => priority(a.id) - priority(b.id))) {
    const w = columnWidth(def.label, cellsOf(def));
    if (total + w > width && keep.size > 0) break;
    keep.add(def.id);
    total += w;
  }
  return { shown: candidates.filter((c) => keep.has(c.id)), hidden: candidates.filter((c) => !keep.has(c.id)) };
}
