import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModelText } from '../../src/config/load.js';

/**
 * The semantic rules (config/rules) on models that exercise each of them, several at once.
 * Expected problems were recorded from the implementation before the rules moved out of
 * normalisation (and read line by line): moving them changed no message, position or order,
 * except capacity-short, which was placed at `tiers` (the first tier) and is now at the
 * `capacity` of the tier it names.
 */
const CASES: readonly { name: string; why: string; yaml: string; problems: readonly (string | number)[][] }[] = [
  {
    name: 'quorum-spares',
    why: 'minHealthy written above the active nodes (spares not counted)',
    yaml: 'name: x\ntiers:\n  - name: a\n    nodes: 3\n    spares: 2\n    minHealthy: 4\n    failure: { availability: 99% }\n',
    problems: [
      [
        'quorum-exceeds-nodes',
        'error',
        'tiers[0].minHealthy',
        6,
        17,
        "minHealthy 4 is more than the tier's 3 node(s); it could never be up",
      ],
    ],
  },
  {
    name: 'capacity-short',
    why: 'a derived minHealthy above the nodes warns; a written one below does not',
    yaml: 'name: x\ntiers:\n  - name: a\n    nodes: 3\n    capacity: { perNode: 10, demand: 45 }\n    failure: { availability: 99% }\n  - name: b\n    nodes: 3\n    minHealthy: 2\n    capacity: { perNode: 10, demand: 45 }\n    failure: { availability: 99% }\n',
    problems: [
      [
        'capacity-short',
        'warning',
        'tiers[0].capacity',
        5,
        15,
        "tier 'a' needs 5 nodes of 10 to carry a demand of 45 but has 3: it is never up",
      ],
    ],
  },
  {
    name: 'mttr-everywhere',
    why: 'MTTR > MTBF on a region, a zone, a node group and a tier; not on afr specs or shards',
    yaml: 'name: x\nregions:\n  - { name: r1, failure: { mtbf: 1 h, mttr: 2 h } }\nzones:\n  - { name: z1, region: r1, failure: { mtbf: 1 h, mttr: 3 h } }\n  - { name: z2, region: r1 }\ntiers:\n  - name: a\n    nodes:\n      - { zone: z1, count: 2, failure: { mtbf: 1 h, mttr: 5 h } }\n      - { zone: z2, count: 2 }\n    failure: { mtbf: 1 h, mttr: 4 h }\n  - name: b\n    nodes: 2\n    spares: 1\n    failure: { afr: 5000%, mttr: 4 h }\ndata:\n  tier: a\n  size: 1 TB\n  durability: { replicas: 3, rebuild: 100 d, shardFailure: { mtbf: 1 d } }\n',
    problems: [
      [
        'suspicious-value',
        'warning',
        'regions[0].failure.mttr',
        3,
        45,
        'MTTR is longer than MTBF: the component is down more than it is up; is that meant?',
      ],
      [
        'suspicious-value',
        'warning',
        'zones[0].failure.mttr',
        5,
        57,
        'MTTR is longer than MTBF: the component is down more than it is up; is that meant?',
      ],
      [
        'suspicious-value',
        'warning',
        'tiers[0].nodes[0].failure.mttr',
        10,
        59,
        'MTTR is longer than MTBF: the component is down more than it is up; is that meant?',
      ],
      [
        'suspicious-value',
        'warning',
        'tiers[0].failure.mttr',
        12,
        33,
        'MTTR is longer than MTBF: the component is down more than it is up; is that meant?',
      ],
      [
        'missing-key',
        'error',
        'data.durability',
        20,
        15,
        "missing required key 'scheme' (Erasure coding, e.g. {erasure: {data: 17, parity: 3}}, or replication, e.g. {replicas: 3})",
      ],
      [
        'unknown-key',
        'error',
        'data.durability.replicas',
        20,
        17,
        "unknown key 'replicas'; expected one of: scheme, shardFailure, rebuild, rebuildThroughput, groups",
      ],
    ],
  },
  {
    name: 'mttr-bad-nodes',
    why: 'the MTTR warning survives a tier dropped for its own error',
    yaml: 'name: x\ntiers:\n  - name: a\n    nodes: { }\n    failure: { mtbf: 1 h, mttr: 4 h }\n',
    problems: [
      ['invalid-value', 'error', 'tiers[0].nodes', 4, 12, 'must NOT have fewer than 1 properties'],
      ['out-of-range', 'error', 'tiers[0].nodes', 4, 12, 'a tier needs at least one node'],
      [
        'suspicious-value',
        'warning',
        'tiers[0].failure.mttr',
        5,
        33,
        'MTTR is longer than MTBF: the component is down more than it is up; is that meant?',
      ],
    ],
  },
  {
    name: 'backups-mixed',
    why: 'fullEvery against the method and every; backupCapacity against the backups, also for a backup that did not normalise',
    yaml: 'name: x\nzones: [{ name: z1 }]\ntiers:\n  - name: db\n    nodes: 3\n    failure: { availability: 99% }\ndata:\n  tier: db\n  size: 1 TB\n  backupCapacity: { z1: 1 TB, offsite: 2 TB, z2: 1 TB, ofsite: 3 TB }\n  backups:\n    - { name: a, every: 1 d, method: full, fullEvery: 7 d, retention: { points: 7 }, location: offsite, restoreThroughput: 1 GB/s }\n    - { name: b, every: 1 d, method: differential, fullEvery: 12 h, retention: { points: 7 }, location: z1, restoreThroughput: 1 GB/s }\n    - { name: c, every: 1 d, method: forward-incremental, retention: { points: 7 }, location: zz, restoreThroughput: 1 GB/s }\n    - { name: d, every: 1 d, method: forever-incremental, fullEvery: 7 d, retention: { points: 7 }, location: z1, restoreThroughput: 1 GB/s }\n    - { name: e, every: 1 d, method: differential, fullEvery: 7 parsecs, retention: { points: 7 }, location: z1, restoreThroughput: 1 GB/s }\n',
    problems: [
      [
        'unknown-reference',
        'error',
        'data.backupCapacity.z2',
        10,
        46,
        "'z2' is not a location any backup is stored at (did you mean 'z1'? backup locations: offsite, z1)",
      ],
      [
        'unknown-reference',
        'error',
        'data.backupCapacity.ofsite',
        10,
        56,
        "'ofsite' is not a location any backup is stored at (did you mean 'offsite'? backup locations: offsite, z1)",
      ],
      [
        'invalid-value',
        'error',
        'data.backups[0]',
        12,
        7,
        'expected exactly one of {duration}, {throughput}; found none of them',
      ],
      [
        'invalid-value',
        'error',
        'data.backups[0].fullEvery',
        12,
        44,
        "method full takes no 'fullEvery': every point is a full",
      ],
      [
        'invalid-value',
        'error',
        'data.backups[1]',
        13,
        7,
        'expected exactly one of {duration}, {throughput}; found none of them',
      ],
      ['out-of-range', 'error', 'data.backups[1].fullEvery', 13, 63, "fullEvery must be at least 'every' (1 d)"],
      [
        'invalid-value',
        'error',
        'data.backups[2]',
        14,
        7,
        'expected exactly one of {duration}, {throughput}; found none of them',
      ],
      [
        'missing-key',
        'error',
        'data.backups[2]',
        14,
        7,
        "method forward-incremental needs 'fullEvery' (how often a full backup starts a new chain, e.g. '7 d')",
      ],
      ['unknown-reference', 'error', 'data.backups[2].location', 14, 95, "unknown location 'zz' (did you mean 'z1'?)"],
      [
        'invalid-value',
        'error',
        'data.backups[3]',
        15,
        7,
        'expected exactly one of {duration}, {throughput}; found none of them',
      ],
      [
        'invalid-value',
        'error',
        'data.backups[3].fullEvery',
        15,
        59,
        "method forever-incremental takes no 'fullEvery': it keeps a single full",
      ],
      [
        'invalid-value',
        'error',
        'data.backups[4]',
        16,
        7,
        'expected exactly one of {duration}, {throughput}; found none of them',
      ],
      [
        'invalid-unit',
        'error',
        'data.backups[4].fullEvery',
        16,
        63,
        "expected a duration like '30 s', '15 minute', '4 h', '2 d', '1 week' or '1 year'; unknown unit 'parsecs' in '7 parsecs'",
      ],
    ],
  },
  {
    name: 'backup-capacity-none',
    why: 'backupCapacity without backups',
    yaml: 'name: x\ntiers:\n  - name: db\n    nodes: 3\n    failure: { availability: 99% }\ndata:\n  tier: db\n  size: 1 TB\n  backupCapacity: { offsite: 1 TB }\n',
    problems: [
      [
        'unknown-reference',
        'error',
        'data.backupCapacity.offsite',
        9,
        21,
        "'offsite' is not a location any backup is stored at (the model has no backups)",
      ],
    ],
  },
  {
    name: 'names-mixed',
    why: 'duplicate names, unknown references everywhere, unnamed items still checked',
    yaml: 'name: x\nregions: [{ name: r1 }, { name: r1 }]\nzones:\n  - { region: r9 }\n  - { name: z1, region: r2 }\n  - { name: r1 }\ntiers:\n  - { nodes: { z7: 2 }, failure: { availability: 99% } }\n  - { name: web, nodes: { z1: 2, z8: 1 }, failure: { availability: 99% } }\n  - { name: db, nodes: [{ zone: z9, count: 2 }], failure: { availability: 99% } }\n  - { name: db, nodes: 2, failure: { availability: 99% } }\nservice: { all: [web, { atLeast: 3, of: [db, wbe] }, { failover: { primary: web, standby: { any: [dbb] } } }] }\ndata:\n  tier: dbx\n  size: 1 TB\n  copies: [{ name: c, zone: z0 }, { name: c, region: r7 }, { name: d, location: elsewhere }]\n  backups: [{ name: b, location: nowhere }, { name: b, location: offsite }]\ntargets:\n  availability: [{ min: 99%, tier: wbe }, { min: 99%, tier: web }]\n  rpo: 1 h\n',
    problems: [
      ['duplicate-name', 'error', 'regions[1].name', 2, 33, "the name 'r1' is already used by regions[0]"],
      ['missing-key', 'error', 'zones[0]', 4, 5, 'missing required key \'name\' (Unique zone name, e.g. "az-a")'],
      ['unknown-reference', 'error', 'zones[0].region', 4, 15, "unknown region 'r9' (did you mean 'r1'?)"],
      ['unknown-reference', 'error', 'zones[1].region', 5, 25, "unknown region 'r2' (did you mean 'r1'?)"],
      ['duplicate-name', 'error', 'zones[2].name', 6, 13, "the name 'r1' is already used by regions[0]"],
      ['missing-key', 'error', 'tiers[0]', 8, 5, 'missing required key \'name\' (Unique tier name, e.g. "gateway")'],
      ['unknown-reference', 'error', 'tiers[0].nodes.z7', 8, 16, "unknown zone 'z7' (did you mean 'z1'?)"],
      ['unknown-reference', 'error', 'tiers[1].nodes.z8', 9, 34, "unknown zone 'z8' (did you mean 'z1'?)"],
      ['unknown-reference', 'error', 'tiers[2].nodes[0].zone', 10, 33, "unknown zone 'z9' (did you mean 'z1'?)"],
      ['duplicate-name', 'error', 'tiers[3].name', 11, 13, "the name 'db' is already used by tiers[2]"],
      [
        'quorum-exceeds-nodes',
        'error',
        'service.all[1].atLeast',
        12,
        34,
        'atLeast 3 of only 2 alternative(s) can never hold',
      ],
      ['unknown-reference', 'error', 'service.all[1].of[1]', 12, 46, "unknown tier 'wbe' (did you mean 'web'?)"],
      [
        'duplicate-reference',
        'error',
        'service.all[2].failover.primary',
        12,
        77,
        "tier 'web' appears twice in the service expression (first at service.all[0]); name each tier once",
      ],
      [
        'unknown-reference',
        'error',
        'service.all[2].failover.standby.any[0]',
        12,
        99,
        "unknown tier 'dbb' (did you mean 'db'?)",
      ],
      ['unknown-reference', 'error', 'data.tier', 14, 9, "unknown tier 'dbx' (did you mean 'db'?)"],
      [
        'missing-key',
        'error',
        'data.copies[0]',
        16,
        12,
        "missing required key 'mode' (How writes reach the copy: sync | async, e.g. async)",
      ],
      ['unknown-reference', 'error', 'data.copies[0].zone', 16, 29, "unknown zone 'z0' (did you mean 'z1'?)"],
      [
        'missing-key',
        'error',
        'data.copies[1]',
        16,
        35,
        "missing required key 'mode' (How writes reach the copy: sync | async, e.g. async)",
      ],
      ['duplicate-name', 'error', 'data.copies[1].name', 16, 43, "the name 'c' is already used by data.copies[0]"],
      ['unknown-reference', 'error', 'data.copies[1].region', 16, 54, "unknown region 'r7' (did you mean 'r1'?)"],
      [
        'missing-key',
        'error',
        'data.copies[2]',
        16,
        60,
        "missing required key 'mode' (How writes reach the copy: sync | async, e.g. async)",
      ],
      ['invalid-value', 'error', 'data.copies[2].location', 16, 81, 'expected "offsite", got \'elsewhere\''],
      [
        'unknown-reference',
        'error',
        'data.copies[2].location',
        16,
        81,
        "unknown location 'elsewhere'; known locations: offsite",
      ],
      [
        'missing-key',
        'error',
        'data.backups[0]',
        17,
        13,
        'missing required key \'every\' (Interval between backups (a duration), e.g. "1 d")',
      ],
      [
        'missing-key',
        'error',
        'data.backups[0]',
        17,
        13,
        "missing required key 'method' (full | forward-incremental (periodic fulls, increments chained on them) | forever-incremental (one full, then increments merged into it) | reverse-incremental (the newest point is a full) | differential (changes since the last full), e.g. forward-incremental)",
      ],
      [
        'missing-key',
        'error',
        'data.backups[0]',
        17,
        13,
        "missing required key 'retention' (Restore points kept, e.g. {points: 14, weekly: 4, monthly: 12, yearly: 1})",
      ],
      [
        'missing-key',
        'error',
        'data.backups[0]',
        17,
        13,
        'missing required key \'restoreThroughput\' (Rate at which a restore reads the backup (a throughput), e.g. "1 GB/s")',
      ],
      [
        'invalid-value',
        'error',
        'data.backups[0]',
        17,
        13,
        'expected exactly one of {duration}, {throughput}; found none of them',
      ],
      [
        'unknown-reference',
        'error',
        'data.backups[0].location',
        17,
        34,
        "unknown location 'nowhere'; known locations: offsite, z1, r1, r1, r1",
      ],
      [
        'missing-key',
        'error',
        'data.backups[1]',
        17,
        45,
        'missing required key \'every\' (Interval between backups (a duration), e.g. "1 d")',
      ],
      [
        'missing-key',
        'error',
        'data.backups[1]',
        17,
        45,
        "missing required key 'method' (full | forward-incremental (periodic fulls, increments chained on them) | forever-incremental (one full, then increments merged into it) | reverse-incremental (the newest point is a full) | differential (changes since the last full), e.g. forward-incremental)",
      ],
      [
        'missing-key',
        'error',
        'data.backups[1]',
        17,
        45,
        "missing required key 'retention' (Restore points kept, e.g. {points: 14, weekly: 4, monthly: 12, yearly: 1})",
      ],
      [
        'missing-key',
        'error',
        'data.backups[1]',
        17,
        45,
        'missing required key \'restoreThroughput\' (Rate at which a restore reads the backup (a throughput), e.g. "1 GB/s")',
      ],
      [
        'invalid-value',
        'error',
        'data.backups[1]',
        17,
        45,
        'expected exactly one of {duration}, {throughput}; found none of them',
      ],
      ['duplicate-name', 'error', 'data.backups[1].name', 17, 53, "the name 'b' is already used by data.backups[0]"],
      [
        'unknown-reference',
        'error',
        'targets.availability[0].tier',
        19,
        36,
        "unknown tier 'wbe' (did you mean 'web'?)",
      ],
    ],
  },
  {
    name: 'standby',
    why: 'standby regions and zones without a copy; what the RPO falls back to',
    yaml: 'name: x\nregions: [{ name: east }, { name: west }]\nzones: [{ name: e1, region: east }, { name: w1, region: west }, { name: w2 }]\ntiers:\n  - { name: db, nodes: { e1: 2 }, failure: { availability: 99% } }\n  - { name: dr, nodes: { w1: 2 }, failure: { availability: 99% } }\n  - { name: dr2, nodes: [{ zone: w2, count: 2 }], failure: { availability: 99% } }\nservice: { all: [{ failover: { primary: db, standby: dr } }, { failover: { primary: { all: [db] }, standby: dr2 } }] }\ndata:\n  tier: db\n  size: 1 TB\n  backups: [{ name: nightly, every: 1 d, method: full, retention: { points: 7 }, location: west, restoreThroughput: 1 GB/s }]\n',
    problems: [
      [
        'standby-without-data',
        'warning',
        'service.all[0].failover.standby',
        8,
        54,
        "the standby runs in west, where no copy of tier db's data lives; after a switchover its RPO falls back to the last backup it can restore (backup 'nightly')",
      ],
      [
        'duplicate-reference',
        'error',
        'service.all[1].failover.primary.all[0]',
        8,
        93,
        "tier 'db' appears twice in the service expression (first at service.all[0].failover.primary); name each tier once",
      ],
      [
        'standby-without-data',
        'warning',
        'service.all[1].failover.standby',
        8,
        109,
        "the standby runs in w2, where no copy of tier db's data lives; after a switchover its RPO falls back to nothing: no copy or backup reaches it",
      ],
      [
        'invalid-value',
        'error',
        'data.backups[0]',
        12,
        13,
        'expected exactly one of {duration}, {throughput}; found none of them',
      ],
    ],
  },
  {
    name: 'targets-no-data',
    why: 'data targets with a data section of the wrong type',
    yaml: 'name: x\ndata: 5\ntiers:\n  - { name: db, nodes: 2, failure: { availability: 99% } }\ntargets: { rpo: 1 h, rto: 1 h, availability: 99% }\n',
    problems: [['wrong-type', 'error', 'data', 2, 7, 'expected a mapping, got the number 5']],
  },
];

describe('semantic rules', () => {
  it.each(CASES)('$name: $why', ({ yaml, problems }) => {
    const result = loadModelText(yaml);
    const found = result.ok ? result.warnings : result.problems;
    expect(found.map((p) => [p.code, p.severity, p.path, p.line, p.col, p.message])).toEqual(problems);
  });
});

describe('rules read the normalised model', () => {
  it('no rule reads the raw document (isRaw, list, str, Raw of normalise/reader)', () => {
    const readers = readdirSync('src/config/rules').filter((file) => {
      const text = readFileSync(`src/config/rules/${file}`, 'utf8');
      const fromReader =
        /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'\.\.\/normalise\/reader\.js'/.exec(text)?.[1] ?? '';
      return /\b(isRaw|list|str|int|Raw)\b/.test(fromReader);
    });
    expect(readers).toEqual([]);
  });
});
