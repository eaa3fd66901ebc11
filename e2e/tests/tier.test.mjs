// 星级客户: a golden request gives the golden tier, every matching rule with its
// citation, and the services (tests/golden/tier/highest-of-several-rules.*.json).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPortal, screenshot } from '../lib/browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

async function openTier(opts = {}) {
  const o = await openPortal(browser, { path: '/tier', ...opts });
  await o.page.getByTestId('tier-label').waitFor();
  return o;
}

test('the golden "highest of several rules" request: three-star, four rules, sixteen services', async () => {
  const { page, assertClean, context } = await openTier();
  // The default example is tests/golden/tier/highest-of-several-rules.request.json.
  const label = page.getByTestId('tier-label');
  assert.equal(await label.getAttribute('data-tier'), 'three_star');
  assert.match(await label.innerText(), /三星级优质客户/);
  await page.getByRole('img', { name: '3 星' }).waitFor();
  assert.equal(await page.getByTestId('tier-manager').innerText(), '配备');
  assert.equal(await page.getByTestId('tier-team').innerText(), '配备');
  // trace[0].matched: every matching row, in table order; the result row is project-national.
  const rows = await page.getByTestId('tier-rule').evaluateAll((els) => els.map((e) => e.getAttribute('data-row')));
  assert.deepEqual(rows, ['kwh-two-star', 'project-national', 'voltage-110kv-and-above', 'special-high-risk']);
  const decisive = page.locator('[data-testid=tier-rule].decisive');
  assert.equal(await decisive.getAttribute('data-row'), 'project-national');
  assert.match(await decisive.innerText(), /国家重点项目客户为三星级优质客户。/);
  assert.match(await decisive.getByTestId('tier-rule-citation').innerText(), /《建筑学研究前沿》2017年第18期，刘娜等（题名未核），§1\.2（2017-12-05）/);
  // services 1–16 (golden result.services).
  const services = await page.getByTestId('tier-service').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-number'))));
  assert.deepEqual(services, Array.from({ length: 16 }, (_, i) => i + 1));
  assert.match(await page.getByTestId('tier-service').first().innerText(), /1\. 提供设备维护服务和技术支持/);
  // golden result.defaulted
  assert.equal(await page.getByTestId('tier-defaulted').innerText(), '按默认值处理的项目：存量客户、欠费、园区级别');
  await screenshot(page, 'tier-zh');
  assertClean(assert);
  await context.close();
});

test('the golden 66 kV new customer is two-star by voltage, and the core’s errors sit by their field', async () => {
  const { page, assertClean, context } = await openTier();
  await page.getByTestId('tier-example-newCustomer66kv').click();
  // tests/golden/tier/two-star-66kv-new-customer.response.json
  await page.locator('[data-testid=tier-label][data-tier=two_star]').waitFor();
  const rows = await page.getByTestId('tier-rule').evaluateAll((els) => els.map((e) => e.getAttribute('data-row')));
  assert.deepEqual(rows, ['voltage-35kv-to-110kv', 'special-livelihood']);
  assert.equal(await page.locator('[data-testid=tier-rule].decisive').getAttribute('data-row'), 'voltage-35kv-to-110kv');
  const services = await page.getByTestId('tier-service').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-number'))));
  assert.deepEqual(services, Array.from({ length: 15 }, (_, i) => i + 2));
  assert.equal(await page.getByTestId('tier-team').innerText(), '不配备');
  // A kWh figure with too many decimals: PD_NUMBER_TOO_PRECISE at /customer/annual_kwh.
  await page.getByRole('textbox', { name: '全年用电总量（kWh）' }).fill('1.0001');
  await page.locator('.el-form-item__error').first().waitFor();
  assert.match(await page.locator('.el-form-item__error').first().innerText(), /小数位过多/);
  assertClean(assert);
  await context.close();
});

test('the tier page works at 375 px', async () => {
  const { page, assertClean, context } = await openTier({ viewport: { width: 375, height: 800 } });
  assert.equal(await page.getByTestId('tier-label').getAttribute('data-tier'), 'three_star');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  await screenshot(page, 'tier-phone');
  assertClean(assert);
  await context.close();
});
