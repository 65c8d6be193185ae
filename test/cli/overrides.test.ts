import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyOverrides, parseOverride, touchesOverride, type Override } from '../../src/config/overrides.js';
import { runCli } from '../support/run-cli.js';
import { reportSchemaErrors } from './gate-schema.js';

const DB = 'models/database-dr.yaml';
const parse = (text: string): Override => {
  const r = parseOverride(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('parseOverride / applyOverrides', () => {
  it('parses VALUE as YAML: numbers, strings with units, flow mappings, null', () => {
    expect(parse('tiers.db.nodes=5')).toMatchObject({ segments: ['tiers', 'db', 'nodes'], value: 5 });
    expect(parse('data.backups.nightly.every=4 h').value).toBe('4 h');
    expect(parse('zones[az-a].failure={afr: 2%, mttr: 4 h}')).toMatchObject({
      segments: ['zones', 'az-a', 'failure'],
      value: { afr: '2%', mttr: '4 h' },
    });
    expect(parse('data.copies=[]').value).toEqual([]);
    expect(parse('tiers[0].capacity=null').value).toBeNull();
  });

  it('rejects malformed flags', () => {
    const bad = (t: string): string => {
      const r = parseOverride(t);
      return r.ok ? 'ok' : r.message;
    };
    expect(bad('tiers.db.nodes')).toMatch(/expected PATH=VALUE/);
    expect(bad('tiers..nodes=1')).toMatch(/cannot read the path/);
    expect(bad('tiers.db.nodes=')).toMatch(/no value/);
    expect(bad('__proto__.x=1')).toMatch(/cannot be set/);
    expect(bad('a={b: 1')).toMatch(/cannot read the value/);
  });

  it('addresses list items by name or index, creates missing leaves, suggests misspellings', () => {
    const data = {
      tiers: [{ name: 'db', nodes: 3 }],
      zones: [{ name: 'az-a', failure: { mtbf: '2 year', mttr: '4 h' } }],
    } as Record<string, unknown>;
    const ok = applyOverrides(data, [
      parse('tiers.db.nodes=5'),
      parse('zones.az-a.failure.mttr=8h'),
      parse('tiers[0].capacity.demand=3'),
    ]);
    expect(ok).toEqual({
      ok: true,
      value: [
        { text: 'tiers.db.nodes=5', path: ['tiers', 0, 'nodes'] },
        { text: 'zones.az-a.failure.mttr=8h', path: ['zones', 0, 'failure', 'mttr'] },
        { text: 'tiers[0].capacity.demand=3', path: ['tiers', 0, 'capacity', 'demand'] },
      ],
    });
    expect(data).toEqual({
      tiers: [{ name: 'db', nodes: 5, capacity: { demand: 3 } }],
      zones: [{ name: 'az-a', failure: { mtbf: '2 year', mttr: '8h' } }],
    });
    const fail = (t: string): string => {
      const r = applyOverrides(data, [parse(t)]);
      return r.ok ? 'ok' : r.message;
    };
    expect(fail('tirs.db.nodes=1')).toBe("--set tirs.db.nodes=1: no key 'tirs' in the model (did you mean 'tiers'?)");
    expect(fail('tiers.bd.nodes=1')).toMatch(/no item 'bd' in 'tiers' \(did you mean 'db'\?\); items: db/);
    expect(fail('tiers.db.noeds=1')).toMatch(/no key 'noeds' in 'tiers\[0\]' \(did you mean 'nodes'\?\)/);
    expect(fail('tiers.db.nodes.x=1')).toMatch(/'tiers\[0\]\.nodes' is a value/);
  });

  it('touchesOverride: the changed field, inside it, or its parent', () => {
    expect(touchesOverride('tiers[0].nodes', ['tiers', 0, 'nodes'])).toBe(true);
    expect(touchesOverride('tiers[0].failure.mttr', ['tiers', 0, 'failure'])).toBe(true);
    expect(touchesOverride('tiers[0]', ['tiers', 0, 'nodes'])).toBe(true);
    expect(touchesOverride('tiers[1].nodes', ['tiers', 0, 'nodes'])).toBe(false);
    expect(touchesOverride('', ['tiers', 0, 'nodes'])).toBe(false);
  });
});

describe('--set through the CLI', () => {
  it('changes the figures: one db node → the tier is a single node (k = 1 of 1)', async () => {
    const base = JSON.parse((await runCli(['analyze', DB, '--json'])).stdout) as {
      tiers: { nodes: number; unavailability: number }[];
    };
    const r = await runCli(['analyze', DB, '--json', '--set', 'tiers.db.nodes=1']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { tiers: { nodes: number; unavailability: number }[]; overrides: unknown };
    expect(doc.tiers[0]?.nodes).toBe(1);
    expect(doc.tiers[0]?.unavailability).toBeGreaterThan(base.tiers[0]?.unavailability ?? 1);
    expect(doc.overrides).toEqual({ set: ['tiers.db.nodes=1'], fail: [] });
    expect(reportSchemaErrors(doc)).toBe('');
  });

  it('backups every 4 h: worst corruption RPO = 4 h + 2 h (interval + duration)', async () => {
    const r = await runCli(['analyze', DB, '--json', '--set', 'data.backups.nightly.every=4 h']);
    const doc = JSON.parse(r.stdout) as { dataProtection: { scenarios: { scenario: string; rpoSeconds: number }[] } };
    expect(doc.dataProtection.scenarios.find((s) => s.scenario === 'corruption')?.rpoSeconds).toBe(6 * 3600);
  });

  it('a bad path is a usage error (exit 2) with a suggestion, also as one JSON document', async () => {
    const r = await runCli(['analyze', DB, '--set', 'tiers.db.noeds=5']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "nines: error: --set tiers.db.noeds=5: no key 'noeds' in 'tiers[0]' (did you mean 'nodes'?)\n",
    );
    const j = await runCli(['check', DB, '--json', '--set', 'zonez.az-a.failure.mttr=8h']);
    expect(j.code).toBe(2);
    const doc = JSON.parse(j.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ command: 'check', error: { code: 'bad-override' } });
    expect(reportSchemaErrors(doc)).toBe('');
  });

  it('a bad value is validated like the file, pointing at the file and saying an override changed it', async () => {
    const r = await runCli(['analyze', DB, '--set', 'zones.az-a.failure.mttr=8 GB']);
    expect(r.code).toBe(2);
    const line =
      readFileSync(DB, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('{ name: az-a,')) + 1;
    expect(r.stderr).toMatch(
      new RegExp(
        `^models/database-dr\\.yaml:${line}:\\d+: error: .*duration.*\\(an override changed this: --set zones\\.az-a\\.failure\\.mttr=8 GB\\)`,
        'm',
      ),
    );
    expect(r.stderr).toMatch(/note: the model was changed by --set zones\.az-a\.failure\.mttr=8 GB before validation/);
  });

  it('works on simulate and check, and is recorded in their JSON', async () => {
    const sim = await runCli([
      'simulate',
      'models/minimal.yaml',
      '--json',
      '--mode',
      'snapshot',
      '--trials',
      '1000',
      '--set',
      'tiers.web.nodes=4',
    ]);
    expect(sim.code).toBe(0);
    const doc = JSON.parse(sim.stdout) as Record<string, unknown>;
    expect(doc['overrides']).toEqual({ set: ['tiers.web.nodes=4'], fail: [] });
    expect(reportSchemaErrors(doc)).toBe('');
    const check = await runCli(['check', DB, '--json', '--set', 'data.copies.dr-replica.lag=5 minute']);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout)).toMatchObject({
      overrides: { set: ['data.copies.dr-replica.lag=5 minute'] },
      status: 'fail',
    });
  });
});
