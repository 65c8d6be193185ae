import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript module (also run by scripts/fuzz.mjs)
import { campaign } from './campaign.mjs';

type Failure = { case: number; kind: string; detail: string; what: string; args: string[]; owner?: string };

// The short fixed-seed pass of the mutation fuzzer (the long one: node scripts/fuzz.mjs).
// It runs the built bundle (npm test builds first) in worker processes.
describe('mutation fuzzer, fixed seed', () => {
  it('finds no hang over 10 s, internal error, error without a position or broken invariant', async () => {
    const result = (await campaign({ seed: 20261201, runs: 80, workers: 2, timeoutMs: 10_000 })) as {
      counts: Record<string, number>;
      failures: Failure[];
    };
    const known = result.failures.filter((f) => f.kind === 'known');
    for (const f of known) console.log(`fuzz case ${f.case}: known, ${f.owner ?? ''}: ${f.what}`);
    const open = result.failures
      .filter((f) => f.kind !== 'known')
      .map((f) => `case ${f.case} ${f.kind}: ${f.what} ${JSON.stringify(f.args)}\n  ${f.detail.slice(0, 400)}`);
    expect(open).toEqual([]);
    expect(result.counts['ok'] ?? 0).toBeGreaterThan(24);
  }, 120_000);
});
