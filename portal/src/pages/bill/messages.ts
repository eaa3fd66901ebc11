// Texts of the bill page, under `bill.` in vue-i18n.
export default {
  zh: {},
  en: {},
};
