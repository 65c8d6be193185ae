/**
 * The gate's exit code (DESIGN §5): 0 pass, 1 a target missed, 3 inconclusive.
 */
import { EXIT } from '../errors.js';
import type { GateResult } from './types.js';

export type ExitPolicy = {
  /** More warnings than this fail the gate (eslint's --max-warnings); default: unlimited. */
  readonly maxWarnings?: number | undefined;
  /** Always 0 (eslint's --exit-zero): report without gating. */
  readonly exitZero?: boolean | undefined;
};

/** Why the gate exits as it does, and the code. */
export type GateExit = {
  readonly code: number;
  readonly reason: 'pass' | 'failed' | 'too-many-warnings' | 'inconclusive' | 'exit-zero';
};

/**
 * A failed error-level target → 1; otherwise an inconclusive one → 3; otherwise more warnings
 * than `maxWarnings` → 1; otherwise 0. `exitZero` turns every outcome into 0.
 * @example gateExit(result, { maxWarnings: 0 }).code
 */
export function gateExit(result: GateResult, policy: ExitPolicy = {}): GateExit {
  const outcome: GateExit =
    result.summary.failed > 0
      ? { code: EXIT.targetMissed, reason: 'failed' }
      : result.summary.inconclusive > 0
        ? { code: EXIT.inconclusive, reason: 'inconclusive' }
        : policy.maxWarnings !== undefined && result.summary.warnings > policy.maxWarnings
          ? { code: EXIT.targetMissed, reason: 'too-many-warnings' }
          : { code: EXIT.ok, reason: 'pass' };
  return policy.exitZero === true && outcome.code !== EXIT.ok ? { code: EXIT.ok, reason: 'exit-zero' } : outcome;
}
