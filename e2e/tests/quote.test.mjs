// 电费试算: the bill updates as you type, to the fen, equal to the native
// CLI's for the same request; plan comparison; a calculator; English; phone.
// Expected figures are hand-checked from the goldens named at each test.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { launch, openPortal, screenshot } from '../lib/browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

/** Opens an Element Plus select by its test id and picks the option with exactly this name. */
async function choose(page, testid, name) {
  await page.getByTestId(testid).click();
  await page.getByRole('option', { name, exact: true }).click();
}

/** Picks a radio button of a group by its text. */
async function radio(page, text) {
  await page.locator('label.el-radio-button', { hasText: text }).click();
}

async function waitForTotal(page, text) {
  await page.getByTestId('quote-total').filter({ hasText: text }).waitFor({ timeout: 15_000 });
}

/** "1234.5" → "¥1,234.50", as AmountText shows a CLI amount. */
function yuan(amount) {
  const [, sign, whole, frac = ''] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  return `${sign}¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac.padEnd(2, '0')}`;
}

/** Zhejiang, 居民峰谷, by TOU period, with a carry-in. */
async function zhejiangTou(page, { month, peak, valley, carryIn }) {
  await choose(page, 'field-region', '浙江省');
  await choose(page, 'field-tariff', '居民生活用电峰谷分时（一户一表）');
  await page.getByTestId('field-month').fill(month);
  await radio(page, '按分时段');
  await page.getByTestId('field-period-peak').fill(peak);
  await page.getByTestId('field-period-valley').fill(valley);
  await page.getByTestId('field-carry-in').fill(carryIn);
}

test('Zhejiang residential TOU by period: total and every line to the fen', async () => {
  const { page, assertClean, context } = await openPortal(browser, { path: '/quote' });
  // The month defaults to this month (2025-06, the Zhejiang 2025 pack in force), and the page says so.
  assert.match(await page.getByTestId('month-note').innerText(), /2025-06/);
  // tests/golden/quote/estimate-zj-tou-profile: 250 kWh in March with 2600 kWh carried in split as
  // peak 177 / valley 73 (usage.by_period); entering those periods gives the same bill.
  await zhejiangTou(page, { month: '2025-03', peak: '177', valley: '73', carryIn: '2600' });
  await waitForTotal(page, '¥126.06');
  assert.equal(await page.getByTestId('quote-total-uppercase').innerText(), '壹佰贰拾陆元零陆分');
  const lines = page.getByTestId('bill-line');
  assert.deepEqual(await lines.evaluateAll((ls) => ls.map((l) => l.dataset.code)),
    ['energy.tier1.peak', 'energy.tier1.valley', 'energy.tier2.peak', 'energy.tier2.valley']);
  assert.deepEqual(await page.getByTestId('line-amount').allInnerTexts(), ['¥64.18', '¥13.54', '¥39.55', '¥8.79']);
  assert.equal((await page.getByTestId('line-arithmetic').first().innerText()).trim(), '113 kWh × 0.568 元/kWh = ¥64.18');
  // The explanation and the rule on demand.
  await lines.first().getByRole('button', { name: '计算依据' }).click();
  const detail = await lines.first().getByTestId('line-detail').innerText();
  assert.match(detail, /按年度阶梯累计用电量落入第1档/);
  assert.match(detail, /浙江省物价局《关于完善居民生活用电阶梯电价政策有关事项的通知》/);
  assert.match(await page.getByTestId('tier-progress').innerText(), /2,850 kWh.*第 2 档.*1,950 kWh/);
  await screenshot(page, 'quote-zh');
  assertClean(assert);
  await context.close();
});

test('a quote equals the native CLI bill for the same request, to the fen', async () => {
  const { page, assertClean, context } = await openPortal(browser, { path: '/quote' });
  await zhejiangTou(page, { month: '2025-07', peak: '412.5', valley: '236', carryIn: '2500' });
  await page.getByTestId('quote-request').filter({ hasText: '412.5' }).waitFor({ state: 'attached' });
  await page.getByTestId('quote-total').waitFor();
  const sent = JSON.parse(await page.getByTestId('quote-request').textContent());
  assert.deepEqual(sent.usage, { kwh_by_period: { peak: '412.5', valley: '236' } });
  const cli = JSON.parse(execFileSync(process.env.E2E_POWERDESK, ['--rules', process.env.E2E_RULES, 'quote', '-'],
    { input: JSON.stringify(sent), encoding: 'utf8' }));
  assert.equal(cli.ok, true, JSON.stringify(cli.errors));
  const bill = cli.result.bill;
  assert.equal(await page.getByTestId('quote-total').innerText(), yuan(bill.total));
  assert.deepEqual(await page.getByTestId('line-amount').allInnerTexts(), bill.lines.map((l) => yuan(l.amount)));
  assert.equal(await page.getByTestId('quote-total-uppercase').innerText(), bill.total_uppercase);
  // The whole answer the page shows is the CLI's.
  assert.deepEqual(JSON.parse(await page.getByTestId('quote-response').textContent()), cli);
  assertClean(assert);
  await context.close();
});

