import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

type Case = { file: string; why: string; code: string; line: number; col: number };
const { cases } = JSON.parse(readFileSync('fixtures/invalid/cases.json', 'utf8')) as { cases: Case[] };

type Problem = { code: string; severity: string; line: number; col: number; message: string };

/** Every hostile or wrong input: exit 2, the expected problem at its position, no stack trace. */
describe('fixtures/invalid', () => {
  it('holds at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('$file ($why) → $code at $line:$col', async ({ file, code, line, col }) => {
    const path = `fixtures/invalid/${file}`;
    const json = await runCli(['validate', path, '--json']);
    expect(json.code).toBe(2);
    const doc = JSON.parse(json.stdout) as { valid: boolean; problems: Problem[] };
    expect(doc.valid).toBe(false);
    expect(doc.problems).toContainEqual(expect.objectContaining({ code, severity: 'error', line, col }));

    const text = await runCli(['validate', path]);
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain(`${path}:${line}:${col}: error:`);
    expect(text.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack frames
  });

  it('refuses a 10 MB file before parsing it', async () => {
    const big = `name: big\n# ${'x'.repeat(10 * 1024 * 1024)}\n`;
    const run = await runCli(['validate', '-', '--json'], { stdin: big });
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.stdout) as { problems: Problem[] };
    expect(doc.problems[0]).toMatchObject({ code: 'file-too-large', line: 1, col: 1 });
  });
});
