import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium.js';
import { BUNDLED_SCHEDULE_TEXT } from '../support/schedules.js';
import { request, startServer, type TestServer } from '../support/server.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  // "Now" is the morning of the last window of the bundled schedule: one upcoming window, a banner, and the past.
  server = await startServer(BUNDLED_SCHEDULE_TEXT, { now: '2020-12-10T09:00:00+01:00' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Visit {
  page: Page;
  errors: string[];
  foreignRequests: string[];
}

async function visit(path: string, viewport = { width: 1100, height: 900 }): Promise<Visit> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (req) => {
    if (!req.url().startsWith(server.url)) foreignRequests.push(req.url());
  });
  const response = await page.goto(server.url + path, { waitUntil: 'networkidle' });
  expect(response?.status()).toBe(200);
  return { page, errors, foreignRequests };
}

describe.each([
  ['nl', '/', 'donderdag 10 december 2020', '21.00', 'Binnenkort', 'woensdag 2 oktober 2019'],
  ['en', '/?lang=en', 'Thursday 10 December 2020', '21:00', 'Coming up', 'Wednesday 2 October 2019'],
])('the page in %s', (lang, path, upcomingDay, time, bannerTitle, firstPastDay) => {
  let view: Visit;
  beforeAll(async () => {
    view = await visit(path);
  });
  afterAll(() => view.page.context().close());

  it('renders the schedule in its language, without console errors or third-party requests', async () => {
    const { page } = view;
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.locator('h1').textContent()).toMatch(/Minox Online/);
    expect(await page.locator('#upcoming + table').textContent()).toContain(upcomingDay);
    expect(await page.locator('#upcoming + table').textContent()).toContain(time);
    expect(await page.locator('.banner').textContent()).toContain(bannerTitle);
    expect(await page.locator('#past-2019 + table').textContent()).toContain(firstPastDay);
    expect(await page.locator('table.windows tr.no-update').count()).toBe(7);
    expect(await page.locator('table.types tbody tr').count()).toBe(3);
    expect(view.errors).toEqual([]);
    expect(view.foreignRequests).toEqual([]);
  });

  it('offers five feeds, every subscribe link pointing at a feed that answers 200 text/calendar', async () => {
    const { page } = view;
    const feeds = page.locator('li.feed');
    expect(await feeds.count()).toBe(5);
    const hrefs = await page
      .locator('li.feed a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toHaveLength(25);
    for (const href of hrefs) {
      const url = new URL(href);
      let feedUrl: string;
      if (url.protocol === 'webcal:') feedUrl = href.replace(/^webcal:/, 'http:');
      else if (url.hostname === 'calendar.google.com')
        feedUrl = (url.searchParams.get('cid') ?? '').replace(/^webcal:/, 'http:');
      else if (url.hostname.startsWith('outlook.')) {
        expect(url.pathname).toBe('/calendar/0/addfromweb');
        expect(url.searchParams.get('name')).toMatch(/Minox Online/);
        feedUrl = url.searchParams.get('url') ?? '';
      } else feedUrl = href;
      expect(feedUrl.startsWith(server.url)).toBe(true);
      const res = await request(feedUrl);
      expect(res.status, feedUrl).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      if (lang === 'en') expect(feedUrl).toContain('lang=en');
    }
  });

  it('has no serious or critical accessibility findings (axe-core)', async () => {
    const { page } = view;
    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
      const result = await (window as any).axe.run();
      return result.violations.map(
        (v: { id: string; impact: string; nodes: { html: string }[] }) =>
          `${v.impact}: ${v.id} ${v.nodes
            .slice(0, 2)
            .map((n) => n.html)
            .join(' | ')}`,
      );
    });
    expect(violations.filter((v: string) => /^(serious|critical)/.test(v))).toEqual([]);
  });
});

describe('copying a feed link', () => {
  it('copies with the clipboard API and says so', async () => {
    const { page } = await visit('/');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.locator('li.feed').nth(1).getByRole('button').click();
    await expect.poll(() => page.locator('.copy-status').textContent()).toBe('Link gekopieerd');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}/calendar/downtime.ics`);
    await page.context().close();
  });

  it('falls back to selecting and copying where the clipboard API is missing', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    const page = await context.newPage();
    await page.goto(`${server.url}/?lang=en`);
    await page.locator('li.feed').first().getByRole('button').click();
    await expect.poll(() => page.locator('.copy-status').textContent()).toMatch(/^(Link copied|Copying did not work)/);
    const selection = await page.evaluate(() => {
      const input = document.activeElement as HTMLInputElement;
      return input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0);
    });
    expect(selection).toBe(`${server.url}/calendar.ics?lang=en`);
    await context.close();
  });
});

describe('small screens', () => {
  it.each(['/', '/?lang=en'])('%s has no horizontal scrolling at 375 px', async (path) => {
    const { page } = await visit(path, { width: 375, height: 800 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});

describe('behind a proxy', () => {
  it('builds links from X-Forwarded-* only when trusted, or from the configured public URL', async () => {
    const headers = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'status.example.com' };
    const trusted = await startServer(BUNDLED_SCHEDULE_TEXT, { trustProxy: true });
    const configured = await startServer(BUNDLED_SCHEDULE_TEXT, { publicBaseUrl: 'https://calendar.example.org' });
    try {
      expect((await request(`${trusted.url}/`, { headers })).body.toString()).toContain(
        'webcal://status.example.com/calendar.ics',
      );
      expect((await request(`${server.url}/`, { headers })).body.toString()).not.toContain('status.example.com');
      expect((await request(`${configured.url}/`, { headers })).body.toString()).toContain(
        'value="https://calendar.example.org/calendar.ics"',
      );
    } finally {
      await trusted.close();
      await configured.close();
    }
  });

  it('serves a favicon and a strict Content-Security-Policy', async () => {
    const res = await request(`${server.url}/`);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await request(`${server.url}/assets/favicon.svg`)).status).toBe(200);
  });
});
