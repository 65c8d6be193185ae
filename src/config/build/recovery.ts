import type { Recovery, RecoveryStrategy } from '../../model/types.js';
import { isRaw, type Reader } from './reader.js';

const STRATEGIES: readonly RecoveryStrategy[] = ['active-active', 'hot-standby', 'warm-standby', 'pilot-light', 'backup-restore'];

/** `recovery`: the strategy and the RTO phases (each defaults to 0 s). */
export function readRecovery(reader: Reader, raw: unknown): Recovery | undefined {
  if (!isRaw(raw)) return undefined;
  const strategy = STRATEGIES.find((s) => s === raw['strategy']);
  const phase = (key: string): number => reader.duration(raw[key], ['recovery', key], 'non-negative') ?? 0;
  const detectionSeconds = phase('detection');
  const failoverSeconds = phase('failover');
  const provisioningSeconds = phase('provisioning');
  const validationSeconds = phase('validation');
  return strategy === undefined ? undefined : { strategy, detectionSeconds, failoverSeconds, provisioningSeconds, validationSeconds };
}
