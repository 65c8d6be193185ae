import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, runCompare, loadSource, runAnalyze, FORMATS, textStyle } from '../../src/index.js';
import { runCli } from '../support/run-cli.js';

// The use cases as a library user calls them (src/index.ts), and the CLI's answer the same.
const WEB = 'name: m\ntiers: [{ name: web, nodes: 3, failure: { availability: 99% }, minHealthy: 2 }]\n';
// 2 of 3 up, each down with p = 0.01: q = 3p²(1 − p) + p³ = 2.97e-4 + 1e-6 = 2.98e-4, A = 99.9702%.

describe('check(text, options)', () => {
  it('passes a target the design meets and fails one it misses, with the exit code of nines check', async () => {
    const met = await check(WEB, { targets: ['availability>=99.97%'] });
    expect(met.ok && met.result.status).toBe('pass');
    expect(met.ok && met.exitCode).toBe(0);
    const missed = await check(WEB, { targets: ['availability>=99.99%'], recommendations: false });
    expect(missed.ok && missed.result.status).toBe('fail');
    expect(missed.ok && missed.exitCode).toBe(1);
    const record = missed.ok ? missed.result.records[0] : undefined;
    expect(record?.actual).toBeCloseTo(1 - 2.98e-4, 15);
  });

  it('applies --set what-ifs before validation: 4 nodes, 2 up: q = 4p³(1 − p) + p⁴ = 3.97e-6', async () => {
    const r = await check(WEB, { targets: ['availability>=99.999%'], set: ['tiers.web.nodes=4'] });
    expect(r.ok && r.result.status).toBe('pass');
    expect(r.ok && r.result.records[0]?.actual).toBeCloseTo(1 - (4 * 0.01 ** 3 * 0.99 + 0.01 ** 4), 15);
  });

  it('gives the problems of a model that does not validate, with their positions', async () => {
    const r = await check('name: m\ntiers: 3\n');
    expect(r.ok).toBe(false);
    expect(r.ok ? undefined : r.problems[0]).toMatchObject({ line: 2, col: 8 });
  });

  it('throws a coded error on a bad target', async () => {
    await expect(check(WEB, { targets: ['availability>=lots'] })).rejects.toMatchObject({ code: 'bad-target' });
  });

  it('gives the very document nines check --json prints (one model, one answer)', async () => {
    const file = 'models/database-dr.yaml';
    const lib = await check(readFileSync(file, 'utf8'), { file, targets: ['rto<=1h'] });
    const cli = await runCli(['check', file, '--target', 'rto<=1h', '--json', '-q']);
    expect(lib.ok && lib.exitCode).toBe(cli.code);
    expect(JSON.parse(JSON.stringify(lib.ok ? lib.document : null))).toEqual(JSON.parse(cli.stdout));
  });
});

describe('the other use cases', () => {
  it('runAnalyze and the registry render what nines analyze prints', async () => {
    const file = 'models/minimal.yaml';
    const loaded = loadSource(readFileSync(file, 'utf8'), { file });
    if (!loaded.ok) throw new Error('minimal.yaml does not validate');
    const outcome = runAnalyze(loaded);
    const cli = await runCli(['analyze', file, '-q']);
    expect(FORMATS.analyze.text(outcome.view, textStyle(false))).toBe(cli.stdout);
  });

  it('runCompare: one more node is no regression, one fewer is, and exits 1 when asked', async () => {
    const base = loadSource(WEB);
    const fewer = loadSource(WEB, { set: ['tiers.web.nodes=2'] });
    if (!base.ok || !fewer.ok) throw new Error('the models do not validate');
    const worse = await runCompare(base, fewer, { failOnRegression: true });
    expect(worse.result.regressed).toBe(true);
    expect(worse.exitCode).toBe(1);
    const better = await runCompare(fewer, base, { failOnRegression: true });
    expect(better.result.regressed).toBe(false);
    expect(better.exitCode).toBe(0);
  });
});
