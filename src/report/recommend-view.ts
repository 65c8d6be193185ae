/** What `nines recommend` (and `check` after missed targets) shows: ranked, verified single changes. */

/** The effect of a change on one target. */
export type TargetEffect = {
  readonly id: string;
  readonly before: number | null;
  readonly after: number | null;
  readonly beforeStatus: string;
  readonly afterStatus: string;
};

export type Recommendation = {
  /** The arguments to add to the command: `--set 'PATH=VALUE'` (one per set). */
  readonly argument: string;
  /** PATH=VALUE: the first (usually the only) `--set` of the change. */
  readonly set: string;
  /** Every `--set` of the change (a standby in another region needs two: its tier and the service). */
  readonly sets: readonly string[];
  readonly change: string;
  /** Targets missed before and met with the change. */
  readonly fixes: readonly string[];
  /** Targets met before and missed with the change. */
  readonly breaks: readonly string[];
  /** Targets still missed with the change. */
  readonly stillMissed: readonly string[];
  /** True when every target is met with the change. */
  readonly meetsAll: boolean;
  readonly serviceUnavailabilityBefore: number;
  readonly serviceUnavailabilityAfter: number;
  readonly effects: readonly TargetEffect[];
};

export type RecommendResult = {
  readonly missed: readonly string[];
  readonly recommendations: readonly Recommendation[];
  /** Candidates tried (each a full re-run). */
  readonly tried: number;
};
