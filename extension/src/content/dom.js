// What the panels and badges are built with: one element helper that only ever makes text nodes
// from strings (list text is never parsed as HTML), localized strings, page-level styles, and X's
// three themes as variables.
(() => {
  const W = (globalThis.Wedgewatch = globalThis.Wedgewatch || {});

  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    Object.assign(e, props);
    for (const c of children) e.append(c); // strings become text nodes
    return e;
  }

  // Matched to X's light, dim and dark themes; the host's data-theme attribute picks one.
  const THEME_CSS = `
:host, :host([data-theme="light"]) { --bg: #ffffff; --fg: #0f1419; --muted: #536471; --line: #cfd9de; --accent: #1d9bf0; }
:host([data-theme="dim"]) { --bg: #15202b; --fg: #f7f9f9; --muted: #8b98a5; --line: #38444d; --accent: #1d9bf0; }
:host([data-theme="dark"]) { --bg: #000000; --fg: #e7e9ea; --muted: #71767b; --line: #2f3336; --accent: #1d9bf0; }`;

  /** A localized string; the key itself when a locale lacks it, so a gap shows, never breaks. */
  const t = (key, subs) => chrome.i18n.getMessage(key, subs) || key;

  // Page-level rules (outside any shadow root), added once per page for each attribute that needs them.
  const pageStyles = new Set();
  function addPageStyle(attr, css) {
    if (pageStyles.has(attr)) return;
    const style = document.createElement("style");
    style.setAttribute(attr + "-style", "");
    style.textContent = css;
    (document.head || document.documentElement).appendChild(style);
    pageStyles.add(attr);
  }

  W.dom = Object.freeze({ el, t, addPageStyle, THEME_CSS });
})();
