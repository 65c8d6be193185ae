/**
 * The rebuild time of one lost shard from a rebuild throughput when the data tier's nodes hold
 * shards of many groups (declustered placement, as in Ceph's placement groups or Backblaze's
 * vaults): a failed node takes L = G·n / N shards at once (G groups of n shards over N nodes),
 * and each lost shard is rebuilt by one stream at the throughput R (reading its group's
 * survivors, writing to a peer). The N − 1 surviving nodes run the streams in parallel (parity
 * declustering: Holland & Gibson, "Parity Declustering for Continuous Operation in Redundant
 * Disk Arrays", ASPLOS 1992, §4: the reconstruction load is spread over all surviving disks), so
 * the failed node's L·s bytes are back after
 *   T = (s / R) · max(1, L / (N − 1))   (s = bytes of one shard)
 * with L ≤ 1 (each node holds at most one shard of the data) T = s/R: one stream per lost shard.
 * One stream per surviving node is the assumption (a node writes one rebuild at R at a time).
 * @example declusteredRebuildSeconds(1e12, 1e8, 60 * 20, 20) // 1e4 s · 60/19 ≈ 31,579 s
 */
export function declusteredRebuildSeconds(
  shardBytes: number,
  throughputBytesPerSecond: number,
  shardsTotal: number,
  nodes: number | undefined,
): number {
  const single = shardBytes / throughputBytesPerSecond;
  if (nodes === undefined || !(nodes > 1)) return single;
  const perNode = shardsTotal / nodes;
  return single * Math.max(1, perNode / (nodes - 1));
}
