import type { DataProtectionResult, RecoveryOption, ScenarioResult } from '../../analytic/data-protection/index.js';
import type { Model, Scenario } from '../../model/types.js';
import { formatBytes, formatDuration, formatProbability } from '../../report/format.js';
import { input, step, type ExplainContext } from './sources.js';
import type { ExplainInput, ExplainStep, Explanation } from '../../report/explain-view.js';

const CONVENTIONS = ['year = 365 d, month = 30 d, day = 24 h', 'TB = 10^12 B, TiB = 2^40 B'];

const PHASES = [
  ['detection', 'detectionSeconds'],
  ['failover', 'failoverSeconds'],
  ['provisioning', 'provisioningSeconds'],
  ['restore', 'restoreSeconds'],
  ['validation', 'validationSeconds'],
] as const;

function optionInputs(ctx: ExplainContext, model: Model, o: RecoveryOption, which: 'rpo' | 'rto'): ExplainInput[] {
  const data = model.data;
  if (data === undefined) return [];
  switch (o.kind) {
    case 'replica':
      return which === 'rpo'
        ? [
            input(ctx, 'replication.mode', ['data', 'replication', 'mode'], data.replication.mode, 'text', 'sync'),
            ...(data.replication.mode === 'async'
              ? [
                  input(
                    ctx,
                    'replication.lag',
                    ['data', 'replication', 'lag'],
                    data.replication.lagSeconds,
                    'seconds',
                    '0 s',
                  ),
                ]
              : []),
          ]
        : [];
    case 'copy': {
      const i = data.copies.findIndex((c) => c.name === o.name);
      const c = data.copies[i];
      if (c === undefined || which === 'rto') return [];
      return [
        input(ctx, `copies.${c.name}.mode`, ['data', 'copies', i, 'mode'], c.mode, 'text'),
        ...(c.mode === 'async'
          ? [input(ctx, `copies.${c.name}.lag`, ['data', 'copies', i, 'lag'], c.lagSeconds, 'seconds', '0 s')]
          : []),
      ];
    }
    case 'backup': {
      const i = data.backups.findIndex((b) => b.name === o.name);
      const b = data.backups[i];
      if (b === undefined) return [];
      return which === 'rpo'
        ? [
            input(ctx, `backups.${b.name}.every`, ['data', 'backups', i, 'every'], b.everySeconds, 'seconds'),
            b.durationSeconds !== undefined
              ? input(
                  ctx,
                  `backups.${b.name}.duration`,
                  ['data', 'backups', i, 'duration'],
                  b.durationSeconds,
                  'seconds',
                )
              : input(
                  ctx,
                  `backups.${b.name}.throughput`,
                  ['data', 'backups', i, 'throughput'],
                  b.throughputBytesPerSecond ?? 0,
                  'bytesPerSecond',
                ),
          ]
        : [
            input(
              ctx,
              `backups.${b.name}.restoreThroughput`,
              ['data', 'backups', i, 'restoreThroughput'],
              b.restoreThroughputBytesPerSecond,
              'bytesPerSecond',
            ),
          ];
    }
    default: {
      const never: never = o.kind;
      throw new Error(`unknown mechanism ${String(never)}`);
    }
  }
}

/** worst = every + duration, expected = every/2 + duration (every = 2·(worst − expected)). */
function backupRpoFormula(o: RecoveryOption): string {
  const every = 2 * (o.rpoSeconds - o.rpoExpectedSeconds);
  const duration = o.rpoSeconds - every;
  return `worst RPO = every + duration = ${formatDuration(every)} + ${formatDuration(duration)}; expected = every/2 + duration = ${formatDuration(o.rpoExpectedSeconds)}`;
}

