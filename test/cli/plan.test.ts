import { describe, expect, it } from 'vitest';
import { reportSchemaErrors } from '../support/report-schema.js';
import { runCli } from '../support/run-cli.js';

const DAY = 86_400;

describe('nines plan', () => {
  it('runs every example of its --help, exit 0', async () => {
    const help = await runCli(['plan', '--help']);
    expect(help.code).toBe(0);
    const examples = help.stdout
      .split('\n')
      .filter((l) => l.trim().startsWith('$ nines plan'))
      .map((l) => l.trim().slice('$ nines '.length));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      const [command = ''] = example.split(' | ');
      const args = command.split(/\s+/).filter((a) => a !== '');
      const run = await runCli(args);
      expect(run.code, `${example}: ${run.stderr}`).toBe(0);
      if (example.includes('| jq')) {
        // jq '.runway[] | select(.breaksAtSeconds != null)': some runway breaks within 3 years.
        const doc = JSON.parse(run.stdout) as { runway: { breaksAtSeconds: number | null }[] };
        expect(doc.runway.filter((r) => r.breaksAtSeconds !== null).length).toBeGreaterThan(0);
      }
    }
  });

  it.each([
    'models/inference-3az.yaml',
    'models/training-16k-gpu.yaml',
    'models/database-dr.yaml',
    'models/minimal.yaml',
  ])('%s --json: one document, valid against the report schema', async (file) => {
    const run = await runCli(['plan', file, '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { command: string };
    expect(doc.command).toBe('plan');
    expect(reportSchemaErrors(doc)).toEqual([]);
  });

  it('keeps what the inference header promises: N+1 lost on day 70, demand on day 509', async () => {
    const run = await runCli(['plan', 'models/inference-3az.yaml', '--json']);
    const doc = JSON.parse(run.stdout) as {
      runway: { subject: string; kind: string; breaksAtSeconds: number | null }[];
    };
    const day = (subject: string, kind: string) =>
      Math.floor((doc.runway.find((r) => r.subject === subject && r.kind === kind)?.breaksAtSeconds ?? NaN) / DAY);
    expect(day('gateway', 'zone-loss')).toBe(70);
    expect(day('inference', 'zone-loss')).toBe(70);
    expect(day('gateway', 'demand')).toBe(509);
    expect(day('inference', 'demand')).toBe(509);
    const text = await runCli(['plan', 'models/inference-3az.yaml'], { env: { COLUMNS: '80' } });
    expect(text.stdout).toContain('day 70 (2.3 months)');
    expect(text.stdout).toContain('demand vs capacity');
    for (const line of text.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    for (const file of ['models/training-16k-gpu.yaml', 'models/minimal.yaml', 'models/database-dr.yaml']) {
      const other = await runCli(['plan', file], { env: { COLUMNS: '80' } });
      for (const line of other.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    }
  });

  it("keeps what the training header promises: 7.76 interruptions/day, 88.62% at 30 min, 91.62% at Daly's 10.9 min, 29 spares for 1e-3", async () => {
    const run = await runCli(['plan', 'models/training-16k-gpu.yaml']);
    expect(run.stdout).toMatch(/interruptions per day\s+│ 7\.76/);
    expect(run.stdout).toMatch(/goodput at τ = 30 min\s+│ 88\.62%/);
    expect(run.stdout).toMatch(/Daly \(2006\) τ = 10\.9 min\s+│ 91\.62%/);
    expect(run.stdout).toMatch(/spares for P\(shortage\) < 0\.001\s+│ 29/);
    // 419 interruptions in 54 days (Llama 3 report) is 7.759 per day.
    const doc = JSON.parse((await runCli(['plan', 'models/training-16k-gpu.yaml', '--json'])).stdout) as {
      jobs: { interruptionsPerDay: number }[];
    };
    expect(doc.jobs[0]!.interruptionsPerDay).toBeCloseTo(419 / 54, 3);
  });

  it('rejects bad growth and capacity values with their file:line:col, exit 2, nothing on stdout', async () => {
    const model = `name: bad
tiers:
  - name: api
    nodes: 3
    failure: { afr: 5%, mttr: 1 h }
    capacity: { perNode: 100, demand: 100, growth: 40%/week }
data:
  tier: api
  size: 1 TB
  capacity: -3 TB
  backupCapacity: { nowhere: 1 TB }
`;
    const run = await runCli(['plan', '-'], { stdin: model });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/<stdin>:6:\d+: .*growth/);
    expect(run.stderr).toMatch(/<stdin>:10:\d+: .*capacity/);
    expect(run.stderr).toMatch(/<stdin>:11:\d+: .*nowhere/);
    // One message per bad value, from the units parser (not the schema's pattern).
    expect(run.stderr.split('\n').filter((l) => l.startsWith('<stdin>:6:'))).toHaveLength(1);
    expect(run.stderr).not.toContain('valid name');
  });

  it('rejects a step shorter than a day as a usage error', async () => {
    const run = await runCli(['plan', 'models/minimal.yaml', '--step', '1 h']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('at least a day');
  });
});

describe('runway target in check', () => {
  it('the inference model misses a 6-month runway (warn level, exit 0) and fails it as an error target (exit 1)', async () => {
    const warn = await runCli(['check', 'models/inference-3az.yaml', '--target', 'runway>=6 month@warn', '--json']);
    const doc = JSON.parse(warn.stdout) as { records: { metric: string; status: string; actual: number }[] };
    const record = doc.records.find((r) => r.metric === 'runway')!;
    expect(record.status).toBe('warn');
    expect(Math.floor(record.actual / DAY)).toBe(70);
    expect(reportSchemaErrors(doc)).toEqual([]);
    const error = await runCli(['check', 'models/inference-3az.yaml', '--target', 'runway>=6 month']);
    expect(error.code).toBe(1);
    const ok = await runCli(['check', 'models/inference-3az.yaml', '--target', 'runway>=2 month']);
    expect(ok.code).toBe(0);
  });

  it('a model with no limit to run out of has no runway to measure: the record fails with the reason', async () => {
    const run = await runCli(['check', 'models/minimal.yaml', '--target', 'runway>=6 month', '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('needs a tier with capacity');
  });
});

describe('model header promises', () => {
  it.each(['models/training-16k-gpu.yaml', 'models/inference-3az.yaml'])(
    '%s: every `nines …` line of the header runs, exit 0',
    async (file) => {
      const { readFileSync } = await import('node:fs');
      const lines = readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => /^#\s+nines /.test(l));
      expect(lines.length).toBeGreaterThanOrEqual(4);
      for (const line of lines) {
        const args = line
          .replace(/^#\s+nines\s+/, '')
          .replace(/#.*$/, '')
          .trim()
          .split(/\s+/);
        const run = await runCli(args);
        expect(run.code, `${line}: ${run.stderr}`).toBe(0);
        if (args[0] === 'simulate' && file.includes('training')) expect(run.stdout).toContain('within 4 SE');
      }
    },
    60_000,
  );
});
