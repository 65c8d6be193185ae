/** Importance measures and minimal cut sets of the availability result (re-exported by result.ts). */
/**
 * Importance of one subject for the service outage (formulas in importance.ts and the README).
 * Node figures are per node of the group; ratios that would be infinite are null.
 */
export type Importance = {
  readonly subject: string;
  readonly subjectKind: 'node' | 'tier' | 'zone' | 'region';
  /** The subject's own steady-state unavailability (a tier's includes its zones and regions). */
  readonly unavailability: number;
  /** I_B = Q(subject down) − Q(subject up). */
  readonly birnbaum: number;
  /** q·I_B / Q for a node, zone or region; for a tier (a gate), (Q − Q(up)) / Q. */
  readonly criticality: number;
  /** (Q − Q(subject never down)) / Q, in [0, 1]. */
  readonly fussellVesely: number;
  /** Q(subject down) / Q ≥ 1; null when Q = 0 < Q(subject down). */
  readonly raw: number | null;
  /** Q / Q(subject never down) ≥ 1; null when that is 0 (the subject is in every cut set). */
  readonly rrw: number | null;
  readonly serviceUnavailabilityIfDown: number;
  readonly serviceUnavailabilityIfUp: number;
  /** Nodes: the tier, zone and size of the group. */
  readonly tier?: string;
  readonly zone?: string | null;
  readonly count?: number;
};

/** One minimal cut set of the service: components whose joint failure takes it down. */
export type CutSet = {
  /** `region us-east`, `zone az-a`, `node db[0]`. */
  readonly components: readonly string[];
  /** Π q_i: the components are independent. */
  readonly probability: number;
  /** probability / Q: its share of the unavailability (cut sets overlap, so shares need not add to 1). */
  readonly share: number;
};

export type CutSets = {
  /** False when enumeration stopped at its budget, or was not asked for: then `sets` is empty. */
  readonly complete: boolean;
  readonly count: number;
  /** Σ P(C), the rare-event approximation of Q (an upper bound on it). */
  readonly rareEventSum: number;
  /** Sorted by probability, highest first. */
  readonly sets: readonly CutSet[];
};
