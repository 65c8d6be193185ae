/** What both timeline kernels produce: per-trial results of one chunk, and how a trial starts. */

/** How a trial starts: in the steady state (stationary renewal processes) or all up and new. */
export type TimelineStart = 'steady' | 'new';

/** Per-trial results of one chunk of timeline trials (index = trial within the chunk). */
export type TimelineChunk = {
  readonly trials: number;
  /** Service downtime within the horizon, seconds. */
  readonly downtime: Float64Array;
  /** Outages (up → down transitions of the service) within the horizon. */
  readonly outages: Uint32Array;
  /** Longest service outage within the horizon (truncated at its ends), seconds. */
  readonly longest: Float64Array;
  /** Start of the first outage, seconds; 0 if down at the start; Infinity if none. */
  readonly firstOutage: Float64Array;
  /** Per failover node, summed over the chunk: primary failures (switchovers started) and the node's down time. */
  readonly failoverEpisodes?: Float64Array;
  readonly failoverDownSeconds?: Float64Array;
};
