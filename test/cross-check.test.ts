import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../src/analytic/availability/index.js';
import { loadModelText } from '../src/config/load.js';
import type { Model } from '../src/model/types.js';
import { simulateSync } from '../src/simulate/index.js';
import { LARGE_MODELS } from './support/large-models.js';

// Two independent engines on the same models: the exact analytic engine (conditioning on zone
// and region states, binomial tails) and the Monte Carlo simulator (sampled states and
// timelines). Each must agree with the other within 4 standard errors at a fixed seed.
// LARGE_MODELS (a 16,416-node tier) are cross-checked where their figures are computed.
// A failover's switchover windows exist only in time: snapshots see the static parallel of
// primary and standby, so for models with failover nodes the service is checked on the
// timeline (with enough years to see the rare primary failures), the tiers in snapshots.
const files = [
  ...readdirSync('models')
    .filter((f) => f.endsWith('.yaml') && !LARGE_MODELS.has(f))
    .map((f) => `models/${f}`),
  'fixtures/models/mixed-topology.yaml',
  'fixtures/models/failover-mixed.yaml',
  'fixtures/models/failover-common-cause.yaml',
  'fixtures/models/failover-shared-loss.yaml',
];

function load(file: string): Model {
  const loaded = loadModelText(readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new Error(`${file}: ${JSON.stringify(loaded.problems)}`);
  return loaded.value;
}

describe.each(files)('%s: simulation agrees with the analytic engine', (file) => {
  const model = load(file);
  const exact = analyzeAvailability(model);
  const analytic = {
    serviceUnavailability: exact.service.unavailability,
    tiers: Object.fromEntries(exact.tiers.map((t) => [t.name, t.unavailability])),
  };

  it('in snapshot trials, for the service and every tier', () => {
    const result = simulateSync(model, { seed: 11, trials: 1 << 21, mode: 'snapshot' }, analytic);
    const timed = exact.failovers.length > 0 || model.tiers.some((t) => (t.interruptionSeconds ?? 0) > 0);
    const service = timed ? [] : [{ name: 'service', ...result.service }];
    // A tier's declared interruptions exist only in time too: such tiers are checked on the timeline.
    const tiers = result.tiers.filter(
      (t) => (model.tiers.find((x) => x.name === t.name)?.interruptionSeconds ?? 0) === 0,
    );
    for (const figure of [...service, ...tiers]) {
      const u = figure.unavailability;
      expect(u.agrees, `${figure.name}: ${u.estimate} ± ${u.stdErr} vs ${u.analytic}`).toBe(true);
    }
  });

  it('in timeline trials, for the mean unavailability', () => {
    if (exact.warnings.some((w) => w.code === 'static-no-frequency')) {
      // Static components (no mttr) have no time behaviour: a timeline-only run is refused.
      expect(() => simulateSync(model, { seed: 11, trials: 4000, mode: 'timeline' }, analytic)).toThrow(
        'without an mttr',
      );
      return;
    }
    // 4000 horizons of 0.2 year: some components here cycle thousands of times a year. With
    // failover nodes, 100 000 years: the primaries fail a few times in ten years.
    const run = exact.failovers.length > 0 ? { trials: 100_000, years: 1 } : { trials: 4000, years: 0.2 };
    const result = simulateSync(model, { seed: 11, ...run, mode: 'timeline' }, analytic);
    if (result.timeline === undefined) throw new Error(`no timeline: ${result.notes.join('; ')}`);
    const u = result.timeline.unavailability;
    expect(u.agrees, `${u.estimate} ± ${u.stdErr} vs ${u.analytic}`).toBe(true);
  });
});
