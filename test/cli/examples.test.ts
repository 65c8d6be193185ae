import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unfoldExamples } from '../support/help-examples.js';
import { runCli } from '../support/run-cli.js';

// Every example is a promise (issue 10, class 8): each `$ nines …` line of every --help and
// each `npx nines …` line of the README runs, and exits as its comment says ("# exits 1",
// "# exit 1: …", "(fails)"; on its line, or above it where it did not fit), else 0. Shell
// plumbing after the command (| jq, >, >>) is cut; placeholder files stand for an example
// model; report paths go to a temporary directory.
const COMMANDS = ['validate', 'analyze', 'simulate', 'check', 'compare', 'budget', 'schema', 'merge'];
const PLACEHOLDERS: Record<string, string> = {
  'model.yaml': 'models/minimal.yaml',
  'base.yaml': 'models/database-dr.yaml',
  'candidate.yaml': 'models/database-dr.yaml',
  '/tmp/base.yaml': 'models/database-dr.yaml',
};
const dir = mkdtempSync(join(tmpdir(), 'nines-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Examples run where they cannot litter the checkout (report.html, part-1.json, …): in a
// scratch folder that sees the repository's models and fixtures under their usual names.
const work = join(dir, 'work');
mkdirSync(work);
for (const name of ['models', 'fixtures']) symlinkSync(resolve(name), join(work, name));
const BIN = resolve('bin/nines.js');

type Example = { readonly from: string; readonly line: string };

function bin(
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: work, env: { ...process.env, ...env, NO_COLOR: '1' }, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 70, stdout, stderr });
      },
    );
  });
}

/** Words of a shell line up to its first pipe, redirection or comment (single and double quotes). */
function words(line: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  let quote = '';
  for (const c of line) {
    if (quote !== '') {
      if (c === quote) quote = '';
      else word = (word ?? '') + c;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === ' ') {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else if (c === '|' || c === '>' || c === '#') {
      break;
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) out.push(word);
  return out;
}

function expectedExit(line: string): number {
  const comment = line.slice(line.indexOf('#') >= 0 ? line.indexOf('#') : line.length);
  const m = /exits? (\d+)/.exec(comment);
  if (m) return Number(m[1]);
  return /\(fails\)/.test(comment) ? 1 : 0;
}

async function examples(): Promise<Example[]> {
  const out: Example[] = [];
  for (const args of [[], ...COMMANDS.map((c) => [c])]) {
    const help = unfoldExamples((await runCli([...args, '--help'])).stdout);
    for (const l of help.split('\n')) {
      const m = /^\s*\$ nines (.*)$/.exec(l);
      if (m?.[1] !== undefined) out.push({ from: `nines ${args.join(' ')} --help`, line: m[1] });
    }
  }
  for (const l of readFileSync('README.md', 'utf8').split('\n')) {
    const m = /^\s*(?:- run: )?npx nines (.*)$/.exec(l);
    if (m?.[1] !== undefined) out.push({ from: 'README.md', line: m[1] });
  }
  return out;
}

describe('every example in --help and the README', async () => {
  const all = await examples();
  it('finds the examples', () => {
    expect(all.length).toBeGreaterThan(30);
  });
  it.each(all.map((e) => [`${e.from}: nines ${e.line}`, e] as const))(
    '%s',
    async (_name, e) => {
      const args = words(e.line).map(
        (w) =>
          PLACEHOLDERS[w] ??
          w.replace(/^(junit|markdown|json)=(?!\/)(.*)$/, (_all, f: string, p: string) => `${f}=${join(dir, p)}`),
      );
      // Through the built CLI, as a user runs it (worker threads need the bundle next to them).
      const run = await bin(args, { GITHUB_STEP_SUMMARY: join(dir, 'summary.md') });
      expect(run.code, `${run.stderr}`).toBe(expectedExit(e.line));
      expect(run.stderr).not.toMatch(/internal error/);
    },
    120_000,
  );
});

describe('an example model fails only the targets its header comment says', () => {
  it('in-zone-backups: only the region RPO is missed (no copy survives a region loss)', async () => {
    const run = await runCli(['check', 'models/in-zone-backups.yaml', '--json']);
    expect(run.code).toBe(1);
    const failed = (JSON.parse(run.stdout) as { records: { id: string; status: string }[] }).records
      .filter((r) => r.status !== 'pass')
      .map((r) => r.id);
    expect(failed).toEqual(['rpo[region]']);
  });
});
