/// <reference lib="dom" />
/**
 * The HTML report as a person sees it: every example model's report opened in headless
 * Chromium (the distribution's package; .ci/run installs it), offline. Fails on a console
 * error, a chart that did not draw its marks, a request for anything but the file itself, or
 * a page wider than the viewport at 1280 px and at a 390 px phone width. Screenshots go to
 * test-output/report/ (gitignored).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/app/report.js';
import { renderReportHtml } from '../../src/report/html/review.js';
import { EXAMPLE_MODELS, exampleModel, hostileModel } from '../support/models.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const OUT = resolve('test-output/report');
const WIDTHS = [1280, 390] as const;

let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH`,
    );
  }
  mkdirSync(OUT, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'nines-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    offline: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
});

type PageReport = {
  errors: string[];
  requests: string[];
  scrollWidth: number;
  innerWidth: number;
  charts: {
    id: string;
    width: number;
    height: number;
    expected: Record<string, number>;
    drawn: Record<string, number>;
  }[];
  sections: string[];
};

async function open(file: string, width: number, shot: string): Promise<PageReport> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`a script ran: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (r.url() !== pathToFileURL(file).href) requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const measured = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    sections: [...document.querySelectorAll('main > section')].map((s) => s.id),
    charts: [...document.querySelectorAll<HTMLElement>('figure[data-chart]')].map((f) => {
      const svg = f.querySelector('svg');
      const box = svg?.getBoundingClientRect();
      const expected = JSON.parse(f.dataset['marks'] ?? '{}') as Record<string, number>;
      const drawn = Object.fromEntries(
        Object.keys(expected).map((type) => [type, f.querySelectorAll(`svg g.mark-${type}.role-mark > *`).length]),
      );
      return { id: f.dataset['chart'] ?? '', width: box?.width ?? 0, height: box?.height ?? 0, expected, drawn };
    }),
  }));
  await page.screenshot({ path: shot, fullPage: true });
  await page.close();
  return { errors, requests, ...measured };
}

const cases = [
  ...EXAMPLE_MODELS.map((file) => ({ file, simulate: false })),
  { file: 'models/database-dr.yaml', simulate: true },
  // database-dr with <script>alert(1)</script> and friends as names: nothing may run.
  { file: 'hostile', simulate: false },
];

describe('html report in Chromium', () => {
  it.each(cases)(
    '$file (simulate: $simulate): no console error, every chart drawn, no overflow at 1280 and 390 px',
    async ({ file, simulate }) => {
      const model = file === 'hostile' ? hostileModel() : exampleModel(file);
      const view = await buildReport(
        model,
        file,
        simulate ? { simulate: { seed: 1, trials: 200_000, timelineTrials: 20_000 } } : {},
      );
      const name = `${basename(file, '.yaml')}${simulate ? '-simulate' : ''}`;
      const html = join(OUT, `${name}.html`);
      const text = await renderReportHtml(view);
      expect(Buffer.byteLength(text), 'under 1 MB').toBeLessThan(1_000_000);
      writeFileSync(html, text);
      for (const width of WIDTHS) {
        const page = await open(html, width, join(OUT, `${name}-${width}.png`));
        expect(page.errors, `${name} at ${width}px`).toEqual([]);
        expect(page.requests, `${name} at ${width}px`).toEqual([]);
        expect(page.sections).toEqual(view.sections.map((s) => s.id));
        expect(page.charts.map((c) => c.id)).toEqual(
          expect.arrayContaining(['topology', ...(simulate ? ['downtime-histogram'] : [])]),
        );
        for (const chart of page.charts) {
          expect(chart.width * chart.height, `${chart.id} has a size`).toBeGreaterThan(0);
          expect(chart.width, `${chart.id} fits`).toBeLessThanOrEqual(width);
          for (const [type, count] of Object.entries(chart.expected))
            expect(count, `${chart.id}: ${type} marks expected`).toBeGreaterThan(0);
          expect(chart.drawn, `${chart.id} marks`).toEqual(chart.expected);
        }
        expect(page.scrollWidth, `${name}: page width at ${width}px`).toBeLessThanOrEqual(page.innerWidth);
      }
    },
    60_000,
  );
});
