import { describe, expect, it } from 'vitest';
import { asciiTables, reportWidth } from '../../src/cli/terminal.js';
import type { Proc } from '../../src/cli/proc.js';
import { textStyle } from '../../src/report/style.js';
import { table } from '../../src/report/table.js';
import { LARGE_MODELS } from '../support/large-models.js';
import { EXAMPLE_MODELS } from '../support/models.js';
import { runCli } from '../support/run-cli.js';

const ANSI = /\u001b\[[0-9;]*m/g;
const widest = (text: string): number =>
  text.split('\n').reduce((w, line) => Math.max(w, [...line.replace(ANSI, '')].length), 0);
const BOX = /[\u2500-\u257f]/;

/** Every text report of a model (simulate small: its width does not depend on the trial count). */
function reports(file: string): string[][] {
  const runs = [
    ['analyze', file],
    ['explain', file],
    ['check', file],
    ['recommend', file],
    ['plan', file],
    ['slo', file],
    ['diagram', file],
    ['compare', file, file],
  ];
  if (!LARGE_MODELS.has(file.replace(/^models\//, '')))
    runs.push(['simulate', file, '--trials', '2000', '--timeline-trials', '20']);
  return runs;
}

describe('text reports fit COLUMNS', () => {
  for (const name of EXAMPLE_MODELS) {
    const file = name;
    it(`${name}: every report within 80 and 100 columns`, async () => {
      for (const args of reports(file))
        for (const width of [80, 100]) {
          const r = await runCli(args, { env: { COLUMNS: String(width) } });
          // slo without an slo section is a usage error (exit 2, nothing on stdout).
          if (args[0] !== 'slo') expect(r.stdout.length, args.join(' ')).toBeGreaterThan(0);
          expect(widest(r.stdout), `${args.join(' ')} at ${width}`).toBeLessThanOrEqual(width);
        }
    }, 120_000);
  }

  it('a table too wide for the width wraps its widest cells and keeps every word', () => {
    const style = textStyle(false, { width: 40 });
    const t = table(['Name', 'Explanation'], style);
    t.push(['alpha', 'a long explanation that cannot fit within forty columns at all']);
    const text = t.toString();
    expect(widest(text)).toBeLessThanOrEqual(40);
    const words = text
      .replace(/[│┌┐└┘├┤┬┴┼─]/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
    expect(words.join(' ')).toContain('Name Explanation alpha a long explanation that');
    expect(words).toContain('all');
    // The rule sits under the (one-line) heading, not inside it.
    expect(text.split('\n')[2]).toMatch(/^├─+┼─+┤$/);
  });
});

describe('ASCII tables', () => {
  const proc = (env: Record<string, string>, tty?: { columns: number }): Proc => ({
    argv: [],
    env,
    stdout: { write: () => true, isTTY: tty !== undefined, columns: tty?.columns },
    stderr: { write: () => true },
    stdin: { async *[Symbol.asyncIterator]() {} },
    cwd: () => '/',
  });

  it('when the locale is not UTF-8 or TERM=dumb; box drawing otherwise', async () => {
    expect(asciiTables(proc({ LANG: 'C' }))).toBe(true);
    expect(asciiTables(proc({ LC_ALL: 'en_US.ISO-8859-1', LANG: 'en_US.UTF-8' }))).toBe(true);
    expect(asciiTables(proc({ LC_ALL: 'en_US.UTF-8', LANG: 'C' }))).toBe(false);
    expect(asciiTables(proc({ TERM: 'dumb', LANG: 'en_US.utf8' }))).toBe(true);
    expect(asciiTables(proc({}))).toBe(false);
    const ascii = await runCli(['analyze', 'models/database-dr.yaml'], { env: { LANG: 'C', COLUMNS: '80' } });
    expect(ascii.code).toBe(0);
    expect(BOX.test(ascii.stdout)).toBe(false);
    expect(ascii.stdout).toMatch(/^\+-+\+-+\+$/m);
    expect(widest(ascii.stdout)).toBeLessThanOrEqual(80);
    const utf8 = await runCli(['analyze', 'models/database-dr.yaml'], { env: { LANG: 'en_US.UTF-8' } });
    expect(BOX.test(utf8.stdout)).toBe(true);
  });

  it('the width: COLUMNS, else the terminal, else 100', () => {
    expect(reportWidth(proc({ COLUMNS: '80' }, { columns: 120 }))).toBe(80);
    expect(reportWidth(proc({}, { columns: 120 }))).toBe(120);
    expect(reportWidth(proc({ COLUMNS: 'wide' }))).toBe(100);
    expect(reportWidth(proc({}))).toBe(100);
  });
});
