import type { Backup, BackupMethod } from '../../model/data-protection.js';
import type { Path } from '../problem.js';
import { readLocation, type Domains } from './location.js';
import { int, isRaw, list, str, type Reader } from './reader.js';

/**
 * `data.backups`: each backup with its method, schedule, retention and place. How the method
 * and `fullEvery` fit together is checked by rules/backup-schedule on the normalised schedules.
 */
export function readBackups(reader: Reader, data: unknown, domains: Domains): Backup[] {
  if (!isRaw(data)) return [];
  return list(data['backups']).flatMap((b, i) => readBackup(reader, b, ['data', 'backups', i], domains));
}

const METHODS: readonly BackupMethod[] = [
  'full',
  'forward-incremental',
  'forever-incremental',
  'reverse-incremental',
  'differential',
];

function readBackup(reader: Reader, raw: unknown, path: Path, domains: Domains): Backup[] {
  if (!isRaw(raw)) return [];
  const name = str(raw['name']);
  const method = METHODS.find((m) => m === raw['method']);
  const everySeconds = reader.duration(raw['every'], [...path, 'every']);
  const fullEverySeconds = reader.duration(raw['fullEvery'], [...path, 'fullEvery']);
  const durationSeconds = reader.duration(raw['duration'], [...path, 'duration'], 'non-negative');
  const throughputBytesPerSecond = reader.throughput(raw['throughput'], [...path, 'throughput']);
  const restoreThroughputBytesPerSecond = reader.throughput(raw['restoreThroughput'], [...path, 'restoreThroughput']);
  const location = readLocation(raw['location'], domains);
  const retention = readRetention(raw['retention']);
  const schedule = { method, everySeconds, fullEverySeconds, everyText: String(raw['every']) };
  reader.origins.schedules.push(reader.origins.record(schedule, path, raw));
  if (
    name === undefined ||
    method === undefined ||
    everySeconds === undefined ||
    restoreThroughputBytesPerSecond === undefined ||
    location === undefined ||
    retention === undefined
  )
    return [];
  const backup: Backup = {
    name,
    method,
    everySeconds,
    fullEverySeconds,
    retention,
    location,
    durationSeconds,
    throughputBytesPerSecond,
    restoreThroughputBytesPerSecond,
  };
  return [backup];
}

function readRetention(raw: unknown): Backup['retention'] | undefined {
  if (!isRaw(raw)) return undefined;
  const points = int(raw['points']);
  if (points === undefined) return undefined;
  const n = (key: string): number => int(raw[key]) ?? 0;
  return { points, weekly: n('weekly'), monthly: n('monthly'), yearly: n('yearly') };
}
