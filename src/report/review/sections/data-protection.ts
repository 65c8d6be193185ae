/** Data protection: scenarios (RPO, RTO and its phases), backups and storage, durability by both models. */
import type { DurabilityResult } from '../../../analytic/data-protection/index.js';
import { locationText } from '../../diagram/topology.js';
import { formatBytes, formatCount, formatDuration, formatProbability } from '../../format.js';
import { figure, type Block, type Cell, type ReportDocuments, type SectionBuilder } from '../../review-view.js';

const PHASES = [
  'detectionSeconds',
  'failoverSeconds',
  'provisioningSeconds',
  'restoreSeconds',
  'validationSeconds',
] as const;

/** RPO, data at risk and RTO per disruption, then the RTO's phases. */
export const scenariosSection: SectionBuilder = ({ documents: d }) => {
  const dp = d.analyze.dataProtection;
  if (dp === undefined) return undefined;
  const rows = dp.scenarios.map((s, i): Cell[] => {
    const at = `analyze.dataProtection.scenarios.${i}`;
    const name = s.scenario === 'zone' || s.scenario === 'region' ? s.failureDomain : s.scenario;
    if (!s.survives || s.recoveredBy === null) {
      return [
        name,
        { text: 'NOT RECOVERABLE: data lost', path: `${at}.survives`, value: false, tone: 'bad' },
        '—',
        '—',
        '—',
        '—',
      ];
    }
    return [
      name,
      `${s.recoveredBy.kind} ${s.recoveredBy.name}`,
      figure(d, `${at}.rpoSeconds`, formatDuration),
      figure(d, `${at}.rpoExpectedSeconds`, formatDuration),
      figure(d, `${at}.dataAtRiskBytes`, formatBytes),
      figure(d, `${at}.rtoSeconds`, formatDuration),
    ];
  });
  const phases = dp.scenarios.map((s, i): Cell[] => {
    const at = `analyze.dataProtection.scenarios.${i}`;
    if (s.rtoPhases === null) return [s.scenario, 'not recoverable', '', '', '', '', ''];
    return [
      s.scenario,
      ...PHASES.map((p) => figure(d, `${at}.rtoPhases.${p}`, formatDuration)),
      figure(d, `${at}.rtoSeconds`, formatDuration),
    ];
  });
  return {
    id: 'scenarios',
    title: 'Disruptions: RPO and RTO',
    blocks: [
      {
        kind: 'paragraph',
        text: [
          `Data at the end of the horizon: `,
          figure(d, 'analyze.dataProtection.sizeAtHorizonBytes', formatBytes),
          ', changing ',
          figure(d, 'analyze.dataProtection.changeRateBytesPerSecond', (r) => `${formatBytes(r * 86_400)}/day`),
          '.',
        ],
      },
      {
        kind: 'table',
        table: {
          head: ['Disruption', 'Recovered by', 'RPO (worst)', 'RPO (expected)', 'Data at risk', 'RTO'],
          align: ['l', 'l', 'r', 'r', 'r', 'r'],
          rows,
        },
      },
      {
        kind: 'table',
        table: {
          head: ['RTO phases', 'Detection', 'Failover', 'Provisioning', 'Restore', 'Validation', 'RTO'],
          align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
          rows: phases,
        },
      },
      { kind: 'list', items: dp.scenarios.map((s) => [{ text: s.scenario, code: true }, `: ${s.explanation}`]) },
    ],
  };
};

/** Backup jobs, storage per location, and durability by the window and Markov models. */
export const storageSection: SectionBuilder = ({ documents: d }) => {
  const dp = d.analyze.dataProtection;
  if (dp === undefined) return undefined;
  const blocks: Block[] = [];
  if (dp.backups.length > 0) {
    blocks.push(
      {
        kind: 'table',
        table: {
          head: ['Backup', 'Method', 'Location', 'Restore points', 'Storage', 'Peak', 'Worst restore'],
          align: ['l', 'l', 'l', 'r', 'r', 'r', 'r'],
          rows: dp.backups.map((b, i) => {
            const at = `analyze.dataProtection.backups.${i}`;
            return [
              { text: b.name, code: true },
              b.method,
              locationText(b.location),
              figure(d, `${at}.restorePoints`, formatCount),
              figure(d, `${at}.storageBytes`, formatBytes),
              figure(d, `${at}.peakStorageBytes`, formatBytes),
              figure(d, `${at}.worstRestoreSeconds`, formatDuration),
            ];
          }),
        },
      },
      {
        kind: 'table',
        table: {
          head: ['Location', 'Storage', 'Peak (sum of job peaks)'],
          align: ['l', 'r', 'r'],
          rows: dp.storageByLocation.map((l, i) => [
            locationText(l.location),
            figure(d, `analyze.dataProtection.storageByLocation.${i}.storageBytes`, formatBytes),
            figure(d, `analyze.dataProtection.storageByLocation.${i}.peakStorageBytes`, formatBytes),
          ]),
        },
      },
    );
  }
  blocks.push(...durabilityBlocks(d, dp.durability));
  if (dp.notes.length > 0) blocks.push({ kind: 'list', items: dp.notes.map((n) => [`note: ${n}`]) });
  return { id: 'storage', title: 'Backups and durability', blocks };
};

function durabilityBlocks(d: ReportDocuments, du: DurabilityResult | null): Block[] {
  if (du === null) return [{ kind: 'paragraph', text: ['Durability: not computed (see the notes).'] }];
  const scheme =
    du.scheme.kind === 'erasure'
      ? `erasure ${du.scheme.data}+${du.scheme.parity}`
      : `${du.scheme.replicas} replicas${du.derivedFromTier ? " (the data tier's nodes)" : ''}`;
  const row = (model: 'window' | 'markov'): Cell[] => {
    const at = `analyze.dataProtection.durability.${model}`;
    return [
      model === du.model ? `${model} (used by targets)` : model,
      figure(d, `${at}.annualLossProbability`, (p) =>
        p > 0 ? formatProbability(p) : `≈1e${Math.round(du[model].log10AnnualLossProbability)}`,
      ),
      figure(d, `${at}.nines`, String),
      figure(d, `${at}.mttdlSeconds`, (s) =>
        s < Number.MAX_VALUE
          ? formatDuration(s)
          : `≈1e${Math.round(du[model].log10MttdlSeconds - Math.log10(31_536_000))} years`,
      ),
      figure(d, `${at}.expectedBytesLostPerYear`, formatBytes),
    ];
  };
  return [
    {
      kind: 'paragraph',
      text: [
        `Durability: ${scheme}, tolerating ${du.toleratedFailures} of ${du.shards} lost, ${du.groups} group(s), shard AFR ${formatCount(du.shardAnnualFailureRate * 100)}%, rebuild `,
        figure(d, 'analyze.dataProtection.durability.rebuildSeconds', formatDuration),
        ". The window model is Backblaze's; the Markov model gives the MTTDL.",
      ],
    },
    {
      kind: 'table',
      table: {
        head: ['Model', 'P(loss) per year', 'Nines', 'MTTDL', 'Lost per year'],
        align: ['l', 'r', 'r', 'r', 'r'],
        rows: [row('window'), row('markov')],
      },
    },
  ];
}
