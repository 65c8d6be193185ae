import { table } from '../table.js';
import { wrap } from '../wrap.js';
import type { AvailabilityResult, DomainResult, DomainSummary } from '../../analytic/availability/index.js';
import {
  formatAvailability,
  formatCount,
  formatDuration,
  formatPercentFromUnavailability,
  formatProbability,
} from '../format.js';
import type { TextStyle } from '../style.js';
import { renderCutSets, renderImportance } from './importance.js';
import { renderFailovers } from './failover.js';

/**
 * The availability section of `nines analyze`: service summary first, then tiers, zones,
 * regions, risks and warnings, as tables within 100 columns; colour only through `style`.
 * With `cutSets`, the first that many minimal cut sets too.
 * @example renderAvailability(analyzeAvailability(model), textStyle(false))
 */
export function renderAvailability(
  result: AvailabilityResult,
  style: TextStyle,
  options: { cutSets?: number | undefined } = {},
): string {
  const { chalk } = style;
  const horizon = formatDuration(result.horizonSeconds);
  const out: string[] = [chalk.bold('Availability'), serviceTable(result, horizon, style)];
  out.push(...serviceNotes(result, style));
  const failovers = renderFailovers(result, style);
  if (failovers !== undefined) out.push('', chalk.bold('Failover'), failovers);
  out.push('', chalk.bold('Tiers'), tierTable(result, horizon, style));
  if (result.zones.length > 0) {
    out.push(
      '',
      chalk.bold('Zones'),
      domainTable(
        'Zone',
        result.zones,
        result.zones.map((z) => z.region ?? '-'),
        horizon,
        style,
      ),
    );
    out.push(summaryLine('zones', result.components.zoneSummary, horizon, style.width));
  }
  if (result.regions.length > 0) {
    out.push(
      '',
      chalk.bold('Regions'),
      domainTable(
        'Region',
        result.regions,
        result.regions.map((r) => r.zones.join(' ')),
        horizon,
        style,
      ),
    );
    out.push(summaryLine('regions', result.components.regionSummary, horizon, style.width));
  }
  const capacity = capacityTable(result, style);
  if (capacity !== undefined) out.push('', chalk.bold('Capacity after losing a zone or region'), capacity);
  out.push(
    '',
    chalk.bold('What matters (importance for the service outage)'),
    renderImportance(result.importance, result.service.unavailability, style),
  );
  if (options.cutSets !== undefined) {
    out.push(
      '',
      chalk.bold('Minimal cut sets'),
      renderCutSets(result.cutSets, result.service.unavailability, options.cutSets, style),
    );
  }
  out.push('', chalk.bold('Risks'));
  if (result.risks.length === 0) out.push('  none found');
  for (const risk of result.risks) {
    const tag =
      risk.kind === 'single-point-of-failure'
        ? chalk.red.bold('single point of failure')
        : risk.kind === 'failover-path'
          ? chalk.green.bold('failover path')
          : chalk.yellow.bold('weakest link');
    out.push(wrap(`${tag}: ${risk.message}`, '  ', style.width));
  }
  return `${out.join('\n')}\n`;
}

/** The analysis warnings, for stderr (the report on stdout holds only results): one per line. */
export function renderAvailabilityWarnings(result: AvailabilityResult, style: TextStyle): string {
  return result.warnings.map((w) => `nines: ${style.chalk.yellow(`warning [${w.code}]`)} ${w.message}\n`).join('');
}

function orDash(x: number | null, f: (v: number) => string): string {
  return x === null ? 'unknown' : f(x);
}

function serviceTable(result: AvailabilityResult, horizon: string, style: TextStyle): string {
  const s = result.service;
  const t = table(['Service', 'Value'], style);
  const staticNote = s.outagesPerYear === null ? ' (static specs: no failure rate)' : '';
  t.push(
    ['Availability', formatAvailability(s.unavailability)],
    [
      'Downtime per year / month',
      `${formatDuration(s.downtimeSecondsPerYear)} / ${formatDuration(s.downtimeSecondsPerMonth)}`,
    ],
    ['Outages per year', orDash(s.outagesPerYear, formatCount) + staticNote],
    ['Mean outage', orDash(s.meanOutageSeconds, formatDuration)],
    [
      `P(at least one outage within ${horizon})`,
      orDash(
        s.failureProbability,
        (p) => `${formatProbability(p)}${s.failureProbabilityMethod === 'rare-event' ? ' (≈ 1 − e^(−νH))' : ''}`,
      ),
    ],
    ['MTBF (time between outage starts)', orDash(s.mtbfSeconds, formatDuration)],
  );
  return t.toString();
}

