// Texts of the quote page, under `quote.` in vue-i18n.
export default {
  zh: {},
  en: {},
};
