import { describe, expect, it } from 'vitest';
import { reportSchemaErrors } from '../support/report-schema.js';
import { runCli } from '../support/run-cli.js';

type Point = {
  values: string[];
  set: string[];
  valid: boolean;
  status: string;
  missed: string[];
  figures: Record<string, number | null> | null;
  simulation?: { estimate: number; ci: [number, number] };
};
type SweepDoc = { sweep: { axes: { path: string; values: string[] }[]; points: Point[] } };

async function sweepJson(args: readonly string[]): Promise<SweepDoc> {
  const run = await runCli(['sweep', ...args, '--json']);
  expect(run.code, run.stderr).toBe(0);
  const doc = JSON.parse(run.stdout) as SweepDoc;
  expect(reportSchemaErrors(doc)).toEqual([]);
  return doc;
}

describe('nines sweep', () => {
  it('inference-3az over 8..16 GPU hosts: availability never falls, and equals analyze --set at every point', async () => {
    const doc = await sweepJson(['models/inference-3az.yaml', '--vary', 'tiers.inference.nodes=8..16']);
    const points = doc.sweep.points;
    expect(points.map((p) => p.values[0])).toEqual(['8', '9', '10', '11', '12', '13', '14', '15', '16']);
    const q = points.map((p) => p.figures?.['unavailability'] ?? NaN);
    for (let i = 1; i < q.length; i++) expect(q[i]).toBeLessThanOrEqual(q[i - 1] ?? 0);
    expect(q[8]).toBeLessThan(q[0] ?? 0);
    for (const p of points) {
      const direct = JSON.parse(
        (
          await runCli([
            'analyze',
            'models/inference-3az.yaml',
            '--set',
            `tiers.inference.nodes=${p.values[0] ?? ''}`,
            '--json',
          ])
        ).stdout,
      ) as {
        service: { unavailability: number; downtimeSecondsPerYear: number; outagesPerYear: number };
        cost: { perMonth: number };
      };
      expect(p.figures?.['unavailability']).toBe(direct.service.unavailability);
      expect(p.figures?.['downtimePerYear']).toBe(direct.service.downtimeSecondsPerYear);
      expect(p.figures?.['outagesPerYear']).toBe(direct.service.outagesPerYear);
      expect(p.figures?.['costPerMonth']).toBe(direct.cost.perMonth);
    }
    // The targets at each point agree with nines check on the same --set.
    for (const p of [points[0], points[4]]) {
      const check = await runCli(['check', 'models/inference-3az.yaml', '--set', p?.set[0] ?? '']);
      expect(check.code).toBe(p?.status === 'pass' ? 0 : 1);
    }
  });

  it('two axes give the grid, the first axis varying slowest', async () => {
    const doc = await sweepJson([
      'models/database-dr.yaml',
      '--vary',
      'tiers.db.nodes=1..3',
      '--vary',
      'recovery.detection=5 minute,15 minute',
    ]);
    expect(doc.sweep.points.map((p) => p.values)).toEqual([
      ['1', '5 minute'],
      ['1', '15 minute'],
      ['2', '5 minute'],
      ['2', '15 minute'],
      ['3', '5 minute'],
      ['3', '15 minute'],
    ]);
    // Detection is a phase of every RTO: 15 minutes instead of 5 add 600 s to it.
    const region = doc.sweep.points.map((p) => p.figures?.['rto[region]'] ?? NaN);
    expect(region[1]! - region[0]!).toBe(600);
  });

  it('bad ranges, unknown paths and units that do not fit are errors with exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--vary', 'tiers.db.nodes=7..1'], /runs downwards; write '1\.\.7'/],
      [['--vary', 'tiers.nope.nodes=1..3'], /no item 'nope' in 'tiers'.*items: db/],
      [['--vary', 'tiers.db.nodes=1 h..3 h'], /tiers\[0\]\.nodes/],
      [['--vary', 'data.backups.nightly.every=1..3'], /expected a duration/],
      [[], /give at least one --vary/],
      [['--vary', 'tiers.db.nodes=1..3', '--vary', 'tiers.db.nodes=4..5'], /given twice/],
      [
        ['--vary', 'tiers.db.nodes=1..400', '--vary', 'data.copies.dr-replica.lag=1 s..400 s:1 s'],
        /160,000 points, more than --max-points/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(['sweep', 'models/database-dr.yaml', ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
      const json = await runCli(['sweep', 'models/database-dr.yaml', ...args, '--json']);
      expect((JSON.parse(json.stdout) as { error: { code: string } }).error.code).toBe('bad-vary');
    }
    const plot = await runCli([
      'sweep',
      'models/database-dr.yaml',
      '--vary',
      'tiers.db.nodes=1..3',
      '--plot',
      'availabilty',
    ]);
    expect(plot.code).toBe(2);
    expect(plot.stderr).toMatch(/did you mean 'availability'/);
  });

  it('text: a table within the terminal width, and a chart with --plot', async () => {
    for (const columns of ['80', '100']) {
      const run = await runCli(
        [
          'sweep',
          'models/database-dr.yaml',
          '--vary',
          'tiers.db.nodes=1..5',
          '--vary',
          'recovery.detection=5 minute,15 minute',
          '--plot',
          'availability',
        ],
        { env: { COLUMNS: columns } },
      );
      expect(run.code).toBe(0);
      for (const line of run.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(Number(columns));
      expect(run.stdout).toContain('not shown at this width');
      expect(run.stdout).toContain('Availability (on a nines scale)');
      expect(run.stdout).toContain('● recovery.detection=5 minute');
    }
  });

  it('csv: a header of axes and figures, one row per point, values unrounded', async () => {
    const run = await runCli([
      'sweep',
      'models/inference-3az.yaml',
      '--vary',
      'tiers.inference.nodes=8..10',
      '--format',
      'csv',
    ]);
    const rows = run.stdout
      .trimEnd()
      .split('\r\n')
      .map((r) => r.split(','));
    expect(rows[0]?.slice(0, 3)).toEqual(['tiers.inference.nodes', 'availability', 'unavailability']);
    expect(rows).toHaveLength(4);
    const json = await sweepJson(['models/inference-3az.yaml', '--vary', 'tiers.inference.nodes=8..10']);
    expect(Number(rows[2]?.[2])).toBe(json.sweep.points[1]?.figures?.['unavailability']);
    expect(rows[1]?.at(-3)).toBe('fail');
    const md = await runCli([
      'sweep',
      'models/inference-3az.yaml',
      '--vary',
      'tiers.inference.nodes=8..10',
      '--format',
      'markdown',
    ]);
    expect(md.stdout).toMatch(/^### nines sweep: inference-3az/);
    expect(md.stdout).toContain('| `tiers.inference.nodes` |');
  });

  it('--method simulate: a 95% interval per point around the analytic figure', async () => {
    const doc = await sweepJson([
      'models/minimal.yaml',
      '--vary',
      'tiers.web.nodes=3..4',
      '--method',
      'simulate',
      '--trials',
      '200000',
    ]);
    for (const p of doc.sweep.points) {
      const sim = p.simulation;
      expect(sim).toBeDefined();
      const q = p.figures?.['unavailability'] ?? NaN;
      // Within the interval widened by a factor 2 (a 95% interval misses 1 in 20 by design).
      const [lo, hi] = sim?.ci ?? [0, 0];
      expect(q).toBeGreaterThanOrEqual(lo - (hi - lo));
      expect(q).toBeLessThanOrEqual(hi + (hi - lo));
    }
  });

  it('--help has examples that run', async () => {
    const help = await runCli(['sweep', '--help']);
    expect(help.stdout).toContain('Examples:');
    const examples = help.stdout
      .split('\n')
      .filter((l) => l.trim().startsWith('$ nines sweep'))
      .map((l) => l.trim().slice('$ nines '.length));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      const args = (example.split(' --json')[0] ?? '').match(/'[^']*'|\S+/g)?.map((a) => a.replace(/^'|'$/g, '')) ?? [];
      const run = await runCli(args);
      expect(run.code, `${example}\n${run.stderr}`).toBe(0);
    }
  });
});
