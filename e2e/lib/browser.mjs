// Debian's Chromium driven by playwright-core (no downloaded browser), one
// context per test, with the page's clock fixed to the server's "today" so
// dates in quotes and applications are the same on every run.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:18080';
export const OUT_DIR = process.env.E2E_OUT ?? join(import.meta.dirname, '..', '..', 'build', 'e2e');
export const TODAY = process.env.E2E_TODAY ?? '2025-06-02';
export const SERVER_BIN = process.env.E2E_POWERDESK ?? '';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: FLAGS });
}

/**
 * A fresh context (own storage, own service worker) and page. Console errors,
 * page errors and CSP violations are collected: `assertClean()` fails the test on any.
 */
export async function openPortal(browser, { locale = 'zh-CN', viewport = { width: 1280, height: 900 }, path = '/', baseUrl = BASE_URL } = {}) {
  const context = await browser.newContext({ locale, viewport, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // Every URL the page (and its workers) fetched, in order: for size budgets.
  const fetched = [];
  context.on('response', (r) => fetched.push(r.url()));
  await page.clock.install({ time: new Date(`${TODAY}T10:00:00+08:00`) });
  await page.goto(baseUrl + '/#' + path.replace(/^\/?#?/, '/'));
  await waitForCore(page);
  return {
    context,
    page,
    problems,
    fetched,
    /** Console errors the test expects (e.g. a refused request while offline) are filtered by `allow`. */
    assertClean(assert, allow = []) {
      const left = problems.filter((p) => !allow.some((a) => p.includes(a)));
      assert.deepEqual(left, [], 'console errors, page errors or CSP violations');
    },
  };
}

/** Waits until the core has started (the footer lists the packs in use). */
export async function waitForCore(page) {
  await page.getByTestId('pack-info').locator('summary').getByText(/\d{4}\.\d/).first().waitFor({ timeout: 30_000 });
}

/** Saves a full-page screenshot under build/e2e/screenshots/NAME.png. */
export async function screenshot(page, name) {
  const dir = join(OUT_DIR, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Waits until the service worker controls the page, i.e. the app is cached for offline use. */
export async function waitForOfflineReady(page, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  // (waitForFunction cannot await a promise in the page: poll instead.)
  for (;;) {
    const ready = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return Boolean(navigator.serviceWorker.controller && r?.active?.state === 'activated');
    });
    if (ready) return;
    if (Date.now() > deadline) throw new Error('the service worker did not take control');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