test('plan comparison recommends the cheaper plan', async () => {
  const { page, assertClean, context } = await openPortal(browser, { path: '/quote' });
  // tests/golden/compare/zj-residential-tou: 200 kWh in May 2025 on 居民 (not TOU).
  await choose(page, 'field-region', '浙江省');
  await choose(page, 'field-tariff', '居民生活用电（一户一表，不满1千伏）');
  await page.getByTestId('field-month').fill('2025-05');
  await page.getByTestId('field-kwh').fill('200');
  await waitForTotal(page, '¥107.60');
  const rec = page.locator('[data-testid="compare-plan"][data-recommended="true"]');
  await rec.filter({ hasText: '¥97.08' }).waitFor();
  assert.equal(await rec.count(), 1);
  assert.equal(await rec.getAttribute('data-tariff'), 'residential_tou');
  assert.match(await rec.innerText(), /推荐/);
  assert.match(await rec.innerText(), /¥10\.52/);
  const current = page.locator('[data-testid="compare-plan"][data-tariff="residential"]');
  assert.match(await current.innerText(), /当前方案[\s\S]*¥107\.60/);
  assert.match(await page.getByTestId('compare-recommendation').innerText(), /比当前方案“居民生活用电（一户一表，不满1千伏）”少 10\.52 元/);
  assert.match(await page.getByTestId('compare-panel').innerText(), /各方案按同一用电量计算/);
  await page.getByTestId('compare-panel').scrollIntoViewIfNeeded();
  await screenshot(page, 'quote-compare');
  assertClean(assert);
  await context.close();
});

test('the PV calculator gives the golden figures', async () => {
  const { page, assertClean, context } = await openPortal(browser, { path: '/quote' });
  await page.getByRole('tab', { name: '分布式光伏' }).click();
  // tests/golden/quote/pv-zhejiang-household-surplus: 10 kW household, 30 % self-used at 0.538, 35,000 元.
  await choose(page, 'pv-region', '浙江省');
  await page.getByLabel('测算日期').fill('2025-07-01');
  await page.getByTestId('pv-capacity').fill('10');
  await page.getByTestId('pv-self-use').fill('30');
  await page.getByTestId('pv-self-price').fill('0.538');
  await page.getByTestId('pv-investment').fill('35000');
  await page.getByTestId('pv-benefit').filter({ hasText: '¥4,521.10' }).waitFor();
  assert.equal(await page.getByTestId('pv-revenue').innerText(), '¥2,907.10');
  assert.equal(await page.getByTestId('pv-payback').innerText(), '7.74 年');
  const text = await page.getByTestId('pv-result').innerText();
  assert.match(text, /交流380V/);
  assert.match(text, /10,000\.000 kWh/);
  assert.match(text, /7,000\.000 kWh × 0\.4153/);
  await screenshot(page, 'quote-calculator');
  assertClean(assert);
  await context.close();
});

test('English labels after the switch', async () => {
  const { page, assertClean, context } = await openPortal(browser, { path: '/quote' });
  await page.getByRole('button', { name: 'EN' }).click();
  await page.getByRole('heading', { name: 'Bill estimate' }).waitFor();
  await choose(page, 'field-region', 'Zhejiang');
  await choose(page, 'field-tariff', 'Residential time-of-use, one meter per household');
  await page.getByTestId('field-month').fill('2025-03');
  await page.getByTestId('field-kwh').fill('250');
  await page.getByTestId('field-carry-in').fill('2600');
  // tests/golden/quote/estimate-zj-tou-profile, reproduced exactly (total, default profile).
  await waitForTotal(page, '¥126.06');
  const result = await page.getByTestId('quote-result').innerText();
  for (const s of ['Total', 'Bill lines', 'Energy charge', 'Residential tier 1 (Peak)', 'Assumptions', 'Peak 177 kWh']) assert.ok(result.includes(s), s);
  assert.ok(await page.getByText('Customer type (tariff)').isVisible());
  assert.ok(await page.getByRole('heading', { name: 'Compare plans' }).isVisible());
  const sent = JSON.parse(await page.getByTestId('quote-request').textContent());
  assert.deepEqual(sent, { kind: 'estimate', region: 'zhejiang', tariff: 'residential_tou', month: '2025-03', usage: { kwh: '250' }, residential: { carry_in_kwh: '2600' } });
  await screenshot(page, 'quote-en');
  assertClean(assert);
  await context.close();
});

test('the page works on a 375 px phone', async () => {
  const { page, assertClean, context } = await openPortal(browser, { path: '/quote', viewport: { width: 375, height: 800 } });
  await zhejiangTou(page, { month: '2025-03', peak: '177', valley: '73', carryIn: '2600' });
  await waitForTotal(page, '¥126.06');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  await screenshot(page, 'quote-phone');
  assertClean(assert);
  await context.close();
});
