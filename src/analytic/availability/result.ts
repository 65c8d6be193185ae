/**
 * The availability result: its shape is the JSON the report prints (camelCase, base units:
 * seconds, fractions, rates per second), unrounded. `null` stands for a figure that does not
 * exist (nines of a component that never fails, a frequency of static components).
 */

import type { CutSets, Importance } from './result-importance.js';

export type { CutSet, CutSets, Importance } from './result-importance.js';

/** Steady-state and horizon figures of one component kind (a node group, a zone, a region). */
export type ComponentFigures = {
  readonly availability: number;
  readonly unavailability: number;
  /** −log10(unavailability); null when the component never fails. */
  readonly nines: number | null;
  /** λ = 1/MTBF per second; null for a static component (availability or probability only). */
  readonly failureRate: number | null;
  readonly mtbfSeconds: number | null;
  readonly mttrSeconds: number | null;
  /** P(at least one failure within the horizon): F(H) = −expm1(−λH), or p for a static component. */
  readonly failureProbability: number;
  /** True when the spec has no time behaviour (no rate): it contributes no outage frequency. */
  readonly static: boolean;
};

export type ServiceResult = {
  readonly availability: number;
  readonly unavailability: number;
  readonly nines: number | null;
  /** unavailability × 365 d. */
  readonly downtimeSecondsPerYear: number;
  /** unavailability × 30 d. */
  readonly downtimeSecondsPerMonth: number;
  /** ν × 365 d with ν = Σ_i I_B(i)·A_i·λ_i; null when a component that can fail is static. */
  readonly outagesPerYear: number | null;
  /** unavailability / ν; null without a frequency or when the service never fails. */
  readonly meanOutageSeconds: number | null;
  /**
   * P(at least one outage within the horizon): exact for a single repairable component,
   * 1 − (1 − q)·e^(−λH); else the rare-event −expm1(−νH). null without a frequency.
   */
  readonly failureProbability: number | null;
  /** How failureProbability was computed: 'exact', or the 'rare-event' approximation (simulate measures it). */
  readonly failureProbabilityMethod: 'exact' | 'rare-event' | null;
  /** 1/ν: mean time between the starts of consecutive outages (mean up time + mean outage). */
  readonly mtbfSeconds: number | null;
  /** availability / ν: mean length of an up period. */
  readonly meanUpSeconds: number | null;
  /** ν: service failures per second. */
  readonly failureFrequency: number | null;
  /** Zone/region states evaluated when conditioning on them. */
  readonly statesEvaluated: number;
  /**
   * Probability of the zone/region states skipped as negligible (0 when exact): the true
   * unavailability lies in [unavailability, unavailability + prunedProbability].
   */
  readonly prunedProbability: number;
  /** False when states were skipped: unavailability is then the lower end of `unavailabilityBounds`. */
  readonly exact: boolean;
  /** A rigorous interval holding the exact unavailability (lower = upper when exact). */
  readonly unavailabilityBounds: UnavailabilityBounds;
  /** A rigorous interval holding the exact outages per year (frequency-bounds.ts); null without a frequency. */
  readonly outagesPerYearBounds: OutageBounds | null;
};

/**
 * [lower, upper] around the exact unavailability when improbable zone/region states were
 * skipped: each skipped subtree contributes between its mass times q in its best and in its
 * worst state (the structure is coherent). width = upper − lower.
 */
export type UnavailabilityBounds = { readonly lower: number; readonly upper: number; readonly width: number };
/** A rigorous interval holding the exact outages per year (lower = upper when exact). */
export type OutageBounds = { readonly lower: number; readonly upper: number };

/** A node group of a tier: its placement, size and per-node figures. */
export type NodeGroupResult = ComponentFigures & {
  readonly zone: string | null;
  readonly count: number;
  /** This group's nodes' share of the service's outage frequency ν (null without frequency). */
  readonly outagesPerYear: number | null;
};

