/**
 * Leaf rules for data protection and cost: the data set at the horizon, every scenario's
 * expected RPO, phases, options and expected loss, every backup job, storage per location,
 * both durability models, and every cost part.
 */
import type { DataProtectionResult } from '../../analytic/data-protection/index.js';
import type { ExplainStep } from '../../report/explain-view.js';
import { formatBytes } from '../../report/format.js';
import { explainRpo } from './data.js';
import { explainRto } from './rto.js';
import { explainDurability } from './storage.js';
import { at, type Body, type Formulas, type LeafEnv, pick, type Rule } from './leaf-rule.js';
import { input, step } from './sources.js';

function sizeStep(env: LeafEnv, dp: DataProtectionResult): ExplainStep {
  const d = env.model.data;
  return step(
    'size at the end of the horizon',
    'S(H) = S0·(1 + g)^(H/year)',
    dp.sizeAtHorizonBytes,
    'bytes',
    formatBytes(dp.sizeAtHorizonBytes),
    [
      input(env.ctx, 'size', ['data', 'size'], d?.sizeBytes ?? 0, 'bytes'),
      input(env.ctx, 'yearlyGrowth', ['data', 'yearlyGrowth'], d?.yearlyGrowth ?? 0, 'fraction', '0'),
      input(env.ctx, 'horizon', ['horizon'], env.model.horizonSeconds, 'seconds', '1 year'),
    ],
  );
}

function dataSet(env: LeafEnv, dp: DataProtectionResult, field: string): Body | undefined {
  const f: Formulas = {
    sizeAtHorizonBytes: ['S(H) = S0·(1 + g)^(H/year)', 'bytes'],
    changeRateBytesPerSecond: ['S(H) × dailyChange / 1 d', 'bytesPerSecond'],
    expectedBytesLostPerYear: [
      'Σ over the disruptions with a rate of rate × data at risk (the whole S(H) when not recoverable)',
      'bytes',
    ],
  };
  const change = input(
    env.ctx,
    'dailyChange',
    ['data', 'dailyChange'],
    env.model.data?.dailyChange ?? 0,
    'fraction',
    '0',
  );
  return pick(f, field, `data: ${field}`, {
    inputs: field === 'changeRateBytesPerSecond' ? [change] : [],
    steps: [sizeStep(env, dp)],
  });
}

function scenario(env: LeafEnv, dp: DataProtectionResult, i: number, field: string): Body | undefined {
  const r = dp.scenarios[i];
  if (r === undefined) return undefined;
  const phase = /^rtoPhases\.(\w+)Seconds$/.exec(field)?.[1];
  const rto = explainRto(env.ctx, env.model, dp, r.scenario);
  if (phase !== undefined)
    return {
      label: `${phase} phase of rto[${r.scenario}]`,
      formula: `the ${phase} step of the RTO below`,
      unit: 'seconds',
      steps: rto.steps,
    };
  const f: Formulas = {
    rpoExpectedSeconds: [
      'the expected RPO of what recovers: 0 for sync, the lag of a copy, ≈ interval/2 + mean duration for a backup',
      'seconds',
    ],
    disruptionsPerYear: [
      r.scenario === 'node'
        ? "Σ_g n_g·λ_g·a_g × 365 d over the data tier's nodes"
        : r.scenario === 'corruption'
          ? '365 d / corruption MTBF'
          : `λ·a × 365 d of the primary's ${r.scenario}`,
      'perYear',
    ],
    expectedBytesLostPerYear: ['disruptionsPerYear × data at risk (× the whole S(H) when not recoverable)', 'bytes'],
  };
  return pick(f, field, `${field} of the ${r.scenario} scenario (${r.failureDomain})`, {
    steps: explainRpo(env.ctx, env.model, dp, r.scenario).steps,
  });
}

function option(dp: DataProtectionResult, i: number, o: number, field: string): Body | undefined {
  const r = dp.scenarios[i];
  const opt = r?.options[o];
  if (r === undefined || opt === undefined) return undefined;
  const what = `${opt.kind} ${opt.name} after a ${r.scenario} loss`;
  const phase = /^rtoPhases\.(\w+)Seconds$/.exec(field)?.[1];
  if (phase !== undefined)
    return {
      label: `${phase} phase of recovering by ${what}`,
      formula: `recovery.${phase} as the strategy keeps it (restore: the chain / restore throughput)`,
      unit: 'seconds',
    };
  const f: Formulas = {
    rpoSeconds: [
      opt.kind === 'backup'
        ? 'worst RPO = interval + duration of the backup'
        : opt.kind === 'copy'
          ? 'the copy’s lag (0 when sync)'
          : '0 for sync replication, else its lag',
      'seconds',
    ],
    rpoExpectedSeconds: [
      opt.kind === 'backup' ? 'expected RPO ≈ interval/2 + mean duration' : 'as the worst: a lag or 0',
      'seconds',
    ],
    rtoSeconds: ['detection + failover + provisioning + restore + validation for this option', 'seconds'],
  };
  return pick(f, field, `${field} of recovering by ${what}`);
}

