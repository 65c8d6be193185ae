import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchemaErrors } from '../support/report-schema.js';
import { runCli } from '../support/run-cli.js';

const API = 'models/api-slo.yaml';
type Doc = {
  slo: Record<string, unknown> & {
    budgets: { days: number; budgetSeconds: number; failedRequests: number | null; which: string }[];
  };
};
const doc = (stdout: string): Doc => JSON.parse(stdout) as Doc;

function tempModel(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'nines-slo-')), 'model.yaml');
  writeFileSync(path, text);
  return path;
}

/** The `nines …` commands of a model's "Try:" header (and their trailing comments). */
function headerCommands(file: string): { args: string[]; comment: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => /^#\s+nines /.test(l))
    .map((l) => {
      const [command = '', comment = ''] = l.replace(/^#\s+/, '').split(/\s+#\s+/);
      const parts = command.replace(/\s*>.*$/, '').match(/'[^']*'|\S+/g) ?? [];
      return { args: parts.slice(1).map((p) => p.replace(/^'|'$/g, '')), comment };
    });
}

describe('nines slo', { timeout: 60_000 }, () => {
  it('--help has runnable examples, and each runs as it says', async () => {
    const help = await runCli(['slo', '--help']);
    expect(help.code).toBe(0);
    const examples = help.stdout.split('\n').filter((l) => l.trim().startsWith('$ nines slo'));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const line of examples) {
      const command = line
        .trim()
        .replace(/^\$ nines /, '')
        .replace(/\s*(>|\|).*$/, '');
      const args = command.match(/'[^']*'|\S+/g)?.map((p) => p.replace(/^'|'$/g, '')) ?? [];
      const run = await runCli([...args, ...(line.includes('--format') ? [] : ['--trials', '2000'])]);
      expect(run.code, line).toBe(0);
      if (line.includes('--json')) {
        const alerts = (doc(run.stdout).slo['alerts'] as { severity: string; burnRate: number }[]).map(
          (a) => a.burnRate,
        );
        expect(alerts).toEqual([14.4, 6, 1]);
      }
      if (line.includes('prometheus')) expect(run.stdout).toContain('ApiSloErrorBudgetBurnPage');
    }
  });

  it("the README's SLO examples run (their pipes and redirections aside)", async () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## SLOs: error budgets'), readme.indexOf('## The model file'));
    const lines = section.split('\n').filter((l) => l.startsWith('$ nines slo'));
    expect(lines.length).toBe(4);
    for (const line of lines) {
      const args = line
        .replace(/^\$ nines /, '')
        .replace(/\s*(>|\|).*$/, '')
        .split(/\s+/);
      const run = await runCli([
        ...args,
        ...(line.includes('--format') || line.includes('no-simulate') ? [] : ['--trials', '2000']),
      ]);
      expect(run.code, line).toBe(0);
    }
    const json = doc((await runCli(['slo', API, '--no-simulate', '--json'])).stdout).slo as unknown as {
      allocation: { budgetShare: number };
    };
    expect(json.allocation.budgetShare).toBeCloseTo(0.422, 3);
  });

  it('the model header commands say what they do', async () => {
    const commands = headerCommands(API);
    expect(commands.length).toBe(6);
    for (const { args } of commands) {
      const run = await runCli([...args, ...(args[0] === 'slo' && !args.includes('--format') ? ['--json'] : [])]);
      const failing = args.includes('slo.objective=99.99%');
      expect(run.code, args.join(' ')).toBe(failing ? 1 : 0);
    }
    const base = doc((await runCli(['slo', API, '--json'])).stdout).slo as unknown as {
      allocation: { budgetShare: number };
      exhaustion: { windows: { probability: { estimate: number } }[] };
    };
    expect(base.allocation.budgetShare).toBeCloseTo(0.422, 3);
    expect(base.exhaustion.windows[0]?.probability.estimate).toBeCloseTo(0.068, 2);
    const strict = await runCli(['check', API, '--set', 'slo.objective=99.99%', '--json']);
    const records = (JSON.parse(strict.stdout) as { records: { metric: string; actual: number; status: string }[] })
      .records;
    expect(records.find((r) => r.metric === 'errorBudget')).toMatchObject({
      status: 'fail',
      actual: expect.closeTo(4.22, 2),
    });
    expect(records.find((r) => r.metric === 'budgetExhaustionProbability')?.actual).toBeCloseTo(0.12, 1);
    const standby = await runCli([
      'check',
      API,
      '--set',
      'tiers.db.nodes={az-a: 1, az-b: 1}',
      '--set',
      'tiers.db.minHealthy=1',
      '--json',
    ]);
    const r2 = (JSON.parse(standby.stdout) as { records: { metric: string; actual: number }[] }).records;
    expect(r2.find((r) => r.metric === 'errorBudget')?.actual).toBeCloseTo(0.137, 3);
    expect(r2.find((r) => r.metric === 'budgetExhaustionProbability')?.actual).toBeCloseTo(0.015, 2);
  });

  it('JSON: one document that matches the report schema, calendar lengths named', async () => {
    for (const args of [
      [API],
      [API, '--window', 'month'],
      [API, '--window', 'quarter', '--no-simulate'],
      ['models/minimal.yaml', '--objective', '99.9%'],
    ]) {
      const run = await runCli(['slo', ...args, '--json', '--trials', '2000']);
      expect(run.code, args.join(' ')).toBe(0);
      expect(reportSchemaErrors(JSON.parse(run.stdout)), args.join(' ')).toEqual([]);
    }
    // 99.9% of a calendar month: 28, 29, 30, 31 d → 40.32, 41.76, 43.2, 44.64 min (hand arithmetic).
    const month = doc((await runCli(['slo', API, '--window', 'month', '--no-simulate', '--json'])).stdout).slo.budgets;
    expect(month.map((b) => [b.days, b.budgetSeconds / 60])).toEqual(
      [28, 29, 30, 31].map((d) => [d, expect.closeTo(d * 1.44, 10)]),
    );
    expect(month.map((b) => b.which)).toEqual([
      'Feb',
      'Feb (leap year)',
      'Apr, Jun, Sep, Nov',
      'Jan, Mar, May, Jul, Aug, Oct, Dec',
    ]);
    const quarter = doc((await runCli(['slo', API, '--window', 'quarter', '--no-simulate', '--json'])).stdout).slo
      .budgets;
    expect(quarter.map((b) => [b.days, b.which])).toEqual([
      [90, 'Q1'],
      [91, 'Q1 (leap year), Q2'],
      [92, 'Q3, Q4'],
    ]);
    // 200 requests/s × 30 d × 0.001 = 518,400 failed requests.
    expect(
      doc((await runCli(['slo', API, '--no-simulate', '--json'])).stdout).slo.budgets[0]?.failedRequests,
    ).toBeCloseTo(518_400, 6);
  });

  it('the objective defaults to the service availability target, with its position', async () => {
    const run = await runCli(['slo', 'models/database-dr.yaml', '--no-simulate', '--json']);
    const objective = doc(run.stdout).slo['objective'];
    const line =
      readFileSync('models/database-dr.yaml', 'utf8')
        .split('\n')
        .findIndex((l) => /^ {2}availability: 99\.95%/.test(l)) + 1;
    expect(objective).toEqual({
      availability: 0.9995,
      unavailability: 0.0005,
      source: 'targets.availability',
      position: { line, col: 3 },
    });
    const text = await runCli(['slo', 'models/database-dr.yaml', '--no-simulate']);
    expect(text.stdout).toContain('objective from targets.availability');
    // The db-dr standby covers region us-east (a failover path, not a critical dependency): its
    // switchover windows are part of the modelled rest.
    expect(text.stdout).not.toContain('region us-east');
    expect(text.stdout).toContain('redundancy exhausted');
  });

  it('an objective written as a plain number (0.999) keeps its decimal budget', async () => {
    const file = tempModel(
      'name: plain\ntiers: [{ name: web, nodes: 1, failure: { mtbf: 720 h, mttr: 1 h } }]\nslo: { objective: 0.999 }\n',
    );
    const slo = doc((await runCli(['slo', file, '--no-simulate', '--json'])).stdout).slo as unknown as {
      objective: { unavailability: number };
      alerts: { errorRatioThresholdText: string }[];
      budgets: { budgetSeconds: number }[];
    };
    expect(slo.objective.unavailability).toBe(0.001);
    expect(slo.alerts.map((a) => a.errorRatioThresholdText)).toEqual(['0.0144', '0.006', '0.001']);
    expect(slo.budgets[0]?.budgetSeconds).toBe(2592);
  });

  it('a model with static components (no mttr) gets no exhaustion figure, and says why', async () => {
    const file = tempModel(
      'name: static\ntiers: [{ name: web, nodes: 1, failure: { availability: 99.99% } }]\nslo: { objective: 99.9% }\n',
    );
    const text = await runCli(['slo', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Not simulated: components without an mttr have no time behaviour');
    const json = doc((await runCli(['slo', file, '--json'])).stdout).slo['exhaustion'];
    expect(json).toMatchObject({ simulated: false, reason: expect.stringContaining('without an mttr') });
  });

  it("the workbook's low-traffic example: 10 requests an hour allow 7.2 failures in 30 days; one is 13.9% of the budget", async () => {
    // SRE workbook ch. 5: "a single failed request ... consumed 13.9% of the 30-day error budget.
    // This scenario allows for only seven failed requests in 30 days."
    const file = tempModel(`name: low-traffic
tiers: [{ name: web, nodes: 1, failure: { availability: 99.99% } }]
slo: { objective: 99.9%, requestsPerSecond: ${10 / 3600} }
`);
    const budget = doc((await runCli(['slo', file, '--no-simulate', '--json'])).stdout).slo.budgets[0];
    expect(budget?.failedRequests).toBeCloseTo(7.2, 10);
    expect((1 / (budget?.failedRequests ?? 1)) * 100).toBeCloseTo(13.9, 1);
  });

  it('"Extreme availability goals": a 99.999% month is exhausted by a total outage in 26 s; at a 1% error ratio in 43 minutes', async () => {
    const run = await runCli(['slo', API, '--objective', '99.999%', '--no-simulate', '--json']);
    const slo = doc(run.stdout).slo as unknown as { budgets: { budgetSeconds: number }[]; burnRates: unknown[] };
    expect(slo.budgets[0]?.budgetSeconds).toBeCloseTo(25.92, 10); // printed "26 seconds"
    expect((slo.budgets[0]?.budgetSeconds ?? 0) / 0.01 / 60).toBeCloseTo(43.2, 10); // "43 minutes"
  });

  it('warns, with the reason, about alerts that cannot fire and objectives the design cannot reach', async () => {
    const low = await runCli(['slo', API, '--objective', '90%', '--no-simulate']);
    expect(low.code).toBe(0);
    expect(low.stderr).toContain('the page alert on 2% of the budget in 1 h can never fire');
    expect(low.stderr).toContain('a total outage burns at most 10×');
    expect(low.stdout).toMatch(/page +│ 1h \/ 5m +│ 2% +│ 14.4 +│ 1.44 +│ never/);
    const high = await runCli(['slo', API, '--objective', '99.99%', '--no-simulate']);
    expect(high.code).toBe(0);
    expect(high.stderr).toMatch(
      /the objective 99\.99\d*% is above what the design can reach \(99\.9578%\): its modelled unavailability alone uses 422% of the error budget/,
    );
    expect(high.stdout).toContain('Not feasible');
    const quiet = await runCli(['slo', API, '--objective', '99.99%', '--no-simulate', '--quiet']);
    expect(quiet.stderr).toBe('');
  });

  it('bad windows and objectives: errors with positions (or the flag), exit 2, nothing on stdout', async () => {
    const flag = await runCli(['slo', API, '--window', '6h']);
    expect(flag.code).toBe(2);
    expect(flag.stdout).toBe('');
    expect(flag.stderr).toContain("option '--window <window>' argument '6h' is invalid");
    expect(flag.stderr).toContain('whole days');
    const full = await runCli(['slo', API, '--objective', '100%']);
    expect(full.code).toBe(2);
    expect(full.stderr).toContain('leaves no error budget');
    const window = tempModel(
      'name: w\ntiers: [{ name: web, nodes: 1, failure: { availability: 99% } }]\nslo:\n  objective: 99%\n  window: 2 weeks\n',
    );
    const w = await runCli(['slo', window]);
    expect(w.code).toBe(2);
    expect(w.stdout).toBe('');
    expect(w.stderr).toMatch(/model\.yaml:5:\d+/);
    expect(w.stderr).toContain('slo.window');
    const objective = tempModel(
      'name: o\ntiers: [{ name: web, nodes: 1, failure: { availability: 99% } }]\nslo:\n  objective: 100%\n',
    );
    const o = await runCli(['slo', objective, '--json']);
    expect(o.code).toBe(2);
    expect(reportSchemaErrors(JSON.parse(o.stdout))).toEqual([]);
    expect(o.stderr).toMatch(/model\.yaml:4:\d+/);
    expect(o.stderr).toContain('no error budget');
    // The slo section's own mistakes, each once, at its place, in words about SLOs.
    const section = tempModel(
      'name: s\ntiers: [{ name: web, nodes: 1, failure: { availability: 99% } }]\nslo:\n  objective: 99.9%\n  labels: { bad-key: x }\n  sli: { errorQuery: "sum(rate(errors_total[5m]))" }\n  requestsPerSecond: 0\n',
    );
    const v = await runCli(['validate', section]);
    expect(v.code).toBe(2);
    const lines = v.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/model\.yaml:5:13: error: 'bad-key' is not a Prometheus label name/),
      expect.stringMatching(/model\.yaml:6:8: error: missing required key 'totalQuery'/),
      expect.stringMatching(/model\.yaml:6:22: error: expected PromQL with \{\{\.window\}\}/),
      expect.stringMatching(/model\.yaml:7:22: error: must be > 0/),
      expect.stringMatching(/model\.yaml: 4 errors$/),
    ]);
    const none = await runCli(['slo', 'models/minimal.yaml']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no SLO objective');
  });
});

