// The portal's frame: it loads from the server, starts the core in a worker,
// names the packs in use, switches language and meets the size budget.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPortal, screenshot, BASE_URL } from '../lib/browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('the portal opens on the quote page with the packs in use named', async () => {
  const { page, assertClean, context } = await openPortal(browser);
  await page.waitForURL((u) => u.hash === '#/quote'); // `/` redirects to the quote page once its chunk is in
  await page.getByTestId('pack-info').locator('summary').click();
  const rows = await page.getByTestId('pack-info').locator('tbody tr').allInnerTexts();
  // The server's rules/ are the bundled ones: national + five provinces.
  assert.equal(rows.length, 6);
  assert.ok(rows.some((r) => r.includes('浙江省') && r.includes('2025-01-01 – 2025-12-31')), rows.join('\n'));
  await screenshot(page, 'shell-zh');
  assertClean(assert);
  await context.close();
});

test('English is one click away and remembered', async () => {
  const { page, assertClean, context } = await openPortal(browser);
  await page.getByRole('button', { name: 'EN' }).click();
  await page.getByRole('link', { name: 'Quote' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.reload();
  await page.getByRole('link', { name: 'Apply' }).waitFor();
  assertClean(assert);
  await context.close();
});

test('every page is reachable by keyboard from the navigation', async () => {
  const { page, assertClean, context } = await openPortal(browser);
  for (const [name, hash] of [['在线报装', '#/apply'], ['账单解读', '#/bill'], ['星级客户', '#/tier'], ['电费试算', '#/quote']]) {
    await page.getByRole('link', { name }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.hash === hash);
  }
  assertClean(assert);
  await context.close();
});

test('the server sends the portal with its security headers', async () => {
  const r = await fetch(BASE_URL + '/');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-security-policy') ?? '', /wasm-unsafe-eval/);
  assert.equal(r.headers.get('x-frame-options'), 'DENY');
});

test('the first page loads at most 300 KB of JavaScript, gzipped (WASM and ICU data aside)', async () => {
  const { readFileSync } = await import('node:fs');
  const { gzipSync } = await import('node:zlib');
  const { join } = await import('node:path');
  const portal = process.env.E2E_PORTAL ?? join(import.meta.dirname, '..', '..', 'portal', 'dist');
  const { page, assertClean, context, fetched } = await openPortal(browser, { path: '/quote' });
  await page.waitForLoadState('networkidle');
  // Every script the first visit fetched, the worker's included (not the service worker's own
  // precache downloads): read from the build and gzipped at level 9.
  const files = [...new Set(fetched.map((u) => new URL(u).pathname))].filter((p) => /\.m?js$/.test(p) && !/^\/(sw|workbox-[0-9a-f]+)\.js$/.test(p));
  let total = 0;
  const lines = [];
  for (const p of files) {
    const bytes = gzipSync(readFileSync(join(portal, p)), { level: 9 }).length;
    total += bytes;
    lines.push(`${p} ${bytes}`);
  }
  console.log(`initial JavaScript, gzip -9: ${total} bytes in ${files.length} files\n  ${lines.join('\n  ')}`);
  assert.ok(files.some((p) => p.includes('/assets/index-')), files.join(' '));
  assert.ok(total <= 300 * 1024, `${total} bytes`);
  assertClean(assert);
  await context.close();
});
