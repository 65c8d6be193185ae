/**
 * What-if and gating inputs of the use cases, parsed once for the CLI and the library:
 * `--set PATH=VALUE` overrides (applied before validation), `--fail NAME` drills and
 * `--target` flags. Pure: errors are coded NinesErrors (exit 2), nothing is printed.
 */
import {
  applyOverrides,
  parseOverride,
  touchesOverride,
  type AppliedOverride,
  type Override,
} from '../config/overrides.js';
import type { Problem } from '../config/problem.js';
import { analyzeAvailability } from '../analytic/availability/index.js';
import { analyzeDataProtection } from '../analytic/data-protection/index.js';
import { drill, resolveFailures, type DrillResult } from '../analytic/drill/index.js';
import { conditionModel } from '../model/condition.js';
import type { Model } from '../model/types.js';
import { ninesError } from '../errors.js';
import { parseTargetFlag } from '../config/target-flag.js';
import type { GateTarget } from '../gate/index.js';

/** The `--set` flags parsed up front (a bad one is a usage error, exit 2) and the edit hook. */
export type SetOverrides = {
  readonly texts: readonly string[];
  /** For `loadModelDocument(text, edit)`: applies the overrides; throws a coded error on a bad path. */
  readonly edit: ((data: Record<string, unknown>) => readonly Problem[]) | undefined;
  /** The applied overrides, once the model was read. */
  applied(): readonly AppliedOverride[];
};

/** Parses `--set` values; the edit hook applies them to the parsed document. */
export function setOverrides(texts: readonly string[] | undefined): SetOverrides {
  const list = texts ?? [];
  const parsed: Override[] = list.map((text) => {
    const result = parseOverride(text);
    if (!result.ok) throw ninesError('bad-override', `--set ${text}: ${result.message}`);
    return result.value;
  });
  let applied: readonly AppliedOverride[] = [];
  return {
    texts: list,
    edit:
      parsed.length === 0
        ? undefined
        : (data) => {
            const result = applyOverrides(data, parsed);
            if (!result.ok) throw ninesError('bad-override', result.message);
            applied = result.value;
            return [];
          },
    applied: () => applied,
  };
}

/**
 * Problems of a model changed by `--set`: each problem at (or around) a changed field says so,
 * so that a message pointing at the file's line is not mistaken for the file's own content.
 */
export function explainOverrideProblems(problems: readonly Problem[], applied: readonly AppliedOverride[]): Problem[] {
  if (applied.length === 0) return [...problems];
  return problems.map((p) => {
    const by = applied.filter((a) => touchesOverride(p.path, a.path));
    if (by.length === 0) return p;
    return {
      ...p,
      message: `${p.message} (an override changed this: --set ${by.map((a) => a.text).join(', --set ')})`,
    };
  });
}

/** The `overrides` block of a JSON report. */
export function overridesJson(
  set: readonly string[] | undefined,
  fail: readonly string[] | undefined,
): { set: string[]; fail: string[] } {
  return { set: [...(set ?? [])], fail: [...(fail ?? [])] };
}

/**
 * A drill for `--fail` names: the model conditioned on the failures (its figures are the
 * figures given the failure) and the drill result; undefined without `--fail`.
 */
export function drillFor(
  model: Model,
  names: readonly string[] | undefined,
): { model: Model; result: DrillResult } | undefined {
  if (names === undefined || names.length === 0) return undefined;
  const resolved = resolveFailures(model, names);
  if (!resolved.ok) throw ninesError('bad-fail', resolved.name, resolved.message);
  const baseline = analyzeAvailability(model).service;
  const result = drill(model, resolved.value, baseline, analyzeDataProtection(model));
  return { model: conditionModel(model, resolved.value), result };
}

/** `--target` flags parsed (a bad one is a usage error). */
export function targetFlags(texts: readonly string[] | undefined): GateTarget[] {
  return (texts ?? []).map((text) => {
    const parsed = parseTargetFlag(text);
    if (!parsed.ok) throw ninesError('bad-target', text, parsed.message);
    return { target: parsed.target, source: { flag: text } };
  });
}
