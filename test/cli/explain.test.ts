import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExplainInput, ExplainStep, Explanation } from '../../src/report/explain-view.js';
import { reportSchemaErrors } from '../support/report-schema.js';
import { runCli } from '../support/run-cli.js';

const MODELS = readdirSync('models')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `models/${f}`);
const DB = 'models/database-dr.yaml';
const ANSI = /\u001b\[[0-9;]*m/g;

/** The value at an explanation's jq path in analyze's JSON (the paths explain emits). */
function at(doc: unknown, path: string): unknown {
  const sum = /^\[(.+)\[\]\.(\w+)\] \| add$/.exec(path);
  if (sum !== null)
    return (at(doc, sum[1] ?? '') as Record<string, number>[]).reduce((s, x) => s + (x[sum[2] ?? ''] ?? 0), 0);
  let current = doc;
  for (const m of path.matchAll(/\.(\w+)|\[(\d+)\]/g))
    current = (current as Record<string, unknown>)[m[1] ?? Number(m[2])];
  return current;
}

function inputs(s: ExplainStep): ExplainInput[] {
  return [...s.inputs, ...s.steps.flatMap(inputs)];
}

async function json(args: string[]): Promise<Record<string, unknown>> {
  const r = await runCli([...args, '--json']);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('nines explain', () => {
  it.each(MODELS)('explains every figure of %s with the value analyze prints, to the last digit', async (file) => {
    const analysis = await json(['analyze', file]);
    const names = (key: string): string[] => (analysis[key] as { name: string }[]).map((x) => x.name);
    const all = [
      'service.availability',
      ...[
        'unavailability',
        'nines',
        'downtimePerYear',
        'downtimePerMonth',
        'outagesPerYear',
        'meanOutage',
        'failureProbability',
        'mtbf',
        'meanUp',
      ].map((f) => `service.${f}`),
      ...names('tiers').flatMap((t) =>
        ['availability', 'anyNodeFailureProbability', 'expectedNodeFailures', 'quorumLossProbability'].map(
          (f) => `tiers.${t}.${f}`,
        ),
      ),
      ...names('zones').map((z) => `zones.${z}.availability`),
      ...names('regions').map((r) => `regions.${r}.availability`),
      ...(analysis['importance'] as { subject: string; subjectKind: string }[]).map(
        (i) => `importance.${i.subjectKind}.${i.subject}`,
      ),
    ];
    if (analysis['dataProtection'] !== undefined) {
      for (const m of ['rpo', 'rto', 'dataAtRisk'])
        for (const s of ['node', 'zone', 'region', 'corruption']) all.push(`${m}[${s}]`);
      all.push('durability', 'backupStorage');
    }
    const doc = await json(['explain', file, ...all]);
    expect(reportSchemaErrors(doc)).toEqual([]);
    const explanations = doc['explanations'] as Explanation[];
    expect(explanations.map((e) => e.figure)).toEqual(all);
    for (const e of explanations) expect(e.value, `${file} ${e.figure}`).toBe(at(analysis, e.jsonPath) ?? null);
    // Every input read from the file points at the text written there.
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const i of explanations.flatMap(inputs)) {
      if (i.source.kind !== 'file' || typeof i.written !== 'string') continue;
      const { line, col } = i.source;
      expect(lines[line - 1]?.slice(col - 1), `${file} ${i.path}`).toMatch(
        new RegExp(`^["']?${i.written.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')}`),
      );
    }
  });

  it.each(MODELS)(
    'explains every number of analyze --json on %s by its jq path, the same number exactly',
    async (file) => {
      const analysis = await json(['analyze', file]);
      // Every numeric leaf of the document, enumerated here (not by explain).
      const paths: string[] = [];
      const walk = (x: unknown, path: string): void => {
        if (typeof x === 'number') paths.push(path);
        else if (Array.isArray(x)) for (const [i, v] of x.entries()) walk(v, `${path}[${i}]`);
        else if (x !== null && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, `${path}.${k}`);
      };
      walk(analysis, '');
      expect(paths.length).toBeGreaterThan(50);
      const doc = await json(['explain', file, ...paths]);
      expect(reportSchemaErrors(doc)).toEqual([]);
      const explanations = doc['explanations'] as Explanation[];
      expect(explanations.map((e) => e.figure)).toEqual(paths);
      for (const e of explanations) {
        expect(e.value, `${file} ${e.figure}`).toBe(at(analysis, e.figure));
        expect(e.formula.length + e.steps.length + e.inputs.length, `${file} ${e.figure}`).toBeGreaterThan(0);
      }
      const lines = readFileSync(file, 'utf8').split('\n');
      for (const i of explanations.flatMap(inputs)) {
        if (i.source.kind !== 'file' || typeof i.written !== 'string') continue;
        expect(lines[i.source.line - 1]?.slice(i.source.col - 1), `${file} ${i.path}`).toMatch(
          new RegExp(`^["']?${i.written.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')}`),
        );
      }
    },
  );

  it('leaf derivations of database-dr, worked by hand', async () => {
    const doc = await json([
      'explain',
      DB,
      '.components.zones[0].mtbfSeconds',
      '.components.zoneSummary.allDownAtOnceProbability',
      '.dataProtection.backups[0].worstRestoreSeconds',
      '.cost.perMonth',
      '.failovers[0].switchoverSeconds',
      '.tiers[0].failuresTolerated',
    ]);
    const [mtbf, allDown, restore, cost, switchover, tolerated] = doc['explanations'] as Explanation[];
    // az-a: mtbf 2 year = 2 × 365 × 86400 s, written at its line.
    expect(mtbf?.value).toBe(2 * 365 * 86400);
    expect(mtbf?.steps[0]?.inputs.find((i) => i.name === 'mtbf')?.written).toBe('2 year');
    // Four zones of q = 4 h / (2 × 8760 h + 4 h): all down at once q⁴.
    expect(allDown?.value).toBeCloseTo((4 / (17520 + 4)) ** 4, 25);
    expect(allDown?.steps).toHaveLength(4);
    // The worst chain (a full and 6 increments at the horizon, logical) at 1 GB/s.
    const chain = (await json(['analyze', DB]))['dataProtection'] as { backups: { worstChainLogicalBytes: number }[] };
    expect(restore?.value).toBeCloseTo((chain.backups[0]?.worstChainLogicalBytes ?? 0) / 1e9, 9);
    expect(restore?.inputs.find((i) => i.name === 'restoreThroughput')?.written).toBe('1 GB/s');
    // The header's cost: 2,073.60 + 576.00 + 892.00 + ≈ 111 a month, the parts as steps.
    expect(cost?.steps.map((s) => s.value as number).reduce((a, b) => a + b, 0)).toBeCloseTo(cost?.value as number, 9);
    expect(cost?.value).toBeCloseTo(2073.6 + 576 + 892 + 111.35, 1);
    // Warm standby after a region loss: 5 + 10 + 45 + 15 minutes, each phase an input.
    expect(switchover?.value).toBe(75 * 60);
    expect(switchover?.inputs.map((i) => i.value as number).reduce((a, b) => a + b, 0)).toBe(75 * 60);
    // 2 of 3 (majority): one failure tolerated.
    expect(tolerated?.value).toBe(1);
  });

  it('a jq path that is not a number of analyze --json is a usage error', async () => {
    const r = await runCli(['explain', DB, '.tiers[0].name']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'.tiers[0].name' is not a number of nines analyze --json");
  });

  it('reads at 100 columns (and fits 80 at COLUMNS=80): the headline figures of database-dr', async () => {
    const r = await runCli(['explain', DB]);
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect([...line.replace(ANSI, '')].length, line).toBeLessThanOrEqual(100);
    const narrow = await runCli(['explain', DB], { env: { COLUMNS: '80' } });
    expect(narrow.stdout.replace(/\s+/g, ' ')).toBe(r.stdout.replace(/\s+/g, ' '));
    for (const line of narrow.stdout.split('\n'))
      expect([...line.replace(ANSI, '')].length, line).toBeLessThanOrEqual(80);
    // The figure a design review challenges, exactly as analyze prints it, and its inputs' lines.
    const analysis = await json(['analyze', DB]);
    expect(r.stdout).toContain(
      `exactly ${String(at(analysis, '.service.availability'))} (nines analyze --json: .service.availability)`,
    );
    const lines = readFileSync(DB, 'utf8').split('\n');
    const where = (pattern: RegExp, text: string): string => {
      const i = lines.findIndex((l) => pattern.test(l));
      return `${DB}:${i + 1}:${(lines[i]?.indexOf(text) ?? -1) + 1}`;
    };
    expect(r.stdout).toContain(`mtbf = 20 year  (${where(/name: us-east/, '20 year')})`);
    expect(r.stdout).toContain(`minHealthy = majority  (${where(/minHealthy: majority/, 'majority')})`);
    expect(r.stdout).toMatch(/^rto\[\w+\] = /m);
    expect(r.stdout).toContain('groups = 1  (default: 1)');
  });

  it('intermediate values of database-dr, worked by hand', async () => {
    const doc = await json(['explain', DB, 'service.availability', 'durability', 'dataAtRisk[region]']);
    const [svc, durability, risk] = doc['explanations'] as Explanation[];
    const components = svc?.steps[0]?.steps ?? [];
    // Region: 24 h / (20 × 8760 h + 24 h); zone: 4 h / (2 × 8760 h + 4 h); node: afr 5% → MTBF 20 y, 4 h / (175200 h + 4 h).
    expect(components.find((c) => c.label === 'region us-east')?.value).toBeCloseTo(24 / (175200 + 24), 15);
    expect(components.find((c) => c.label === 'zone az-a (in us-east)')?.value).toBeCloseTo(4 / (17520 + 4), 15);
    expect(components.find((c) => c.label === 'each node of db')?.value).toBeCloseTo(4 / (175200 + 4), 15);
    // Shard: p = 1 − e^(−0.002 · 4 h / 8760 h); 8760 h / 4 h = 2190 windows a year.
    expect(durability?.steps[0]?.value).toBeCloseTo(-Math.expm1((-0.002 * 4) / 8760), 18);
    expect(durability?.steps[2]?.value).toBeCloseTo(2190, 9);
    // Data at risk: 2 TB × 1.2 (a year of 20% growth) × 5% a day, for the 30 s lag: 2.4e12 × 0.05 / 86400 × 30.
    expect(risk?.steps[0]?.value).toBeCloseTo(2.4e12, 0);
    expect(risk?.value).toBeCloseTo(((2.4e12 * 0.05) / 86400) * 30, 3);
    // Three nodes of afr 5% over one year: F = 1 − e^(−0.05) each, P(some fails) = 1 − e^(−0.15).
    const any = (
      (await json(['explain', DB, 'tiers.db.anyNodeFailureProbability']))['explanations'] as Explanation[]
    )[0];
    expect(any?.value).toBeCloseTo(-Math.expm1(-0.15), 15);
    expect(any?.steps[1]?.value).toBeCloseTo(-Math.expm1(-0.05), 15);
    // Quorum (2 of 3) lost when at least 2 fail: 3F²(1 − F) + F³.
    const F = -Math.expm1(-0.05);
    const quorum = (
      (await json(['explain', DB, 'tiers.db.quorumLossProbability']))['explanations'] as Explanation[]
    )[0];
    expect(quorum?.value).toBeCloseTo(3 * F * F * (1 - F) + F ** 3, 15);
  });

  it('rto[region] is the sum of its five phases', async () => {
    const doc = await json(['explain', DB, 'rto[region]']);
    const e = (doc['explanations'] as Explanation[])[0];
    const phases =
      e?.steps
        .filter((s) => ['detection', 'failover', 'provisioning', 'restore', 'validation'].includes(s.label))
        .map((s) => s.value as number) ?? [];
    expect(phases).toHaveLength(5);
    expect(phases.reduce((s, x) => s + x, 0)).toBe(e?.value);
  });

  it('works with --set (the input says the override set it) and --fail (the drill figures)', async () => {
    const set = await json(['explain', DB, 'service.availability', '--set', 'tiers.db.nodes=5']);
    const analysis = await json(['analyze', DB, '--set', 'tiers.db.nodes=5']);
    const e = (set['explanations'] as Explanation[])[0];
    expect(e?.value).toBe(at(analysis, '.service.availability'));
    expect(inputs(e as ExplainStep).find((i) => i.name === 'nodes')?.source).toEqual({
      kind: 'override',
      set: 'tiers.db.nodes=5',
    });
    const fail = await json(['explain', DB, 'service.availability', '--fail', 'az-a']);
    const drill = await json(['analyze', DB, '--fail', 'az-a']);
    const f = (fail['explanations'] as Explanation[])[0];
    expect(f?.value).toBe((drill['drill'] as { availability: number }).availability);
    expect(inputs(f as ExplainStep).some((i) => i.source.kind === 'drill')).toBe(true);
  });

  it('an unknown figure is a usage error naming the figures it knows', async () => {
    const r = await runCli(['explain', DB, 'rpo[regoin]']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown figure 'rpo[regoin]' (did you mean 'rpo[region]'?)");
    const noData = await runCli(['explain', 'models/minimal.yaml', 'durability']);
    expect(noData.stderr).toContain('the model has no data section');
  });

  it('runs the examples of its --help', async () => {
    const help = await runCli(['explain', '--help']);
    const examples = [...help.stdout.matchAll(/^\s+\$ nines (.+?)(?:\s+#.*)?$/gm)].map((m) => m[1] ?? '');
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      const args = [
        ...example
          .split('|')[0]!
          .trim()
          .matchAll(/'([^']*)'|(\S+)/g),
      ].map((m) => m[1] ?? m[2] ?? '');
      const r = await runCli(args);
      expect(r.code, example).toBe(0);
    }
  });
});
