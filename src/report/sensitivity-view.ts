/** What the sensitivity analysis shows: elasticities of Q and of missed targets' figures. */

/** One numeric input: its elasticities (null: the figure is 0 or did not exist). */
export type SensitivityRow = {
  /** The `--set` path, e.g. `regions.us-east.failure.mttr`. */
  readonly path: string;
  readonly name: string;
  /** In base units. */
  readonly value: number;
  readonly unit: 'seconds' | 'fraction' | 'count' | 'bytes' | 'bytesPerSecond';
  /** (∂Q/∂x)·(x/Q) for the service unavailability Q. */
  readonly serviceUnavailability: number | null;
  /** The same for each missed target's figure (availability, durability: its complement). */
  readonly targets: readonly { readonly id: string; readonly elasticity: number | null }[];
  readonly method: string;
};

export type SensitivityResult = {
  readonly serviceUnavailability: number;
  readonly missed: readonly string[];
  /** By |elasticity of Q|, largest first. */
  readonly rows: readonly SensitivityRow[];
};
