// 在线报装: a Zhejiang low-voltage residential 新装 from business type to the
// application number, validated by the core as it is typed. Values from
// tests/golden/validate/business-new-lv-residential.request.json.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPortal, screenshot, BASE_URL } from '../lib/browser.mjs';
import { tickDocuments } from '../lib/documents.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

async function choose(page, combobox, option) {
  await page.getByRole('combobox', { name: combobox }).click({ force: true });
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Steps 1 and 2: 低压居民新装 in Zhejiang, class residential, 8 kVA single-phase. */
async function businessAndFacts(page, shot) {
  await page.getByTestId('apply-step-0').waitFor();
  await choose(page, '业务类型', '低压居民新装');
  await page.getByTestId('business-preview').getByText('装表接电').waitFor();
  if (shot) await screenshot(page, 'apply-business');
  await page.getByTestId('next').click();
  await choose(page, '用电类别', '居民生活');
  await page.getByRole('textbox', { name: '申请容量' }).fill('8');
  await choose(page, '相数', '单相（220 伏）');
  // tests/golden/eligibility: an 8 kVA single-phase residential connection is eligible.
  await page.getByTestId('decision').getByText('可以受理').waitFor();
  await page.getByTestId('next').click();
}

async function fill(page, testid, value) {
  await page.getByTestId(testid).locator('input').fill(value);
}

async function fillForm(page, { name = '张三', id = '11010519491231002X', phone = '13812345678' } = {}) {
  await page.getByTestId('apply-step-2').waitFor();
  await fill(page, 'field-applicant-name', name);
  await fill(page, 'field-applicant-resident-id', id);
  await fill(page, 'field-contact-name', '李四');
  await fill(page, 'field-contact-phone', phone);
  await fill(page, 'field-address-text', '浙江省杭州市西湖区文三路90号1栋2单元301室');
  await fill(page, 'field-address-postal-code', '310012');
  await tickDocuments(page, ['居民身份证', '用电地址物业产权证明（房产证、购房合同或土地使用证明）']);
}

test('an application with errors shows them at the right fields and cannot be submitted', async () => {
  const { page, assertClean, context } = await openPortal(browser, { path: '/apply' });
  await businessAndFacts(page, true);
  // tests/golden/validate/error-resident-id-checksum and error-phone-and-name-invalid: the same two mistakes.
  await fillForm(page, { id: '110105194912310021', phone: '1381234567' });
  await page.getByTestId('field-applicant-resident-id')
    .getByText("居民身份证号码校验码不符：按前 17 位计算，第 18 位应为 'X'，而不是 '1'（请核对每一位数字）", { exact: true }).waitFor();
  await page.getByTestId('field-contact-phone').getByText('手机号码应为 11 位数字，当前为 10 位', { exact: true }).waitFor();
  // Nothing else is wrong: the other fields are clean.
  assert.equal(await page.getByTestId('field-contact-name').locator('.field-issue').count(), 0);
  await page.getByTestId('form-summary').getByText('2 处错误须改正后才能提交').waitFor();
  await screenshot(page, 'apply-errors');
  await page.getByTestId('next').click();
  assert.equal(await page.getByTestId('submit').isDisabled(), true);
  // Correcting both enables the submission.
  await page.getByRole('button', { name: '上一步' }).click();
  await fill(page, 'field-applicant-resident-id', '11010519491231002X');
  await fill(page, 'field-contact-phone', '13812345678');
  await page.getByTestId('form-summary').getByText('已通过核对，可以提交').waitFor();
  await page.getByTestId('next').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="submit"]')?.hasAttribute('disabled'));
  assertClean(assert);
  await context.close();
});

test('a valid application is submitted, stored on the server and its status can be checked', async () => {
  const { page, assertClean, context } = await openPortal(browser, { path: '/apply' });
  await businessAndFacts(page, false);
  await fillForm(page);
  try {
    await page.getByTestId('form-summary').getByText('已通过核对，可以提交').waitFor({ timeout: 60_000 });
  } catch (e) {
    // What the page said instead, for the log of a failed run.
    console.log('DEBUG summary:', await page.getByTestId('form-summary').innerText());
    console.log('DEBUG page:', (await page.locator('main').innerText()).slice(0, 3000));
    throw e;
  }
  await page.getByTestId('next').click();
  // Review: the core's steps for acceptance on 2025-06-02 (docs/process.md; the same dates the server answers):
  // 答复供电方案 2 working days → 2025-06-04, 装表接电 3 more → 2025-06-09, overall 5 → 2025-06-09.
  const review = page.getByTestId('apply-step-3');
  await review.locator('[data-step="supply_plan"] .due').getByText('2025-06-04').waitFor();
  assert.match(await review.getByTestId('review').innerText(), /张三[\s\S]*11010519491231002X[\s\S]*李四 13812345678/);
  assert.match(await review.getByTestId('review-documents').innerText(), /已提供（居民身份证）/);
  await screenshot(page, 'apply-review');
  await page.getByTestId('submit').click();

  const submitted = page.getByTestId('submitted');
  await submitted.waitFor();
  const number = (await page.getByTestId('application-number').innerText()).trim();
  const secret = (await page.getByTestId('application-secret').innerText()).trim();
  assert.match(number, /^PD20250602\d{6}$/);
  assert.match(secret, /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  assert.match(await submitted.locator('[data-step="energization"]').innerText(), /2025-06-09/);
  assert.match(await submitted.getByTestId('overall').innerText(), /2025-06-09/);
  assert.match(await submitted.getByTestId('timeline').innerText(), /提交申请/);
  await screenshot(page, 'apply-submitted');

  // The server stored what was entered.
  const r = await fetch(`${BASE_URL}/api/v1/staff/applications/${number}`, {
    headers: { Authorization: `Bearer ${process.env.E2E_STAFF_TOKEN}` },
  });
  assert.equal(r.status, 200);
  const stored = (await r.json()).result;
  assert.equal(stored.business, 'new_lv_residential');
  assert.equal(stored.region, 'zhejiang');
  assert.deepEqual(stored.application.applicant, { type: 'person', name: '张三', resident_id: '11010519491231002X' });
  assert.deepEqual(stored.application.contact, { name: '李四', phone: '13812345678' });
  assert.deepEqual(stored.application.documents, ['resident_id_card', 'property_proof']);

  // Status by phone: the box is prefilled with the number.
  const box = page.getByTestId('status-check');
  await box.locator('.el-radio-button', { hasText: '联系电话' }).click();
  await box.locator('input').last().fill('138 1234 5678');
  await box.getByRole('button', { name: '查询' }).click();
  await box.getByTestId('status-result').getByText(number).waitFor();
  assert.match(await box.getByTestId('status-result').innerText(), /待派单/);
  assertClean(assert);
  await context.close();
});

test('the form works on a phone', async () => {
  const { page, assertClean, context } = await openPortal(browser, { path: '/apply', viewport: { width: 375, height: 800 } });
  await businessAndFacts(page, false);
  await fillForm(page, { phone: '1381234567' });
  await page.getByTestId('field-contact-phone').getByText('手机号码应为 11 位数字，当前为 10 位').waitFor();
  // The page's own content fits the screen (widest element inside it, against the viewport).
  const overflow = await page.evaluate(() =>
    Math.max(...[...document.querySelectorAll('.apply-page *')].map((e) => e.getBoundingClientRect().right)) - window.innerWidth);
  assert.ok(overflow <= 0, `the apply page is ${overflow}px wider than the screen`);
  await screenshot(page, 'apply-phone');
  assertClean(assert);
  await context.close();
});
