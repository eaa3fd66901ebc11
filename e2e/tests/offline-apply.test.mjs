// Offline 报装: an application submitted without network is kept on the
// device as queued, survives a reload, and is sent once — with its stored
// idempotency key — when the network returns; reconnecting or reloading
// again never stores a second one.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPortal, screenshot, waitForCore, waitForOfflineReady, BASE_URL } from '../lib/browser.mjs';
import { tickDocuments } from '../lib/documents.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const APPLICANT = '陈静'; // only this test uses this name
const staff = { headers: { Authorization: `Bearer ${process.env.E2E_STAFF_TOKEN}` } };

/** Stored applications whose applicant is APPLICANT (the staff list names no applicants: each is opened). */
async function storedForApplicant() {
  const list = await (await fetch(`${BASE_URL}/api/v1/staff/applications?limit=500`, staff)).json();
  const numbers = [];
  for (const a of list.result.applications) {
    const one = await (await fetch(`${BASE_URL}/api/v1/staff/applications/${a.number}`, staff)).json();
    if (one.result.application.applicant?.name === APPLICANT) numbers.push(a.number);
  }
  return numbers;
}

async function choose(page, combobox, option) {
  await page.getByRole('combobox', { name: combobox }).click({ force: true });
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function fill(page, testid, value) {
  await page.getByTestId(testid).locator('input').fill(value);
}

test('offline, an application is queued on the device and submitted exactly once when back online', async () => {
  const { page, context, assertClean } = await openPortal(browser, { path: '/apply' });
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.getByTestId('network-state').getByText('离线', { exact: false }).waitFor();

  // The whole flow runs on the core in the browser (values: tests/golden/validate/business-new-lv-residential.request.json).
  await choose(page, '业务类型', '低压居民新装');
  await page.getByTestId('next').click();
  await choose(page, '用电类别', '居民生活');
  await page.getByRole('textbox', { name: '申请容量' }).fill('8');
  await choose(page, '相数', '单相（220 伏）');
  await page.getByTestId('decision').getByText('可以受理').waitFor();
  await page.getByTestId('next').click();
  await fill(page, 'field-applicant-name', APPLICANT);
  await fill(page, 'field-applicant-resident-id', '11010519491231002X');
  await fill(page, 'field-contact-name', '李四');
  await fill(page, 'field-contact-phone', '13812345678');
  await fill(page, 'field-address-text', '浙江省杭州市西湖区文三路90号1栋2单元301室');
  await tickDocuments(page, ['居民身份证', '用电地址物业产权证明（房产证、购房合同或土地使用证明）']);
  await page.getByTestId('form-summary').getByText('已通过核对，可以提交').waitFor({ timeout: 60_000 });
  await page.getByTestId('next').click();
  await page.getByTestId('submit').click();

  const queued = page.getByTestId('queued');
  await queued.getByText('申请已保存在本机，等待联网后自动提交').waitFor();
  const keyText = await queued.getByText('提交编号（防重复）').innerText();
  await screenshot(page, 'apply-queued-offline');
  assert.deepEqual(await storedForApplicant(), []);

  // A reload while offline: the app comes from the service worker, the application is still queued with the same key.
  await page.reload();
  await waitForCore(page);
  await queued.getByText('申请已保存在本机，等待联网后自动提交').waitFor();
  assert.equal(await queued.getByText('提交编号（防重复）').innerText(), keyText);

  // Back online: it is sent by itself.
  await context.setOffline(false);
  await page.getByTestId('submitted').waitFor({ timeout: 30_000 });
  const number = (await page.getByTestId('application-number').innerText()).trim();
  assert.match(number, /^PD20250602\d{6}$/);
  assert.deepEqual(await storedForApplicant(), [number]);

  // Reconnecting twice and reloading again do not make a second one.
  await context.setOffline(true);
  await context.setOffline(false);
  await page.reload();
  await waitForCore(page);
  await page.getByTestId('application-number').getByText(number).waitFor();
  await context.setOffline(true);
  await context.setOffline(false);
  await page.getByTestId('application-number').getByText(number).waitFor();
  assert.deepEqual(await storedForApplicant(), [number]);
  // Offline, the browser logs the requests it could not make.
  assertClean(assert, ['ERR_INTERNET_DISCONNECTED', 'Failed to fetch']);
  await context.close();
});
