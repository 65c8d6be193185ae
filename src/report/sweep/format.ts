import {
  formatAmount,
  formatBytes,
  formatCount,
  formatDuration,
  formatPercentFromUnavailability,
  formatProbability,
} from '../format.js';
import type { FigureDef, FigureId, Figures, SweepPoint } from './view.js';
import { FIGURES } from './view.js';

/**
 * A figure in its unit for text and Markdown; availability from its unavailability so that
 * it never rounds up to 100%. `-` when the figure does not exist (not recoverable, no data).
 * @example formatFigure(def('availability'), figures) // "99.9702%"
 */
export function formatFigure(def: FigureDef, figures: Figures): string {
  const x = figures[def.id];
  if (x === null) return def.id.startsWith('rpo[') || def.id.startsWith('rto[') ? 'lost' : '-';
  switch (def.unit) {
    case 'fraction':
      return formatPercentFromUnavailability(figures.unavailability ?? 1 - x);
    case 'probability':
    case 'lossPerYear':
      return formatProbability(x);
    case 'nines':
      return x.toFixed(2);
    case 'seconds':
      return formatDuration(x);
    case 'perYear':
      return formatCount(x);
    case 'bytes':
      return formatBytes(x);
    case 'amount':
      return formatAmount(x);
    default: {
      const never: never = def.unit;
      throw new Error(`unknown unit ${String(never)}`);
    }
  }
}

/** The registry entry of a figure id. */
export function figureDef(id: FigureId): FigureDef {
  const def = FIGURES.find((f) => f.id === id);
  if (def === undefined) throw new Error(`unknown figure ${id}`);
  return def;
}

/** Figures a table never shows: the unavailability is the availability's other side. */
const TABLE_HIDDEN: ReadonlySet<FigureId> = new Set(['unavailability']);
/** Left out of the terminal table to keep it narrow (CSV, Markdown and JSON carry them). */
const TEXT_HIDDEN: ReadonlySet<FigureId> = new Set(['nines', 'costPerYear', 'costPerNine']);

/**
 * Figures worth a column in a table: present at some valid point, and (with `varyingOnly`)
 * not the same at every point; the constant ones are listed once beside the table.
 */
export function figureColumns(
  points: readonly SweepPoint[],
  varyingOnly: boolean,
): { columns: FigureDef[]; constant: FigureDef[] } {
  const valid = points.flatMap((p) => (p.figures === null ? [] : [p.figures]));
  const columns: FigureDef[] = [];
  const constant: FigureDef[] = [];
  for (const def of FIGURES) {
    if (TABLE_HIDDEN.has(def.id) || (varyingOnly && TEXT_HIDDEN.has(def.id))) continue;
    const values = valid.map((f) => f[def.id]);
    if (values.every((v) => v === null)) continue;
    const first = values[0] ?? null;
    const same = values.every(
      (v) =>
        v === first ||
        (v !== null && first !== null && Math.abs(v - first) <= 1e-12 * Math.max(Math.abs(v), Math.abs(first))),
    );
    if (varyingOnly && same && valid.length > 1) constant.push(def);
    else columns.push(def);
  }
  return { columns, constant };
}

/** Pass/fail of a point's targets for a table cell; `compact` names only the first missed target. */
export function statusCell(point: SweepPoint, compact = false): string {
  switch (point.status) {
    case 'pass':
      return 'pass';
    case 'none':
      return '-';
    case 'invalid':
      return 'invalid';
    case 'warn':
    case 'fail':
    case 'inconclusive':
      return compact && point.missed.length > 1
        ? `${point.status}: ${point.missed[0] ?? ''} +${point.missed.length - 1}`
        : `${point.status}: ${point.missed.join(', ')}`;
    default: {
      const never: never = point.status;
      throw new Error(`unknown status ${String(never)}`);
    }
  }
}
