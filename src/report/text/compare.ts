/**
 * Text of `nines compare`: base and candidate side by side, the delta and what got worse.
 */
import type { CompareMetric, CompareResult } from '../../gate/index.js';
import {
  formatAmount,
  formatBytes,
  formatCount,
  formatDuration,
  formatPercentFromUnavailability,
  formatProbability,
} from '../format.js';
import { nines, wholeNines } from '../../units/nines.js';
import type { TextStyle } from '../style.js';
import { table } from '../table.js';
import { wrap } from '../wrap.js';

/** What the compare renderers show. */
export type CompareView = {
  readonly baseName: string;
  readonly baseFile: string;
  readonly candidateName: string;
  readonly candidateFile: string;
  readonly failOnRegression: boolean;
  readonly result: CompareResult;
};

/** A figure of a row in its unit; "not recoverable" / "-" for null. */
export function compareValue(m: CompareMetric, x: number | null): string {
  if (x === null) return m.scenario !== undefined ? 'not recoverable' : '-';
  switch (m.unit) {
    case 'fraction':
      return formatPercentFromUnavailability(1 - x);
    case 'nines':
      return x.toFixed(2);
    case 'seconds':
      return formatDuration(x);
    case 'perYear':
      return `${formatCount(x)}/y`;
    case 'bytes':
      return formatBytes(x);
    case 'probability':
      return x > 0 ? `${formatProbability(x)}/y (${wholeNines(nines(x))} nines)` : '0';
    case 'share':
      return `${Number((x * 100).toPrecision(3))}%`;
    case 'perMonth':
      return `${formatAmount(x)}/month`;
    default: {
      const never: never = m.unit;
      throw new Error(`unknown unit ${String(never)}`);
    }
  }
}

/** The delta in the row's unit with a sign, and the relative change of the compared quantity. */
export function compareDelta(m: CompareMetric): string {
  if (m.delta === null) return '-';
  if (m.change === 'same') return '=';
  const sign = m.delta > 0 ? '+' : '−';
  const abs = Math.abs(m.delta);
  let text: string;
  switch (m.unit) {
    case 'fraction':
      text = `${sign}${formatCount(abs * 100)} pp`;
      break;
    case 'nines':
      text = `${sign}${abs.toFixed(2)}`;
      break;
    case 'seconds':
      text = `${sign}${formatDuration(abs)}`;
      break;
    case 'perYear':
      text = `${sign}${formatCount(abs)}/y`;
      break;
    case 'bytes':
      text = `${sign}${formatBytes(abs)}`;
      break;
    case 'probability':
      text = `${sign}${formatProbability(abs)}/y`;
      break;
    case 'share':
      text = `${sign}${formatCount(abs * 100)} pp`;
      break;
    case 'perMonth':
      text = `${sign}${formatAmount(abs)}/month`;
      break;
    default: {
      const never: never = m.unit;
      throw new Error(`unknown unit ${String(never)}`);
    }
  }
  if (m.relativeChange === null || m.unit === 'nines') return text;
  const rel = m.relativeChange * 100;
  const what = m.unit === 'fraction' ? ' downtime' : '';
  return `${text} (${rel > 0 ? '+' : '−'}${formatCount(Math.abs(rel))}%${what})`;
}

/** "worse", "REGRESSION", "better", "=" for a row. */
export function changeLabel(m: CompareMetric): string {
  if (m.regression) return 'REGRESSION';
  return m.change === 'same' ? '=' : m.change;
}

/** One line on the outcome. */
export function compareVerdict(view: CompareView): string {
  // Cost is shown, never gated: a dearer design is a choice, so it is named apart.
  const dearer = view.result.metrics.some((m) => m.id === 'costPerMonth' && m.change === 'worse')
    ? ' The candidate costs more (cost is not gated).'
    : '';
  const worse = view.result.metrics.filter((m) => m.change === 'worse' && m.id !== 'costPerMonth').map((m) => m.id);
  const regressions = view.result.metrics.filter((m) => m.regression).map((m) => m.id);
  const tol = `tolerance ${formatCount(view.result.tolerance * 100)}%`;
  if (worse.length === 0) return `Nothing got worse.${dearer}`;
  if (regressions.length === 0) return `Worse: ${worse.join(', ')} (within the ${tol}).${dearer}`;
  return `Worse: ${worse.join(', ')}. Regressions beyond the ${tol}: ${regressions.join(', ')}${view.failOnRegression ? ' (exit 1)' : ''}.${dearer}`;
}

/**
 * The comparison table: metric, base, candidate, delta, change (worse in red, better in green).
 * @example renderCompare(view, textStyle(false))
 */
export function renderCompare(view: CompareView, style: TextStyle): string {
  const { chalk } = style;
  const title = chalk.bold(
    wrap(`${view.baseName} (${view.baseFile}) → ${view.candidateName} (${view.candidateFile})`, '', style.width),
  );
  const t = table(['Figure', 'Base', 'Candidate', 'Δ', 'Change'], style);
  for (const m of view.result.metrics) {
    const label = changeLabel(m);
    const coloured = m.regression
      ? chalk.red.bold(label)
      : m.change === 'worse'
        ? chalk.yellow(label)
        : m.change === 'better'
          ? chalk.green(label)
          : label;
    t.push([m.id, compareValue(m, m.base), compareValue(m, m.candidate), compareDelta(m), coloured]);
  }
  return `${title}\n${t.toString()}\n\n${compareVerdict(view)}\n`;
}
