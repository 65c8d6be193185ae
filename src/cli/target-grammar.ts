/**
 * The METRIC and SCOPE lines of `nines check --help`'s target grammar, from the metric
 * registry: every metric (with its note) in registry order, one line each (the help wraps them
 * to its width, see help-text.ts).
 */
import { METRIC_NAMES, metricSpec, metricsScopedBy, SCENARIOS } from '../model/metrics.js';

const LABEL = '  METRIC  ';

/**
 * "  METRIC  availability, downtimePerYear, …" and "  SCOPE   a scenario (node, zone, …) for rpo, …".
 * @example targetGrammarLines().startsWith('  METRIC  availability, ') // true
 */
export function targetGrammarLines(): string {
  const items = METRIC_NAMES.map((m, i) => {
    const help = metricSpec(m).help;
    const text = help === undefined ? m : `${m} (${help})`;
    return i < METRIC_NAMES.length - 1 ? `${text},` : text;
  });
  const scope = `  SCOPE   a scenario (${SCENARIOS.join(', ')}) for ${metricsScopedBy('scenario').join(', ')}; a tier for ${metricsScopedBy('tier').join(', ')}`;
  return [`${LABEL}${items.join(' ')}`, scope].join('\n');
}
