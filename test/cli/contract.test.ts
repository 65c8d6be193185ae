import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportSchemaErrors } from '../support/report-schema.js';
import { runCli } from '../support/run-cli.js';

const ANSI = /\u001b\[\d+m/;
const STACK = /\n\s+at .+:\d+:\d+\)?\n/;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// DESIGN §5 and issue 2 point 8: the contract every command inherits.
describe('CLI contract', () => {
  it('prints the version', async () => {
    const run = await runCli(['--version']);
    expect(run).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it.each(['validate', 'analyze', 'explain', 'recommend', 'simulate', 'report', 'diagram', 'budget', 'schema'])(
    '%s --help has examples and exits 0',
    async (command) => {
      const run = await runCli([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Examples:');
      expect(run.stdout).toContain(`$ nines ${command}`);
      expect(run.stderr).toBe('');
    },
  );

  it('prints the conventions and exit codes in the main help', async () => {
    // Wrapped to the help's width (80 here): the words, whatever the line breaks.
    const text = (await runCli(['--help'])).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('year = 365 d, month = 30 d');
    expect(text).toContain('TiB = 2^40 B');
    expect(text).toContain('70 internal error');
  });

  it('exits 2 with a hint for usage errors, and keeps stdout clean', async () => {
    for (const args of [[], ['analyse', 'x.yaml'], ['validate', 'x.yaml', '--jsn'], ['validate']]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout, args.join(' ')).toBe('');
      expect(run.stderr, args.join(' ')).toMatch(/error|Usage/);
    }
    const typo = await runCli(['analyse', 'x.yaml']);
    expect(typo.stderr).toContain('analyze');
    const flag = await runCli(['validate', 'models/minimal.yaml', '--jsn']);
    expect(flag.stderr).toContain('--json');
    expect(flag.stderr).toContain('--help');
  });

  it('gives a --json run one JSON document even for a usage error', async () => {
    const run = await runCli(['simulate', 'models/minimal.yaml', '--json', '--workers', '0']);
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ schemaVersion: 1, command: 'simulate', error: { code: 'usage' } });
    expect(reportSchemaErrors(doc)).toEqual([]);
  });

  it('reports an unreadable file in one line, and as one JSON document with --json', async () => {
    const text = await runCli(['analyze', 'no/such/model.yaml']);
    expect(text.code).toBe(2);
    expect(text.stderr).toBe("nines: error: cannot read 'no/such/model.yaml': no such file\n");
    expect(text.stdout).toBe('');
    const json = await runCli(['analyze', 'models', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      schemaVersion: 1,
      command: 'analyze',
      error: { code: 'file-unreadable' },
    });
    expect(json.stderr).not.toMatch(STACK);
  });

  it('reads the model from standard input with -', async () => {
    const run = await runCli(['validate', '-'], { stdin: readFileSync('models/minimal.yaml', 'utf8') });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('valid model minimal');
  });

  describe('colour', () => {
    const model = ['validate', 'models/minimal.yaml'];
    it('is on for a terminal and off for a pipe', async () => {
      expect((await runCli(model, { tty: true })).stdout).toMatch(ANSI);
      expect((await runCli(model, { tty: false })).stdout).not.toMatch(ANSI);
    });
    it('honours NO_COLOR and FORCE_COLOR, and the flags override both', async () => {
      expect((await runCli(model, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
      expect((await runCli(model, { tty: false, env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
      expect((await runCli(model, { tty: false, env: { FORCE_COLOR: '0' } })).stdout).not.toMatch(ANSI);
      expect((await runCli([...model, '--no-color'], { tty: true, env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(
        ANSI,
      );
      expect((await runCli([...model, '--color'], { tty: false, env: { NO_COLOR: '1' } })).stdout).toMatch(ANSI);
    });
  });

  it('--quiet drops warnings from stderr but keeps the result', async () => {
    const withWarning = 'name: w\ntiers:\n  - { name: a, nodes: 2, failure: { mtbf: 1 h, mttr: 2 h } }\n';
    const loud = await runCli(['validate', '-'], { stdin: withWarning });
    expect(loud.stderr).toContain('warning:');
    const quiet = await runCli(['validate', '-', '--quiet'], { stdin: withWarning });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });
});

describe('nines validate', () => {
  it('summarises a valid model on one screen', async () => {
    const run = await runCli(['validate', 'models/database-dr.yaml']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').length).toBeLessThan(40);
    expect(run.stdout).toContain('valid model');
  });

  it('gives {schemaVersion, valid, problems} with --json', async () => {
    const run = await runCli(['validate', 'fixtures/invalid/misspelt-key.yaml', '--json']);
    const doc = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ schemaVersion: 1, command: 'validate', valid: false });
    expect(doc['problems']).toEqual([
      {
        code: 'unknown-key',
        severity: 'error',
        path: 'tiers[0].failure.mtbff',
        line: 5,
        col: 16,
        message: "unknown key 'mtbff' (did you mean 'mtbf'?)",
      },
    ]);
  });
});

describe('nines budget', () => {
  it('gives the downtime allowed by 99.99% (52.56 min/year, 4.32 min/month, 8.64 s/day)', async () => {
    // Worked by hand: 1e-4 × 365 × 86 400 s = 3153.6 s; × 30 × 86 400 s = 259.2 s; × 86 400 s = 8.64 s.
    const run = await runCli(['budget', '99.99%', '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { budget: { period: string; downtimeSeconds: number }[] };
    const by = Object.fromEntries(doc.budget.map((b) => [b.period, b.downtimeSeconds]));
    expect(by['year']).toBeCloseTo(3153.6, 9);
    expect(by['month']).toBeCloseTo(259.2, 9);
    expect(by['day']).toBeCloseTo(8.64, 12);
    const text = await runCli(['budget', '4 nines']);
    expect(text.stdout).toContain('52.6 min');
    expect(text.stdout).toContain('4.32 min');
    expect(text.stdout).toContain('8.64 s');
  });

  it('refuses a target that is not an availability', async () => {
    const run = await runCli(['budget', 'lots']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("target 'lots'");
  });
});

describe('nines schema', () => {
  it('prints the model schema', async () => {
    const run = await runCli(['schema']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync('schemas/model.schema.json', 'utf8')));
  });
});

describe('JSON documents of validate, budget and errors', () => {
  it.each([
    [['validate', 'models/minimal.yaml', '--json']],
    [['validate', 'fixtures/invalid/misspelt-key.yaml', '--json']],
    [['budget', '99.95%', '--json']],
    [['analyze', 'no-such-file.yaml', '--json']],
  ])('%j validates against the report schema', async (args) => {
    const run = await runCli(args);
    expect(reportSchemaErrors(JSON.parse(run.stdout))).toEqual([]);
  });
});
