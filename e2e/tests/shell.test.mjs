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
  assert.match(page.url(), /#\/quote$/);
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
