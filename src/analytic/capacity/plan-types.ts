/** The result of `nines plan` (analytic/capacity/plan.ts): runways, additions, steps. */
import type { JobResult } from './goodput.js';
import type { SparesResult } from './spares.js';

export type RunwayKind = 'demand' | 'zone-loss' | 'availability' | 'backup-storage' | 'data-capacity';

export type Runway = {
  /** A tier, a target id (`availability`, `availability[db]`), a backup location, or `data`. */
  readonly subject: string;
  readonly kind: RunwayKind;
  /** When it first breaks with what the model has; null: not within the horizon. */
  readonly breaksAtSeconds: number | null;
  readonly reason: string;
};

export type Addition = {
  readonly tier: string;
  /** Nodes must be in service by then. */
  readonly bySeconds: number;
  readonly addNodes: number;
  /** Serving nodes after the addition (spares not counted). */
  readonly totalNodes: number;
  readonly reason: 'demand' | 'zone-loss' | 'availability';
};

export type PlanTierStep = {
  readonly tier: string;
  readonly demand: number;
  /** Serving nodes the model has. */
  readonly nodes: number;
  readonly capacity: number;
  readonly neededForDemand: number;
  /** Serving nodes, spread evenly over the tier's zones, to carry the demand after the worst single loss. */
  readonly neededForLoss: number | null;
  /** Serving nodes in the plan (demand, N+1 and the availability targets), null without availability targets. */
  readonly neededForTarget: number | null;
};

export type PlanStorageStep = {
  readonly subject: string;
  readonly kind: 'backup-storage' | 'data-capacity';
  readonly bytes: number;
  readonly capacityBytes: number | null;
};

export type PlanStep = {
  readonly atSeconds: number;
  readonly tiers: readonly PlanTierStep[];
  readonly storage: readonly PlanStorageStep[];
};

export type PlanResult = {
  readonly horizonSeconds: number;
  readonly stepSeconds: number;
  readonly runway: readonly Runway[];
  readonly steps: readonly PlanStep[];
  readonly additions: readonly Addition[];
  readonly spares: readonly SparesResult[];
  readonly jobs: readonly JobResult[];
  /** Limits of the plan, for a person. */
  readonly planNotes: readonly string[];
};

export type PlanOptions = { readonly horizonSeconds: number; readonly stepSeconds: number };
