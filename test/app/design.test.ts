import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../src/analytic/analyze-model.js';
import { paretoFront } from '../../src/app/design/pareto.js';
import { loadModelText } from '../../src/config/load.js';
import { applyOverrides, parseOverride } from '../../src/config/overrides.js';
import { parseTargetFlag } from '../../src/config/target-flag.js';
import { evaluateTargets, fileTargets, mergeTargets } from '../../src/gate/index.js';
import { reportSchemaErrors } from '../support/report-schema.js';
import { runCli } from '../support/run-cli.js';

type Point = { values: string[]; set: string[]; status: string; figures: Record<string, number | null> };
type DesignDoc = {
  exitCode: number;
  design: {
    search: { mode: string; points: number; evaluated: number };
    best: Point | null;
    bestSet: string[];
    passingCount: number;
    frontier: Point[];
  };
};

/**
 * Brute force without the sweep machinery: every combination read from the file text with
 * --set overrides, analysed and gated one by one; the cheapest that meets every target.
 */
function bruteForce(
  file: string,
  axes: readonly (readonly string[])[],
  targetFlags: readonly string[] = [],
): { cost: number; set: string[] } | undefined {
  const text = readFileSync(file, 'utf8');
  const flags = targetFlags.map((t) => {
    const parsed = parseTargetFlag(t);
    if (!parsed.ok) throw new Error(parsed.message);
    return { target: parsed.target, source: { flag: t } };
  });
  let best: { cost: number; set: string[] } | undefined;
  const combos = axes.reduce<string[][]>((acc, values) => acc.flatMap((c) => values.map((v) => [...c, v])), [[]]);
  for (const set of combos) {
    const loaded = loadModelText(text, (data) => {
      const applied = applyOverrides(
        data,
        set.map((s) => {
          const o = parseOverride(s);
          if (!o.ok) throw new Error(o.message);
          return o.value;
        }),
      );
      if (!applied.ok) throw new Error(applied.message);
      return [];
    });
    if (!loaded.ok) continue;
    const analysis = analyzeModel(loaded.value);
    const gate = evaluateTargets(mergeTargets(fileTargets(loaded.value.targets, file), flags), analysis);
    const cost = analysis.cost?.perMonth ?? Infinity;
    if (gate.status === 'pass' && (best === undefined || cost < best.cost)) best = { cost, set };
  }
  return best;
}

async function design(args: readonly string[]): Promise<DesignDoc> {
  const run = await runCli(['design', ...args, '--json']);
  const doc = JSON.parse(run.stdout) as DesignDoc;
  expect(reportSchemaErrors(doc)).toEqual([]);
  expect(run.code).toBe(doc.exitCode);
  return doc;
}

