import { describe, expect, it } from 'vitest';
import { renderDot } from '../../src/report/diagram/dot.js';
import { mermaidLabel, renderMermaid } from '../../src/report/diagram/mermaid.js';
import { topologyOf } from '../../src/report/diagram/topology.js';
import { parseMermaidFlowchart } from '../support/mermaid.js';
import { EXAMPLE_MODELS, exampleModel, HOSTILE, hostileModel } from '../support/models.js';

describe('topology', () => {
  it('places every node of database-dr: one db node per zone of us-east, the DR copy in eu-west, backups offsite', () => {
    const t = topologyOf(exampleModel('models/database-dr.yaml'));
    expect(t.regions.map((r) => [r.name, r.zones.map((z) => [z.name, z.placements])])).toEqual([
      [
        'us-east',
        [
          ['az-a', [{ tier: 'db', count: 1 }]],
          ['az-b', [{ tier: 'db', count: 1 }]],
          ['az-c', [{ tier: 'db', count: 1 }]],
        ],
      ],
      ['eu-west', [['eu-a', [{ tier: 'db-dr', count: 1 }]]]],
    ]);
    expect(t.tiers).toEqual([
      { name: 'db', nodes: 3, minHealthy: 2, rule: '2 of 3', holdsData: true },
      { name: 'db-dr', nodes: 1, minHealthy: 1, rule: '1 of 1', holdsData: false },
    ]);
    expect(t.holders.map((h) => [h.kind, h.name, h.location])).toEqual([
      ['copy', 'dr-replica', { kind: 'region', name: 'eu-west' }],
      ['backup', 'nightly', { kind: 'offsite' }],
    ]);
    expect(t.serviceText).toBe('failover(db → db-dr)');
  });

  it("writes inference-3az's nested service expression and its node in no zone", () => {
    const t = topologyOf(exampleModel('models/inference-3az.yaml'));
    expect(t.serviceText).toBe('all(gateway, inference, any(model-cache, artifact-store))');
    expect(t.unplaced).toEqual([{ tier: 'artifact-store', count: 1 }]);
    // 6 gateways over 3 zones, 2 each; inference 4 per zone (the model's placement map).
    expect(t.regions[0]?.zones.map((z) => z.placements.map((p) => `${p.tier}×${p.count}`).join(' '))).toEqual(
      Array(3).fill('gateway×2 inference×4 model-cache×1'),
    );
  });
});

describe('mermaid', () => {
  it.each(EXAMPLE_MODELS)(
    "%s: Mermaid's own parser reads the diagram, with every placement, tier and edge",
    async (file) => {
      const model = exampleModel(file);
      const graph = await parseMermaidFlowchart(renderMermaid(topologyOf(model)));
      const labels = [...graph.vertices.values()];
      for (const tier of model.tiers)
        expect(labels).toContain(`tier ${tier.name} · ${tier.minHealthy} of ${tier.nodes}`);
      // Nodes placed in the diagram add up to each tier's n.
      for (const tier of model.tiers) {
        const placed = labels
          .map((l) => new RegExp(`^${tier.name} ×(\\d+)$`).exec(l))
          .reduce((s, m) => s + (m ? Number(m[1]) : 0), 0);
        expect(placed, tier.name).toBe(tier.nodes);
      }
      expect(graph.subgraphs.filter((s) => s.title.startsWith('zone ')).length).toBe(model.zones.length);
      expect(graph.subgraphs.filter((s) => s.title.startsWith('region ')).length).toBe(model.regions.length);
      expect(labels).toContain('service');
    },
  );

  it('escapes hostile names: Mermaid reads them back as labels, and no keyword or quote ends a block early', async () => {
    const text = renderMermaid(topologyOf(hostileModel()));
    expect(text.replace(/ (-->|-\.->) /g, ' ')).not.toMatch(/[<>]/);
    const graph = await parseMermaidFlowchart(text);
    const labels = [...graph.vertices.values()];
    expect(labels).toContain(`tier ${HOSTILE.tier} · 2 of 3`);
    expect(labels).toContain(`${HOSTILE.tier} ×1`);
    expect(labels.some((l) => l.startsWith(`copy ${HOSTILE.copy} · `))).toBe(true);
    expect(labels.some((l) => l.startsWith(`backup ${HOSTILE.backup} · `))).toBe(true);
    // The newline in the zone name becomes a space; 'end' in names closes nothing.
    expect(graph.subgraphs.map((s) => s.title)).toEqual(
      expect.arrayContaining([`zone ${HOSTILE.zone.replace('\n', ' ')}`, `region ${HOSTILE.region}`]),
    );
    // Two regions, four zones (eu-a holds the standby), offsite.
    expect(graph.subgraphs).toHaveLength(2 + 4 + 1);
    const zoneA = graph.subgraphs.find((s) => s.title.startsWith('zone zone'));
    expect(zoneA?.nodes).toHaveLength(1);
  });

  it('writes the characters Mermaid, Markdown or HTML could read as syntax as numeric entities', () => {
    expect(mermaidLabel('<script>"#&`')).toBe('"#60;script#62;#34;#35;#38;#96;"');
    expect(mermaidLabel('a\nb\r\nc')).toBe('"a b c"');
  });
});

describe('dot', () => {
  it('draws clusters for regions and zones and one node per placement', () => {
    const dot = renderDot(topologyOf(exampleModel('models/database-dr.yaml')));
    expect(dot).toMatch(/^digraph "database-dr" \{/);
    expect(dot.match(/subgraph cluster_/g)).toHaveLength(2 + 4 + 1);
    expect(dot).toContain('t0 [shape=hexagon, label="tier db · 2 of 3"];');
    expect(dot).toContain('h0 [shape=cylinder, label="copy dr-replica · async, lag 30 s"];');
    expect(dot.trimEnd().endsWith('}')).toBe(true);
  });

  it('escapes quotes, backslashes and newlines in hostile names', () => {
    const dot = renderDot(topologyOf(hostileModel()));
    expect(dot).toContain(String.raw`label="zone zone \"a\"\nend";`);
    expect(dot).toContain(String.raw`label="backup \"]; digraph { a -> b } // · every 1 d"`);
    // Every quoted string closes on its line: an even count of unescaped quotes per line.
    for (const line of dot.split('\n')) expect(line.replace(/\\./g, '').split('"').length % 2, line).toBe(1);
  });
});
