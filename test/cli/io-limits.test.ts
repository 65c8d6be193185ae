import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'nines-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MODEL = 'models/minimal.yaml';
const TARGET = ['--target', 'availability>=99%'];

// Issue 10, class 5: input and output limits.
describe('input limits', () => {
  it('refuses a FIFO and /dev/zero at once instead of blocking or reading forever', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const pipe = await runCli(['validate', fifo, '--json']);
    expect(pipe.code).toBe(2);
    expect(JSON.parse(pipe.stdout).error.message).toMatch(/named pipe.*pass '-'/);
    const zero = await runCli(['validate', '/dev/zero']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/character device/);
  });

  it('reads a regular file only up to the 1 MiB cap', async () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `name: x\n#${'x'.repeat(3 * 1024 * 1024)}\n`);
    const run = await runCli(['validate', big, '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).problems[0]).toMatchObject({ code: 'file-too-large', line: 1, col: 1 });
  });

  it('finds a duplicate key among 60,000 in one pass (the quadratic check took 29 s unloaded)', {
    timeout: 30_000,
  }, async () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `k${i}: 1`);
    keys.splice(30_000, 0, 'k7: 2');
    const run = await runCli(['validate', '-', '--json'], { stdin: keys.join('\n') });
    const dup = JSON.parse(run.stdout).problems.filter((p: { code: string }) => p.code === 'duplicate-key');
    expect(dup).toEqual([expect.objectContaining({ line: 30_001, col: 1 })]);
  });
});

describe('report files', () => {
  it('creates a missing directory for --report, and says when it replaces a file or writes through a link', async () => {
    const path = join(dir, 'a/b/x.xml');
    const first = await runCli(['check', MODEL, ...TARGET, '--report', `junit=${path}`]);
    expect(first.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toMatch(/<testsuites/);
    expect(first.stderr).toBe('');
    const again = await runCli(['check', MODEL, ...TARGET, '--report', `junit=${path}`]);
    expect(again.stderr).toMatch(/replaced the existing/);
    const link = join(dir, 'link.xml');
    symlinkSync(path, link);
    const through = await runCli(['check', MODEL, ...TARGET, '--report', `junit=${link}`]);
    expect(through.stderr).toMatch(/was a symbolic link to .*x\.xml: replaced the link by the file/);
    expect((await runCli(['check', MODEL, ...TARGET, '-q', '--report', `junit=${path}`])).stderr).toBe('');
  });

  it('prints exactly one JSON document when a report cannot be written', async () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    const run = await runCli(['check', MODEL, ...TARGET, '--json', '--report', `junit=${blocker}/x.xml`]);
    expect(run.code).toBe(2);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ error: { code: 'file-unwritable' } });
  });

  it('accepts --format json as --json', async () => {
    const run = await runCli(['check', MODEL, ...TARGET, '--format', 'json']);
    expect(JSON.parse(run.stdout)).toMatchObject({ command: 'check', status: 'pass' });
  });
});
