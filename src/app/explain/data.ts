import type { DataProtectionResult, RecoveryOption, ScenarioResult } from '../../analytic/data-protection/index.js';
import type { Model, Scenario } from '../../model/types.js';
import { formatBytes, formatDuration } from '../../report/format.js';
import { input, step, type ExplainContext } from './sources.js';
import type { ExplainInput, ExplainStep, Explanation } from '../../report/explain-view.js';
import { SECONDS_PER_YEAR } from '../../units/conventions.js';

export const CONVENTIONS = ['year = 365 d, month = 30 d, day = 24 h', 'TB = 10^12 B, TiB = 2^40 B'];

export const PHASES = [
  ['detection', 'detectionSeconds'],
  ['failover', 'failoverSeconds'],
  ['provisioning', 'provisioningSeconds'],
  ['restore', 'restoreSeconds'],
  ['validation', 'validationSeconds'],
] as const;

export function optionInputs(
  ctx: ExplainContext,
  model: Model,
  o: RecoveryOption,
  which: 'rpo' | 'rto',
): ExplainInput[] {
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

export function otherOptions(r: ScenarioResult, which: 'rpo' | 'rto'): ExplainStep[] {
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

/** A scenario's record and its index in `.dataProtection.scenarios` (for its JSON path). */
export function scenarioAt(dp: DataProtectionResult, scenario: Scenario): { i: number; r: ScenarioResult } {
  const i = dp.scenarios.findIndex((s) => s.scenario === scenario);
  const r = dp.scenarios[i];
  if (r === undefined) throw new Error(`no scenario ${scenario}`);
  return { i, r };
}

/** rpo[scenario]: the best surviving mechanism and its RPO. */
export function explainRpo(
  ctx: ExplainContext,
  model: Model,
  dp: DataProtectionResult,
  scenario: Scenario,
): Explanation {
  const { i, r } = scenarioAt(dp, scenario);
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

/** dataAtRisk[scenario]: change rate at the end of the horizon × worst RPO. */
export function explainDataAtRisk(
  ctx: ExplainContext,
  model: Model,
  dp: DataProtectionResult,
  scenario: Scenario,
): Explanation {
  const { i, r } = scenarioAt(dp, scenario);
  const data = model.data;
  if (data === undefined) throw new Error(`no data section for dataAtRisk[${scenario}]`);
  const years = dp.horizonSeconds / SECONDS_PER_YEAR;
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
