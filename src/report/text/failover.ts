import type { AvailabilityResult } from '../../analytic/availability/index.js';
import { formatCount, formatDuration, formatProbability } from '../format.js';
import type { TextStyle } from '../style.js';
import { table } from '../table.js';
import { wrap } from '../wrap.js';

/**
 * The failover nodes of `nines analyze`: switchover, how often the primary fails, and the
 * downtime the switchover windows add (already included in the service figures above).
 * @example renderFailovers(analyzeAvailability(model), textStyle(false))
 */
export function renderFailovers(result: AvailabilityResult, style: TextStyle): string | undefined {
  if (result.failovers.length === 0) return undefined;
  const t = table(['Failover', 'Switchover', 'Success', 'Fails/y', 'Standby avail.', 'Downtime/y'], style);
  for (const f of result.failovers) {
    t.push([
      clip(`${f.primary} → ${f.standby}`, 24),
      `${formatDuration(f.switchoverSeconds)} (${f.scope})`,
      `${formatCount(f.success * 100)}%`,
      f.primaryOutagesPerYear === null ? 'unknown' : formatCount(f.primaryOutagesPerYear),
      formatProbability(1 - f.standbyUnavailability),
      formatDuration(f.switchoverDowntimeSecondsPerYear),
    ]);
  }
  return `${t.toString()}\n${wrap(
    "Switchover: from the primary's failure until the standby carries the load (the recovery " +
      "strategy's phases for the disruption in brackets). Fails/y: the primary's failures a year. " +
      'Downtime/y: what the switchover windows, ' +
      'failed switchovers and failbacks add, counted in the service figures above.',
    '  ',
    style.width,
  )}`;
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