function tierTable(result: AvailabilityResult, horizon: string, style: TextStyle): string {
  const t = table(['Tier', 'k of n', 'Availability', 'Node fails', 'Exp. fails', 'Quorum loss'], style);
  for (const tier of result.tiers) {
    t.push([
      clip(tier.name, 12),
      `${tier.minHealthy} of ${tier.nodes}`,
      formatAvailability(tier.unavailability),
      formatProbability(tier.anyNodeFailureProbability),
      formatCount(tier.expectedNodeFailures),
      formatProbability(tier.quorumLossProbability),
    ]);
  }
  return `${t.toString()}\n${wrap(
    `Within ${horizon}: node fails = P(some node fails); exp. fails = expected node failures; ` +
      `quorum loss = P(more than n − k nodes fail if nothing were repaired, zone failures ` +
      `excluded). What each part contributes to the service: see "What matters" below.`,
    '  ',
    style.width,
  )}`;
}

function domainTable(
  kind: string,
  list: readonly DomainResult[],
  where: readonly string[],
  horizon: string,
  style: TextStyle,
): string {
  const t = table(
    [kind, kind === 'Zone' ? 'Region' : 'Zones', 'Availability', `Fails ≤${horizon}`, 'If lost', 'Service if lost'],
    style,
  );
  list.forEach((d, i) => {
    t.push([
      clip(d.name, 12),
      clip(where[i] ?? '-', 10),
      formatAvailability(d.unavailability),
      formatProbability(d.failureProbability),
      d.serviceSurvivesLoss ? 'ok' : 'OUTAGE',
      formatPercentFromUnavailability(d.serviceUnavailabilityGivenLoss),
    ]);
  });
  return t.toString();
}

function summaryLine(kind: string, s: DomainSummary, horizon: string, width: number): string {
  return wrap(
    `${s.count} ${kind}: P(at least one fails within ${horizon}) = ` +
      `${formatProbability(s.anyFailsWithinHorizonProbability)}; ` +
      `P(all down at the same moment) = ${formatProbability(s.allDownAtOnceProbability)}. ` +
      `"If lost": the service with it down and everything else up; "Service if lost": the same ` +
      `with the rest failing as usual.`,
    '  ',
    width,
  );
}

function capacityTable(result: AvailabilityResult, style: TextStyle): string | undefined {
  const t = table(['Lost', 'Tier', 'Nodes left', 'Capacity', 'Demand', 'Spare nodes', 'N+1'], style);
  let rows = 0;
  const domains: [string, readonly DomainResult[]][] = [
    ['zone', result.zones],
    ['region', result.regions],
  ];
  for (const [kind, list] of domains) {
    for (const d of list) {
      for (const c of d.capacityAfterLoss) {
        rows++;
        t.push([
          clip(`${kind} ${d.name}`, 16),
          clip(c.tier, 14),
          formatCount(c.nodesLeft),
          formatCount(c.capacity),
          formatCount(c.demand),
          String(c.spareNodes),
          c.nPlusOne ? 'yes' : c.meetsDemand ? 'no' : 'SHORT',
        ]);
      }
    }
  }
  return rows > 0 ? t.toString() : undefined;
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** Notes under the service table: a bounded (inexact) result, and the corruption downtime. */
function serviceNotes(result: AvailabilityResult, style: TextStyle): string[] {
  const out: string[] = [];
  const svc = result.service;
  if (!svc.exact) {
    const b = svc.unavailabilityBounds;
    out.push(
      wrap(
        `Not exact: ${formatCount(svc.statesEvaluated)} zone/region states evaluated, improbable ones of ` +
          `total probability ${formatProbability(svc.prunedProbability)} bounded instead: the unavailability lies in ` +
          `[${formatProbability(b.lower)}, ${formatProbability(b.upper)}] (width ${formatProbability(b.width)}); ` +
          'outage frequency, importance and shares cover the evaluated states only.',
        '  ',
        style.width,
      ),
    );
  }
  if (result.corruption !== undefined) {
    const c = result.corruption;
    out.push(
      wrap(
        c.rtoSeconds === null
          ? `Logical corruption (${formatCount(c.disruptionsPerYear)} a year) is not recoverable: its downtime is not counted.`
          : `Logical corruption: ${formatCount(c.disruptionsPerYear)} a year × RTO ${formatDuration(c.rtoSeconds)} = ` +
              `${formatDuration(c.unavailability * 365 * 86_400)} of downtime a year, included above (first order).`,
        '  ',
        style.width,
      ),
    );
  }
  return out;
}
