// 账单解读: the facts-sheet example A bill (docs/examples/bill-zhejiang-residential-tou.json;
// golden tests/golden/bill/res-zj-tou-facts-example-a.response.json — the same lines and
// total against the bundled Zhejiang pack), line by line, with tier progress, TOU split
// and a waterfall against last period.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPortal, screenshot } from '../lib/browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

// tests/golden/bill/res-zj-tou-facts-example-a.response.json, result.lines.
const GOLDEN_LINES = [
  ['energy.tier1.peak', '96 kWh × 0.568 元/kWh = ¥54.53'],
  ['energy.tier1.valley', '64 kWh × 0.288 元/kWh = ¥18.43'],
  ['energy.tier2.peak', '54 kWh × 0.618 元/kWh = ¥33.37'],
  ['energy.tier2.valley', '36 kWh × 0.338 元/kWh = ¥12.17'],
];

async function openBill(opts = {}) {
  const o = await openPortal(browser, { path: '/bill', ...opts });
  await o.page.getByTestId('bill-total').waitFor();
  return o;
}

test('the default example gives the golden total and lines, each quantity × price = amount', async () => {
  const { page, assertClean, context } = await openBill();
  // Amount first: total and its uppercase (golden: "118.50", 壹佰壹拾捌元伍角整).
  assert.equal((await page.getByTestId('bill-total').innerText()).trim(), '¥118.50');
  assert.equal(await page.getByTestId('bill-uppercase').innerText(), '壹佰壹拾捌元伍角整');
  // No due date is invented: the page says where it comes from.
  assert.match(await page.getByTestId('bill-due').innerText(), /以您账单上印的日期为准/);
  const lines = page.getByTestId('bill-line');
  assert.equal(await lines.count(), 4);
  for (const [i, [code, formula]] of GOLDEN_LINES.entries()) {
    assert.equal(await lines.nth(i).getAttribute('data-code'), code);
    assert.equal((await lines.nth(i).getByTestId('line-formula').innerText()).trim(), formula);
  }
  assert.equal((await page.getByTestId('lines-total').innerText()).trim(), '¥118.50');
  await screenshot(page, 'bill-zh');
  assertClean(assert);
  await context.close();
});

test('expanding a line shows its explanation and the price notice it cites', async () => {
  const { page, assertClean, context } = await openBill();
  const first = page.getByTestId('bill-line').first();
  const toggle = first.getByRole('button', { name: /说明与依据/ });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const details = first.getByTestId('line-details');
  // The core's explanation of energy.tier1.peak (golden line 0).
  assert.match(await details.innerText(), /96 kWh × 0\.568 元\/kWh = 54\.53 元；按年度阶梯累计用电量落入第1档/);
  // The bundled Zhejiang pack's citation for the residential tiers.
  assert.match(await first.getByTestId('line-citation').innerText(), /浙江省物价局《关于完善居民生活用电阶梯电价政策有关事项的通知》/);
  assertClean(assert);
  await context.close();
});

test('the tier bar and the TOU donut have text alternatives with the bill’s figures', async () => {
  const { page, assertClean, context } = await openBill();
  // tier_progress of the golden: tier 2, used 2850, remaining 1950; tier-2 prices 0.618 / 0.338.
  assert.equal(
    await page.getByTestId('tier-bar-graphic').getAttribute('aria-label'),
    '阶梯进度：当前第2档，年度累计已用 2,850 kWh，本档剩余 1,950 kWh，当前电价 高峰 0.618 元/kWh，低谷 0.338 元/kWh',
  );
  await page.getByRole('img', { name: /阶梯进度：当前第2档/ }).waitFor();
  // Donut: peak 96 + 54 = 150 kWh, valley 64 + 36 = 100 kWh.
  const table = page.getByRole('table', { name: '分时电量构成' });
  const rows = await table.locator('tbody tr').allInnerTexts();
  assert.deepEqual(rows.map((r) => r.replace(/\s+/g, ' ').trim()), ['高峰 150', '低谷 100']);
  assert.ok(await page.getByTestId('tou-donut').locator('canvas').count() >= 1);
  // The band's hours are the pack's (rules/zhejiang/zhejiang-2025.json, tou_schedules.residential:
  // 峰 08:00–22:00, 谷 22:00–次日 08:00), listed for screen readers.
  const windows = await page.getByTestId('tou-band').getByRole('listitem').allInnerTexts();
  assert.deepEqual(windows.map((w) => w.trim()), ['00:00–08:00 低谷', '08:00–22:00 高峰', '22:00–24:00 低谷']);
  assertClean(assert);
  await context.close();
});

