import { chromium } from 'playwright-core';
const [file, sel, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto('file://' + file);
await page.locator(sel).screenshot({ path: out });
await browser.close();
