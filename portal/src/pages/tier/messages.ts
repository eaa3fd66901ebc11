// Texts of the tier page, under `tier.` in vue-i18n.
export default {
  zh: {},
  en: {},
};
