/**
 * Text of a drill (`--fail NAME`): does the service survive, its availability given the
 * failure, the tiers' nodes and capacity left, and what happens to the data.
 */
import type { DrillResult } from '../../analytic/drill/index.js';
import { formatAvailability, formatBytes, formatDuration } from '../format.js';
import type { TextStyle } from '../style.js';
import { table } from '../table.js';
import { wrap } from '../wrap.js';

/**
 * The drill section: a verdict line, the service given the failure against the baseline, a
 * tier table (nodes left of needed, up?, availability given the failure, capacity left), data.
 * @example renderDrill(drill(model, failures, baseline, dp), textStyle(false))
 */
export function renderDrill(result: DrillResult, style: TextStyle): string {
  const { chalk } = style;
  const what = result.failed.map((f) => `${f.kind} ${f.name}`).join(', ');
  const verdict = result.serviceSurvives
    ? chalk.green('the service survives (with everything else up)')
    : chalk.red.bold('the service is DOWN (even with everything else up)');
  const out = [chalk.bold(`Drill: ${what} down`), wrap(`With ${what} down, ${verdict}.`, '  ', style.width)];
  for (const f of result.switchovers ?? []) {
    out.push(
      wrap(
        `It runs on the standby ${f.standby} after the switchover from ${f.primary} (${formatDuration(f.switchoverSeconds)}, the RTO of this path); the figures below are for the time after it.`,
        '  ',
        style.width,
      ),
    );
  }
  const service = table(['Service', 'Given the failure', 'Without it'], style);
  service.push([
    'availability',
    formatAvailability(result.unavailability),
    formatAvailability(result.baselineUnavailability),
  ]);
  service.push([
    'downtime per year, were it to last',
    formatDuration(result.downtimeSecondsPerYear),
    formatDuration(result.baselineUnavailability * 365 * 86_400),
  ]);
  out.push(service.toString());
  const tiers = table(['Tier', 'Nodes left', 'Up', 'Availability given the failure', 'Capacity left / demand'], style);
  for (const t of result.tiers) {
    const cap =
      t.capacity === null
        ? '-'
        : `${fmt(t.capacity.left)} / ${fmt(t.capacity.demand)}${t.capacity.meetsDemand ? '' : chalk.red(' short')}`;
    tiers.push([
      t.name,
      `${t.nodesLeft} of ${t.nodes} (needs ${t.minHealthy})`,
      t.survives ? chalk.green('yes') : chalk.red('no'),
      formatAvailability(t.unavailability),
      cap,
    ]);
  }
  out.push('', tiers.toString());
  if (result.data !== null) {
    const d = result.data;
    const atRisk = d.dataAtRiskBytes == null ? '' : `, data at risk ${formatBytes(d.dataAtRiskBytes)}`;
    const figures =
      d.rpoSeconds === null
        ? ''
        : ` RPO ${formatDuration(d.rpoSeconds)}${atRisk}, RTO ${formatDuration(d.rtoSeconds ?? 0)}.`;
    const scenario = d.scenario === null ? '' : ` (the ${d.scenario} scenario)`;
    const head = d.survives ? chalk.green('data survives') : chalk.red.bold('data is lost');
    out.push(
      '',
      wrap(
        `Data${scenario}: ${head}; ${d.replicasLeft} replica(s) left. ${d.explanation}${figures}`,
        '  ',
        style.width,
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

/** Capacity in the model's own unit: plain numbers, or bytes-like sizes when large. */
function fmt(x: number): string {
  return Math.abs(x) >= 1e6 ? formatBytes(x).replace(/B$/, '') : String(Math.round(x * 1000) / 1000);
}