function backup(env: LeafEnv, dp: DataProtectionResult, i: number, field: string): Body | undefined {
  const b = dp.backups[i];
  const spec = env.model.data?.backups[i];
  if (b === undefined || spec === undefined) return undefined;
  const path = ['data', 'backups', i];
  const sim = 'the day-by-day simulation of its schedule and retention rules over the horizon';
  const f: Formulas = {
    backupsTaken: [`backups taken over the horizon (${sim})`, 'count'],
    restorePoints: [`restore points kept in the steady state (${sim})`, 'count'],
    fulls: [`fulls kept in the steady state (${sim})`, 'count'],
    storageBytes: [
      `stored bytes after retention, the largest over the last cycle (${sim}); full = S·(1 − reduction), increment = S·dailyChange·(1 − reduction)`,
      'bytes',
    ],
    peakStorageBytes: [`high-water mark: a new backup is written before retention deletes (${sim})`, 'bytes'],
    worstChainBytes: ['stored bytes read for the worst restore point: its full and the chain it needs', 'bytes'],
    worstChainLogicalBytes: [
      `worstChainBytes / (1 − reduction) = ${formatBytes(b.worstChainBytes)} / (1 − ${env.model.data?.reduction ?? 0})`,
      'bytes',
    ],
    worstRestoreSeconds: [
      `worstChainLogicalBytes / restoreThroughput = ${formatBytes(b.worstChainLogicalBytes)} / ${formatBytes(spec.restoreThroughputBytesPerSecond)}/s`,
      'seconds',
    ],
    durationSeconds: [
      spec.durationSeconds === undefined ? "the largest backup's source bytes at the horizon / throughput" : 'as given',
      'seconds',
    ],
    meanDurationSeconds: [
      spec.durationSeconds === undefined
        ? 'the mean over the points of one full cycle of their source bytes / throughput'
        : 'as given (every point)',
      'seconds',
    ],
  };
  const inputs = [
    input(env.ctx, 'every', [...path, 'every'], spec.everySeconds, 'seconds'),
    input(env.ctx, 'method', [...path, 'method'], spec.method, 'text'),
    input(env.ctx, 'retention.points', [...path, 'retention', 'points'], spec.retention.points, 'count'),
    input(env.ctx, 'reduction', ['data', 'reduction'], env.model.data?.reduction ?? 0, 'fraction', '0'),
    ...(field === 'worstRestoreSeconds'
      ? [
          input(
            env.ctx,
            'restoreThroughput',
            [...path, 'restoreThroughput'],
            spec.restoreThroughputBytesPerSecond,
            'bytesPerSecond',
          ),
        ]
      : []),
    ...(spec.durationSeconds !== undefined
      ? [input(env.ctx, 'duration', [...path, 'duration'], spec.durationSeconds, 'seconds')]
      : []),
  ];
  return pick(f, field, `${field} of backup ${b.name} (${b.method})`, { inputs, steps: [sizeStep(env, dp)] });
}

function location(dp: DataProtectionResult, i: number, field: string): Body | undefined {
  const l = dp.storageByLocation[i];
  if (l === undefined) return undefined;
  const key = l.location.kind === 'offsite' ? 'offsite' : `${l.location.kind} ${l.location.name}`;
  const jobs = dp.backups.filter((b) => JSON.stringify(b.location) === JSON.stringify(l.location));
  const steps = jobs.map((b) =>
    step(
      `backup ${b.name}`,
      '',
      field === 'storageBytes' ? b.storageBytes : b.peakStorageBytes,
      'bytes',
      formatBytes(field === 'storageBytes' ? b.storageBytes : b.peakStorageBytes),
    ),
  );
  const f: Formulas = {
    storageBytes: ['Σ over the jobs stored there of their steady-state storage', 'bytes'],
    peakStorageBytes: ['Σ of the jobs’ peaks: an upper bound, as if they coincided', 'bytes'],
  };
  return pick(f, field, `backup storage at ${key}: ${field}`, { steps });
}

