// Regenerates docs/report-screenshot.jpg, the README's picture of the HTML report: the top of
// database-dr's report (with --simulate) in Debian's Chromium at 1100 px.
// Usage: npm run build && node scripts/readme-screenshot.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const html = join(mkdtempSync(join(tmpdir(), 'nines-shot-')), 'report.html');
const run = spawnSync(
  process.execPath,
  ['bin/nines.js', 'report', 'models/database-dr.yaml', '--simulate', '-o', html],
  { stdio: 'inherit' },
);
if (run.status !== 0) process.exit(run.status ?? 1);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1100, height: 1000 }, deviceScaleFactor: 1 });
await page.goto(pathToFileURL(html).href);
await page.screenshot({ path: resolve('docs/report-screenshot.jpg'), type: 'jpeg', quality: 80 });
await browser.close();
