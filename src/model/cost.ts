/**
 * Prices of a model (optional, currency-neutral), normalised: amounts per second and per byte
 * per second. One item per priced element; the engine multiplies each by its quantity.
 */

/** What an item prices and how its quantity is found. */
export type CostItem =
  /** Every node of a tier, per node: quantity = the tier's node count. */
  | { readonly kind: 'tier'; readonly name: string; readonly perNodePerSecond: number }
  /** A fixed amount for a zone or a region. */
  | { readonly kind: 'zone' | 'region'; readonly name: string; readonly fixedPerSecond: number }
  /** A backup job's stored bytes (steady state at the end of the horizon). */
  | { readonly kind: 'backup'; readonly name: string; readonly perByteSecond: number }
  /** The live data: S(H) × the stored copies of the durability scheme. `name` is the data tier. */
  | { readonly kind: 'data'; readonly name: string; readonly perByteSecond: number }
  /** A copy outside the data tier: S(H) stored, plus a fixed amount (its compute). */
  | { readonly kind: 'copy'; readonly name: string; readonly perByteSecond: number; readonly fixedPerSecond: number };

export type CostKind = CostItem['kind'];