function durability(env: LeafEnv, dp: DataProtectionResult, field: string): Body | undefined {
  const d = dp.durability;
  if (d === null) return undefined;
  const base = explainDurability(env.ctx, env.model, dp);
  const model = /^(window|markov)\./.exec(field)?.[1] ?? d.model;
  const key = field.replace(/^(window|markov)\./, '');
  const f: Formulas = {
    annualLossProbability: [model === 'window' ? '1 − (1 − P_window)^(365 d/T)' : '1 − e^(−year/MTTDL)', 'fraction'],
    log10AnnualLossProbability: ['log10 P(loss per year), finite far below 1e-308', 'count'],
    nines: ['floor(−log10 P(loss per year))', 'count'],
    mttdlSeconds: [model === 'window' ? 'T / P_window: mean time to data loss' : 'the group MTTDL / groups', 'seconds'],
    log10MttdlSeconds: ['log10 of the MTTDL in seconds', 'count'],
    expectedBytesLostPerYear: ['P(loss per year) × the bytes a loss takes', 'bytes'],
    shardFailureProbability: ['p = 1 − e^(−afr·T/365 d)', 'fraction'],
    windowLossProbability: [
      `P(more than ${d.toleratedFailures} of ${d.shards} shards fail within one window) × groups`,
      'fraction',
    ],
    log10WindowLossProbability: ['log10 P_window', 'count'],
    windowsPerYear: ['365 d / T', 'count'],
    groupMttdlSeconds: [
      'MTTDL of one group: the birth–death chain of failures (rate λ each) and repairs (μ)',
      'seconds',
    ],
    failureRatePerSecond: ['λ = afr / 365 d per shard', 'fraction'],
    repairRatePerSecond: ['μ = 1/T, T the rebuild time', 'fraction'],
    'scheme.replicas': ['replicas as given (or the data tier’s nodes)', 'count'],
    'scheme.data': ['data shards k of the erasure code', 'count'],
    'scheme.parity': ['parity shards m of the erasure code', 'count'],
    shards: ['n = replicas, or k + m', 'count'],
    toleratedFailures: ['replicas − 1, or m', 'count'],
    groups: ['independent groups (default 1)', 'count'],
    shardAnnualFailureRate: ['afr of one shard (365 d / MTBF)', 'fraction'],
    rebuildSeconds: [
      `T: ${d.rebuildSource === 'given' ? 'as given' : d.rebuildSource === 'throughput' ? 'shard bytes / rebuildThroughput' : "the data tier's MTTR"}`,
      'seconds',
    ],
  };
  return pick(f, key, `durability: ${field}${/^(window|markov)\./.test(field) ? '' : ` (${d.model} model)`}`, {
    inputs: base.inputs,
    steps: base.steps,
  });
}

const dp = (env: LeafEnv): DataProtectionResult | undefined => env.analysis.dataProtection;

export const DATA_RULES: readonly Rule[] = [
  {
    pattern: /^\.dataProtection\.(\w+)$/,
    explain: (env, m) => {
      const d = dp(env);
      return d && dataSet(env, d, m[1] ?? '');
    },
  },
  {
    pattern: /^\.dataProtection\.scenarios\[(\d+)\]\.options\[(\d+)\]\.([\w.]+)$/,
    explain: (env, m) => {
      const d = dp(env);
      return d && option(d, at(m, 1), at(m, 2), m[3] ?? '');
    },
  },
  {
    pattern: /^\.dataProtection\.scenarios\[(\d+)\]\.([\w.]+)$/,
    explain: (env, m) => {
      const d = dp(env);
      return d && scenario(env, d, at(m, 1), m[2] ?? '');
    },
  },
  {
    pattern: /^\.dataProtection\.backups\[(\d+)\]\.(\w+)$/,
    explain: (env, m) => {
      const d = dp(env);
      return d && backup(env, d, at(m, 1), m[2] ?? '');
    },
  },
  {
    pattern: /^\.dataProtection\.storageByLocation\[(\d+)\]\.(\w+)$/,
    explain: (env, m) => {
      const d = dp(env);
      return d && location(d, at(m, 1), m[2] ?? '');
    },
  },
  {
    pattern: /^\.dataProtection\.durability\.([\w.]+)$/,
    explain: (env, m) => {
      const d = dp(env);
      return d && durability(env, d, m[1] ?? '');
    },
  },
];
