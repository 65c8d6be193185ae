import type { Component } from '../../model/component.js';
import type { Model, ServiceExpr } from '../../model/types.js';
import { formatBytes, formatCount, formatDuration, formatPercentFromUnavailability } from '../format.js';
import type { TextStyle } from '../style.js';

/** One screen describing a valid model: what nines understood from the file. */
export function renderModelSummary(file: string, model: Model, style: TextStyle): string {
  const { chalk } = style;
  const nodes = model.tiers.reduce((sum, t) => sum + t.nodes, 0);
  const lines = [
    `${chalk.green('✓')} ${chalk.bold(file)}: valid model ${chalk.bold(model.name)}`,
    model.description ? `  ${model.description}` : '',
    `  horizon ${formatDuration(model.horizonSeconds)} · ${count(model.regions.length, 'region')} · ${count(model.zones.length, 'zone')} · ${count(model.tiers.length, 'tier')} (${count(nodes, 'node')})`,
    `  service: ${expression(model.service)}`,
    '',
    ...model.tiers.map((t) => {
      const zones = t.groups.some((g) => g.zone !== undefined)
        ? ` in ${t.groups.map((g) => `${g.zone ?? '-'}×${g.count}`).join(' ')}`
        : '';
      const spares = t.spares ? ` (${t.spares} of them hot spares)` : '';
      const growth = t.capacity?.growth
        ? `; demand grows ${formatCount(t.capacity.growth.rate * 100)}%/${t.capacity.growth.periodSeconds < 31_536_000 ? 'month' : 'year'}`
        : '';
      const job = t.job ? `; training job checkpointing every ${formatDuration(t.job.checkpointEverySeconds)}` : '';
      return `  tier ${chalk.bold(t.name)}: needs ${t.minHealthy} of ${t.nodes}${spares}${zones}; node ${failure(t.failure)}${growth}${job}`;
    }),
    ...model.zones.map(
      (z) =>
        `  zone ${chalk.bold(z.name)}${z.region ? ` (${z.region})` : ''}: ${z.failure ? failure(z.failure) : 'never fails on its own'}`,
    ),
    ...model.regions.map((r) => `  region ${chalk.bold(r.name)}: ${r.failure ? failure(r.failure) : 'never fails'}`),
  ];
  if (model.data) {
    const d = model.data;
    lines.push(
      `  data on ${d.tier}: ${formatBytes(d.sizeBytes)}, ${formatCount(d.dailyChange * 100)}%/day change, replication ${d.replication.mode}; ${count(d.copies.length, 'copy', 'copies')}, ${count(d.backups.length, 'backup job')}${d.durability ? `, durability scheme ${d.durability.scheme.kind}` : ''}`,
    );
  }
  if (model.recovery) lines.push(`  recovery: ${model.recovery.strategy}`);
  if (model.costs !== undefined)
    lines.push(`  priced: ${model.costs.map((c) => `${c.kind} ${c.name}`).join(', ')} (nines analyze shows the cost)`);
  if (model.targets.length > 0)
    lines.push(
      `  targets: ${model.targets.map((t) => t.metric + (t.scenario ? `[${t.scenario}]` : '') + (t.tier ? `[${t.tier}]` : '')).join(', ')}`,
    );
  return `${lines.filter((l, i) => l !== '' || i === 4).join('\n')}\n`;
}

function count(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`;
}

function failure(c: Component): string {
  const a = `availability ${formatPercentFromUnavailability(c.unavailability)}`;
  if (c.mtbfSeconds !== undefined && Number.isFinite(c.mtbfSeconds) && c.mttrSeconds !== undefined) {
    return `MTBF ${formatDuration(c.mtbfSeconds)}, MTTR ${formatDuration(c.mttrSeconds)} (${a})`;
  }
  return a;
}

/** The service expression in one line: all(gateway, any(primary, replica)). */
export function expression(e: ServiceExpr): string {
  switch (e.kind) {
    case 'tier':
      return e.tier;
    case 'all':
    case 'any':
      return `${e.kind}(${e.of.map(expression).join(', ')})`;
    case 'atLeast':
      return `atLeast ${e.k} of(${e.of.map(expression).join(', ')})`;
    case 'failover':
      return `failover(${expression(e.primary)} → ${expression(e.standby)})`;
    default: {
      const never: never = e;
      return never;
    }
  }
}
