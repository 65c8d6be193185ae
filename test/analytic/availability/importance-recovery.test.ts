import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analytic/availability/index.js';
import { switchoverTimes } from '../../../src/analytic/availability/sub-analysis.js';
import { corruptionDowntime } from '../../../src/analytic/failover/switchover.js';
import { loadModelText } from '../../../src/config/load.js';
import { conditionModel, neverDown } from '../../../src/model/condition.js';
import type { FailureRef } from '../../../src/model/down-set.js';
import { resolveModel } from '../../../src/model/resolve.js';
import type { Model } from '../../../src/model/types.js';

// The importance re-analyses reuse the model's switchover times and corruption downtime for
// every copy with a part forced down or never down (analyze.ts): that holds only if those
// figures read the structure, the data and the recovery plan and never a failure figure. This
// checks it, re-computing both for every part of every example model and fixture.
const files = [
  ...readdirSync('models').map((f) => `models/${f}`),
  ...readdirSync('fixtures/models').map((f) => `fixtures/models/${f}`),
].filter((f) => f.endsWith('.yaml'));

const recoveryOf = (m: Model) => ({
  taus: [...switchoverTimes(resolveModel(m))].map(([spec, tau]) => [spec, tau.seconds, tau.source] as const),
  corruption: corruptionDowntime(m),
});

describe('conditioning a part changes no switchover time and no corruption downtime', () => {
  it.each(files)('%s', (file) => {
    const loaded = loadModelText(readFileSync(file, 'utf8'));
    if (!loaded.ok) throw new Error(`${file} is a valid model`);
    const model = loaded.value;
    const base = recoveryOf(model);
    const parts = analyzeAvailability(model, { cutSets: true }).importance;
    for (const s of parts) {
      const ref: FailureRef =
        s.subjectKind === 'node'
          ? { kind: 'node', name: s.subject, tier: s.tier ?? '', index: Number(/\[(\d+)/.exec(s.subject)?.[1] ?? 0) }
          : { kind: s.subjectKind, name: s.subject };
      expect(recoveryOf(conditionModel(model, [ref])), `${s.subjectKind} ${s.subject} down`).toEqual(base);
      expect(recoveryOf(neverDown(model, ref)), `${s.subjectKind} ${s.subject} never down`).toEqual(base);
    }
  });
});
