// The two shared components as a page uses them: the core's issues in the
// page's language with their code and field, and an amount as on a bill.
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import type { Issue } from '@powerdesk/core';
import { i18n, setLocale } from '../i18n';
import IssueList from './IssueList.vue';
import AmountText from './AmountText.vue';

// As the core reports it (tests/golden/validate/error-phone-and-name-invalid).
const phone: Issue = {
  code: 'PD_PHONE_INVALID',
  path: '/contact/phone',
  severity: 'error',
  message: { zh: '手机号码应为 11 位数字，当前为 10 位', en: 'a mobile number has 11 digits, not 10' },
};

describe('IssueList', () => {
  it('shows each issue in the page language with its code and path', async () => {
    setLocale('zh');
    const w = mount(IssueList, { props: { issues: [phone], title: '请改正' }, global: { plugins: [i18n] } });
    const item = w.get('li');
    expect(item.attributes('data-code')).toBe('PD_PHONE_INVALID');
    expect(item.attributes('data-path')).toBe('/contact/phone');
    expect(item.text()).toBe('手机号码应为 11 位数字，当前为 10 位 PD_PHONE_INVALID · /contact/phone');
    expect(w.get('[role="alert"]').text()).toContain('请改正');
    setLocale('en');
    await w.vm.$nextTick();
    expect(w.get('li').text()).toContain('a mobile number has 11 digits, not 10');
    setLocale('zh');
  });

  it('renders nothing when there is nothing wrong', () => {
    const w = mount(IssueList, { props: { issues: [] }, global: { plugins: [i18n] } });
    expect(w.find('[role="alert"]').exists()).toBe(false);
  });
});

describe('AmountText', () => {
  it('shows the core’s amount as on a bill', () => {
    expect(mount(AmountText, { props: { value: '1234.5' } }).text()).toBe('¥1,234.50');
    expect(mount(AmountText, { props: { value: '118.50' } }).text()).toBe('¥118.50');
  });
});
