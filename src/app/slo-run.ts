/**
 * The slo use case (`nines slo`): a model's objective (or `--objective`) → error budgets, their
 * allocation, burn-rate alerts, the simulated chance a window exhausts its budget, the view the
 * text and the Prometheus, Sloth and OpenSLO exports render, and the JSON document. No I/O.
 */
import type { Problem } from '../config/problem.js';
import { ninesError } from '../errors.js';
import { modelInfo } from '../report/json/analysis.js';
import { envelope } from '../report/json/envelope.js';
import type { SloView } from '../report/text/slo.js';
import type { SloWindow } from '../units/slo-window.js';
import { resolveObjective, sloReport } from './slo.js';
import type { ModelSource } from './source.js';
import { overridesJson } from './what-if.js';

export type SloRunOptions = {
  readonly window?: SloWindow | undefined;
  readonly objective?: { readonly value: number; readonly complement: number } | undefined;
  readonly seed: number;
  readonly trials: number;
  /** Run the budget-exhaustion simulation (only the text and JSON show it). */
  readonly simulate: boolean;
  readonly set?: readonly string[] | undefined;
};

/** A model with no objective, or one of 100%, is a coded error naming where it came from. */
export async function runSlo(
  source: ModelSource,
  options: SloRunOptions,
): Promise<{ readonly view: SloView; readonly document: Record<string, unknown> }> {
  const { model, fileLabel } = source;
  const objective = resolveObjective(model, options.objective);
  if (objective === undefined) {
    throw ninesError(
      'bad-argument',
      `${fileLabel}: no SLO objective`,
      "add slo.objective (e.g. 'slo: {objective: 99.9%}') or a targets.availability to the model, or pass --objective 99.9%",
    );
  }
  if (!(objective.unavailability > 0)) {
    const at = objective.position === undefined ? '' : `:${objective.position.line}:${objective.position.col}`;
    throw ninesError(
      'bad-argument',
      `${fileLabel}${at}: objective ${objective.source}`,
      'an objective of 100% leaves no error budget; pass --objective, e.g. 99.99%',
    );
  }
  const { figures, exhaustion } = await sloReport(model, objective, {
    ...(options.window === undefined ? {} : { window: options.window }),
    seed: options.seed,
    trials: options.trials,
    simulate: options.simulate,
  });
  const document = {
    ...envelope('slo'),
    model: modelInfo(model, fileLabel),
    slo: { ...figures, exhaustion },
    overrides: overridesJson(options.set, undefined),
  };
  return { view: { modelName: model.name, slo: model.slo, figures, exhaustion }, document };
}

/** The `nines slo --json` document of a model that did not validate. */
export function sloFailureDocument(problems: readonly Problem[], set?: readonly string[]): Record<string, unknown> {
  return { ...envelope('slo'), valid: false, problems, overrides: overridesJson(set, undefined) };
}