/** Capacity of a tier left after losing a zone or region, against its demand. */
export type CapacityAfterLoss = {
  readonly tier: string;
  readonly nodesLeft: number;
  /** perNode × nodesLeft, in the tier's capacity unit. */
  readonly capacity: number;
  readonly demand: number;
  readonly meetsDemand: boolean;
  /** floor((capacity − demand) / perNode): whole nodes of headroom (negative: short). */
  readonly spareNodes: number;
  /** N+1: the tier still meets demand after the loss and one more node failure. */
  readonly nPlusOne: boolean;
};

export type TierResult = {
  readonly name: string;
  readonly nodes: number;
  readonly minHealthy: number;
  readonly failuresTolerated: number;
  /** The tier's own availability, zone and region failures included. */
  readonly availability: number;
  readonly unavailability: number;
  readonly nines: number | null;
  /** As for the service: false when zone/region states were skipped. */
  readonly exact: boolean;
  readonly unavailabilityBounds: UnavailabilityBounds;
  /** 1 − Π(1 − F_g(H))^{n_g} = −expm1(Σ n_g·log1p(−F_g(H))): some node fails within the horizon. */
  readonly anyNodeFailureProbability: number;
  /** Σ n_g·λ_g·a_g·H (steady-state failure frequency × horizon); n_g·p for static nodes. */
  readonly expectedNodeFailures: number;
  /**
   * P(more than n − k nodes fail within the horizon with no repair): a k-of-n tail with each
   * node failing with F_g(H). Node failures only: zone and region failures are not included.
   */
  readonly quorumLossProbability: number;
  readonly groups: readonly NodeGroupResult[];
  readonly zones: readonly string[];
  /** The service's availability if this tier could never be down (its Birnbaum "up" state). */
  readonly serviceAvailabilityIfPerfect: number;
  /** (q_svc − q_svc(tier perfect)) / q_svc: the share of unavailability this tier causes. */
  readonly unavailabilityShare: number;
  readonly capacity: {
    readonly perNode: number;
    readonly demand: number;
    readonly total: number;
    readonly meetsDemand: boolean;
  } | null;
};

/** A failure domain (zone or region): its own figures and what its loss does to the service. */
export type DomainResult = {
  readonly name: string;
  readonly availability: number;
  readonly unavailability: number;
  readonly nines: number | null;
  readonly failureProbability: number;
  readonly nodes: number;
  /** With it down and everything else up, is the service up? */
  readonly serviceSurvivesLoss: boolean;
  /** E[A_svc | it is down], the other zones and regions failing as usual. */
  readonly serviceAvailabilityGivenLoss: number;
  readonly serviceUnavailabilityGivenLoss: number;
  /** E[A_svc | it is up]: the service if this domain never failed. */
  readonly serviceAvailabilityIfPerfect: number;
  readonly unavailabilityShare: number;
  readonly capacityAfterLoss: readonly CapacityAfterLoss[];
};

export type ZoneResult = DomainResult & { readonly region: string | null };
export type RegionResult = DomainResult & { readonly zones: readonly string[] };

/**
 * The textbook questions about a set of independent failure domains (their own failures).
 * With three zones of probability 0.01: anyFailsWithinHorizonProbability = 1 − 0.99³ = 0.029701
 * and allDownAtOnceProbability = 0.01³ = 1e-6.
 */
export type DomainSummary = {
  readonly count: number;
  /** P(at least one fails within the horizon) = 1 − Π(1 − F_i(H)). */
  readonly anyFailsWithinHorizonProbability: number;
  /** P(all are down at the same moment) = Π q_i (steady state). */
  readonly allDownAtOnceProbability: number;
  /** P(at least one is down at a given moment) = 1 − Π(1 − q_i). */
  readonly anyDownAtOnceProbability: number;
};

export type Components = {
  readonly nodes: readonly (ComponentFigures & {
    readonly tier: string;
    readonly zone: string | null;
    readonly count: number;
  })[];
  readonly zones: readonly (ComponentFigures & { readonly name: string })[];
  readonly regions: readonly (ComponentFigures & { readonly name: string })[];
  readonly zoneSummary: DomainSummary;
  readonly regionSummary: DomainSummary;
};

export type SubjectKind = 'tier' | 'zone' | 'region';

