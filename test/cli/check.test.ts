import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { reportSchemaErrors } from './gate-schema.js';
import { parseXml } from './gate-xml.js';

const DB = 'models/database-dr.yaml';
/** 1-based line of the first line of a file containing `needle` (the model may gain comments). */
const lineOf = (file: string, needle: string): number =>
  readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;
const REGION_RPO_LINE = lineOf(DB, '{ max: 1 minute, scenario: region }');
const json = (stdout: string): Record<string, unknown> => JSON.parse(stdout) as Record<string, unknown>;
type Rec = { id: string; status: string; actual: number | null; message: string; source: Record<string, unknown> };
const records = (doc: Record<string, unknown>): Rec[] => doc['records'] as Rec[];

// One node, MTBF 999 h, MTTR 1 h: q = 1/1000 exactly, downtime 8.76 h/year (by hand).
const ONE_NODE = `name: one-node
tiers:
  - { name: web, nodes: 1, failure: { mtbf: 999 h, mttr: 1 h } }
targets:
  availability: 99.8%
  downtimePerYear: { max: 8 h, level: warn }
`;

describe('nines check', () => {
  it('passes the example model: exit 0, a table on stdout, nothing on stderr', async () => {
    const r = await runCli(['check', DB]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/database-dr — check \(analytic\): ✔ pass/);
    expect(r.stdout).toMatch(/availability .*99\.999\d+%/);
    expect(r.stdout).toMatch(/11 targets: 11 met; exit 0/);
  });

  it('a --set variant fails (DR copy removed: a region loss falls back to the nightly backup, RPO 1 d + 2 h): exit 1', async () => {
    const r = await runCli(['check', DB, '--set', 'data.copies=[]', '--json']);
    expect(r.code).toBe(1);
    const doc = json(r.stdout);
    expect(reportSchemaErrors(doc)).toBe('');
    expect(doc).toMatchObject({
      command: 'check',
      status: 'fail',
      exitCode: 1,
      overrides: { set: ['data.copies=[]'], fail: [] },
    });
    const region = records(doc).find((x) => x.id === 'rpo[region]');
    // Worst RPO of a periodic backup = interval + duration = 24 h + 2 h (DESIGN §4).
    expect(region).toMatchObject({
      status: 'fail',
      actual: 26 * 3600,
      source: { file: DB, line: REGION_RPO_LINE, col: 7 },
    });
  });

  it('a scenario that is not recoverable is a failed record with a null actual and the reason', async () => {
    const r = await runCli(['check', 'models/in-zone-backups.yaml', '--json']);
    expect(r.code).toBe(1);
    const doc = json(r.stdout);
    expect(reportSchemaErrors(doc)).toBe('');
    const region = records(doc).find((x) => x.id === 'rpo[region]');
    expect(region).toMatchObject({ status: 'fail', actual: null, source: { file: 'models/in-zone-backups.yaml' } });
    expect(region?.message).toMatch(/no figure: region: Not recoverable/);
  });

  it('--target flags add targets and override a file target of the same metric and scope', async () => {
    const r = await runCli(
      ['check', '-', '--target', 'availability>=99.95%', '--target', 'outagesPerYear<=9', '--json'],
      { stdin: ONE_NODE },
    );
    const doc = json(r.stdout);
    expect(records(doc).map((x) => [x.id, x.status])).toEqual([
      ['downtimePerYear', 'warn'],
      ['availability', 'fail'], // q = 1e-3 > 5e-4: the flag replaced the file's 99.8%
      ['outagesPerYear', 'pass'], // ν·year = 8.76
    ]);
    expect(records(doc)[1]?.source).toEqual({ flag: 'availability>=99.95%' });
    expect(r.code).toBe(1);
    expect(reportSchemaErrors(doc)).toBe('');
  });

  it('warnings: exit 0, or 1 past --max-warnings; --exit-zero always 0', async () => {
    expect((await runCli(['check', '-'], { stdin: ONE_NODE })).code).toBe(0);
    expect((await runCli(['check', '-', '--max-warnings', '0'], { stdin: ONE_NODE })).code).toBe(1);
    expect((await runCli(['check', '-', '--max-warnings', '1'], { stdin: ONE_NODE })).code).toBe(0);
    const zero = await runCli(['check', '-', '--target', 'availability>=99.99%', '--exit-zero'], { stdin: ONE_NODE });
    expect(zero.code).toBe(0);
    expect(zero.stdout).toMatch(/✖ fail/);
  });

  it('a data target on a model without data is a failed record, not a crash', async () => {
    const r = await runCli(['check', '-', '--target', 'rpo<=1h', '--json'], { stdin: ONE_NODE });
    expect(r.code).toBe(1);
    const rec = records(json(r.stdout)).find((x) => x.id === 'rpo');
    expect(rec).toMatchObject({ status: 'fail', actual: null });
    expect(rec?.message).toMatch(/needs a 'data' section/);
  });

  it('bad input exits 2: a bad --target, an unknown tier, an invalid model (JSON still one document)', async () => {
    const bad = await runCli(['check', DB, '--target', 'rto<1h']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/--target 'rto<1h': use '>=' or '<='/);
    const tier = await runCli(['check', DB, '--target', 'availability[bd]>=99%']);
    expect(tier.code).toBe(2);
    expect(tier.stderr).toMatch(/no tier named 'bd' \(did you mean 'db'\?\)/);
    const invalid = await runCli(['check', '-', '--json'], { stdin: 'name: x\ntiers: []\n' });
    expect(invalid.code).toBe(2);
    const doc = json(invalid.stdout);
    expect(doc).toMatchObject({ command: 'check', status: 'error', valid: false });
    expect(reportSchemaErrors(doc)).toBe('');
  });

  it('--format junit: one testcase per target, failures as <failure>, well-formed and escaped', async () => {
    const r = await runCli([
      'check',
      DB,
      '--set',
      'data.copies=[]',
      '--target',
      'rto<=1 minute@warn',
      '--format',
      'junit',
    ]);
    expect(r.code).toBe(1);
    const root = parseXml(r.stdout);
    expect(root.name).toBe('testsuites');
    const suite = root.children[0];
    expect(suite?.name).toBe('testsuite');
    const cases = suite?.children ?? [];
    expect(cases).toHaveLength(11); // the rto flag replaced the file's rto target
    expect(cases.every((c) => c.name === 'testcase')).toBe(true);
    const failures = cases.filter((c) => c.children.some((x) => x.name === 'failure'));
    expect(failures.map((c) => c.attrs['name'])).toEqual(['rpo[region] ≤ 1 min', 'dataAtRisk[region] ≤ 1 GB']);
    expect(suite?.attrs['failures']).toBe('2');
    expect(failures[0]?.attrs['file']).toBe(DB);
    // The rto warning's message holds "≤" and the scenario in parentheses; "<" would be escaped.
    expect(cases.find((c) => c.attrs['name']?.startsWith('rto ≤ 1 min'))?.children[0]?.name).toBe('system-out');
  });

  it('escapes quotes and ampersands of messages in JUnit attributes', async () => {
    const r = await runCli(['check', 'models/in-zone-backups.yaml', '--format', 'junit']);
    const root = parseXml(r.stdout);
    const failure = root.children[0]?.children
      .flatMap((c) => c.children)
      .find((x) => x.name === 'failure' && /Not recoverable/.test(x.attrs['message'] ?? ''));
    expect(failure?.attrs['message']).toMatch(/backup 'nightly-snapshot'/);
    expect(r.stdout).toMatch(/&apos;nightly-snapshot&apos;/);
  });

  it('--format markdown: a summary table for a PR comment (snapshot)', async () => {
    const r = await runCli(['check', '-', '--target', 'availability[web]>=99.9%', '--format', 'markdown'], {
      stdin: ONE_NODE.replace('99.8%', '99.95%'),
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatchInlineSnapshot(`
      "### nines check: ❌ fail — one-node

      &lt;stdin&gt; · analytic · 3 targets: 1 met, 1 missed, 1 warning; exit 1

      | Status | Target | Actual | Threshold | Level | Source |
      | --- | --- | --- | --- | --- | --- |
      | ❌ fail | \`availability\` | 99.90% | ≥ 99.95% | error | &lt;stdin&gt;:5:3 |
      | ⚠️ warn | \`downtimePerYear\` | 8.76 h | ≤ 8 h | warn | &lt;stdin&gt;:6:3 |
      | ✅ pass | \`availability[web]\` | 99.90% | ≥ 99.90% | error | --target 'availability[web]&gt;=99.9%' |

      - ❌ fail availability 99.90% &lt; 99.95% (target ≥ 99.95%): missed
      - ⚠️ warn downtimePerYear 8.76 h &gt; 8 h (target ≤ 8 h): missed (warning)

      #### What would fix it (each change verified by re-running nines)

      - \`--set 'tiers.web={"name":"web","nodes":2,"failure":{"mtbf":"999 h","mttr":"1 h"},"minHealthy":1}'\`: one more node in tier web as a spare (1 of 2 needed); meets \`availability\`, \`downtimePerYear\`; all targets met
      - \`--set 'tiers.web.failure.mttr=30 minute'\`: repair tier web's nodes twice as fast (MTTR 1 h → 30 minute); meets \`downtimePerYear\`; still missed: \`availability\`
      "
    `);
  });

  it('GitHub Actions: ::error / ::warning annotations on stderr and the summary appended to $GITHUB_STEP_SUMMARY', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nines-check-'));
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# before\n');
    const r = await runCli(['check', DB, '--set', 'data.copies=[]', '--target', 'rto<=1 minute@warn'], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(2);
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^::error file=models/database-dr\\.yaml,line=${REGION_RPO_LINE},col=7,title=nines check%3A rpo\\[region\\]::rpo\\[region\\] 1\\.08 d > 1 min \\(target ≤ 1 min\\): missed$`,
        ),
      ),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^::warning title=nines check%3A rto::rto /));
    expect(r.stdout).not.toMatch(/::error/);
    const written = readFileSync(summary, 'utf8');
    expect(written.startsWith('# before\n### nines check: ❌ fail — database-dr')).toBe(true);
    // Not in GitHub Actions: no annotations.
    expect((await runCli(['check', DB, '--set', 'data.copies=[]'])).stderr).not.toMatch(/::error/);
    // --ci github forces them; --ci none turns them off.
    expect((await runCli(['check', DB, '--set', 'data.copies=[]', '--ci', 'github'])).stderr).toMatch(/^::error /m);
    // Without the DR copy the model itself warns that the standby has no data (not an annotation).
    const none = (
      await runCli(['check', DB, '--set', 'data.copies=[]', '--ci', 'none'], { env: { GITHUB_ACTIONS: 'true' } })
    ).stderr;
    expect(none).not.toMatch(/::(error|warning)/);
    expect(none.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^models\/database-dr\.yaml:\d+:\d+: warning: the standby runs in eu-west, .*\[standby-without-data\]$/,
      ),
    ]);
  });

  it('--report FORMAT=PATH writes extra formats in the same run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nines-report-'));
    const r = await runCli([
      'check',
      DB,
      '--report',
      `junit=${join(dir, 'j.xml')}`,
      '--report',
      `json=${join(dir, 'r.json')}`,
      '--report',
      `markdown=${join(dir, 's.md')}`,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ pass/);
    expect(parseXml(readFileSync(join(dir, 'j.xml'), 'utf8')).children[0]?.children).toHaveLength(11);
    const doc = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as unknown;
    expect(reportSchemaErrors(doc)).toBe('');
    expect(readFileSync(join(dir, 's.md'), 'utf8')).toMatch(/^### nines check: ✅ pass/);
    // A missing directory is created (issue 10); a path through a file cannot be written.
    const bad = await runCli(['check', DB, '--report', `junit=${join(dir, 's.md', 'dir.xml')}`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cannot write/);
    expect((await runCli(['check', DB, '--report', 'pdf=x.pdf'])).code).toBe(2);
  });

  it('--method simulate: decides on the 95% bound; inconclusive (exit 3) when the interval straddles, with trials needed', async () => {
    // q = 1e-3 exactly; with 20 000 trials the interval is about ±4.4e-4 wide (1.96·√(q/N)),
    // so a 99.9% target (q ≤ 1e-3) straddles it whatever the draw, and 99% (q ≤ 1e-2) clears it.
    const args = ['check', '-', '--method', 'simulate', '--trials', '20000', '--seed', '3', '--json'];
    const straddle = await runCli([...args, '--target', 'availability>=99.9%'], {
      stdin: ONE_NODE.replace(/targets:[\s\S]*/, ''),
    });
    const doc = json(straddle.stdout);
    expect(reportSchemaErrors(doc)).toBe('');
    const rec = records(doc)[0] as Rec & {
      monteCarlo: { straddles: boolean; trialsNeeded: number | null; ci: number[] };
    };
    expect(rec.monteCarlo.straddles).toBe(true);
    expect(straddle.code).toBe(3);
    expect(doc['status']).toBe('inconclusive');
    expect(rec.message).toMatch(/trials would settle it/);
    const clear = await runCli([...args, '--target', 'availability>=99%'], {
      stdin: ONE_NODE.replace(/targets:[\s\S]*/, ''),
    });
    expect(clear.code).toBe(0);
    const point = await runCli([...args, '--target', 'availability>=99.9%', '--mc-decision', 'point'], {
      stdin: ONE_NODE.replace(/targets:[\s\S]*/, ''),
    });
    expect([0, 1]).toContain(point.code);
  });

  it('no targets: exit 0 with a warning on stderr', async () => {
    const r = await runCli(['check', 'models/minimal.yaml']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no targets/);
  });
});

describe('nines check: one disruption model on database-dr', () => {
  it('--set recovery.strategy=backup-restore: a longer switchover, and check names the targets it breaks', async () => {
    const base = JSON.parse((await runCli(['analyze', DB, '--json'])).stdout) as {
      failovers: { switchoverSeconds: number }[];
      service: { downtimeSecondsPerYear: number };
    };
    const r = await runCli(['check', DB, '--set', 'recovery.strategy=backup-restore', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { records: { id: string; status: string }[]; failovers?: unknown };
    const failed = doc.records
      .filter((x) => x.status === 'fail')
      .map((x) => x.id)
      .sort();
    // The data now comes from the nightly backup: RPO 1 d + 2 h and 130 GB at risk after a region loss.
    expect(failed).toEqual(['dataAtRisk[region]', 'rpo[region]']);
    const br = JSON.parse(
      (await runCli(['analyze', DB, '--set', 'recovery.strategy=backup-restore', '--json'])).stdout,
    ) as typeof base;
    // 5 + 45 min + the restore of the chain + 15 min, instead of 5 + 10 + 45 + 15 min.
    expect(br.failovers[0]?.switchoverSeconds).toBeGreaterThan((base.failovers[0]?.switchoverSeconds ?? 0) + 2000);
    expect(br.service.downtimeSecondsPerYear).toBeGreaterThan(base.service.downtimeSecondsPerYear);
  });
});
