// Fills an extension page's text from _locales. Markup names keys in data-i18n (textContent),
// data-i18n-placeholder and data-i18n-label (aria-label); nothing is ever set as HTML.
(function (root) {
  'use strict';
  const api = root.browser ?? root.chrome;

  function t(key, params) {
    return api.i18n.getMessage(key, params) || key;
  }

  // An error from the background ({code, params}) in the reader's language.
  function errorText(error) {
    if (!error) return '';
    return api.i18n.getMessage(error.code, error.params || []) || error.code;
  }

  function localize(scope) {
    for (const el of scope.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of scope.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
    for (const el of scope.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
    document.documentElement.lang = api.i18n.getUILanguage();
  }

  root.WedgewatchI18n = { t, errorText, localize };
})(globalThis);