export type Risk =
  | {
      readonly kind: 'single-point-of-failure';
      readonly subjectKind: SubjectKind;
      readonly subject: string;
      /** `no-redundancy`: a tier with n = k; `domain-loss`: its loss alone takes the service down. */
      readonly reason: 'no-redundancy' | 'domain-loss';
      readonly message: string;
    }
  | {
      /** A zone or region whose loss a healthy standby covers: not a single point of failure. */
      readonly kind: 'failover-path';
      readonly subjectKind: SubjectKind;
      readonly subject: string;
      readonly standby: string;
      readonly switchoverSeconds: number;
      /** Share of the service unavailability caused by this domain's losses, switchovers included. */
      readonly unavailabilityShare: number;
      readonly message: string;
    }
  | {
      readonly kind: 'weakest-link';
      readonly subjectKind: SubjectKind;
      readonly subject: string;
      readonly unavailabilityShare: number;
      readonly serviceAvailabilityIfPerfect: number;
      readonly message: string;
    };

export type WarningCode =
  | 'tier-cannot-meet-demand'
  | 'min-healthy-below-demand'
  | 'tier-min-healthy-exceeds-nodes'
  | 'tier-in-one-zone'
  | 'tier-not-in-service'
  | 'mttr-exceeds-mtbf'
  | 'zone-without-failure'
  | 'region-without-failure'
  | 'static-no-frequency'
  | 'states-pruned'
  | 'failover-shared-domain'
  | 'failover-switchover'
  | 'failover-without-rates'
  | 'failover-common-cause'
  | 'failover-nested';

export type Warning = { readonly code: WarningCode; readonly message: string; readonly path?: string };

/** A failover node: its switchover and what the switchover windows cost the service. */
export type FailoverResult = {
  /** Tiers of the primary and of the standby, comma-separated. */
  readonly primary: string;
  readonly standby: string;
  /** The disruption separating them, whose recovery phases set the switchover. */
  readonly scope: 'node' | 'zone' | 'region';
  /** τ: from the primary's failure until the standby carries the load. */
  readonly switchoverSeconds: number;
  /** given on the node, the data-protection scenario's RTO, the strategy's phases, or none. */
  readonly switchoverSource: 'given' | 'scenario' | 'strategy' | 'none';
  readonly switchoverPhases: {
    readonly detectionSeconds: number;
    readonly failoverSeconds: number;
    readonly provisioningSeconds: number;
    readonly restoreSeconds: number;
    readonly validationSeconds: number;
  } | null;
  /** c: probability that a switchover succeeds. */
  readonly success: number;
  readonly failbackSeconds: number;
  readonly primaryUnavailability: number;
  readonly primaryOutagesPerYear: number | null;
  readonly primaryMeanOutageSeconds: number | null;
  readonly standbyUnavailability: number;
  /** I_F: Birnbaum importance of the node in the service structure (1 at the root). */
  readonly importance: number;
  /** I_F·Δq_F: the service unavailability the switchover windows add. */
  readonly switchoverUnavailability: number;
  readonly switchoverDowntimeSecondsPerYear: number;
  /** Zones and regions holding both sides: their loss takes the standby too (first order). */
  readonly sharedDomains: readonly string[];
};

export type AvailabilityResult = {
  readonly horizonSeconds: number;
  readonly service: ServiceResult;
  /** Failover nodes of the service structure, in post-order. */
  readonly failovers: readonly FailoverResult[];
  /**
   * With failover nodes: what their switchover windows (and failbacks) add to the static
   * structure, a loss that starts several of them counted once; included in `service`.
   */
  readonly switchoverUnavailability?: number;
  /** With `data.corruption`: its downtime (rate × RTO), included in `service`. */
  readonly corruption?: {
    readonly disruptionsPerYear: number;
    readonly rtoSeconds: number | null;
    readonly unavailability: number;
  };
  readonly tiers: readonly TierResult[];
  readonly zones: readonly ZoneResult[];
  readonly regions: readonly RegionResult[];
  readonly components: Components;
  readonly risks: readonly Risk[];
  readonly warnings: readonly Warning[];
  /** Every node group, tier, zone and region ranked by Fussell–Vesely (then RAW). */
  readonly importance: readonly Importance[];
  readonly cutSets: CutSets;
};
