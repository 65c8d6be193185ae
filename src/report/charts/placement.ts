/**
 * The topology as a placement map (the SVG diagram): one column per failure domain, grouped
 * by region (zones, the region itself when something lives at its level, offsite, no zone),
 * one row per tier, copy and backup; a cell says how many nodes sit there or what is kept
 * there. Drawn by the same Vega-Lite pipeline as the report's charts.
 */
import { CHART_CONFIG } from './specs.js';
import type { Chart } from '../review-view.js';
import type { Holder, Topology } from '../diagram/topology.js';

/** The column of a group that is one column (offsite, no zone): the group's header names it. */
const ONLY = ' ';

type CellDatum = { group: string; column: string; row: string; text: string; kind: 'tier' | 'copy' | 'backup' };

/** The placement-map chart of a topology. */
export function placementChart(topology: Topology): Chart {
  const rows = [
    ...topology.tiers.map((t) => ({
      key: `tier:${t.name}`,
      label: `tier ${t.name} (${t.rule})`,
      kind: 'tier' as const,
    })),
    ...topology.holders.map((h) => ({ key: `${h.kind}:${h.name}`, label: `${h.kind} ${h.name}`, kind: h.kind })),
  ];
  const { cells, columns } = placeCells(topology, rows);
  // Every (column, row) is a cell of the grid; the filled ones carry a text and a kind.
  const grid = columns.flatMap((c) =>
    rows.map((r, i) => {
      const filled = cells.find((x) => x.row === r.label && x.group === c.group && x.column === c.column);
      return {
        group: c.group,
        column: c.column,
        row: r.label,
        rowOrder: i,
        text: filled?.text ?? '',
        kind: filled?.kind ?? 'empty',
      };
    }),
  );
  const groups = [...new Set(columns.map((c) => c.group))];
  const rowLabels = rows.map((r) => r.label);
  return {
    id: 'topology',
    title: 'Topology: where the nodes and the data live',
    caption: `Columns are failure domains grouped by region, rows are tiers (k of n healthy needed), copies and backups; a number is the nodes of that tier in that zone. Service: ${topology.serviceText}.`,
    spec: placementSpec(topology.serviceText, grid, groups, rowLabels),
    marks: { rect: grid.length, text: cells.length },
    table: {
      head: ['Row', ...columns.map((c) => (c.column === ONLY ? c.group : `${c.group} / ${c.column}`))],
      rows: rows.map((r) => [
        r.label,
        ...columns.map(
          (c) => cells.find((x) => x.row === r.label && x.group === c.group && x.column === c.column)?.text ?? '',
        ),
      ]),
    },
  };
}

type Row = { readonly key: string; readonly label: string; readonly kind: CellDatum['kind'] };
type Column = { group: string; column: string };

/** The columns (failure domains, grouped by region) and the filled cells of the placement map. */
function placeCells(topology: Topology, rows: readonly Row[]): { cells: CellDatum[]; columns: Column[] } {
  const cells: CellDatum[] = [];
  const columns: Column[] = [];
  const order = new Map(rows.map((r, i) => [r.key, i]));
  const add = (group: string, column: string, key: string, text: string): void => {
    const row = rows[order.get(key) ?? 0];
    if (row === undefined) return;
    cells.push({ group, column, row: row.label, text, kind: row.kind });
  };
  const holderKey = (h: Holder): string => `${h.kind}:${h.name}`;
  const mark = (h: Holder): string => h.detail;
  const zoneColumns = (group: string, zones: Topology['zones']): void => {
    for (const z of zones) {
      columns.push({ group, column: z.name });
      for (const p of z.placements) add(group, z.name, `tier:${p.tier}`, `${p.count}`);
      for (const h of topology.holders)
        if (h.location.kind === 'zone' && h.location.name === z.name) add(group, z.name, holderKey(h), mark(h));
    }
  };
  for (const r of topology.regions) {
    const here = topology.holders.filter((h) => h.location.kind === 'region' && h.location.name === r.name);
    zoneColumns(r.name, r.zones);
    if (here.length > 0 || r.zones.length === 0) {
      columns.push({ group: r.name, column: '(region)' });
      for (const h of here) add(r.name, '(region)', holderKey(h), mark(h));
    }
  }
  zoneColumns('(no region)', topology.zones);
  if (topology.unplaced.length > 0) {
    columns.push({ group: '(no zone)', column: ONLY });
    for (const p of topology.unplaced) add('(no zone)', ONLY, `tier:${p.tier}`, `${p.count}`);
  }
  const offsite = topology.holders.filter((h) => h.location.kind === 'offsite');
  if (offsite.length > 0) {
    columns.push({ group: 'offsite', column: ONLY });
    for (const h of offsite) add('offsite', ONLY, holderKey(h), mark(h));
  }
  return { cells, columns };
}

/** The Vega-Lite spec of the placement map: a faceted grid of rects and texts, one facet per group. */
function placementSpec(
  serviceText: string,
  grid: readonly object[],
  groups: readonly string[],
  rowLabels: readonly string[],
): Chart['spec'] {
  const x = {
    field: 'column',
    type: 'nominal',
    title: null,
    sort: null,
    axis: { orient: 'top', labelAngle: 0, labelLimit: 84, labelFontSize: 11, domain: false, ticks: false },
  };
  const y = {
    field: 'row',
    type: 'nominal',
    title: null,
    sort: rowLabels,
    axis: { labelLimit: 420, labelFontSize: 12, domain: false, ticks: false },
  };
  return {
    // The standalone SVG (nines diagram --format svg) has no caption: say what the service needs.
    title: {
      text: `service needs: ${serviceText}`,
      orient: 'bottom',
      anchor: 'start',
      fontSize: 12,
      fontWeight: 'normal',
      color: '#374151',
      offset: 12,
    },
    data: { values: grid },
    facet: {
      column: {
        field: 'group',
        type: 'nominal',
        title: null,
        sort: groups,
        header: { labelFontWeight: 600, labelOrient: 'top' },
      },
    },
    spacing: 10,
    spec: {
      width: { step: 84 },
      height: { step: 32 },
      encoding: { x, y },
      layer: [
        {
          mark: { type: 'rect', stroke: '#cbd5e1' },
          encoding: {
            fill: {
              field: 'kind',
              type: 'nominal',
              legend: null,
              scale: {
                domain: ['empty', 'tier', 'copy', 'backup'],
                range: ['#f8fafc', '#dbe7f3', '#f6e3c6', '#e7dcef'],
              },
            },
          },
        },
        {
          transform: [{ filter: "datum.text !== ''" }],
          mark: { type: 'text', fontSize: 11, fontWeight: 600, color: '#1f2937' },
          encoding: { text: { field: 'text' } },
        },
      ],
    },
    resolve: { scale: { x: 'independent' } },
    config: CHART_CONFIG,
  };
}