test('last period entered: the waterfall steps sum exactly to the difference', async () => {
  const { page, assertClean, context } = await openBill();
  await page.getByTestId('bill-compare').click();
  // Last period as the example fills it: Feb 2025, peak 120, valley 90, carry-in 2390 →
  // 120 × 0.568 = 68.16 + 90 × 0.288 = 25.92 → 94.08 (checked with `powerdesk bill`).
  await page.getByTestId('waterfall-step').first().waitFor();
  const steps = await page.getByTestId('waterfall-step').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-delta')));
  assert.deepEqual(steps, ['-13.63', '-7.49', '33.37', '12.17']);
  const diff = await page.getByTestId('waterfall-difference').getAttribute('data-diff');
  assert.equal(diff, '24.42'); // 118.50 − 94.08
  const toFen = (s) => BigInt(s.replace('.', ''));
  assert.equal(steps.reduce((a, s) => a + toFen(s), 0n), toFen(diff));
  assert.match(await page.getByTestId('waterfall').locator('figcaption').innerText(), /从上期 ¥94\.08 到本期 ¥118\.50，变化 ¥24\.42/);
  // Changing last period's usage re-bills it with the core.
  await page.getByRole('textbox', { name: '上期高峰电量（kWh）' }).fill('150');
  await page.getByRole('textbox', { name: '上期低谷电量（kWh）' }).fill('100');
  await page.getByRole('textbox', { name: '上期之前已用电量（kWh）' }).fill('2600');
  await page.getByText('两期各项金额相同。').waitFor();
  assert.equal(await page.getByTestId('waterfall-difference').getAttribute('data-diff'), '0.00');
  await page.getByRole('textbox', { name: '上期之前已用电量（kWh）' }).fill('2390');
  await page.getByRole('textbox', { name: '上期高峰电量（kWh）' }).fill('120');
  await page.getByRole('textbox', { name: '上期低谷电量（kWh）' }).fill('90');
  await page.locator('[data-testid=waterfall-difference][data-diff="24.42"]').waitFor();
  await page.getByTestId('waterfall').scrollIntoViewIfNeeded();
  await screenshot(page, 'bill-waterfall');
  assertClean(assert);
  await context.close();
});

test('a bad entry is shown next to its field, in English too', async () => {
  const { page, assertClean, context } = await openBill();
  await page.getByRole('button', { name: 'EN' }).click();
  await page.getByText('Amount due this period').waitFor();
  assert.equal((await page.getByTestId('bill-line').first().getByTestId('line-formula').innerText()).trim(), '96 kWh × 0.568 CNY/kWh = ¥54.53');
  await screenshot(page, 'bill-en');
  await page.getByRole('textbox', { name: 'Peak (kWh)', exact: true }).fill('1.0001');
  // PD_NUMBER_TOO_PRECISE at /usage/kwh_by_period/peak, under the peak field.
  await page.locator('.el-form-item__error', { hasText: 'more than 3 decimals' }).waitFor();
  assertClean(assert);
  await context.close();
});

test('the bill page works at 375 px', async () => {
  const { page, assertClean, context } = await openBill({ viewport: { width: 375, height: 800 } });
  assert.equal((await page.getByTestId('bill-total').innerText()).trim(), '¥118.50');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  await screenshot(page, 'bill-phone');
  assertClean(assert);
  await context.close();
});
