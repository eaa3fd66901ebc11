// A quote with no network: the portal comes from the service worker's cache
// and the core computes in the browser.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPortal, screenshot, waitForCore, waitForOfflineReady } from '../lib/browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('a quote offline, after a reload from the service worker cache, to the fen', async () => {
  const { page, assertClean, context } = await openPortal(browser, { path: '/quote' });
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.reload();
  await waitForCore(page);
  assert.match(await page.getByTestId('network-state').innerText(), /离线/);
  // tests/golden/quote/estimate-zj-tou-profile, reproduced exactly.
  await page.getByTestId('field-region').click();
  await page.getByRole('option', { name: '浙江省', exact: true }).click();
  await page.getByTestId('field-tariff').click();
  await page.getByRole('option', { name: '居民生活用电峰谷分时（一户一表）', exact: true }).click();
  await page.getByTestId('field-month').fill('2025-03');
  await page.getByTestId('field-kwh').fill('250');
  await page.getByTestId('field-carry-in').fill('2600');
  await page.getByTestId('quote-total').filter({ hasText: '¥126.06' }).waitFor({ timeout: 15_000 });
  assert.deepEqual(await page.getByTestId('line-amount').allInnerTexts(), ['¥64.18', '¥13.54', '¥39.55', '¥8.79']);
  await screenshot(page, 'quote-offline');
  assertClean(assert);
  await context.close();
});
