/** Availability sections: tiers, zones and regions, capacity after a loss, risks, warnings. */
import { unavailabilityByCauseChart } from '../../charts/specs.js';
import {
  formatAvailability,
  formatCount,
  formatPercentFromUnavailability,
  formatProbability,
  formatShare,
} from '../../format.js';
import { figure, type Block, type Cell, type ReportDocuments, type SectionBuilder } from '../../review-view.js';

/** Tiers (k of n, availability, share) and the unavailability-by-cause chart. */
export const tiersSection: SectionBuilder = ({ documents: d }) => {
  const horizon = d.analyze.horizonSeconds;
  const chart = unavailabilityByCauseChart(d);
  return {
    id: 'tiers',
    title: 'Tiers',
    blocks: [
      {
        kind: 'table',
        table: {
          head: ['Tier', 'k of n', 'Tolerates', 'Availability', 'P(a node fails)', 'Share of unavailability'],
          align: ['l', 'r', 'r', 'r', 'r', 'r'],
          rows: d.analyze.tiers.map((t, i) => [
            { text: t.name, code: true },
            `${t.minHealthy} of ${t.nodes}`,
            figure(d, `analyze.tiers.${i}.failuresTolerated`, formatCount),
            figure(d, `analyze.tiers.${i}.unavailability`, formatAvailability),
            figure(d, `analyze.tiers.${i}.anyNodeFailureProbability`, formatProbability),
            figure(d, `analyze.tiers.${i}.unavailabilityShare`, formatShare),
          ]),
        },
      },
      {
        kind: 'paragraph',
        text: [
          `P(a node fails): some node of the tier fails within the horizon (${formatCount(horizon / 86_400)} d). Share: of the service's unavailability, gone if the tier never failed.`,
        ],
      },
      ...(chart === undefined ? [] : [{ kind: 'chart' as const, chart }]),
    ],
  };
};

/** Zones and regions: their own availability and what losing each does to the service. */
export const domainsSection: SectionBuilder = ({ documents: d }) => {
  if (d.analyze.zones.length === 0 && d.analyze.regions.length === 0) return undefined;
  const blocks: Block[] = [];
  for (const kind of ['zones', 'regions'] as const) {
    const list = d.analyze[kind];
    if (list.length === 0) continue;
    blocks.push({
      kind: 'table',
      table: {
        head: [
          kind === 'zones' ? 'Zone' : 'Region',
          kind === 'zones' ? 'Region' : 'Zones',
          'Availability',
          'Service if it is lost',
          'Service availability given its loss',
          'Share of unavailability',
        ],
        align: ['l', 'l', 'r', 'l', 'r', 'r'],
        rows: list.map((z, i): Cell[] => [
          { text: z.name, code: true },
          'region' in z ? (z.region ?? '—') : z.zones.join(', ') || '—',
          figure(d, `analyze.${kind}.${i}.unavailability`, formatAvailability),
          z.serviceSurvivesLoss
            ? { text: 'survives', path: `analyze.${kind}.${i}.serviceSurvivesLoss`, value: true, tone: 'good' }
            : { text: 'OUTAGE', path: `analyze.${kind}.${i}.serviceSurvivesLoss`, value: false, tone: 'bad' },
          figure(d, `analyze.${kind}.${i}.serviceUnavailabilityGivenLoss`, formatPercentFromUnavailability),
          figure(d, `analyze.${kind}.${i}.unavailabilityShare`, formatShare),
        ]),
      },
    });
  }
  const capacity = capacityRows(d);
  if (capacity.length > 0) {
    blocks.push(
      { kind: 'paragraph', text: ['Capacity left after losing a zone or region:'] },
      {
        kind: 'table',
        table: {
          head: ['Lost', 'Tier', 'Nodes left', 'Capacity', 'Demand', 'Spare nodes', 'N+1'],
          align: ['l', 'l', 'r', 'r', 'r', 'r', 'l'],
          rows: capacity,
        },
      },
    );
  }
  return { id: 'domains', title: 'Zones and regions', blocks };
};

function capacityRows(d: ReportDocuments): Cell[][] {
  const rows: Cell[][] = [];
  for (const kind of ['zones', 'regions'] as const) {
    d.analyze[kind].forEach((z, i) => {
      z.capacityAfterLoss.forEach((c, j) => {
        const at = `analyze.${kind}.${i}.capacityAfterLoss.${j}`;
        rows.push([
          `${kind === 'zones' ? 'zone' : 'region'} ${z.name}`,
          { text: c.tier, code: true },
          figure(d, `${at}.nodesLeft`, formatCount),
          figure(d, `${at}.capacity`, formatCount),
          figure(d, `${at}.demand`, formatCount),
          figure(d, `${at}.spareNodes`, String),
          c.nPlusOne ? { text: 'yes', tone: 'good' } : c.meetsDemand ? 'no' : { text: 'SHORT', tone: 'bad' },
        ]);
      });
    });
  }
  return rows;
}

/** Single points of failure, the weakest link, and the engine's warnings. */
export const risksSection: SectionBuilder = ({ documents: d }) => {
  const items = [
    ...d.analyze.risks.map((r) => [
      {
        text: r.kind === 'single-point-of-failure' ? 'single point of failure' : 'weakest link',
        tone: r.kind === 'single-point-of-failure' ? ('bad' as const) : ('warn' as const),
      },
      `: ${r.message}`,
    ]),
    ...d.analyze.warnings.map((w) => [{ text: `warning [${w.code}]`, tone: 'warn' as const }, ` ${w.message}`]),
  ];
  return {
    id: 'risks',
    title: 'Risks and warnings',
    blocks: [items.length === 0 ? { kind: 'paragraph', text: ['None found.'] } : { kind: 'list', items }],
  };
};
