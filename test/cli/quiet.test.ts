import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

// Issue 10, class 8: stdout holds only the result; warnings and notes go to stderr, -q silences them.
describe('warnings on stderr, -q silences them', () => {
  // Two independent 99% nodes behind one static zone: a warning-worthy model (1 of 2, no mttr).
  const model = 'name: w\ntiers: [{ name: web, nodes: 2, failure: { availability: 99% }, minHealthy: 1, capacity: { perNode: 10, demand: 15 } }]\n';

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
    expect((await runCli(['simulate', '-', '--trials', '2000', '--workers', '1', '-q'], { stdin: model })).stderr).toBe('');
  });
});
