import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';

// The model schema, compiled exactly as src/config loads it (Ajv 2020-12 class, strict, allErrors),
// the example models checked against it, and wrong documents rejected at the right place.

const root = (relative: string): string => fileURLToPath(new URL(`../../${relative}`, import.meta.url));
const schemaText = readFileSync(root('schemas/model.schema.json'), 'utf8');
const schema = JSON.parse(schemaText) as Record<string, unknown>;
const ID = 'https://nines.dev/schemas/model.schema.json';

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(schema);

/** A compiled validator for a sub-schema, by JSON pointer into the model schema. */
const at = (pointer: string): ValidateFunction => {
  const found = ajv.getSchema(`${ID}#${pointer}`);
  if (!found) throw new Error(`no schema at ${pointer}`);
  return found;
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = { readonly pointer: string; readonly schema: Record<string, unknown> };

/** Every schema object in the file with its JSON pointer (skipping examples/default/const/enum values). */
function schemaNodes(value: unknown, pointer = ''): Node[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => schemaNodes(v, `${pointer}/${i}`));
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Record<string, unknown>;
  const children = Object.entries(node)
    .filter(([key]) => !['examples', 'default', 'const', 'enum'].includes(key))
    .flatMap(([key, child]) => {
      if (key === 'properties' || key === 'definitions') {
        return Object.entries(child as Record<string, unknown>).flatMap(([name, sub]) =>
          schemaNodes(sub, `${pointer}/${key}/${name}`),
        );
      }
      return schemaNodes(child, `${pointer}/${key}`);
    });
  return [{ pointer, schema: node }, ...children];
}

const nodes = schemaNodes(schema);

/** Parses YAML as the CLI does; throws on syntax errors so a broken model cannot pass. */
function parseYaml(text: string): unknown {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('\n'));
  return doc.toJS();
}

describe('model.schema.json: the file itself', () => {
  it('declares draft 2020-12, its $id, a title and a description', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe(ID);
    expect(typeof schema['title']).toBe('string');
    expect(typeof schema['description']).toBe('string');
  });

  it('compiles with Ajv 2020 in strict mode', () => {
    expect(typeof validate).toBe('function');
  });

  // Keywords that mean the same in draft-07 and 2020-12, so draft-07 editors read it right.
  const DRAFT07_COMPATIBLE = new Set([
    '$schema',
    '$id',
    '$ref',
    '$comment',
    'title',
    'description',
    'examples',
    'default',
    'definitions',
    'type',
    'properties',
    'required',
    'additionalProperties',
    'propertyNames',
    'minProperties',
    'items',
    'minItems',
    'maxItems',
    'enum',
    'const',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'pattern',
    'oneOf',
    'anyOf',
    'allOf',
    'not',
    'if',
    'then',
  ]);

  it('uses only keywords that mean the same in draft-07', () => {
    const unknown = nodes.flatMap(({ pointer, schema: s }) =>
      Object.keys(s)
        .filter((k) => !DRAFT07_COMPATIBLE.has(k))
        .map((k) => `${pointer}/${k}`),
    );
    expect(unknown).toEqual([]);
  });

  it('uses exclusiveMinimum only in its draft-06+ number form', () => {
    const wrong = nodes.filter(({ schema: s }) => 'exclusiveMinimum' in s && typeof s['exclusiveMinimum'] !== 'number');
    expect(wrong.map((n) => n.pointer)).toEqual([]);
  });

  it('puts nothing beside a $ref (draft-07 ignores siblings) and every $ref resolves', () => {
    const refs = nodes.filter(({ schema: s }) => '$ref' in s);
    expect(refs.length).toBeGreaterThan(20);
    for (const { pointer, schema: s } of refs) {
      expect(Object.keys(s), pointer).toEqual(['$ref']);
      const target = String(s['$ref']);
      expect(target, pointer).toMatch(/^#\/definitions\/[A-Za-z]+$/);
      const definitions = schema['definitions'] as Record<string, unknown>;
      expect(definitions[target.slice('#/definitions/'.length)], `${pointer} → ${target}`).toBeDefined();
    }
  });

  it('closes every object: additionalProperties false wherever properties are listed', () => {
    // The `true` property lists are absent by design; objects with properties must be closed.
    const open = nodes.filter(({ schema: s }) => 'properties' in s && s['additionalProperties'] !== false);
    expect(open.map((n) => n.pointer)).toEqual([]);
    const maps = nodes.filter(({ schema: s }) => typeof s['additionalProperties'] === 'object');
    for (const { pointer, schema: s } of maps) expect(s['propertyNames'], pointer).toBeDefined();
  });

  it('describes every property with an example (editor hover text)', () => {
    const props = nodes.filter(({ pointer }) => /\/properties\/[^/]+$/.test(pointer));
    expect(props.length).toBeGreaterThan(80);
    const missing = props
      .filter(({ schema: s }) => typeof s['description'] !== 'string' || !String(s['description']).includes('e.g.'))
      .map((n) => n.pointer);
    expect(missing).toEqual([]);
  });

  it('has the shared unit definitions under the names the validator keys its messages on', () => {
    const definitions = schema['definitions'] as Record<string, unknown>;
    for (const name of [
      'duration',
      'size',
      'throughput',
      'fraction',
      'availability',
      'name',
      'count',
      'failure',
      'distribution',
    ]) {
      expect(definitions[name], name).toBeDefined();
    }
  });

  it('has examples that validate against their own schema', () => {
    const withExamples = nodes.filter(({ schema: s }) => Array.isArray(s['examples']));
    expect(withExamples.length).toBeGreaterThan(20);
    for (const { pointer, schema: s } of withExamples) {
      const check = at(pointer);
      for (const example of s['examples'] as unknown[]) {
        expect(check(example), `${pointer}: ${JSON.stringify(example)} ${JSON.stringify(check.errors)}`).toBe(true);
      }
    }
  });

  it('has defaults that validate against their own schema', () => {
    const withDefault = nodes.filter(({ schema: s }) => 'default' in s);
    expect(withDefault.length).toBeGreaterThan(10);
    for (const { pointer, schema: s } of withDefault) {
      expect(at(pointer)(s['default']), `${pointer}: ${JSON.stringify(s['default'])}`).toBe(true);
    }
  });
});

