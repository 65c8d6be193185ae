import type { CutSets, Importance } from '../../analytic/availability/index.js';
import { formatDuration, formatProbability } from '../format.js';
import type { TextStyle } from '../style.js';
import { table } from '../table.js';
import { wrap } from '../wrap.js';
import { SECONDS_PER_YEAR } from '../../units/conventions.js';

/** Most rows of the "what matters" table. */
const MAX_ROWS = 12;

/**
 * The ranked "what matters" table: every subject that can take the service down, by
 * Fussell–Vesely, with its Birnbaum importance, RAW and RRW, and the downtime it causes.
 * @example renderImportance(result.importance, q, style)
 */
export function renderImportance(importance: readonly Importance[], serviceQ: number, style: TextStyle): string {
  const rows = importance.filter((s) => s.birnbaum > 0);
  if (rows.length === 0) return '  nothing can take the service down';
  const t = table(['Subject', 'Own q', 'FV', 'Downtime/y', 'Birnbaum', 'RAW', 'RRW'], style);
  for (const s of rows.slice(0, MAX_ROWS)) {
    t.push([
      clip(`${s.subjectKind} ${s.subject}`, 26),
      formatProbability(s.unavailability),
      `${(s.fussellVesely * 100).toFixed(s.fussellVesely >= 0.1 ? 1 : 3)}%`,
      formatDuration(s.fussellVesely * serviceQ * SECONDS_PER_YEAR),
      formatProbability(s.birnbaum),
      ratio(s.raw),
      ratio(s.rrw),
    ]);
  }
  const more = rows.length > MAX_ROWS ? `\n  … and ${rows.length - MAX_ROWS} more in --json (importance[])` : '';
  return `${t.toString()}${more}\n${wrap(
    'FV (Fussell–Vesely): the share of the service unavailability that would go if the subject ' +
      'never failed, and the downtime per year that share is; for a node, zone or region it equals ' +
      'the criticality. A node row gives the figures of each node of the group. A tier contains its nodes and the zones and regions it sits in, so shares ' +
      'overlap and do not add up to 100%. Birnbaum: Q(subject down) − Q(subject up). RAW = Q(down)/Q: ' +
      'how much worse a failure of it makes things; RRW = Q/Q(up): how much better it would be if ' +
      'perfect (∞: every outage goes through it).',
    '  ',
    style.width,
  )}`;
}

/**
 * The first `limit` minimal cut sets, highest probability first, with their share P(C)/Q.
 * @example renderCutSets(result.cutSets, result.service.unavailability, 10, style)
 */
export function renderCutSets(cutSets: CutSets, serviceQ: number, limit: number, style: TextStyle): string {
  if (!cutSets.complete) return wrap('too many minimal cut sets to enumerate within the budget', '  ', style.width);
  if (cutSets.count === 0) return '  none: the service cannot go down';
  const t = table(['#', 'Components that fail together', 'Probability', 'Share'], style);
  cutSets.sets.slice(0, limit).forEach((c, i) => {
    t.push([
      String(i + 1),
      clip(c.components.join(' + '), 60),
      formatProbability(c.probability),
      `${(c.share * 100).toPrecision(3)}%`,
    ]);
  });
  const shown = Math.min(limit, cutSets.count);
  return `${t.toString()}\n${wrap(
    `${shown} of ${cutSets.count} minimal cut sets. Probability: Π q of its independent components ` +
      `(steady state); share: probability / service unavailability. Cut sets overlap, so shares ` +
      `add up to Σ P(C)/Q = ${serviceQ > 0 ? `${((cutSets.rareEventSum / serviceQ) * 100).toPrecision(4)}%` : '-'}, the rare-event approximation.`,
    '  ',
    style.width,
  )}`;
}

/** RAW and RRW: "∞" for null, five significant digits (1.0008 must not print as 1). */
function ratio(x: number | null): string {
  if (x === null) return '∞';
  return x >= 1e5 ? x.toExponential(2) : String(Number(x.toPrecision(5)));
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
