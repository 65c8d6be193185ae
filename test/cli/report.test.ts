import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchemaErrors } from '../support/report-schema.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'nines-report-cli-'));

/** The `$ nines …` lines of a command's --help, as argument lists (quotes honoured). */
async function helpExamples(command: string): Promise<string[]> {
  const help = (await runCli([command, '--help'])).stdout;
  return help
    .split('\n')
    .filter((l) => l.trim().startsWith('$ nines '))
    .map((l) => l.trim().slice('$ nines '.length));
}

function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** Runs `nines …` as a user would: -o into a temporary folder, `| …` and `> file` read stdout. */
async function runExample(example: string, n: number): Promise<void> {
  const [own = '', redirect] = example.replace(/\s+#.*$/, '').split(/\s[|>]\s/);
  const args = words(own);
  const o = args.indexOf('-o');
  const file = o >= 0 ? join(dir, `${n}-${args[o + 1] ?? ''}`) : undefined;
  if (file !== undefined) args[o + 1] = file;
  const run = await runCli(args);
  expect(run.code, example).toBe(0);
  const text = file === undefined ? run.stdout : readFileSync(file, 'utf8');
  if (file !== undefined) expect(run.stdout, example).toBe('');
  const kind = args.includes('markdown')
    ? /^# /
    : args.includes('dot')
      ? /^digraph /
      : args.includes('svg')
        ? /^<svg /
        : args[0] === 'report'
          ? /^<!doctype html>/
          : /^flowchart TB\n/;
  expect(text, example).toMatch(kind);
  if (redirect !== undefined) expect(text.length).toBeGreaterThan(100);
}

it("runs the README's report and diagram examples", async () => {
  const lines = readFileSync('README.md', 'utf8')
    .split('\n')
    .filter((l) => /^npx nines (report|diagram) /.test(l));
  expect(lines.length).toBeGreaterThanOrEqual(5);
  for (const [i, line] of lines.entries())
    await runExample(line.replace(/^npx nines /, '').replace(/\s+#.*$/, ''), 100 + i);
}, 60_000);

describe.each(['report', 'diagram'])('nines %s', (command) => {
  it('runs every example of its --help (output files into a temporary folder; pipes and redirects read stdout)', async () => {
    const examples = await helpExamples(command);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const [i, example] of examples.entries()) await runExample(example, i);
  }, 60_000);

  it('prints one JSON document with --json (the text inside without -o), valid against the report schema', async () => {
    const stdout = await runCli([command, 'models/minimal.yaml', '--json']);
    expect(stdout.code).toBe(0);
    const doc = JSON.parse(stdout.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ schemaVersion: 1, command, output: null });
    expect(typeof doc[command]).toBe('string');
    expect(reportSchemaErrors(doc)).toEqual([]);
    const file = join(dir, `minimal-${command}.out`);
    const written = JSON.parse((await runCli([command, 'models/minimal.yaml', '--json', '-o', file])).stdout) as Record<
      string,
      unknown
    >;
    expect(written).toMatchObject({ output: file });
    expect(written[command]).toBeUndefined();
    expect(reportSchemaErrors(written)).toEqual([]);
    expect(existsSync(file)).toBe(true);
  });

  it('exits 2 on an invalid model with file:line:col, and writes nothing', async () => {
    const file = join(dir, `invalid-${command}.out`);
    const run = await runCli([command, '-', '-o', file], {
      stdin: 'name: x\ntiers:\n  - { name: a, nodes: 2, failure: { mtbf: 2 years, mttr: 4 } }\n',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/<stdin>:3:\d+: error: /);
    expect(existsSync(file)).toBe(false);
  });

  it('exits 2 when the output cannot be written, leaving no partial file', async () => {
    const run = await runCli([command, 'models/minimal.yaml', '-o', join(dir, 'no/such/dir/out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`nines: error: cannot write '${join(dir, 'no/such/dir/out')}': no such directory\n`);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('nines report', () => {
  it('exits 0 when a target is missed (it reports; check gates) and shows the miss', async () => {
    // minimal.yaml: q = 3q₁² − 2q₁³ = 2.998e-6 with q₁ = 0.001 (its header), i.e. 99.9997% < 99.9999%.
    const model = `${readFileSync('models/minimal.yaml', 'utf8')}targets:\n  availability: 99.9999%\n`;
    const run = await runCli(['report', '-', '--format', 'markdown'], { stdin: model });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| **✖ fail** | `availability` | 99.9997% | ≥ 99.9999% | error | `<stdin>:17:3` |');
    expect(run.stdout).toContain('| Targets | **✖ fail: 0 of 1 met, 1 missed** |');
  });

  it('reports a what-if: --set changes the model, every document records it and equals analyze --set', async () => {
    const set = ['--set', 'data.copies=[]'];
    const run = await runCli(['report', 'models/database-dr.yaml', ...set, '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'What if: these are the figures of the model changed by `--set data.copies=[]`, not of the file as it is.',
    );
    // Without the DR copy a region loss falls back to the nightly backup and the RPO target is missed (the model's header).
    expect(run.stdout).toMatch(/\| \*\*✖ fail\*\* \| `rpo\[region\]` \| 1\.08 d \|/);
    const html = (await runCli(['report', 'models/database-dr.yaml', ...set])).stdout;
    const embedded = JSON.parse(
      /<script type="application\/json" id="nines-documents">(.*)<\/script>/.exec(html)?.[1] ?? 'null',
    ) as { analyze: unknown };
    expect(embedded.analyze).toEqual(
      JSON.parse((await runCli(['analyze', 'models/database-dr.yaml', ...set, '--json'])).stdout),
    );
  });

  it('says where it wrote the report on stderr', async () => {
    const file = join(dir, 'said.html');
    const run = await runCli(['report', 'models/minimal.yaml', '-o', file]);
    expect(run.stderr).toMatch(
      new RegExp(
        `^nines: wrote ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(html, \\d+ kB, \\d+ sections\\)\\n$`,
      ),
    );
  });
});
