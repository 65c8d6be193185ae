/**
 * Strategy semantics of a switchover (DESIGN §4 "Failover and recovery", after the AWS
 * whitepaper "Disaster Recovery of Workloads on AWS", 2021): which recovery phases a
 * disruption costs before a standby carries the load.
 */
import type { Recovery, RecoveryPhases, RecoveryStrategy } from '../../model/data-protection.js';
import type { Scenario } from '../../model/types.js';
import type { RtoPhases } from './types.js';

/** No recovery plan: every phase 0. */
export const NO_PHASES: RecoveryPhases = {
  detectionSeconds: 0,
  failoverSeconds: 0,
  provisioningSeconds: 0,
  validationSeconds: 0,
};

/**
 * The phases for one disruption: `recovery.<scenario>` field by field over the defaults.
 * @example phasesFor(recovery, 'node').detectionSeconds // 10 with recovery.node.detection = 10 s
 */
export function phasesFor(recovery: Recovery | undefined, scenario: Scenario): RecoveryPhases {
  if (recovery === undefined) return NO_PHASES;
  return recovery.byScenario?.[scenario] ?? recovery;
}

export const sumPhases = (p: RtoPhases): number =>
  p.detectionSeconds + p.failoverSeconds + p.provisioningSeconds + p.restoreSeconds + p.validationSeconds;

/**
 * Switchover to a standby under a strategy: active-active none (both serve); hot standby
 * detection + failover + validation; warm standby adds provisioning (scale-up); pilot light
 * adds provisioning (start its compute); backup-restore adds provisioning and the restore.
 * @example strategyPhases('warm-standby', phases, 0) // 5 + 10 + 45 + 15 min in database-dr
 */
export function strategyPhases(strategy: RecoveryStrategy, p: RecoveryPhases, restoreSeconds: number): RtoPhases {
  const none: RtoPhases = {
    detectionSeconds: 0,
    failoverSeconds: 0,
    provisioningSeconds: 0,
    restoreSeconds: 0,
    validationSeconds: 0,
  };
  const hot: RtoPhases = {
    ...none,
    detectionSeconds: p.detectionSeconds,
    failoverSeconds: p.failoverSeconds,
    validationSeconds: p.validationSeconds,
  };
  switch (strategy) {
    case 'active-active':
      return none;
    case 'hot-standby':
      return hot;
    case 'warm-standby':
    case 'pilot-light':
      return { ...hot, provisioningSeconds: p.provisioningSeconds };
    case 'backup-restore':
      return { ...hot, provisioningSeconds: p.provisioningSeconds, restoreSeconds };
    default: {
      const never: never = strategy;
      throw new Error(`unknown strategy ${String(never)}`);
    }
  }
}
