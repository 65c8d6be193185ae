/**
 * `--target` flags: `METRIC[SCOPE] OP VALUE[@LEVEL]` → a Target, parsed with the same unit
 * readers as the model file's `targets`.
 *
 *   availability>=99.95%        rto<=1h          rpo[region]<=15 minute
 *   availability[db]>=4 nines   durability>=11 nines   downtimePerYear<=4h@warn
 */
import { readThreshold } from './normalise/targets.js';
import { Reader } from './normalise/reader.js';
import { suggest } from '../lib/suggest.js';
import { METRIC_NAMES, METRICS, metricsScopedBy, SCENARIOS } from '../model/metrics.js';
import type { Scenario, Target, TargetLevel } from '../model/types.js';

export type ParsedTargetFlag =
  | { readonly ok: true; readonly target: Target }
  | { readonly ok: false; readonly message: string };

/** "rpo, rto, dataAtRisk ([scenario]) and availability ([tier])": the metrics that take a scope. */
const SCOPED = `${metricsScopedBy('scenario').join(', ')} ([scenario]) and ${metricsScopedBy('tier').join(', ')} ([tier])`;
const FLAG =
  /^\s*([A-Za-z]+)\s*(?:\[\s*([^\]]*?)\s*\])?\s*(>=|<=|\u2265|\u2264|>|<|==|=)\s*(.*?)\s*(?:@\s*([A-Za-z]+))?\s*$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses one `--target` value. The scope in brackets is a scenario for rpo, rto and
 * dataAtRisk, a tier name for availability; `@warn` makes it a warning. Only `>=` and `<=`.
 * @example parseTargetFlag('rpo[region]<=15 minute') // { ok: true, target: { metric: 'rpo', operator: '<=', threshold: 900, scenario: 'region', … } }
 */
export function parseTargetFlag(text: string): ParsedTargetFlag {
  const match = FLAG.exec(text);
  if (!match)
    return fail(
      `expected METRIC[SCOPE]<=VALUE or METRIC>=VALUE, e.g. 'availability>=99.95%' or 'rpo[region]<=15 minute'`,
    );
  const [, name = '', scope, op = '', valueText = '', levelText] = match;
  const metric = METRIC_NAMES.find((m) => m === name);
  if (metric === undefined) {
    const hint = suggest(name, METRIC_NAMES);
    return fail(
      `unknown metric '${name}'${hint ? ` (did you mean '${hint}'?)` : ''}; metrics: ${METRIC_NAMES.join(', ')}`,
    );
  }
  if (op === '>' || op === '<' || op === '=' || op === '==')
    return fail(`use '>=' or '<=' (a target is a minimum or a maximum), got '${op}'`);
  const operator = op === '>=' || op === '≥' ? '>=' : '<=';
  let level: TargetLevel = 'error';
  if (levelText !== undefined) {
    if (levelText !== 'error' && levelText !== 'warn') return fail(`unknown level '${levelText}'; use @error or @warn`);
    level = levelText;
  }
  let scenario: Scenario | undefined;
  let tier: string | undefined;
  if (scope !== undefined) {
    const kind = METRICS[metric].scope;
    if (kind === 'scenario') {
      scenario = SCENARIOS.find((s) => s === scope);
      if (scenario === undefined) {
        const hint = suggest(scope, SCENARIOS);
        return fail(
          `unknown scenario '${scope}'${hint ? ` (did you mean '${hint}'?)` : ''}; scenarios: ${SCENARIOS.join(', ')}`,
        );
      }
    } else if (kind === 'tier') {
      if (scope === '') return fail(`an empty tier name in '${metric}[]'`);
      tier = scope;
    } else {
      return fail(`${metric} takes no [scope]; only ${SCOPED} do`);
    }
  }
  if (valueText === '') return fail('the threshold value is missing');
  const raw: unknown = NUMBER.test(valueText) ? Number(valueText) : valueText;
  const reader = new Reader(() => ({ line: 1, col: 1 }));
  const threshold = readThreshold(reader, metric, raw, ['target']);
  if (threshold === undefined) return fail(reader.problems[0]?.message ?? `cannot read the threshold '${valueText}'`);
  return {
    ok: true,
    target: {
      metric,
      operator,
      threshold: threshold.value,
      thresholdComplement: threshold.complement,
      level,
      scenario,
      tier,
      position: undefined,
    },
  };
}

function fail(message: string): ParsedTargetFlag {
  return { ok: false, message };
}
