import { launchChromium } from './chromium.js';

/** `npm run screenshot [url] [file]`: a full-page PNG of the subscribe page (docs/screenshot.png in the README). */
const url = process.argv[2] ?? 'http://localhost:3000/';
const file = process.argv[3] ?? 'docs/screenshot.png';
const width = Number(process.env.WIDTH ?? 1100);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width, height: 900 } });
await page.goto(url);
await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
await browser.close();
process.stdout.write(`wrote ${file}\n`);
