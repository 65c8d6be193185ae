import type {
  Backup,
  BackupCapacity,
  Data,
  DataCopy,
  Durability,
  Location,
  Replication,
} from '../../model/data-protection.js';
import type { Path } from '../problem.js';
import { readShardFailure } from './failure.js';
import { readLocation, type Domains } from './location.js';
import { int, isRaw, list, str, type Raw, type Reader } from './reader.js';

/** `data`: size, change, growth, reduction, replication, copies, backups (read by readBackups), durability. */
export function readData(reader: Reader, raw: unknown, domains: Domains, backups: readonly Backup[]): Data | undefined {
  if (!isRaw(raw)) return undefined;
  const tier = str(raw['tier']);
  const sizeBytes = reader.size(raw['size'], ['data', 'size']);
  const fraction = (key: string): number => reader.fraction(raw[key], ['data', key])?.value ?? 0;
  const dailyChange = fraction('dailyChange');
  const yearlyGrowth = reader.growth(raw['yearlyGrowth'], ['data', 'yearlyGrowth']) ?? 0;
  const reduction = fraction('reduction');
  const replication = readReplication(reader, raw['replication'], ['data', 'replication']) ?? {
    mode: 'sync',
    lagSeconds: 0,
  };
  const copies = list(raw['copies']).flatMap((c, i) => readCopy(reader, c, ['data', 'copies', i], domains));
  const durability = readDurability(reader, raw['durability'], ['data', 'durability'], sizeBytes);
  const corruption = isRaw(raw['corruption'])
    ? reader.duration(raw['corruption']['mtbf'], ['data', 'corruption', 'mtbf'])
    : undefined;
  const capacityBytes = reader.size(raw['capacity'], ['data', 'capacity'], 'positive');
  const backupCapacity = readBackupCapacity(reader, raw['backupCapacity'], backups, domains);
  if (tier === undefined || sizeBytes === undefined) return undefined;
  return {
    tier,
    sizeBytes,
    dailyChange,
    yearlyGrowth,
    reduction,
    replication,
    copies,
    backups,
    durability,
    ...(capacityBytes === undefined ? {} : { capacityBytes }),
    ...(backupCapacity.length === 0 ? {} : { backupCapacity }),
    ...(corruption === undefined ? {} : { corruptionRate: 1 / corruption }),
  };
}

/** `backupCapacity`: location → size, for the locations some backup is stored at. */
function readBackupCapacity(
  reader: Reader,
  raw: unknown,
  backups: readonly Backup[],
  domains: Domains,
): BackupCapacity[] {
  if (!isRaw(raw)) return [];
  const name = (l: Location): string => (l.kind === 'offsite' ? 'offsite' : l.name);
  const used = [...new Set(backups.map((b) => name(b.location)))];
  return Object.entries(raw).flatMap(([key, value]) => {
    const path: Path = ['data', 'backupCapacity', key];
    const bytes = reader.size(value, path, 'positive');
    // A location no backup uses is reported by rules/backup-capacity.
    const location = used.includes(key) ? readLocation(key, domains) : undefined;
    return bytes === undefined || location === undefined ? [] : [{ location, bytes }];
  });
}

function readReplication(reader: Reader, raw: unknown, path: Path): Replication | undefined {
  if (!isRaw(raw)) return undefined;
  const mode = raw['mode'] === 'async' ? 'async' : 'sync';
  const lag = reader.duration(raw['lag'], [...path, 'lag'], 'non-negative') ?? 0;
  if (mode === 'sync' && lag > 0)
    reader.report(
      'suspicious-value',
      [...path, 'lag'],
      'sync replication has no lag; the lag is ignored',
      'value',
      'warning',
    );
  return { mode, lagSeconds: mode === 'sync' ? 0 : lag };
}

function readCopy(reader: Reader, raw: unknown, path: Path, domains: Domains): DataCopy[] {
  if (!isRaw(raw)) return [];
  const name = str(raw['name']);
  const replication = readReplication(reader, raw, path);
  const location = readLocation(
    raw['zone'] ?? raw['region'] ?? raw['location'],
    domains,
    raw['zone'] !== undefined ? 'zone' : raw['region'] !== undefined ? 'region' : undefined,
  );
  return name !== undefined && replication && location ? [{ name, ...replication, location }] : [];
}

/**
 * `durability`. A shard's repair time is its rebuild: given, or the bytes of one shard over the
 * rebuild throughput, one shard = size / (groups × data shards) (a replica: size / groups).
 */
function readDurability(
  reader: Reader,
  raw: unknown,
  path: Path,
  sizeBytes: number | undefined,
): Durability | undefined {
  if (!isRaw(raw)) return undefined;
  const scheme = readScheme(raw['scheme']);
  const given = reader.duration(raw['rebuild'], [...path, 'rebuild']);
  const rebuildThroughputBytesPerSecond = reader.throughput(raw['rebuildThroughput'], [...path, 'rebuildThroughput']);
  const groups = int(raw['groups']) ?? 1;
  if (scheme === undefined) return undefined;
  const shardBytes =
    sizeBytes === undefined ? undefined : sizeBytes / groups / (scheme.kind === 'erasure' ? scheme.data : 1);
  const derived =
    shardBytes !== undefined && rebuildThroughputBytesPerSecond !== undefined
      ? shardBytes / rebuildThroughputBytesPerSecond
      : undefined;
  const rebuildSeconds = given ?? derived;
  const shardFailure = readShardFailure(reader, raw['shardFailure'], [...path, 'shardFailure'], rebuildSeconds);
  if (shardFailure === undefined || rebuildSeconds === undefined) return undefined;
  return { scheme, shardFailure, rebuildSeconds, rebuildThroughputBytesPerSecond, groups };
}

function readScheme(raw: unknown): Durability['scheme'] | undefined {
  if (!isRaw(raw)) return undefined;
  const erasure: Raw | undefined = isRaw(raw['erasure']) ? raw['erasure'] : undefined;
  if (erasure) {
    const data = int(erasure['data']);
    const parity = int(erasure['parity']);
    return data !== undefined && parity !== undefined ? { kind: 'erasure', data, parity } : undefined;
  }
  const replicas = int(raw['replicas']);
  return replicas !== undefined ? { kind: 'replicas', replicas } : undefined;
}
