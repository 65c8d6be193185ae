/// <reference lib="dom" />
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/app/report.js';
import { renderReportHtml } from '../../../src/report/html/review.js';
import { valueAt, type ReportDocuments } from '../../../src/report/review-view.js';
import { HOSTILE, hostileModel } from '../../support/models.js';
import { reportSchemaErrors } from '../../support/report-schema.js';
import { runCli } from '../../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'nines-report-'));

function read(html: string): { doc: Document; documents: ReportDocuments } {
  const doc = new JSDOM(html).window.document;
  const data = doc.querySelector('script#nines-documents');
  return { doc, documents: JSON.parse(data?.textContent ?? 'null') as ReportDocuments };
}

/** Every figure's data-value is the value at its data-path in the embedded documents. */
function checkFigures(doc: Document, documents: ReportDocuments): number {
  const figures = [...doc.querySelectorAll<HTMLElement>('[data-path]')];
  for (const el of figures) {
    const path = el.dataset['path'] ?? '';
    expect(JSON.parse(el.dataset['value'] ?? 'undefined'), path).toEqual(valueAt(documents, path));
  }
  return figures.length;
}

describe('html report', () => {
  it('database-dr: written with -o, every section, figures equal to analyze and check --json', async () => {
    const out = join(dir, 'report.html');
    const run = await runCli(['report', 'models/database-dr.yaml', '--format', 'html', '-o', out]);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    const html = readFileSync(out, 'utf8');
    const { doc, documents } = read(html);
    const analyze = JSON.parse((await runCli(['analyze', 'models/database-dr.yaml', '--json'])).stdout) as unknown;
    const check = JSON.parse((await runCli(['check', 'models/database-dr.yaml', '--json'])).stdout) as unknown;
    expect(documents.analyze).toEqual(analyze);
    expect(documents.check).toEqual(check);
    expect(reportSchemaErrors(documents.analyze)).toEqual([]);
    expect([...doc.querySelectorAll('main > section')].map((s) => s.id)).toEqual([
      'summary',
      'topology',
      'targets',
      'tiers',
      'domains',
      'risks',
      'scenarios',
      'storage',
    ]);
    expect(checkFigures(doc, documents)).toBeGreaterThan(80);
    // Spot checks by hand against the model's header comment: RPO after a region loss = the
    // DR replica's 30 s lag; region RTO 5 + 10 + 15 min (warm standby: no restore).
    const region = doc.querySelector('[data-path="analyze.dataProtection.scenarios.2.rpoSeconds"]');
    expect(region?.getAttribute('data-value')).toBe('30');
    expect(region?.textContent).toBe('30 s');
    expect(doc.querySelector('[data-path="check.status"]')?.textContent).toBe('✔ pass: 11 of 11 met');
    expect(html.length).toBeLessThan(1_000_000);
    // One model, one answer: the targets table and the summary show the same availability and
    // downtime, and the region RPO target reads the scenario the RPO table shows.
    const record = (id: string) => documents.check.records.find((r) => r.id === id);
    expect(record('availability')?.actualComplement).toBe(documents.analyze.service.unavailability);
    expect(record('downtimePerYear')?.actual).toBe(documents.analyze.service.downtimeSecondsPerYear);
    expect(record('rpo[region]')?.actual).toBe(
      documents.analyze.dataProtection?.scenarios.find((x) => x.scenario === 'region')?.rpoSeconds,
    );
  });

  it('is self-contained: no script but the data block, nothing fetched, a CSP that forbids both', async () => {
    const html = (await runCli(['report', 'models/inference-3az.yaml'])).stdout;
    const { doc } = read(html);
    expect([...doc.querySelectorAll('script')].map((s) => s.getAttribute('type'))).toEqual(['application/json']);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain(
      "default-src 'none'",
    );
    expect(doc.querySelectorAll('[src], link, iframe, object, embed, img').length).toBe(0);
    for (const a of doc.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^#/);
    expect(html.match(/url\((?!#)|@import/g)).toBeNull(); // SVG's url(#clip) points inside the file
    expect((html.match(/https?:\/\/[^\s"')]+/g) ?? []).filter((u) => !u.startsWith('http://www.w3.org/'))).toEqual([]);
    expect(doc.querySelectorAll('figure[data-chart] svg').length).toBe(2); // topology, unavailability by cause
  });

  it('with --simulate adds the annual downtime histogram, P(year misses target) and realised RPO/RTO', async () => {
    const run = await runCli([
      'report',
      'models/database-dr.yaml',
      '--simulate',
      '--trials',
      '200000',
      '--timeline-trials',
      '20000',
      '--seed',
      '3',
    ]);
    expect(run.code).toBe(0);
    const { doc, documents } = read(run.stdout);
    const simulated = JSON.parse(
      (
        await runCli([
          'simulate',
          'models/database-dr.yaml',
          '--trials',
          '200000',
          '--timeline-trials',
          '20000',
          '--seed',
          '3',
          '--json',
        ])
      ).stdout,
    ) as { simulation: unknown };
    expect(documents.simulate?.simulation).toEqual(simulated.simulation);
    expect([...doc.querySelectorAll('main > section')].map((s) => s.id).slice(-2)).toEqual(['simulation', 'realised']);
    checkFigures(doc, documents);
    const histogram = doc.querySelector('figure[data-chart="downtime-histogram"]');
    expect(histogram?.querySelectorAll('g.mark-rect path').length).toBe(
      JSON.parse(histogram?.getAttribute('data-marks') ?? '{}').rect,
    );
    expect(doc.querySelector('[data-path="simulate.simulation.missProbability.estimate"]')).not.toBeNull();
    expect(run.stdout.length).toBeLessThan(1_000_000);
  });

  it('escapes hostile names and descriptions in text, attributes, SVG and the embedded JSON', async () => {
    const html = await renderReportHtml(await buildReport(hostileModel(), 'hostile.yaml'));
    const { doc, documents } = read(html);
    expect(doc.querySelectorAll('script').length).toBe(1);
    expect(doc.querySelectorAll('img, b').length).toBe(0);
    expect(doc.querySelector('.subtitle')?.textContent).toBe(HOSTILE.description);
    expect(documents.analyze.tiers[0]?.name).toBe(HOSTILE.tier);
    expect(documents.analyze.model.description).toBe(HOSTILE.description);
    const tierCell = doc.querySelector('#tiers tbody td code');
    expect(tierCell?.textContent).toBe(HOSTILE.tier);
    // Chart text (Vega escapes its own): the tier's row label in the placement map.
    const labels = [...doc.querySelectorAll('figure[data-chart="topology"] svg text')].map((t) => t.textContent);
    expect(labels.some((l) => l?.startsWith('tier <script>alert(1)'))).toBe(true); // as text (clipped by the label limit)
    checkFigures(doc, documents);
  });
});
