import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS, formatsOf, WRAPPING, type FormattedCommand } from '../../src/report/formats.js';
import { COMMANDS } from '../../src/report/json/envelope.js';
import { runCli } from '../support/run-cli.js';

// Issue 12: one format registry behind every command's --format and --report.
const dir = mkdtempSync(join(tmpdir(), 'nines-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SIMULATE = ['models/minimal.yaml', '--seed', '7', '--trials', '20000', '--timeline-trials', '50'];
const PARTS = [1, 2].map((i) => join(dir, `part-${i}.json`));
beforeAll(async () => {
  for (const [i, part] of PARTS.entries()) {
    const run = await runCli(['simulate', ...SIMULATE, '--shard', `${i + 1}/2`, '--out', part, '-q']);
    expect(run.code, run.stderr).toBe(0);
  }
});

const ARGS: Record<FormattedCommand, string[]> = {
  analyze: ['analyze', 'models/minimal.yaml'],
  budget: ['budget', '99.95%'],
  check: ['check', 'models/minimal.yaml', '--target', 'availability>=99.999%'],
  compare: ['compare', 'models/minimal.yaml', 'models/minimal.yaml', '--set', 'tiers.web.nodes=4'],
  diagram: ['diagram', 'models/minimal.yaml'],
  explain: ['explain', 'models/minimal.yaml'],
  merge: ['merge', ...PARTS],
  plan: ['plan', 'models/inference-3az.yaml'],
  recommend: ['recommend', 'models/minimal.yaml', '--target', 'availability>=99.9999%'],
  report: ['report', 'models/minimal.yaml'],
  simulate: ['simulate', ...SIMULATE],
  slo: ['slo', 'models/api-slo.yaml', '--trials', '500'],
  sweep: ['sweep', 'models/minimal.yaml', '--vary', 'tiers.web.nodes=3..5'],
};
const commands = (Object.keys(FORMATS) as FormattedCommand[]).filter((c) => !WRAPPING.has(c));
const VOLATILE = /"(elapsedMs|elapsedSeconds|wallSeconds|generatedAt|durationMs)":[^,}]+/g;
const stable = (json: string): unknown => JSON.parse(json.replace(VOLATILE, '"$1":0'));

describe.each(commands)('nines %s: --format and --report from the registry', (command) => {
  const args = ARGS[command];

  it('lists its formats in --help', async () => {
    const help = (await runCli([command, '--help'])).stdout;
    expect(help).toContain('Formats (--format for stdout, --report FORMAT=PATH for a file, repeatable):');
    for (const format of formatsOf(command)) expect(help).toMatch(new RegExp(`^ {2}${format} +\\S`, 'm'));
    expect(help).toContain(`--report`);
  });

  it('--format json is --json', async () => {
    const json = await runCli([...args, '--json', '-q']);
    const format = await runCli([...args, '--format', 'json', '-q']);
    expect(format.code).toBe(json.code);
    expect(stable(format.stdout)).toEqual(stable(json.stdout));
  });

  it.each(formatsOf(command))('--report %s=PATH writes what --format prints on stdout', async (format) => {
    const path = join(dir, `${command}.${format}`);
    const file = await runCli([...args, '-q', '--report', `${format}=${path}`]);
    const stdout = await runCli([...args, '-q', '--format', format]);
    expect(file.code).toBe(stdout.code);
    const written = readFileSync(path, 'utf8');
    // A file always gets the pretty JSON; stdout gets it on a terminal only.
    if (format === 'json') expect(stable(written)).toEqual(stable(stdout.stdout));
    else expect(written).toBe(stdout.stdout);
  });

  it('refuses a format it does not have, and a bad --report, with exit 2', async () => {
    const format = await runCli([...args, '--format', 'xlsx']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/Allowed choices are text, .*json/);
    const report = await runCli([...args, '--report', 'xlsx=x.xlsx']);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain(`FORMAT one of ${formatsOf(command).join(', ')}`);
  });
});

describe.each([...WRAPPING])('nines %s: --format from the registry, the document wrapping it', (command) => {
  const args = ARGS[command];

  it('lists its formats in --help, the default first, and has no --report', async () => {
    const help = (await runCli([command, '--help'])).stdout;
    expect(help).toContain('Formats (--format, the first the default; -o PATH writes it to a file):');
    for (const format of formatsOf(command)) expect(help).toMatch(new RegExp(`^ {2}${format} +\\S`, 'm'));
    expect(help).toMatch(new RegExp(`default:\\s+"${formatsOf(command)[0]}"`));
    expect(help).not.toContain('--report');
  });

  it.each(formatsOf(command))('--json holds what --format %s prints', async (format) => {
    const text = await runCli([...args, '-q', '--format', format]);
    const json = await runCli([...args, '-q', '--format', format, '--json']);
    expect(text.code).toBe(0);
    const doc = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(doc['format']).toBe(format);
    // Vega numbers its clip paths per process, and these runs share one: compare without them.
    const clips = (svg: unknown): string => String(svg).replace(/clip\d+/g, 'clip');
    expect(clips(doc[command])).toBe(clips(text.stdout));
  });

  it('refuses a format it does not have (json too: that is --json), exit 2, naming the allowed ones', async () => {
    for (const bad of ['xlsx', 'json']) {
      const run = await runCli([...args, '--format', bad]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Allowed choices are ${formatsOf(command).join(', ')}.`);
    }
  });
});

describe('the command list', () => {
  it('is the one the main help lists, in its order', async () => {
    const help = (await runCli(['--help'])).stdout;
    const listed = [...help.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]).filter((n) => n !== 'help');
    expect(listed).toEqual([...COMMANDS]);
  });

  it("is the report schema's enum of commands (every command but schema prints a document)", () => {
    const schema = JSON.parse(readFileSync('schemas/report.schema.json', 'utf8')) as {
      properties: { command: { enum: string[] } };
    };
    expect([...schema.properties.command.enum].sort()).toEqual(COMMANDS.filter((c) => c !== 'schema').sort());
  });
});
