// Texts of the apply page, under `apply.` in vue-i18n.
export default {
  zh: {},
  en: {},
};
