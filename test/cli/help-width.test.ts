import { describe, expect, it } from 'vitest';
import { fitHelp } from '../../src/cli/help-text.js';
import { COMMANDS } from '../../src/report/json/envelope.js';
import { runCli } from '../support/run-cli.js';

const columns = (line: string): number => [...line].length;

/**
 * The shell lines of the help that alone are wider than 80 (and 100) columns: a shell line is
 * never broken, so it must stay copyable. A new one here is a decision; shorten it if you can.
 */
const WIDE_EXAMPLES = [
  `$ nines validate model.yaml --json | jq '.problems[] | "\\(.line):\\(.col) \\(.message)"'`,
  `$ nines analyze models/database-dr.yaml --set tiers.db.nodes=5 --set 'data.backups.nightly.every=4 h'`,
  '$ nines explain models/database-dr.yaml service.availability --set tiers.db.nodes=5',
  '$ nines explain models/database-dr.yaml .dataProtection.backups[0].worstRestoreSeconds .cost.perMonth',
  `$ nines explain models/inference-3az.yaml --json | jq '.explanations[0].steps[].label'`,
  '$ nines simulate models/inference-3az.yaml --json | jq .simulation.annualDowntimeSeconds',
  `$ nines check models/minimal.yaml --target 'availability>=99.99%' --target 'downtimePerYear<=1h@warn'`,
  '$ nines check models/database-dr.yaml --format markdown >> "$GITHUB_STEP_SUMMARY"',
  '$ nines check models/database-dr.yaml --report junit=nines-junit.xml --report markdown=nines.md',
  `$ nines recommend models/database-dr.yaml --set 'data.copies.dr-replica.lag=5 min'`,
  `$ nines recommend models/database-dr.yaml --set 'data.copies=[]' --json | jq '.recommendations[0].argument'`,
  '$ nines compare models/database-dr.yaml models/database-dr.yaml --set tiers.db.nodes=5',
  '$ git show main:models/db.yaml > /tmp/base.yaml && nines compare /tmp/base.yaml models/db.yaml --fail-on-regression',
  '$ nines compare base.yaml candidate.yaml --tolerance 1% --format markdown >> "$GITHUB_STEP_SUMMARY"',
  '$ nines compare models/database-dr.yaml models/database-dr.yaml --set tiers.db.nodes=1 --report markdown=compare.md',
  '$ nines sweep models/inference-3az.yaml --vary tiers.inference.nodes=8..16 --plot availability',
  `$ nines sweep models/database-dr.yaml --vary tiers.db.nodes=1..5 --vary 'recovery.detection=5 minute,15 minute'`,
  `$ nines sweep models/database-dr.yaml --vary 'data.backups.nightly.every=1 h..8 h:1 h' --format csv`,
  `$ nines sweep models/minimal.yaml --vary 'tiers.web.failure.availability=99%..99.99%' --log --json | jq '.sweep.points[].figures.nines'`,
  `$ nines design models/database-dr.yaml --vary tiers.db.nodes=1..7 --vary 'data.copies.dr-replica.lag=10 s,30 s,2 minute'`,
  `$ nines design models/inference-3az.yaml --vary tiers.inference.nodes=8..16 --vary tiers.model-cache.nodes=1..3 --target 'availability>=99.99%'`,
  '$ nines design models/database-dr.yaml --vary tiers.db.nodes=1..7 --write-model /tmp/best.yaml && nines check /tmp/best.yaml',
  `$ nines design models/database-dr.yaml --vary tiers.db.nodes=1..7 --json | jq -r '.design.bestSet[]'`,
  `$ nines plan models/inference-3az.yaml --json | jq '.runway[] | select(.breaksAtSeconds != null)'`,
];

describe('every --help fits 80 and 100 columns', () => {
  for (const args of [[], ...COMMANDS.map((c) => [c])])
    it(`nines ${args.join(' ')} --help`, async () => {
      for (const width of [80, 100]) {
        const help = await runCli([...args, '--help'], { env: { COLUMNS: String(width) } });
        expect(help.code).toBe(0);
        const wide = help.stdout
          .split('\n')
          .filter((l) => columns(l) > width)
          .map((l) => l.trim());
        for (const line of wide) expect(WIDE_EXAMPLES, `${line} at ${width}`).toContain(line);
      }
    });

  it('lists only shell lines that are still too wide for 80 columns', async () => {
    const helps = await Promise.all([[], ...COMMANDS.map((c) => [c])].map((a) => runCli([...a, '--help'])));
    const lines = new Set(helps.flatMap((h) => h.stdout.split('\n').map((l) => l.trim())));
    for (const line of WIDE_EXAMPLES) {
      expect(lines.has(line), line).toBe(true);
      expect(columns(line) + 2, line).toBeGreaterThan(80);
    }
  });
});

describe('fitHelp', () => {
  it('leaves text that fits as it is', () => {
    const text = 'Exit codes: 0 ok.\n\nExamples:\n  $ nines budget 99.9%   # 8.76 h per year';
    expect(fitHelp(text, 80)).toBe(text);
  });

  it('puts a comment that does not fit on the line above its example, and never breaks a shell line', () => {
    const text = '  $ nines check models/database-dr.yaml --set tiers.db.nodes=1   # exits 1: a lost node waits';
    expect(fitHelp(text, 50)).toBe(
      ['  # exits 1: a lost node waits', '  $ nines check models/database-dr.yaml --set tiers.db.nodes=1'].join('\n'),
    );
    expect(fitHelp('  $ nines check models/database-dr.yaml --set tiers.db.nodes=1', 40)).toBe(
      '  $ nines check models/database-dr.yaml --set tiers.db.nodes=1',
    );
  });

  it('re-wraps a prose paragraph at its indent and a definition item under its text', () => {
    const prose = 'Exit codes: 0 all targets met · 1 a target missed ·\n2 bad input or usage · 3 inconclusive.';
    expect(fitHelp(prose, 40)).toBe(
      ['Exit codes: 0 all targets met · 1 a', 'target missed · 2 bad input or usage · 3', 'inconclusive.'].join('\n'),
    );
    const item = '  METRIC  availability, downtimePerYear, outagesPerYear, rpo, rto,\n          durability';
    expect(fitHelp(item, 46)).toBe(
      ['  METRIC  availability, downtimePerYear,', '          outagesPerYear, rpo, rto, durability'].join('\n'),
    );
  });

  it('wraps a long comment line as comment lines, and does not wrap below 40 columns (as commander)', () => {
    expect(fitHelp('  # one two three four five six seven eight nine', 40)).toBe(
      '  # one two three four five six seven\n  # eight nine',
    );
    const narrow = 'Exit codes: 0 all targets met · 1 a target missed';
    expect(fitHelp(narrow, 30)).toBe(narrow);
  });
});
