import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

// Issue 10, class 8: stdout holds only the result; warnings and notes go to stderr, -q silences them.
describe('warnings on stderr, -q silences them', () => {
  // Two independent 99% nodes behind one static zone: a warning-worthy model (1 of 2, no mttr).
  const model =
    'name: w\ntiers: [{ name: web, nodes: 2, failure: { availability: 99% }, minHealthy: 1, capacity: { perNode: 10, demand: 15 } }]\n';

  it('analyze: the minHealthy-below-demand warning is on stderr, not in the report; -q drops it', async () => {
    const run = await runCli(['analyze', '-'], { stdin: model });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/warning/i);
    expect(run.stderr).toMatch(/warning .*minHealthy 1 .*⌈15 \/ 10⌉ = 2/);
    const quiet = await runCli(['analyze', '-', '-q'], { stdin: model });
    expect(quiet.stderr).toBe('');
  });

  it('simulate: notes are on stderr; -q drops them', async () => {
    const run = await runCli(['simulate', '-', '--trials', '2000', '--workers', '1'], { stdin: model });
    expect(run.stdout).not.toMatch(/note:/);
    expect(run.stderr).toMatch(/note: no timeline/);
    expect((await runCli(['simulate', '-', '--trials', '2000', '--workers', '1', '-q'], { stdin: model })).stderr).toBe(
      '',
    );
  });
});

describe('afr above 100% (issue 10)', () => {
  it('an 8-GPU host failing every 243 days: afr 150% is accepted as λ = 1.5 per year', async () => {
    // q = MTTR / (MTBF + MTTR) with MTBF = 365 d / 1.5 = 243.33 d and MTTR 1 d: 1 / 244.33.
    const run = await runCli(['analyze', '-', '--json'], {
      stdin: 'name: g\ntiers: [{ name: gpu, nodes: 1, failure: { afr: 150%, mttr: 1 d } }]\n',
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).service.unavailability).toBeCloseTo(1 / (365 / 1.5 + 1), 12);
  });
});
