import type { Recovery, RecoveryPhases, RecoveryStrategy } from '../../model/data-protection.js';
import type { Scenario } from '../../model/types.js';
import { isRaw, type Raw, type Reader } from './reader.js';
import { SCENARIOS } from '../../model/metrics.js';

const STRATEGIES: readonly RecoveryStrategy[] = [
  'active-active',
  'hot-standby',
  'warm-standby',
  'pilot-light',
  'backup-restore',
];

/**
 * `recovery`: the strategy and the RTO phases (each defaults to 0 s), and per disruption
 * (`node`, `zone`, `region`, `corruption`) phases that override the defaults field by field.
 */
export function readRecovery(reader: Reader, raw: unknown): Recovery | undefined {
  if (!isRaw(raw)) return undefined;
  const strategy = STRATEGIES.find((s) => s === raw['strategy']);
  const read = (
    from: Raw,
    path: readonly (string | number)[],
    defaults: RecoveryPhases | undefined,
  ): RecoveryPhases => {
    const phase = (key: string, fallback: number): number =>
      reader.duration(from[key], [...path, key], 'non-negative') ?? fallback;
    return {
      detectionSeconds: phase('detection', defaults?.detectionSeconds ?? 0),
      failoverSeconds: phase('failover', defaults?.failoverSeconds ?? 0),
      provisioningSeconds: phase('provisioning', defaults?.provisioningSeconds ?? 0),
      validationSeconds: phase('validation', defaults?.validationSeconds ?? 0),
    };
  };
  const defaults = read(raw, ['recovery'], undefined);
  const byScenario: Partial<Record<Scenario, RecoveryPhases>> = {};
  for (const scenario of SCENARIOS) {
    const over = raw[scenario];
    if (isRaw(over)) byScenario[scenario] = read(over, ['recovery', scenario], defaults);
  }
  return strategy === undefined ? undefined : { strategy, ...defaults, byScenario };
}
