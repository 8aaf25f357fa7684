// What the panels and badges build their Shadow DOM with: one element helper that only ever makes
// text nodes from strings (list text is never parsed as HTML), and X's three themes as variables.
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

  W.dom = Object.freeze({ el, THEME_CSS });
})();
