// Rule packs in the browser: the portal starts on the packs built into the
// module, learns from the server's /api/v1/rules that a pack changed,
// downloads it, switches to it and keeps it for offline use.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPortal, screenshot, waitForOfflineReady } from '../lib/browser.mjs';
import { copyRules, startServer } from '../lib/server.mjs';

let browser;
let server;
let reissued;
before(async () => {
  browser = await launch();
  // The same Zhejiang pack re-issued as version 2025.2: new content, new hash, same prices.
  reissued = copyRules();
  const file = join(reissued, 'zhejiang', 'zhejiang-2025.json');
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes('"version": "2025.1"'));
  writeFileSync(file, text.replace('"version": "2025.1"', '"version": "2025.2"'));
  server = await startServer({ rules: reissued });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

function packSummary(page) {
  return page.getByTestId('pack-info').locator('summary');
}

test('a pack the server has re-issued is downloaded, used, and kept for offline use', async () => {
  const { page, context, assertClean } = await openPortal(browser, { baseUrl: server.url });
  await packSummary(page).getByText('浙江省 2025.2').waitFor({ timeout: 30_000 });
  assert.match(await packSummary(page).innerText(), /来自服务器/);
  await packSummary(page).click();
  const zhejiang = page.getByTestId('pack-info').locator('tbody tr', { hasText: '浙江省' });
  assert.match(await zhejiang.innerText(), /2025\.2/);
  await screenshot(page, 'packs-from-server');

  // Offline, the next visit starts straight on the downloaded set (IndexedDB), not the built-in one.
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.reload();
  await packSummary(page).getByText('浙江省 2025.2').waitFor({ timeout: 30_000 });
  assert.match(await page.getByTestId('network-state').innerText(), /离线/);
  assertClean(assert, ['net::ERR_INTERNET_DISCONNECTED', 'Failed to fetch']);
  await context.close();
});

test('with the same packs as the server, nothing is downloaded', async () => {
  const { page, context, fetched, assertClean } = await openPortal(browser);
  await page.waitForLoadState('networkidle');
  const packDownloads = fetched.filter((u) => /\/api\/v1\/rules\/./.test(new URL(u).pathname));
  assert.deepEqual(packDownloads, []);
  assert.ok(fetched.some((u) => new URL(u).pathname === '/api/v1/rules'), 'the list was checked');
  assert.match(await packSummary(page).innerText(), /随应用内置/);
  assertClean(assert);
  await context.close();
});

test('a pack re-issued while a form is being filled in waits for the user', async () => {
  // The server the page came from restarts on the same port (same origin) with the re-issued pack.
  const first = await startServer();
  const { page, context, assertClean } = await openPortal(browser, { baseUrl: first.url, path: '/quote' });
  await page.getByTestId('quote-total').waitFor();
  await page.getByTestId('field-kwh').fill('321'); // entry in progress
  await first.stop();
  const second = await startServer({ rules: reissued, port: first.port });
  try {
    // The network comes back: the portal checks the server, downloads the new set, and waits.
    await context.setOffline(true);
    await context.setOffline(false);
    await page.getByTestId('pack-update').waitFor({ timeout: 30_000 });
    assert.match(await packSummary(page).innerText(), /浙江省 2025\.1/);
    assert.equal(await page.getByTestId('field-kwh').inputValue(), '321');
    await screenshot(page, 'packs-update-waiting');
    await page.getByTestId('pack-update').getByRole('button', { name: '立即切换' }).click();
    await packSummary(page).getByText('浙江省 2025.2').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('pack-update').count(), 0);
    assert.equal(await page.getByTestId('field-kwh').inputValue(), '321'); // the entry is kept
    assertClean(assert, ['net::ERR_INTERNET_DISCONNECTED', 'Failed to fetch']);
  } finally {
    await context.close();
    await second.stop();
  }
});
