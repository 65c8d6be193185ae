/// <reference lib="dom" />
// Not beside the Mermaid tests: those give jsdom's window to globalThis, and Vega would then try
// a canvas to measure text instead of its Node estimate.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../src/report/charts/svg.js';
import { placementChart } from '../../src/report/charts/placement.js';
import { topologyOf } from '../../src/report/diagram/topology.js';
import { exampleModel } from '../support/models.js';

describe('svg', () => {
  it("draws database-dr's placement map: 6 failure-domain columns × 4 rows, a label in each filled cell", async () => {
    const svg = await chartSvg(placementChart(topologyOf(exampleModel('models/database-dr.yaml'))));
    const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
    expect(doc.documentElement.tagName).toBe('svg');
    // Columns az-a, az-b, az-c (us-east), eu-a and eu-west's own level (the standby, the DR
    // copy), offsite (backups); rows tier db, tier db-dr, copy dr-replica, backup nightly.
    expect(doc.querySelectorAll('g.mark-rect.role-mark > path').length).toBe(6 * 4);
    const cells = [...doc.querySelectorAll('g.mark-text.role-mark > text')].map((t) => t.textContent);
    expect(cells.sort()).toEqual(['1', '1', '1', '1', 'async 30 s', 'every 1 d']);
    const labels = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toEqual(
      expect.arrayContaining([
        'us-east',
        'eu-west',
        'offsite',
        'az-a',
        '(region)',
        'tier db (2 of 3)',
        'tier db-dr (1 of 1)',
        'copy dr-replica',
        'backup nightly',
        'service needs: failover(db → db-dr)',
      ]),
    );
  });
});
