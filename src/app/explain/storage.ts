import type { DataProtectionResult } from '../../analytic/data-protection/index.js';
import type { Model } from '../../model/types.js';
import { formatBytes, formatDuration, formatProbability } from '../../report/format.js';
import type { ExplainInput, Explanation } from '../../report/explain-view.js';
import { CONVENTIONS } from './data.js';
import { type ExplainContext, input, step } from './sources.js';

/** durability: the window model's annual loss probability (targets use it), the Markov model beside it. */
export function explainDurability(ctx: ExplainContext, model: Model, dp: DataProtectionResult): Explanation {
  const d = dp.durability;
  if (d === null) {
    return {
      figure: 'durability',
      jsonPath: '.dataProtection.durability',
      label: 'durability',
      formula: 'unknown: the shard failure has no rate or the rebuild time is unknown',
      value: null,
      unit: 'fraction',
      display: 'unknown',
      inputs: [],
      steps: [],
      conventions: CONVENTIONS,
    };
  }
  const scheme =
    d.scheme.kind === 'replicas' ? `${d.scheme.replicas} replicas` : `erasure ${d.scheme.data} + ${d.scheme.parity}`;
  const w = d.window;
  const inputs = durabilityInputs(ctx, model, d, scheme);
  return {
    figure: 'durability',
    jsonPath: '.dataProtection.durability.annualLossProbability',
    label: `durability (${scheme}, ${d.toleratedFailures} failure(s) tolerated${d.derivedFromTier ? ": the data tier's nodes as full replicas" : ''})`,
    formula: 'P(loss in a year) = 1 − (1 − P_window)^(365 d / T), window model (Backblaze); nines = floor(−log10 P)',
    value: d.annualLossProbability,
    unit: 'fraction',
    display: `P(loss per year) = ${formatProbability(d.annualLossProbability)} (${d.nines} nines)`,
    inputs,
    steps: [
      step(
        'one shard fails within a rebuild window',
        `p = 1 − e^(−afr·T/365 d), afr = ${formatProbability(d.shardAnnualFailureRate)}, T = ${formatDuration(d.rebuildSeconds)}`,
        w.shardFailureProbability,
        'fraction',
        formatProbability(w.shardFailureProbability),
      ),
      step(
        'loss within one window',
        `P_window = P(more than ${d.toleratedFailures} of ${d.shards} shards fail) × ${d.groups} group(s)`,
        w.windowLossProbability,
        'fraction',
        formatProbability(w.windowLossProbability),
      ),
      step('windows per year', '365 d / T', w.windowsPerYear, 'count', String(Number(w.windowsPerYear.toPrecision(6)))),
      step(
        'Markov model (reported beside it)',
        'MTTDL of the birth–death chain; P = 1 − e^(−year/MTTDL)',
        d.markov.annualLossProbability,
        'fraction',
        formatProbability(d.markov.annualLossProbability),
      ),
    ],
    conventions: [...CONVENTIONS, 'targets use the window model'],
  };
}

/** backupStorage: the sum over locations of the steady-state storage of each job. */
export function explainBackupStorage(ctx: ExplainContext, model: Model, dp: DataProtectionResult): Explanation {
  const total = dp.storageByLocation.reduce((s, l) => s + l.storageBytes, 0);
  const steps = dp.backups.map((b, i) => {
    const spec = model.data?.backups[i];
    return step(
      `backup ${b.name} (${b.method})`,
      `${b.restorePoints} restore points (${b.fulls} fulls) kept in the steady state, from a day-by-day simulation of the retention rules`,
      b.storageBytes,
      'bytes',
      formatBytes(b.storageBytes),
      spec === undefined
        ? []
        : [
            input(ctx, 'every', ['data', 'backups', i, 'every'], spec.everySeconds, 'seconds'),
            input(
              ctx,
              'retention.points',
              ['data', 'backups', i, 'retention', 'points'],
              spec.retention.points,
              'count',
            ),
            ...(['weekly', 'monthly', 'yearly'] as const).flatMap((k) =>
              spec.retention[k] > 0
                ? [
                    input(
                      ctx,
                      `retention.${k}`,
                      ['data', 'backups', i, 'retention', k],
                      spec.retention[k],
                      'count',
                      '0',
                    ),
                  ]
                : [],
            ),
            input(ctx, 'reduction', ['data', 'reduction'], model.data?.reduction ?? 0, 'fraction', '0'),
          ],
    );
  });
  return {
    figure: 'backupStorage',
    jsonPath: '[.dataProtection.storageByLocation[].storageBytes] | add',
    label: 'backup storage',
    formula: `Σ over locations of the stored bytes after retention = ${dp.storageByLocation.map((l) => formatBytes(l.storageBytes)).join(' + ') || '0'}`,
    value: total,
    unit: 'bytes',
    display: formatBytes(total),
    inputs: [],
    steps: [
      step(
        'size at the end of the horizon',
        'S(H) = S0·(1 + g)^(H/year)',
        dp.sizeAtHorizonBytes,
        'bytes',
        formatBytes(dp.sizeAtHorizonBytes),
      ),
      ...steps,
    ],
    conventions: [...CONVENTIONS, 'full = S·(1 − reduction); increment = S·dailyChange·(1 − reduction)'],
  };
}

/** The inputs of the durability figure: the data tier's nodes as replicas, or the durability block. */
function durabilityInputs(
  ctx: ExplainContext,
  model: Model,
  d: NonNullable<DataProtectionResult['durability']>,
  scheme: string,
): ExplainInput[] {
  const given = model.data?.durability;
  const base = ['data', 'durability'];
  const t = model.tiers.findIndex((x) => x.name === model.data?.tier);
  const tierFailure = model.tiers[t]?.failure;
  return given === undefined
    ? [
        input(ctx, 'tier', ['data', 'tier'], model.data?.tier ?? '', 'text'),
        input(ctx, 'nodes (replicas)', ['tiers', t, 'nodes'], d.shards, 'count'),
        tierFailure?.source === 'afr'
          ? input(ctx, 'failure.afr', ['tiers', t, 'failure', 'afr'], d.shardAnnualFailureRate, 'fraction')
          : input(ctx, 'failure.mtbf', ['tiers', t, 'failure', 'mtbf'], tierFailure?.mtbfSeconds ?? 0, 'seconds'),
        input(ctx, 'failure.mttr (rebuild)', ['tiers', t, 'failure', 'mttr'], d.rebuildSeconds, 'seconds'),
      ]
    : [
        input(ctx, 'scheme', [...base, 'scheme'], scheme, 'text'),
        input(
          ctx,
          `shardFailure.${given.shardFailure.source === 'afr' ? 'afr' : 'mtbf'}`,
          [...base, 'shardFailure', given.shardFailure.source === 'afr' ? 'afr' : 'mtbf'],
          given.shardFailure.source === 'afr' ? d.shardAnnualFailureRate : (given.shardFailure.mtbfSeconds ?? 0),
          given.shardFailure.source === 'afr' ? 'fraction' : 'seconds',
        ),
        input(
          ctx,
          d.rebuildSource === 'given' ? 'rebuild' : 'rebuildThroughput',
          [...base, d.rebuildSource === 'given' ? 'rebuild' : 'rebuildThroughput'],
          d.rebuildSeconds,
          'seconds',
        ),
        input(ctx, 'groups', [...base, 'groups'], d.groups, 'count', '1'),
      ];
}
