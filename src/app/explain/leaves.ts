/**
 * Every numeric figure of `nines analyze --json` explained by its jq path
 * (`.tiers[0].groups[0].mtbfSeconds`): the named explanations where one ends at that path,
 * else the leaf rules. The value is read from the analysis at the path, so it is the figure
 * analyze prints, to the last digit.
 */
import type { Analysis } from '../../analytic/analyze-model.js';
import type { Explanation } from '../../report/explain-view.js';
import { analysisJson } from '../../report/json/analysis.js';
import { SCHEMA_VERSION } from '../../report/json/envelope.js';
import { COMPONENT_RULES } from './leaf-components.js';
import { COST_RULES } from './leaf-cost.js';
import { DATA_RULES } from './leaf-data.js';
import { displayOf, type Rule } from './leaf-rule.js';
import { SERVICE_RULES } from './leaf-service.js';
import { TIER_RULES } from './leaf-tiers.js';
import type { ExplainContext } from './sources.js';

const RULES: readonly Rule[] = [...COMPONENT_RULES, ...TIER_RULES, ...SERVICE_RULES, ...DATA_RULES, ...COST_RULES];

const CONVENTIONS = [
  'year = 365 d (8760 h), month = 30 d; TB = 10^12 B',
  'steady state: q = MTTR/(MTBF + MTTR) per component, components independent',
];

/** The keys of a jq path of the form `.a[0].b` (undefined for anything else). */
export function pathKeys(path: string): (string | number)[] | undefined {
  if (!/^(\.[A-Za-z]\w*(\[\d+\])*)+$/.test(path)) return undefined;
  return [...path.matchAll(/\.(\w+)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
}

/** The value at a jq path of `doc`, or undefined. */
export function valueAt(doc: unknown, path: string): unknown {
  let current = doc;
  for (const key of pathKeys(path) ?? []) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return pathKeys(path) === undefined ? undefined : current;
}

/** The jq paths of every number in `doc`, in document order. */
export function numericPaths(doc: unknown, prefix = ''): string[] {
  if (typeof doc === 'number') return [prefix];
  if (Array.isArray(doc)) return doc.flatMap((x, i) => numericPaths(x, `${prefix}[${i}]`));
  if (doc !== null && typeof doc === 'object')
    return Object.entries(doc).flatMap(([k, v]) => numericPaths(v, `${prefix}.${k}`));
  return [];
}

/**
 * The numeric part of analyze's JSON: the envelope's version and the analysis, with `cutSets`
 * minimal cut sets listed (all by default: `analyze --cut-sets N` may list any of them).
 */
export function analysisDocument(analysis: Analysis, cutSets = Number.MAX_SAFE_INTEGER): Record<string, unknown> {
  return { schemaVersion: SCHEMA_VERSION, ...analysisJson(analysis, { cutSets }) };
}

/**
 * The explanation of the number at `path` (undefined: not a number of analyze's JSON);
 * `doc` is {@link analysisDocument}; `named` maps the jq paths of the named explanations to them.
 * @example explainPath(ctx, analysis, analysisDocument(analysis), '.components.zones[0].mtbfSeconds', new Map())?.value // 63072000
 */
export function explainPath(
  ctx: ExplainContext,
  analysis: Analysis,
  doc: unknown,
  path: string,
  named: ReadonlyMap<string, Explanation>,
): Explanation | undefined {
  const value = valueAt(doc, path);
  if (typeof value !== 'number' && value !== null) return undefined;
  const known = named.get(path);
  if (known !== undefined) return { ...known, figure: path };
  const env = { ctx, model: ctx.document.model, analysis, value };
  for (const rule of RULES) {
    const m = rule.pattern.exec(path);
    if (m === null) continue;
    const body = rule.explain(env, m);
    if (body === undefined) return undefined;
    return {
      figure: path,
      jsonPath: path,
      label: body.label,
      formula: body.formula,
      value,
      unit: body.unit,
      display: displayOf(body.unit, value),
      inputs: body.inputs ?? [],
      steps: body.steps ?? [],
      conventions: body.conventions ?? CONVENTIONS,
    };
  }
  return undefined;
}
