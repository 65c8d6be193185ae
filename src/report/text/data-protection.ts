import type { HorizontalTableRow } from 'cli-table3';
import { table } from '../table.js';
import { wrap } from '../wrap.js';
import type {
  DataProtectionResult,
  DurabilityFigures,
  DurabilityResult,
  ScenarioResult,
} from '../../analytic/data-protection/index.js';
import type { Location } from '../../model/data-protection.js';
import { formatBytes, formatCount, formatDuration, formatProbability } from '../format.js';
import type { TextStyle } from '../style.js';

/**
 * The data-protection section of `nines analyze`: scenarios (RPO, RTO and its phases, data at
 * risk, "not recoverable" plainly), backup storage per job and location, durability with
 * both models named. Tables stay within 100 columns.
 * @example renderDataProtection(result, textStyle(false))
 */
export function renderDataProtection(result: DataProtectionResult, style: TextStyle): string {
  const { chalk } = style;
  const out: string[] = [
    chalk.bold('Data protection'),
    `  horizon ${formatDuration(result.horizonSeconds)}; data ${formatBytes(result.sizeAtHorizonBytes)} ` +
      `at its end, changing ${formatBytes(result.changeRateBytesPerSecond * 86_400)}/day`,
    '',
    scenarioTable(result.scenarios, style),
    phaseTable(result.scenarios, style),
    ...result.scenarios.map((s) => wrap(`${s.scenario}: ${s.explanation}`, '  ', style.width)),
  ];
  if (result.expectedBytesLostPerYear !== null) {
    const parts = result.scenarios.flatMap((s) =>
      s.disruptionsPerYear == null || s.expectedBytesLostPerYear == null || s.expectedBytesLostPerYear === 0
        ? []
        : [
            `${s.scenario} ${formatCount(s.disruptionsPerYear)}/y × ${s.dataAtRiskBytes === null ? 'all of it' : formatBytes(s.dataAtRiskBytes)}`,
          ],
    );
    out.push(
      wrap(
        `Expected data lost per year: ${formatBytes(result.expectedBytesLostPerYear)}` +
          `${parts.length > 0 ? ` (${parts.join(' + ')})` : ''}: Σ over disruptions with a rate of rate × data at risk.`,
        '  ',
        style.width,
      ),
    );
  }
  if (result.backups.length > 0)
    out.push('', chalk.bold('Backups'), backupTable(result, style), locationTable(result, style));
  out.push('', chalk.bold('Durability'), ...durability(result.durability, style));
  if (result.notes.length > 0) out.push('', ...result.notes.map((n) => wrap(`note: ${n}`, '  ', style.width)));
  return `${out.join('\n')}\n`;
}

function scenarioTable(scenarios: readonly ScenarioResult[], style: TextStyle): string {
  const t = table(['Scenario', 'Recovered by', 'RPO worst', 'RPO exp.', 'At risk', 'RTO'], style);
  for (const s of scenarios) {
    // "zone eu-1a", "region eu": the domain says which; node and corruption speak for themselves.
    const name = clip(s.scenario === 'zone' || s.scenario === 'region' ? s.failureDomain : s.scenario, 20);
    if (!s.survives || s.recoveredBy === null) {
      t.push([name, { colSpan: 5, content: style.chalk.red.bold('NOT RECOVERABLE: data lost') }]);
      continue;
    }
    t.push([
      name,
      clip(`${s.recoveredBy.kind} ${s.recoveredBy.name}`, 22),
      duration(s.rpoSeconds),
      duration(s.rpoExpectedSeconds),
      s.dataAtRiskBytes === null ? '-' : formatBytes(s.dataAtRiskBytes),
      duration(s.rtoSeconds),
    ]);
  }
  return t.toString();
}

function phaseTable(scenarios: readonly ScenarioResult[], style: TextStyle): string {
  const t = table(['RTO phases', 'Detection', 'Failover', 'Provisioning', 'Restore', 'Validation', 'Total'], style);
  for (const s of scenarios) {
    const p = s.rtoPhases;
    if (p === null) {
      t.push([s.scenario, { colSpan: 6, content: 'not recoverable' }]);
      continue;
    }
    t.push([
      s.scenario,
      duration(p.detectionSeconds),
      duration(p.failoverSeconds),
      duration(p.provisioningSeconds),
      duration(p.restoreSeconds),
      duration(p.validationSeconds),
      duration(s.rtoSeconds),
    ]);
  }
  return t.toString();
}

function backupTable(result: DataProtectionResult, style: TextStyle): string {
  const t = table(['Job / method', 'Location', 'Points/fulls', 'Storage', 'Peak', 'Worst restore (read)'], style);
  for (const b of result.backups) {
    t.push([
      `${clip(b.name, 19)}\n${b.method}`,
      clip(where(b.location), 16),
      `${formatCount(b.restorePoints)}/${formatCount(b.fulls)}`,
      formatBytes(b.storageBytes),
      formatBytes(b.peakStorageBytes),
      `${duration(b.worstRestoreSeconds)} (${formatBytes(b.worstChainBytes)})`,
    ]);
  }
  return t.toString();
}

function locationTable(result: DataProtectionResult, style: TextStyle): string {
  const t = table(['Location', 'Storage', 'Peak (sum of job peaks)'], style);
  for (const l of result.storageByLocation) {
    t.push([where(l.location), formatBytes(l.storageBytes), formatBytes(l.peakStorageBytes)]);
  }
  return t.toString();
}

function durability(d: DurabilityResult | null, style: TextStyle): string[] {
  if (d === null) return ['  not computed (see the notes)'];
  const scheme =
    d.scheme.kind === 'erasure'
      ? `erasure ${d.scheme.data}+${d.scheme.parity}`
      : `${d.scheme.replicas} replicas${d.derivedFromTier ? " (the data tier's nodes)" : ''}`;
  const rebuild = { given: 'given', throughput: 'from rebuild throughput', mttr: 'the MTTR' }[d.rebuildSource];
  const t = table(['Model', 'P(loss) per year', 'Nines', 'MTTDL', 'Lost per year'], style);
  const row = (name: string, f: DurabilityFigures): HorizontalTableRow => [
    name === d.model ? style.chalk.bold(`${name} (targets)`) : name,
    probability(f),
    String(f.nines),
    f.mttdlSeconds < Number.MAX_VALUE
      ? duration(f.mttdlSeconds)
      : `≈1e${Math.round(f.log10MttdlSeconds - Math.log10(31_536_000))} years`,
    formatBytes(f.expectedBytesLostPerYear),
  ];
  t.push(row('window', d.window), row('markov', d.markov));
  return [
    wrap(
      `${scheme}, tolerating ${d.toleratedFailures} of ${d.shards} lost; ${d.groups} group(s); ` +
        `shard AFR ${formatCount(d.shardAnnualFailureRate * 100)}%; rebuild ${formatDuration(d.rebuildSeconds)} (${rebuild})`,
      '  ',
      style.width,
    ),
    t.toString(),
  ];
}

function probability(f: DurabilityFigures): string {
  if (f.annualLossProbability > 0) return formatProbability(f.annualLossProbability);
  return Number.isFinite(f.log10AnnualLossProbability) ? `≈1e${Math.round(f.log10AnnualLossProbability)}` : '0';
}

function duration(seconds: number | null): string {
  return seconds === null ? '-' : formatDuration(seconds);
}

function where(l: Location): string {
  return l.kind === 'offsite' ? 'offsite' : `${l.kind} ${l.name}`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Word-wraps a line to the report width with a hanging indent. */
