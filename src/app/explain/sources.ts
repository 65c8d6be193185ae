import type { ModelDocument } from '../../config/load.js';
import type { AppliedOverride } from '../../config/overrides.js';
import { formatPath, type Path } from '../../config/problem.js';
import type { Component } from '../../model/component.js';
import { formatDuration, formatProbability } from '../../report/format.js';
import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import type { ExplainInput, ExplainStep, Source, Unit } from '../../report/explain-view.js';

/** What explanations read: the model document, the file name and the `--set` overrides applied. */
export type ExplainContext = {
  readonly document: ModelDocument;
  readonly file: string;
  readonly applied: readonly AppliedOverride[];
  /** `--fail` names of a drill: the model explained is conditioned on them (q = 1). */
  readonly failed: readonly string[];
};

/** The raw value at a document path, or undefined. */
export function rawAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** Where the field at `path` came from: a `--set` that changed it, the file, or `defaultRule`. */
export function sourceOf(ctx: ExplainContext, path: Path, defaultRule: string): Source {
  const text = formatPath(path);
  const by = [...ctx.applied].reverse().find((a) => {
    const changed = formatPath(a.path);
    return text === changed || text.startsWith(`${changed}.`) || text.startsWith(`${changed}[`);
  });
  if (by !== undefined) return { kind: 'override', set: by.text };
  if (rawAt(ctx.document.data, path) === undefined) return { kind: 'default', rule: defaultRule };
  const { line, col } = ctx.document.locate(path, 'value');
  return { kind: 'file', file: ctx.file, line, col };
}

/** One input at `path`, with the value in base units the model holds. */
export function input(
  ctx: ExplainContext,
  name: string,
  path: Path,
  value: number | string,
  unit: Unit,
  defaultRule = 'not given',
): ExplainInput {
  const raw = rawAt(ctx.document.data, path);
  return {
    name,
    path: formatPath(path),
    written: typeof raw === 'string' || typeof raw === 'number' ? raw : null,
    value,
    unit,
    source: sourceOf(ctx, path, defaultRule),
  };
}

export function step(
  label: string,
  formula: string,
  value: number | string | null,
  unit: Unit,
  display: string,
  inputs: readonly ExplainInput[] = [],
  steps: readonly ExplainStep[] = [],
): ExplainStep {
  return { label, formula, value, unit, display, inputs, steps };
}

/**
 * A component's steady-state unavailability from its failure spec at `path`:
 * q = MTTR/(MTBF + MTTR) with MTBF given or 365 d/afr, or the given probability / 1 − availability.
 * @example componentStep(ctx, 'zone az-a', ['zones', 0, 'failure'], zone.failure)
 */
export function componentStep(ctx: ExplainContext, label: string, path: Path, c: Component | undefined): ExplainStep {
  if (c !== undefined && c.unavailability === 1 && ctx.failed.length > 0) {
    return step(label, 'counted as down by the drill', 1, 'fraction', 'q = 1 (down)', [
      {
        name: 'failure',
        path: formatPath(path),
        written: null,
        value: 1,
        unit: 'fraction',
        source: { kind: 'drill', fail: ctx.failed },
      },
    ]);
  }
  if (c === undefined)
    return step(label, 'never fails (no failure spec)', 0, 'fraction', 'q = 0', [
      input(ctx, 'failure', path, 'none', 'text', 'no failure: it never fails'),
    ]);
  const mttr = c.mttrSeconds;
  const mttrInput = (): ExplainInput => input(ctx, 'mttr', [...path, 'mttr'], mttr ?? 0, 'seconds');
  const q = c.unavailability;
  switch (c.source) {
    case 'mtbf': {
      const mtbf = c.mtbfSeconds ?? 0;
      return step(
        label,
        `q = MTTR/(MTBF + MTTR) = ${formatDuration(mttr ?? 0)}/(${formatDuration(mtbf)} + ${formatDuration(mttr ?? 0)})`,
        q,
        'fraction',
        `q = ${formatProbability(q)}`,
        [input(ctx, 'mtbf', [...path, 'mtbf'], mtbf, 'seconds'), mttrInput()],
      );
    }
    case 'afr': {
      const mtbf = c.mtbfSeconds ?? 0;
      const afr = SECONDS_PER_YEAR / mtbf;
      return step(
        label,
        `MTBF = 365 d/afr = 365 d/${formatProbability(afr)} = ${formatDuration(mtbf)}; q = MTTR/(MTBF + MTTR) = ${formatDuration(mttr ?? 0)}/(${formatDuration(mtbf)} + ${formatDuration(mttr ?? 0)})`,
        q,
        'fraction',
        `q = ${formatProbability(q)}`,
        [input(ctx, 'afr', [...path, 'afr'], afr, 'fraction'), mttrInput()],
      );
    }
    case 'availability':
      return step(label, `q = 1 − availability`, q, 'fraction', `q = ${formatProbability(q)}`, [
        input(ctx, 'availability', [...path, 'availability'], 1 - q, 'fraction'),
        ...(mttr === undefined ? [] : [mttrInput()]),
      ]);
    case 'probability':
      return step(label, 'q = probability of being down', q, 'fraction', `q = ${formatProbability(q)}`, [
        input(ctx, 'probability', [...path, 'probability'], q, 'fraction'),
        ...(mttr === undefined ? [] : [mttrInput()]),
      ]);
    default: {
      const never: never = c.source;
      throw new Error(`unknown failure source ${String(never)}`);
    }
  }
}
