import type { BackupMethod } from '../../model/data-protection.js';
import type { Normalised } from '../normalise/model.js';
import type { Reader } from '../normalise/reader.js';

/** Methods whose chains restart at a full every `fullEvery`. */
const NEEDS_FULL_EVERY: readonly BackupMethod[] = ['forward-incremental', 'differential'];

/**
 * A backup's method and `fullEvery` fit: forward-incremental and differential need it, the
 * others take none; and a full comes no more often than a backup (`fullEvery` ≥ `every`).
 */
export function backupSchedule({ parts }: Normalised, reader: Reader): void {
  for (const schedule of parts.schedules) {
    const path = reader.origins.path(schedule);
    if (path === undefined) continue;
    const { method, everySeconds, fullEverySeconds } = schedule;
    const given = reader.origins.wrote(schedule, 'fullEvery');
    const needs = method !== undefined && NEEDS_FULL_EVERY.includes(method);
    if (needs && !given) {
      reader.report(
        'missing-key',
        path,
        `method ${method} needs 'fullEvery' (how often a full backup starts a new chain, e.g. '7 d')`,
      );
    } else if (method !== undefined && !needs && given) {
      reader.report(
        'invalid-value',
        [...path, 'fullEvery'],
        `method ${method} takes no 'fullEvery': ${method === 'full' ? 'every point is a full' : 'it keeps a single full'}`,
        'key',
      );
    }
    if (everySeconds !== undefined && fullEverySeconds !== undefined && fullEverySeconds < everySeconds) {
      reader.report(
        'out-of-range',
        [...path, 'fullEvery'],
        `fullEvery must be at least 'every' (${schedule.everyText})`,
      );
    }
  }
}
