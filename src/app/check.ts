/**
 * The check use case (`nines check`, the CI gate): a model's targets and the `--target` flags
 * against its figures (analytic, or the Monte Carlo bound with `method: 'simulate'`) → gate
 * records, the exit code (0 pass, 1 missed, 3 inconclusive), the text/Markdown/JUnit view and
 * the JSON document. No I/O: the simulation runs on worker threads.
 */
import { analyzeModel } from '../analytic/analyze-model.js';
import { ninesError } from '../errors.js';
import {
  evaluateTargets,
  fileTargets,
  gateExit,
  mergeTargets,
  type GateResult,
  type GateTarget,
  type McDecision,
} from '../gate/index.js';
import { suggest } from '../lib/suggest.js';
import type { Model } from '../model/types.js';
import type { Problem } from '../config/problem.js';
import { modelInfo } from '../report/json/analysis.js';
import { envelope } from '../report/json/envelope.js';
import type { CheckView } from '../report/text/gate.js';
import { DEFAULT_SEED, simulate } from '../simulate/index.js';
import { planForTargets } from './plan.js';
import { recommend } from './recommend/index.js';
import { needsSloFigures, sloGateFigures } from './slo.js';
import { loadSource, type ModelSource } from './source.js';
import { drillFor, overridesJson, targetFlags } from './what-if.js';

export type CheckOptions = {
  /** `--target` texts, e.g. 'availability>=99.95%' (they replace the file's of the same metric and scope). */
  readonly targets?: readonly string[];
  /** `--set` what-ifs, applied before validation (library: {@link check} applies them). */
  readonly set?: readonly string[];
  /** `--fail` drill names: the figures given those failures. */
  readonly fail?: readonly string[];
  readonly method?: 'analytic' | 'simulate';
  readonly mcDecision?: McDecision;
  readonly seed?: number;
  readonly trials?: number;
  readonly maxWarnings?: number | undefined;
  readonly exitZero?: boolean | undefined;
  /** Look for changes that would meet missed targets (default true). */
  readonly recommendations?: boolean;
};

export type CheckOutcome = {
  readonly view: CheckView;
  /** The `nines check --json` document. */
  readonly document: Record<string, unknown>;
  readonly exitCode: number;
  readonly result: GateResult;
};

/** Runs the gate on a validated model. A bad `--target` or `--fail` throws a coded NinesError. */
export async function runCheck(source: ModelSource, options: CheckOptions = {}): Promise<CheckOutcome> {
  const method = options.method ?? 'analytic';
  const mcDecision = options.mcDecision ?? 'pessimistic';
  const seed = options.seed ?? DEFAULT_SEED;
  const flagTargets = targetFlags(options.targets);
  checkTierNames(source.model, flagTargets);
  const drill = drillFor(source.model, options.fail);
  const model = drill?.model ?? source.model;
  const analysis = analyzeModel(model);
  const simulation =
    method === 'simulate'
      ? await simulate(
          model,
          { seed, trials: options.trials ?? 1_000_000, mode: 'snapshot', workers: 'auto' },
          {
            serviceUnavailability: analysis.availability.service.unavailability,
            tiers: Object.fromEntries(analysis.availability.tiers.map((t) => [t.name, t.unavailability])),
          },
        )
      : undefined;
  const targets = mergeTargets(fileTargets(source.model.targets, source.fileLabel), flagTargets);
  const needs = needsSloFigures(targets);
  const slo = needs.budget
    ? await sloGateFigures(model, analysis.availability, { exhaustion: needs.exhaustion, seed })
    : undefined;
  const plan = planForTargets(model, targets);
  const result = evaluateTargets(targets, { ...analysis, simulation, slo, plan }, { mcDecision });
  const exit = gateExit(result, { maxWarnings: options.maxWarnings, exitZero: options.exitZero });
  const advice =
    options.recommendations !== false && result.records.some((r) => r.status !== 'pass')
      ? recommend({
          text: source.text,
          file: source.fileLabel,
          set: [...(options.set ?? [])],
          targets: flagTargets,
          fail: [...(options.fail ?? [])],
        })
      : undefined;
  const view: CheckView = {
    modelName: source.model.name,
    file: source.fileLabel,
    method,
    result,
    exit,
    recommendations: advice,
  };
  const document = {
    ...envelope('check'),
    model: modelInfo(source.model, source.fileLabel),
    method,
    ...(method === 'simulate' ? { mcDecision } : {}),
    status: result.status,
    exitCode: exit.code,
    summary: result.summary,
    records: result.records,
    overrides: overridesJson(options.set, options.fail),
    ...(drill === undefined ? {} : { drill: drill.result }),
    ...(advice === undefined ? {} : { recommendations: advice.recommendations }),
  };
  return { view, document, exitCode: exit.code, result };
}

/** The `nines check --json` document of a model that did not validate. */
export function checkFailureDocument(
  problems: readonly Problem[],
  options: CheckOptions = {},
): Record<string, unknown> {
  return {
    ...envelope('check'),
    status: 'error',
    valid: false,
    problems,
    records: [],
    overrides: overridesJson(options.set, options.fail),
  };
}

/**
 * `nines check` on model text, for a library user: the outcome, or the model's problems (exit 2).
 * @example
 *   const r = await check(readFileSync('models/database-dr.yaml', 'utf8'), { targets: ['availability>=99.9%'] });
 *   console.log(r.ok ? r.document.status : r.problems);
 */
export async function check(
  text: string,
  options: CheckOptions & { readonly file?: string } = {},
): Promise<({ readonly ok: true } & CheckOutcome) | { readonly ok: false; readonly problems: readonly Problem[] }> {
  const loaded = loadSource(text, options);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  return { ok: true, ...(await runCheck(loaded, options)) };
}

/** A `--target 'availability[x]…'` naming a tier the model does not have is a usage error. */
function checkTierNames(model: Model, targets: readonly GateTarget[]): void {
  const names = model.tiers.map((t) => t.name);
  for (const { target, source } of targets) {
    if (target.tier === undefined || names.includes(target.tier) || !('flag' in source)) continue;
    const hint = suggest(target.tier, names);
    throw ninesError(
      'bad-target',
      source.flag,
      `no tier named '${target.tier}'${hint ? ` (did you mean '${hint}'?)` : ''}; tiers: ${names.join(', ')}`,
    );
  }
}