describe('model.schema.json: unit definitions', () => {
  const cases: Record<string, { readonly good: readonly unknown[]; readonly bad: readonly unknown[] }> = {
    duration: {
      good: [
        '30 s',
        '250 ms',
        '15 minute',
        '15 minutes',
        '15min',
        '4 h',
        '1.5 h',
        '2 hr',
        '3 hrs',
        '2 d',
        '1 day',
        '1 week',
        '2 wk',
        '1 w',
        '1 month',
        '6 months',
        '1 year',
        '20 years',
        '1 y',
        '1 yr',
        '2e3 s',
        '0 s',
        '1. h',
        '.5 h',
        '5 sec',
        '5 secs',
        '5 second',
        '5 seconds',
        '2 hour',
        '2 hours',
        '3 days',
        '3 weeks',
        '1 min',
        '2 mins',
      ],
      bad: ['5', 5, '5 m', '5 GB', '-1 s', 'h', '1 hour ago', '1 Year', '5 yrs', '', '1e400', 'NaN s', null],
    },
    size: {
      good: ['500 GB', '2 TB', '2 TiB', '1 KiB', '10 kB', '10 KB', '1 B', '3 PB', '1 EiB', '1.5e3 GB', '2TB'],
      bad: ['2 tb', '2 Tb', '2 TBs', '500', 500, '5 GB/s', '2 Kib', '4 h'],
    },
    throughput: {
      good: ['500 MB/s', '1 GB/s', '2 TB/h', '100 MiB/s', '5 GB/min', '1 TB/d'],
      bad: ['500 MB', '500 Mb/s', '500 MB/sec', '1 GB/w', '500', 500, '4 h'],
    },
    fraction: {
      good: [0, 1, 0.05, '5%', '0%', '100%', '99.95%', '0.405%', '5 %', '100.0%'],
      bad: [-0.1, 1.5, '101%', '100.5%', '5', 'five%', '-5%', '4 nines', true],
    },
    availability: {
      good: [0.999, '99.95%', '4 nines', '3.5 nines', '11 nines', '1 nine', '100%'],
      bad: [1.01, '4 nine5', 'nines', '99.95', '4 GB'],
    },
    growth: {
      good: [0, 0.2, 2, '20%', '150%'],
      bad: [-0.1, '-20%', '20'],
    },
    name: {
      good: ['gateway', 'az-a', 'us_east_1', '1st', 'a'.repeat(63)],
      bad: ['db.primary', '__proto__', '-a', '_a', '', 'a b', 'a'.repeat(64), 'zoné', 3],
    },
    count: { good: [0, 4, 12], bad: [-1, 1.5, '3'] },
    minHealthy: { good: [0, 4, 'majority', 'all'], bad: [-1, 'most', 2.5] },
    distributionModel: {
      good: [
        'exponential',
        'fixed',
        { type: 'exponential' },
        { type: 'weibull', shape: 0.8 },
        { type: 'lognormal', sigma: 0.5 },
      ],
      bad: [
        'weibull',
        { type: 'weibull' },
        { type: 'weibull', shape: 0 },
        { type: 'lognormal', sigma: -1 },
        { type: 'fixed', shape: 2 },
        { type: 'gamma' },
      ],
    },
  };

  for (const [name, { good, bad }] of Object.entries(cases)) {
    it(`${name} accepts ${good.length} written forms`, () => {
      const check = at(`/definitions/${name}`);
      for (const value of good) expect(check(value), JSON.stringify(value)).toBe(true);
    });
    it(`${name} rejects ${bad.length} wrong forms`, () => {
      const check = at(`/definitions/${name}`);
      for (const value of bad) expect(check(value), JSON.stringify(value)).toBe(false);
    });
  }

  it('failure: exactly one spec, availability/probability optionally with mttr', () => {
    const check = at('/definitions/failure');
    const good = [
      { mtbf: '2 year', mttr: '4 h' },
      { afr: '5%', mttr: '1 h' },
      { availability: '99.9%' },
      { availability: '3 nines', mttr: '1 h' },
      { probability: 0.01 },
      { probability: 0.01, mttr: '2 h', distribution: { lifetime: 'fixed' } },
    ];
    const bad = [
      {},
      { mttr: '1 h' },
      { mtbf: '2 year' },
      { afr: '5%' },
      { mtbf: '2 year', mttr: '4 h', afr: '5%' },
      { mtbf: '2 year', mttr: '4 h', availability: '99%' },
      { availability: '99%', probability: 0.01 },
      { availability: '99%', mtbf: '1 year' },
      { probability: 0.01, afr: '5%' },
      { afr: '5%', mttr: '1 h', distribution: { lifetime: 'gamma' } },
      { afr: '5%', mttr: '1 h', mtbf_: '1 y' },
    ];
    for (const value of good) expect(check(value), JSON.stringify(value)).toBe(true);
    for (const value of bad) expect(check(value), JSON.stringify(value)).toBe(false);
  });
});

