/**
 * What `nines sweep` and `nines design` hand to their renderers: the figures of each point of
 * a grid, named by a fixed registry so that text, CSV, Markdown, JSON and charts agree.
 */
import type { GateStatusOverall } from '../../gate/index.js';
import type { Scenario } from '../../model/types.js';
import { SCENARIOS } from '../../model/metrics.js';

export type FigureUnit =
  | 'fraction'
  | 'probability'
  | 'nines'
  | 'seconds'
  | 'perYear'
  | 'bytes'
  | 'amount'
  | 'lossPerYear';

export type FigureDef = {
  readonly id: FigureId;
  /** Short column heading. */
  readonly label: string;
  readonly unit: FigureUnit;
  readonly better: 'higher' | 'lower';
};

export type FigureId =
  | 'availability'
  | 'unavailability'
  | 'nines'
  | 'downtimePerYear'
  | 'outagesPerYear'
  | `rpo[${Scenario}]`
  | `rto[${Scenario}]`
  | `dataAtRisk[${Scenario}]`
  | 'durability'
  | 'backupStorage'
  | 'costPerMonth'
  | 'costPerYear'
  | 'costPerNine';

/** Every figure a point has, in column order. `durability` is the window model's P(loss)/year. */
export const FIGURES: readonly FigureDef[] = [
  { id: 'availability', label: 'Availability', unit: 'fraction', better: 'higher' },
  { id: 'unavailability', label: 'Unavailability', unit: 'probability', better: 'lower' },
  { id: 'nines', label: 'Nines', unit: 'nines', better: 'higher' },
  { id: 'downtimePerYear', label: 'Downtime/y', unit: 'seconds', better: 'lower' },
  { id: 'outagesPerYear', label: 'Outages/y', unit: 'perYear', better: 'lower' },
  ...SCENARIOS.map((s): FigureDef => ({ id: `rpo[${s}]`, label: `RPO ${s}`, unit: 'seconds', better: 'lower' })),
  ...SCENARIOS.map((s): FigureDef => ({ id: `rto[${s}]`, label: `RTO ${s}`, unit: 'seconds', better: 'lower' })),
  ...SCENARIOS.map(
    (s): FigureDef => ({ id: `dataAtRisk[${s}]`, label: `At risk ${s}`, unit: 'bytes', better: 'lower' }),
  ),
  { id: 'durability', label: 'P(loss)/y', unit: 'lossPerYear', better: 'lower' },
  { id: 'backupStorage', label: 'Backups', unit: 'bytes', better: 'lower' },
  { id: 'costPerMonth', label: 'Cost/month', unit: 'amount', better: 'lower' },
  { id: 'costPerYear', label: 'Cost/year', unit: 'amount', better: 'lower' },
  { id: 'costPerNine', label: 'Cost/nine', unit: 'amount', better: 'lower' },
];

export type Figures = Readonly<Record<FigureId, number | null>>;

/** A Monte Carlo 95% interval of the service unavailability at one point. */
export type PointSimulation = {
  readonly estimate: number;
  readonly stdErr: number;
  readonly ci: readonly [number, number];
  readonly trials: number;
};

export type SweepAxisView = { readonly path: string; readonly range: string; readonly values: readonly string[] };

export type SweepPoint = {
  /** Index of each axis's value. */
  readonly at: readonly number[];
  /** Each axis's value as `--set` text. */
  readonly values: readonly string[];
  /** The point as `--set PATH=VALUE` arguments. */
  readonly set: readonly string[];
  /** false: these values make the model invalid (the problems say why); no figures. */
  readonly valid: boolean;
  readonly problems: readonly string[];
  readonly figures: Figures | null;
  /** The targets at this point: `none` when there are none. */
  readonly status: GateStatusOverall | 'none' | 'invalid';
  /** Ids of the targets missed (error or warn level) or inconclusive. */
  readonly missed: readonly string[];
  readonly simulation?: PointSimulation;
};

export type SweepView = {
  readonly modelName: string;
  readonly file: string;
  readonly method: 'analytic' | 'simulate';
  readonly axes: readonly SweepAxisView[];
  readonly targets: readonly string[];
  readonly points: readonly SweepPoint[];
};

/** What `nines sweep` hands its renderers: the sweep and the figure the text charts (`--plot`). */
export type SweepShown = SweepView & { readonly plot?: FigureId | undefined };

export type DesignView = {
  readonly modelName: string;
  readonly file: string;
  readonly axes: readonly SweepAxisView[];
  readonly targets: readonly string[];
  readonly search: 'exhaustive' | 'pruned';
  /** Points in the space, and how many were analysed. */
  readonly points: number;
  readonly evaluated: number;
  readonly lineAxis: string | undefined;
  readonly passingCount: number;
  /** The cheapest designs that meet every target, cheapest first. */
  readonly designs: readonly SweepPoint[];
  readonly best: SweepPoint | null;
  /** The best design as `--set PATH=VALUE` texts: the command's own --set, then the axes. */
  readonly bestSet: readonly string[];
  readonly frontier: readonly SweepPoint[];
  /** The RPO figures the frontier also minimises (those that vary). */
  readonly frontierRpo: readonly FigureId[];
};

/** Figures with every value null: a base to set one figure on (chart tick labels). */
export function emptyFigures(): Record<FigureId, number | null> {
  return Object.fromEntries(FIGURES.map((f) => [f.id, null])) as Record<FigureId, number | null>;
}
