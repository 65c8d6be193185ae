import type { DataProtectionResult, ScenarioResult } from '../../analytic/data-protection/index.js';
import type { Model, Scenario } from '../../model/types.js';
import { formatDuration } from '../../report/format.js';
import type { ExplainInput, ExplainStep, Explanation } from '../../report/explain-view.js';
import { CONVENTIONS, optionInputs, otherOptions, PHASES, scenarioAt } from './data.js';
import { type ExplainContext, input, step } from './sources.js';

/** rto[scenario]: detection + failover + provisioning + restore + validation of the recovery used. */
export function explainRto(
  ctx: ExplainContext,
  model: Model,
  dp: DataProtectionResult,
  scenario: Scenario,
): Explanation {
  const { i, r } = scenarioAt(dp, scenario);
  const phases = r.rtoPhases;
  const steps = rtoSteps(ctx, model, r);
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

/** The steps of rto[scenario]: the strategy, each phase with its inputs, the other options. */
function rtoSteps(ctx: ExplainContext, model: Model, r: ScenarioResult): ExplainStep[] {
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
  return phases === null || best === undefined
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
}