describe('example models', () => {
  const files = readdirSync(root('models'))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();

  it('include the six documented examples', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'database-dr.yaml',
        'in-zone-backups.yaml',
        'inference-3az.yaml',
        'minimal.yaml',
        'object-store-ec.yaml',
        'textbook-three-zones.yaml',
      ]),
    );
  });

  it.each(files)('%s starts with the yaml-language-server line and passes the schema', (file) => {
    const text = readFileSync(root(`models/${file}`), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/model.schema.json');
    const ok = validate(parseYaml(text));
    expect(validate.errors ?? [], file).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe('the example in issue 2 (format v1)', () => {
  it('passes the schema', () => {
    const text = `
name: llm-inference
description: three-zone inference platform
horizon: 1 year
regions:
  - name: us-east
    failure: { mtbf: 20 year, mttr: 24 h }
zones:
  - name: az-a
    region: us-east
    failure: { mtbf: 2 year, mttr: 4 h }
tiers:
  - name: gateway
    nodes: 6
    failure: { afr: 5%, mttr: 1 h }
    minHealthy: 4
    capacity: { perNode: 400, demand: 1500 }
service:
  all: [gateway, { any: [primary-db, read-replica] }]
data:
  tier: db
  size: 2 TB
  dailyChange: 5%
  yearlyGrowth: 20%
  reduction: 50%
  replication: { mode: async, lag: 2 s }
  copies:
    - { name: dr-replica, region: eu-west, mode: async, lag: 30 s }
  backups:
    - name: nightly
      every: 1 d
      method: forward-incremental
      fullEvery: 7 d
      retention: { points: 14, weekly: 4, monthly: 12, yearly: 0 }
      location: offsite
      duration: 2 h
      restoreThroughput: 1 GB/s
  durability:
    scheme: { erasure: { data: 17, parity: 3 } }
    shardFailure: { afr: 0.405% }
    rebuild: 6.5 d
    groups: 1
recovery:
  strategy: warm-standby
  detection: 5 minute
  failover: 10 minute
  provisioning: 45 minute
  validation: 15 minute
targets:
  availability: 99.95%
  rpo: { max: 15 minute, scenario: region }
  rto: { max: 1 h }
  durability: { min: 11 nines }
  downtimePerYear: { max: 4 h, level: warn }
  backupStorage: { max: 200 TB }
`;
    validate(parseYaml(text));
    expect(validate.errors ?? []).toEqual([]);
  });
});

describe('wrong documents fail at the expected place', () => {
  /** A valid document touching every section; each case breaks one thing in a fresh copy. */
  const base = (): { [key: string]: Json } => ({
    version: 1,
    name: 'shop',
    regions: [{ name: 'us-east', failure: { mtbf: '20 year', mttr: '24 h' } }, { name: 'eu-west' }],
    zones: [
      { name: 'az-a', region: 'us-east', failure: { mtbf: '2 year', mttr: '4 h' } },
      { name: 'az-b', region: 'us-east' },
    ],
    tiers: [
      {
        name: 'web',
        nodes: 4,
        failure: { afr: '5%', mttr: '1 h' },
        minHealthy: 2,
        capacity: { perNode: 100, demand: 150 },
      },
      {
        name: 'db',
        nodes: [
          { zone: 'az-a', count: 1 },
          { zone: 'az-b', count: 1, failure: { availability: '99.9%' } },
        ],
        failure: { mtbf: '1 year', mttr: '2 h' },
      },
    ],
    service: { all: ['web', { any: ['db'] }, { atLeast: 1, of: ['db'] }] },
    data: {
      tier: 'db',
      size: '1 TB',
      replication: { mode: 'async', lag: '1 s' },
      copies: [{ name: 'dr', region: 'eu-west', mode: 'async', lag: '30 s' }],
      backups: [
        {
          name: 'nightly',
          every: '1 d',
          method: 'full',
          retention: { points: 7 },
          location: 'offsite',
          duration: '1 h',
          restoreThroughput: '1 GB/s',
        },
      ],
      durability: { scheme: { replicas: 2 }, shardFailure: { afr: '1%' }, rebuild: '4 h' },
    },
    recovery: { strategy: 'warm-standby', detection: '5 minute' },
    targets: { availability: '99.9%', rpo: [{ max: '1 minute', scenario: 'region' }, '1 d'], outagesPerYear: 2 },
  });

  it('the base document is valid', () => {
    validate(base());
    expect(validate.errors ?? []).toEqual([]);
  });

  /** Sets (or, with undefined, deletes) the value at path in doc. */
  function set(doc: { [key: string]: Json }, path: readonly (string | number)[], value: Json | undefined): void {
    let node: Json = doc;
    for (const key of path.slice(0, -1)) node = (node as Record<string | number, Json>)[key] as Json;
    const last = path[path.length - 1] as string | number;
    const parent = node as Record<string | number, Json>;
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }

  type Case = readonly [
    title: string,
    path: readonly (string | number)[],
    value: Json | undefined,
    instancePath: string,
    keyword: string,
  ];
  const cases: readonly Case[] = [
    ['unknown top-level key', ['tier'], [], '', 'additionalProperties'],
    ['missing name', ['name'], undefined, '', 'required'],
    ['missing tiers', ['tiers'], undefined, '', 'required'],
    ['no tiers', ['tiers'], [], '/tiers', 'minItems'],
    ['version 2', ['version'], 2, '/version', 'const'],
    ['horizon as a bare number', ['horizon'], 365, '/horizon', 'type'],
    ['a dot in a tier name', ['tiers', 0, 'name'], 'web.front', '/tiers/0/name', 'pattern'],
    ['unknown key in a region', ['regions', 0, 'zone'], 'az-a', '/regions/0', 'additionalProperties'],
    ['zero nodes', ['tiers', 0, 'nodes'], 0, '/tiers/0/nodes', 'oneOf'],
    ['fractional node count in a group', ['tiers', 1, 'nodes', 0, 'count'], 1.5, '/tiers/1/nodes/0/count', 'type'],
    ['a size where a duration belongs', ['tiers', 0, 'failure', 'mttr'], '5 GB', '/tiers/0/failure/mttr', 'pattern'],
    ['two failure specs', ['tiers', 0, 'failure', 'availability'], '99%', '/tiers/0/failure', 'oneOf'],
    [
      'mtbf without mttr beside availability',
      ['tiers', 1, 'nodes', 1, 'failure', 'mtbf'],
      '1 year',
      '/tiers/1/nodes/1/failure',
      'required',
    ],
    [
      'negative afr (an AFR above 100% is a valid rate, issue 10)',
      ['tiers', 0, 'failure', 'afr'],
      '-5%',
      '/tiers/0/failure/afr',
      'anyOf',
    ],
    ['unknown minHealthy word', ['tiers', 0, 'minHealthy'], 'most', '/tiers/0/minHealthy', 'oneOf'],
    ['zero capacity per node', ['tiers', 0, 'capacity', 'perNode'], 0, '/tiers/0/capacity/perNode', 'exclusiveMinimum'],
    [
      'weibull without shape',
      ['tiers', 0, 'failure', 'distribution'],
      { lifetime: { type: 'weibull' } },
      '/tiers/0/failure/distribution/lifetime',
      'oneOf',
    ],
    ['all and any in one service node', ['service'], { all: ['web'], any: ['db'] }, '/service', 'oneOf'],
    ['atLeast 0', ['service', 'all', 2, 'atLeast'], 0, '/service/all/2/atLeast', 'minimum'],
    ['copy in a region and a zone', ['data', 'copies', 0, 'zone'], 'az-a', '/data/copies/0', 'oneOf'],
    [
      'copy location other than offsite',
      ['data', 'copies', 0],
      { name: 'dr', location: 'moon', mode: 'async' },
      '/data/copies/0/location',
      'const',
    ],
    [
      'backup with duration and throughput',
      ['data', 'backups', 0, 'throughput'],
      '500 MB/s',
      '/data/backups/0',
      'oneOf',
    ],
    ['unknown backup method', ['data', 'backups', 0, 'method'], 'incremental', '/data/backups/0/method', 'enum'],
    [
      'retention without points',
      ['data', 'backups', 0, 'retention'],
      { weekly: 4 },
      '/data/backups/0/retention',
      'required',
    ],
    [
      'restore throughput without /s',
      ['data', 'backups', 0, 'restoreThroughput'],
      '1 GB',
      '/data/backups/0/restoreThroughput',
      'pattern',
    ],
    [
      'mttr on a shard (rebuild is its repair time)',
      ['data', 'durability', 'shardFailure', 'mttr'],
      '4 h',
      '/data/durability/shardFailure',
      'additionalProperties',
    ],
    [
      'rebuild and rebuildThroughput',
      ['data', 'durability', 'rebuildThroughput'],
      '100 MB/s',
      '/data/durability',
      'oneOf',
    ],
    [
      'erasure without parity',
      ['data', 'durability', 'scheme'],
      { erasure: { data: 17 } },
      '/data/durability/scheme',
      'oneOf',
    ],
    ['unknown replication mode', ['data', 'replication', 'mode'], 'semi-sync', '/data/replication/mode', 'enum'],
    ['unknown recovery strategy', ['recovery', 'strategy'], 'cold', '/recovery/strategy', 'enum'],
    ['unknown target metric', ['targets', 'latency'], '100 ms', '/targets', 'additionalProperties'],
    ['a percentage for rto', ['targets', 'rto'], '99%', '/targets/rto', 'anyOf'],
    ['a duration for backupStorage', ['targets', 'backupStorage'], '5 h', '/targets/backupStorage', 'anyOf'],
    [
      'min and max in one target',
      ['targets', 'availability'],
      { min: '99%', max: '99.9%' },
      '/targets/availability',
      'anyOf',
    ],
    [
      'scenario on availability',
      ['targets', 'availability'],
      { min: '99%', scenario: 'region' },
      '/targets/availability',
      'anyOf',
    ],
    ['unknown scenario in a list', ['targets', 'rpo', 0, 'scenario'], 'rack', '/targets/rpo/0/scenario', 'enum'],
    [
      'unknown level',
      ['targets', 'outagesPerYear'],
      { max: 2, level: 'fatal' },
      '/targets/outagesPerYear/level',
      'enum',
    ],
  ];

  it.each(cases)('%s → %s', (_title, path, value, instancePath, keyword) => {
    const doc = base();
    set(doc, path, value);
    expect(validate(doc)).toBe(false);
    const errors: ErrorObject[] = validate.errors ?? [];
    const summary = errors.map((e) => `${e.instancePath} ${e.keyword}`);
    expect(summary).toContain(`${instancePath} ${keyword}`);
    // Nothing is reported in unrelated parts of the document: only at the broken value, inside
    // it, or at the unions (oneOf/anyOf) that enclose it.
    for (const e of errors) {
      const related = e.instancePath.startsWith(instancePath) || instancePath.startsWith(e.instancePath);
      expect(related, `${e.instancePath} ${e.keyword}`).toBe(true);
    }
  });

  it('rejects __proto__ as a zone key in a placement map (parsed from YAML)', () => {
    const text = `name: x
tiers:
  - name: web
    nodes: { __proto__: 2 }
    failure: { availability: 99% }
`;
    expect(validate(parseYaml(text))).toBe(false);
    const summary = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
    expect(summary).toContain('/tiers/0/nodes propertyNames');
  });

  it('rejects a mapping where the duration belongs, at the key', () => {
    const doc = base();
    set(doc, ['recovery', 'detection'], { minutes: 5 });
    expect(validate(doc)).toBe(false);
    expect((validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`)).toContain('/recovery/detection type');
  });
});