describe('nines design', () => {
  it('database-dr: the cheapest passing design is the brute force one, and its --set arguments pass nines check', async () => {
    const nodes = ['1', '2', '3', '4', '5', '6', '7'].map((n) => `tiers.db.nodes=${n}`);
    const lags = ['10 s', '30 s', '2 minute'].map((l) => `data.copies.dr-replica.lag=${l}`);
    const expected = bruteForce('models/database-dr.yaml', [nodes, lags]);
    const doc = await design([
      'models/database-dr.yaml',
      '--vary',
      'tiers.db.nodes=1..7',
      '--vary',
      'data.copies.dr-replica.lag=10 s,30 s,2 minute',
    ]);
    expect(doc.design.search).toMatchObject({ mode: 'exhaustive', points: 21, evaluated: 21 });
    expect(doc.design.best?.figures['costPerMonth']).toBe(expected?.cost);
    expect(doc.design.bestSet).toEqual(expected?.set);
    const check = await runCli([
      'check',
      'models/database-dr.yaml',
      ...doc.design.bestSet.flatMap((s) => ['--set', s]),
    ]);
    expect(check.code, check.stdout).toBe(0);
  });

  it('inference-3az with a --target: pruned search agrees with the exhaustive one and with brute force on a monotone space', async () => {
    const args = [
      'models/inference-3az.yaml',
      '--vary',
      'tiers.inference.nodes=8..16',
      '--vary',
      'tiers.model-cache.nodes=1..3',
      '--target',
      'availability>=99.993%',
    ];
    const expected = bruteForce(
      'models/inference-3az.yaml',
      [
        ['8', '9', '10', '11', '12', '13', '14', '15', '16'].map((n) => `tiers.inference.nodes=${n}`),
        ['1', '2', '3'].map((n) => `tiers.model-cache.nodes=${n}`),
      ],
      ['availability>=99.993%'],
    );
    const exhaustive = await design(args);
    const pruned = await design([...args, '--search', 'pruned']);
    expect(exhaustive.design.best?.figures['costPerMonth']).toBe(expected?.cost);
    expect(exhaustive.design.bestSet).toEqual(expected?.set);
    expect(pruned.design.bestSet).toEqual(exhaustive.design.bestSet);
    expect(pruned.design.search.mode).toBe('pruned');
    // Each of the 3 lines along the 9 inference values: both ends, then bisection (≤ 3 more).
    expect(pruned.design.search.evaluated).toBeLessThan(27);
    expect(
      (
        await runCli([
          'check',
          'models/inference-3az.yaml',
          '--target',
          'availability>=99.993%',
          ...exhaustive.design.bestSet.flatMap((s) => ['--set', s]),
        ])
      ).code,
    ).toBe(0);
  });

  it('a space over 10^5 points is searched pruned, evaluating a few thousand points, and finds the brute force best', async () => {
    const doc = await design([
      'models/inference-3az.yaml',
      '--vary',
      'tiers.inference.nodes=1..400',
      '--vary',
      'tiers.gateway.nodes=1..300',
      '--target',
      'availability>=99.99%',
    ]);
    expect(doc.design.search).toMatchObject({ mode: 'pruned', points: 120_000 });
    // 300 lines along the 400 inference values: at most 2 + ⌈log₂ 400⌉ = 11 points each.
    expect(doc.design.search.evaluated).toBeLessThanOrEqual(300 * 11);
    // Brute force over a slice around it: fewer hosts or gateways miss the target (k = 8 and 4).
    const expected = bruteForce(
      'models/inference-3az.yaml',
      [
        ['8', '9', '10', '11', '12', '13', '14'].map((n) => `tiers.inference.nodes=${n}`),
        ['4', '5', '6', '7', '8'].map((n) => `tiers.gateway.nodes=${n}`),
      ],
      ['availability>=99.99%'],
    );
    expect(doc.design.bestSet).toEqual(expected?.set);
  });

  it('--write-model writes the best design into a copy of the file, comments kept, and it passes check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nines-design-'));
    try {
      const out = join(dir, 'best.yaml');
      // Cheapest passing: 3 nodes (from 3 up: with the eu-west standby 2 would pass too, and
      // this test is about the file written); the two lags cost the same and give the same
      // availability, so the first (10 s) wins the tie: the file's 30 s is replaced.
      const run = await runCli([
        'design',
        'models/database-dr.yaml',
        '--vary',
        'tiers.db.nodes=3..5',
        '--vary',
        'data.copies.dr-replica.lag=10 s,20 s',
        '--write-model',
        out,
      ]);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(`wrote the best design to ${out}`);
      const written = readFileSync(out, 'utf8');
      expect(written).toContain('# quorum commit: 2 of 3');
      expect(written).toContain('    nodes: 3                      # one per zone');
      const source = readFileSync('models/database-dr.yaml', 'utf8').split('\n');
      expect(written.split('\n').filter((line, i) => line !== source[i])).toEqual(['      lag: 10 s']);
      expect((await runCli(['check', out])).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exit 1 when no design meets the targets; exit 2 for a model that prices nothing', async () => {
    // With the eu-west standby, 4 nodes reach 99.99997% (issue 9): ask for 7 nines.
    const none = await design([
      'models/database-dr.yaml',
      '--vary',
      'tiers.db.nodes=2,4',
      '--target',
      'availability>=99.99999%',
    ]);
    expect(none.exitCode).toBe(1);
    expect(none.design.best).toBeNull();
    expect(none.design.frontier.length).toBeGreaterThan(0);
    const unpriced = await runCli(['design', 'models/minimal.yaml', '--vary', 'tiers.web.nodes=2..4']);
    expect(unpriced.code).toBe(2);
    expect(unpriced.stderr).toContain('prices nothing');
  });

  it('text fits 80 columns; the help examples run', async () => {
    const run = await runCli(
      [
        'design',
        'models/database-dr.yaml',
        '--vary',
        'tiers.db.nodes=1..7',
        '--vary',
        'data.copies.dr-replica.lag=10 s,30 s,2 minute',
      ],
      { env: { COLUMNS: '80' } },
    );
    for (const line of run.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    // 1 node misses rto[node] (a lost node waits for the switchover), 2 (a majority of 2) too: 3 is the cheapest.
    expect(run.stdout).toContain('$ nines check models/database-dr.yaml --set tiers.db.nodes=3');
    const help = await runCli(['design', '--help']);
    const examples = help.stdout
      .split('\n')
      .filter((l) => l.trim().startsWith('$ nines design'))
      .map((l) => l.trim().slice('$ nines '.length));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const example of examples) {
      const args =
        (example.split(/ --json| &&/)[0] ?? '').match(/'[^']*'|\S+/g)?.map((a) => a.replace(/^'|'$/g, '')) ?? [];
      const result = await runCli(args);
      expect([0, 1], `${example}\n${result.stderr}`).toContain(result.code);
    }
  });
});

describe('paretoFront', () => {
  it('keeps the designs nothing beats on every objective, cheapest first', () => {
    // By hand: (3, 0.1) is beaten by (1, 0.1); (2, 0.01) and (1, 0.1) trade off; (4, 0.001)
    // is the most available; the duplicate (2, 0.01) adds nothing.
    expect(
      paretoFront([
        [3, 0.1],
        [2, 0.01],
        [1, 0.1],
        [4, 0.001],
        [2, 0.01],
      ]),
    ).toEqual([2, 1, 3]);
    // A third objective keeps a dearer, less available design with a better RPO.
    expect(
      paretoFront([
        [1, 0.1, 60],
        [2, 0.2, 10],
      ]),
    ).toEqual([0, 1]);
  });
});
