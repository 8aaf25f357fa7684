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

  /**
   * A localized string; the key itself when a locale lacks it, so a gap shows, never breaks.
   * Each message is asked of chrome.i18n once, with markers for its substitutions, and then
   * filled in here: a call crosses into the browser's bindings, and counts and titles vary.
   */
  const templates = new Map();
  const MARK = 0xe000; // private-use characters stand for substitution i until it is filled in
  function t(key, subs) {
    const n = subs ? subs.length : 0;
    const id = n ? key + "\u0000" + n : key;
    let template = templates.get(id);
    if (template === undefined) {
      const marks = Array.from({ length: n }, (_, i) => String.fromCharCode(MARK + i));
      template = chrome.i18n.getMessage(key, n ? marks : undefined) || key;
      templates.set(id, template);
    }
    return n ? template.replace(/[\ue000-\ue008]/g, (c) => String(subs[c.charCodeAt(0) - MARK])) : template;
  }

  // One parsed stylesheet per CSS text, adopted by every shadow root that uses it: a <style> per
  // root made the browser parse and index the same rules once per panel or badge.
  const sheets = new Map();
  let adoptable = true; // false: this browser won't adopt a sheet made in a content script
  function styleShadow(shadow, css) {
    if (adoptable) {
      try {
        let sheet = sheets.get(css);
        if (!sheet) {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          sheets.set(css, sheet);
        }
        shadow.adoptedStyleSheets = [sheet];
        return;
      } catch {
        // Firefox: a sheet made in a content script can't be adopted by the page's shadow root
        // ("Accessing from Xray wrapper is not supported", bugzil.la/1770592).
        adoptable = false;
      }
    }
    shadow.append(el("style", {}, css));
  }

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

  // The article is one big link to the post: clicks and keys on our panels must not reach X's handlers.
  const STOPPED = ["click", "keydown", "keyup", "mousedown", "mouseup", "pointerdown", "pointerup"];
  function stop(e) {
    e.stopPropagation();
  }
  function keepEventsIn(host) {
    for (const type of STOPPED) host.addEventListener(type, stop);
  }

  W.dom = Object.freeze({ el, t, addPageStyle, styleShadow, keepEventsIn, THEME_CSS });
})();