describe('SLO targets in check and compare', { timeout: 60_000 }, () => {
  type Rec = {
    metric: string;
    status: string;
    actual: number | null;
    message: string;
    monteCarlo?: { ci: [number, number] };
  };
  const recordsOf = (stdout: string): Rec[] => (JSON.parse(stdout) as { records: Rec[] }).records;

  it('errorBudget and budgetExhaustionProbability from --target flags; a model without an objective gets a failed record with the reason', async () => {
    const tight = await runCli(['check', API, '--target', 'errorBudget<=40%', '--json']);
    expect(tight.code).toBe(1);
    expect(reportSchemaErrors(JSON.parse(tight.stdout))).toEqual([]);
    expect(recordsOf(tight.stdout).find((r) => r.metric === 'errorBudget')).toMatchObject({
      status: 'fail',
      actual: expect.closeTo(0.4224, 3),
    });
    // The simulated figure is gated on its interval: a threshold inside it is inconclusive (exit 3).
    const straddle = await runCli(['check', API, '--target', 'budgetExhaustionProbability<=6.8%', '--json']);
    const rec = recordsOf(straddle.stdout).find((r) => r.metric === 'budgetExhaustionProbability');
    expect(rec?.monteCarlo?.ci[0]).toBeLessThan(0.068);
    expect(rec?.monteCarlo?.ci[1]).toBeGreaterThan(0.068);
    expect(straddle.code).toBe(3);
    const none = await runCli(['check', 'models/minimal.yaml', '--target', 'errorBudget<=50%', '--json']);
    expect(none.code).toBe(1);
    expect(recordsOf(none.stdout)[0]?.message).toContain('no SLO objective');
  });

  it('one model, one answer: check, compare and slo give the same errorBudget, and the same exhaustion figure for the same seed', async () => {
    const slo = doc((await runCli(['slo', API, '--json'])).stdout).slo as unknown as {
      allocation: { budgetShare: number };
      exhaustion: { windows: { probability: { estimate: number } }[] };
    };
    const check = recordsOf((await runCli(['check', API, '--json'])).stdout);
    expect(check.find((r) => r.metric === 'errorBudget')?.actual).toBe(slo.allocation.budgetShare);
    expect(check.find((r) => r.metric === 'budgetExhaustionProbability')?.actual).toBe(
      slo.exhaustion.windows[0]?.probability.estimate,
    );
    const compare = JSON.parse((await runCli(['compare', API, API, '--json'])).stdout) as {
      compare: { metrics: { id: string; base: number }[] };
    };
    expect(compare.compare.metrics.find((m) => m.id === 'errorBudget')?.base).toBe(slo.allocation.budgetShare);
    expect(compare.compare.metrics.find((m) => m.id === 'budgetExhaustionProbability')?.base).toBe(
      slo.exhaustion.windows[0]?.probability.estimate,
    );
  });

  it('compare shows both rows and gates on them', async () => {
    const standby = ['--set', 'tiers.db.nodes={az-a: 1, az-b: 1}', '--set', 'tiers.db.minHealthy=1'];
    const better = await runCli(['compare', API, API, ...standby, '--json']);
    expect(better.code).toBe(0);
    const doc = JSON.parse(better.stdout) as {
      compare: { metrics: { id: string; base: number; candidate: number; change: string; unit: string }[] };
    };
    expect(reportSchemaErrors(doc)).toEqual([]);
    const rows = doc.compare.metrics.filter((m) => m.id === 'errorBudget' || m.id === 'budgetExhaustionProbability');
    expect(rows.map((m) => [m.id, m.unit, m.change])).toEqual([
      ['errorBudget', 'share', 'better'],
      ['budgetExhaustionProbability', 'share', 'better'],
    ]);
    expect(rows[0]?.base).toBeCloseTo(0.4224, 3);
    expect(rows[0]?.candidate).toBeCloseTo(0.1373, 3);
    const worse = await runCli(['compare', API, API, '--set', 'slo.objective=99.95%', '--fail-on-regression']);
    expect(worse.code).toBe(1);
    expect(worse.stdout).toMatch(/errorBudget .*42\.2%.*84\.5%/);
  });
});
