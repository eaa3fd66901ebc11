// Chinese by default, English selectable; the choice is remembered.
import { createI18n } from 'vue-i18n';
import shell from './shell';
import quote from '../pages/quote/messages';
import apply from '../pages/apply/messages';
import bill from '../pages/bill/messages';
import tier from '../pages/tier/messages';

export type Locale = 'zh' | 'en';
const STORAGE_KEY = 'powerdesk.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // storage blocked: fall through to the default
  }
  return 'zh';
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh',
  messages: {
    zh: { ...shell.zh, quote: quote.zh, apply: apply.zh, bill: bill.zh, tier: tier.zh },
    en: { ...shell.en, quote: quote.en, apply: apply.en, bill: bill.en, tier: tier.en },
  },
});

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembered, still switched
  }
}

/** The text of a bilingual core message in the current language. */
export function pick(text: { zh: string; en: string } | undefined): string {
  if (!text) return '';
  return i18n.global.locale.value === 'en' ? text.en : text.zh;
}