function otherOptions(r: ScenarioResult, which: 'rpo' | 'rto'): ExplainStep[] {
  return r.options
    .slice(1)
    .map((o) =>
      step(
        `not chosen: ${o.kind} ${o.name}`,
        which === 'rpo'
          ? 'a larger RPO (or the same RPO and a longer RTO)'
          : 'the recovery with the smallest RPO, then RTO, is the one counted',
        which === 'rpo' ? o.rpoSeconds : o.rtoSeconds,
        'seconds',
        formatDuration(which === 'rpo' ? o.rpoSeconds : o.rtoSeconds),
      ),
    );
}

function scenarioIndex(dp: DataProtectionResult, scenario: Scenario): number {
  return dp.scenarios.findIndex((s) => s.scenario === scenario);
}

/** rpo[scenario]: the best surviving mechanism and its RPO. */
export function explainRpo(
  ctx: ExplainContext,
  model: Model,
  dp: DataProtectionResult,
  scenario: Scenario,
): Explanation {
  const i = scenarioIndex(dp, scenario);
  const r = dp.scenarios[i];
  if (r === undefined) throw new Error(`no scenario ${scenario}`);
  const best = r.options[0];
  const steps: ExplainStep[] =
    best === undefined
      ? [step('nothing survives', r.explanation, null, 'text', 'not recoverable')]
      : [
          step(
            `recovered by ${best.kind} ${best.name}`,
            best.kind === 'backup' ? backupRpoFormula(best) : 'RPO = 0 for sync replication, the lag for async',
            best.rpoSeconds,
            'seconds',
            formatDuration(best.rpoSeconds),
            optionInputs(ctx, model, best, 'rpo'),
          ),
          ...otherOptions(r, 'rpo'),
        ];
  return {
    figure: `rpo[${scenario}]`,
    jsonPath: `.dataProtection.scenarios[${i}].rpoSeconds`,
    label: `RPO after the loss of ${r.failureDomain}`,
    formula: 'the RPO of the surviving mechanism with the smallest RPO (then RTO)',
    value: r.rpoSeconds,
    unit: 'seconds',
    display: r.rpoSeconds === null ? 'not recoverable' : formatDuration(r.rpoSeconds),
    inputs: [],
    steps: [
      step('what survives', r.explanation, null, 'text', r.survives ? 'recoverable' : 'not recoverable'),
      ...steps,
    ],
    conventions: CONVENTIONS,
  };
}

/** rto[scenario]: detection + failover + provisioning + restore + validation of the recovery used. */
export function explainRto(
  ctx: ExplainContext,
  model: Model,
  dp: DataProtectionResult,
  scenario: Scenario,
): Explanation {
  const i = scenarioIndex(dp, scenario);
  const r = dp.scenarios[i];
  if (r === undefined) throw new Error(`no scenario ${scenario}`);
  const best = r.options[0];
  const phases = r.rtoPhases;
  const recoveryInputs = (key: string): ExplainInput[] =>
    key === 'restore'
      ? []
      : [
          input(
            ctx,
            `recovery.${key}`,
            ['recovery', key],
            phases?.[`${key}Seconds` as 'detectionSeconds'] ?? 0,
            'seconds',
            model.recovery === undefined ? 'no recovery plan: 0 s' : '0 s',
          ),
        ];
  const steps: ExplainStep[] =
    phases === null || best === undefined
      ? [step('nothing survives', r.explanation, null, 'text', 'not recoverable')]
      : [
          step(
            'strategy',
            `recovery by ${best.kind} ${best.name}`,
            model.recovery?.strategy ?? 'none',
            'text',
            model.recovery?.strategy ?? 'no recovery plan',
            [
              input(
                ctx,
                'recovery.strategy',
                ['recovery', 'strategy'],
                model.recovery?.strategy ?? 'none',
                'text',
                'no recovery plan',
              ),
            ],
          ),
          ...PHASES.map(([name, key]) => {
            const v = phases[key];
            const formula =
              name === 'restore'
                ? v > 0
                  ? 'bytes of the worst restore chain (full + increments, before reduction) / restore throughput'
                  : 'no restore: a live replica or copy takes over'
                : name === 'provisioning' && v === 0 && (model.recovery?.provisioningSeconds ?? 0) > 0
                  ? 'not needed: compute stands by, or nodes of the tier are left'
                  : `recovery.${name}`;
            return step(
              name,
              v === 0 && name !== 'restore' && name !== 'provisioning'
                ? 'not given (0 s), or not part of this recovery'
                : formula,
              v,
              'seconds',
              formatDuration(v),
              name === 'restore' ? optionInputs(ctx, model, best, 'rto') : v > 0 ? recoveryInputs(name) : [],
            );
          }),
          ...otherOptions(r, 'rto'),
        ];
  const sum = phases === null ? null : PHASES.reduce((s, [, key]) => s + phases[key], 0);
  return {
    figure: `rto[${scenario}]`,
    jsonPath: `.dataProtection.scenarios[${i}].rtoSeconds`,
    label: `RTO after the loss of ${r.failureDomain}`,
    formula:
      phases === null
        ? 'not recoverable'
        : `RTO = ${PHASES.map(([, key]) => formatDuration(phases[key])).join(' + ')} = ${formatDuration(sum ?? 0)}`,
    value: r.rtoSeconds,
    unit: 'seconds',
    display: r.rtoSeconds === null ? 'not recoverable' : formatDuration(r.rtoSeconds),
    inputs: [],
    steps,
    conventions: CONVENTIONS,
  };
}

