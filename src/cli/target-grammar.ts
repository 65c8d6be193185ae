/**
 * The METRIC and SCOPE lines of `nines check --help`'s target grammar, from the metric
 * registry: every metric (with its note) in registry order, wrapped at 120 columns.
 */
import { METRIC_NAMES, metricSpec, metricsScopedBy, SCENARIOS } from '../model/metrics.js';

const WIDTH = 120;
const LABEL = '  METRIC  ';
const INDENT = ' '.repeat(LABEL.length);

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
  const lines: string[] = [];
  let line = LABEL;
  for (const word of items.join(' ').split(' ')) {
    const start = line === LABEL || line === INDENT;
    if (!start && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = INDENT + word;
    } else line = start ? line + word : `${line} ${word}`;
  }
  lines.push(line);
  const scope = `  SCOPE   a scenario (${SCENARIOS.join(', ')}) for ${metricsScopedBy('scenario').join(', ')}; a tier for ${metricsScopedBy('tier').join(', ')}`;
  return [...lines, scope].join('\n');
}
