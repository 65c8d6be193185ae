import { formatMetric } from '../../gate/index.js';
import type { TargetMetric } from '../../model/types.js';
import { formatPercentFromUnavailability } from '../format.js';
import type { RecommendResult, TargetEffect } from '../recommend-view.js';
import type { TextStyle } from '../style.js';
import { wrap } from '../wrap.js';

function figure(id: string, value: number | null): string {
  if (value === null) return 'no figure';
  const metric = id.replace(/[[#].*$/, '') as TargetMetric;
  return formatMetric(metric, value);
}

function effectText(e: TargetEffect): string {
  return `${e.id} ${figure(e.id, e.before)} → ${figure(e.id, e.after)}`;
}

/**
 * The recommendations: one line per change with the argument to paste, what it fixes, what it
 * breaks (said, never hidden) and the service availability before → after.
 * @example renderRecommendations(result, textStyle(false))
 */
export function renderRecommendations(result: RecommendResult, style: TextStyle): string {
  const { chalk } = style;
  const head =
    result.missed.length > 0
      ? `Recommendations: single changes that meet a missed target (${result.missed.join(', ')}), each verified by re-running the analytic engine with it`
      : 'Recommendations: single changes that raise the service availability without missing a target, each verified by re-running nines with it';
  const lines = [chalk.bold(wrap(head, '', style.width))];
  if (result.recommendations.length === 0) {
    lines.push(
      wrap(
        `none of the ${result.tried} single changes tried ${result.missed.length > 0 ? 'meets a missed target on its own' : 'helps'}: several changes together, or a different design, are needed`,
        '  ',
        style.width,
      ),
    );
  }
  result.recommendations.forEach((r, i) => {
    const fixed = r.effects.filter((e) => r.fixes.includes(e.id)).map(effectText);
    const verdict = r.meetsAll
      ? chalk.green('all targets met')
      : r.breaks.length > 0
        ? chalk.red(`but misses ${r.breaks.join(', ')}`)
        : `still missed: ${r.stillMissed.join(', ')}`;
    lines.push(wrap(`${i + 1}. ${chalk.bold(r.argument)}`, '  ', style.width));
    const q0 = r.serviceUnavailabilityBefore;
    const q1 = r.serviceUnavailabilityAfter;
    const service =
      q0 === q1 || r.fixes.includes('availability')
        ? []
        : [`service availability ${formatPercentFromUnavailability(q0)} → ${formatPercentFromUnavailability(q1)}`];
    lines.push(wrap(`${r.change}: ${[...fixed, ...service].join('; ')}; ${verdict}`, '     ', style.width));
  });
  const unmet = result.missed.filter((id) => !result.recommendations.some((r) => r.fixes.includes(id)));
  if (result.recommendations.length > 0 && unmet.length > 0) {
    lines.push(
      wrap(
        `no single change tried meets ${unmet.join(', ')} on its own (see nines analyze --sensitivity for what moves it most)`,
        '  ',
        style.width,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