/** dataAtRisk[scenario]: change rate at the end of the horizon × worst RPO. */
export function explainDataAtRisk(
  ctx: ExplainContext,
  model: Model,
  dp: DataProtectionResult,
  scenario: Scenario,
): Explanation {
  const i = scenarioIndex(dp, scenario);
  const r = dp.scenarios[i];
  const data = model.data;
  if (r === undefined || data === undefined) throw new Error(`no scenario ${scenario}`);
  const years = dp.horizonSeconds / (365 * 86400);
  return {
    figure: `dataAtRisk[${scenario}]`,
    jsonPath: `.dataProtection.scenarios[${i}].dataAtRiskBytes`,
    label: `data at risk after the loss of ${r.failureDomain}`,
    formula: 'change rate × worst RPO',
    value: r.dataAtRiskBytes,
    unit: 'bytes',
    display: r.dataAtRiskBytes === null ? 'not recoverable' : formatBytes(r.dataAtRiskBytes),
    inputs: [],
    steps: [
      step(
        'size at the end of the horizon',
        `S(H) = S0·(1 + g)^(H/year), H = ${years} y`,
        dp.sizeAtHorizonBytes,
        'bytes',
        formatBytes(dp.sizeAtHorizonBytes),
        [
          input(ctx, 'size', ['data', 'size'], data.sizeBytes, 'bytes'),
          input(ctx, 'yearlyGrowth', ['data', 'yearlyGrowth'], data.yearlyGrowth, 'fraction', '0'),
        ],
      ),
      step(
        'change rate',
        'S(H) × dailyChange / day',
        dp.changeRateBytesPerSecond,
        'bytesPerSecond',
        `${formatBytes(dp.changeRateBytesPerSecond)}/s`,
        [input(ctx, 'dailyChange', ['data', 'dailyChange'], data.dailyChange, 'fraction', '0')],
      ),
      step(
        'worst RPO',
        `see rpo[${scenario}]`,
        r.rpoSeconds,
        'seconds',
        r.rpoSeconds === null ? 'not recoverable' : formatDuration(r.rpoSeconds),
      ),
    ],
    conventions: CONVENTIONS,
  };
}

/** durability: the window model's annual loss probability (targets use it), the Markov model beside it. */
export function explainDurability(ctx: ExplainContext, model: Model, dp: DataProtectionResult): Explanation {
  const d = dp.durability;
  const given = model.data?.durability;
  const base = ['data', 'durability'];
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
  const t = model.tiers.findIndex((x) => x.name === model.data?.tier);
  const tierFailure = model.tiers[t]?.failure;
  const inputs =
    given === undefined
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
