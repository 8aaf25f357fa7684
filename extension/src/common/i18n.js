// Fills an extension page's text from _locales. Markup names keys in data-i18n (textContent),
// data-i18n-placeholder and data-i18n-label (aria-label); nothing is ever set as HTML.
import { api } from "./browser.js";

/** @param {string} key @param {string[]} [params] */
export function t(key, params) {
  return api.i18n.getMessage(key, params) || key;
}

/**
 * An error from the background ({code, params}) in the reader's language.
 * @param {{code: string, params?: string[]} | null | undefined} error
 */
export function errorText(error) {
  if (!error) return "";
  return api.i18n.getMessage(error.code, error.params || []) || error.code;
}

/** @param {ParentNode} scope */
export function localize(scope) {
  for (const node of scope.querySelectorAll("[data-i18n]")) node.textContent = t(/** @type {HTMLElement} */ (node).dataset.i18n || "");
  for (const node of scope.querySelectorAll("[data-i18n-placeholder]")) {
    const input = /** @type {HTMLInputElement} */ (node);
    input.placeholder = t(input.dataset.i18nPlaceholder || "");
  }
  for (const node of scope.querySelectorAll("[data-i18n-label]")) node.setAttribute("aria-label", t(/** @type {HTMLElement} */ (node).dataset.i18nLabel || ""));
  document.documentElement.lang = api.i18n.getUILanguage();
}
