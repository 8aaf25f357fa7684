// The warning over a flagged post: a panel in its own Shadow DOM (X's styles can't reach it, ours
// can't leak), plus one page stylesheet that blurs or collapses the post beneath it.
// Everything that comes from a list is set as text: a list is data, never markup.
(() => {
  const W = globalThis.Wedgewatch;
  const ATTR = "data-wedgewatch-overlay";

  const t = (key, subs) => chrome.i18n.getMessage(key, subs) || key;

  // The post's own children are hidden or blurred, never the panel: the reader always sees why.
  // X lays the article out as a flex row; wrapping gives the panel a line of its own above the post.
  const PAGE_CSS = `
article[data-wedgewatch-action] { flex-wrap: wrap !important; }
article[data-wedgewatch-action] > [${ATTR}] { flex: 0 0 100%; min-width: 0; }
article[data-wedgewatch="warn"][data-wedgewatch-action="blur"] > :not([${ATTR}]) {
  filter: blur(12px) !important; pointer-events: none !important; user-select: none !important; }
article[data-wedgewatch="warn"][data-wedgewatch-action="hide"] > :not([${ATTR}]) { display: none !important; }`;

  const PANEL_CSS = `
:host { display: block; contain: content; }
.panel { margin: 8px 12px; padding: 10px 12px; border-radius: 12px; border: 1px solid var(--line);
  background: var(--bg); color: var(--fg); font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.panel.compact { padding: 6px 12px; }
.line { margin: 0; }
.line strong { margin-right: 4px; }
.why, .note { margin: 4px 0 0; color: var(--muted); }
.buttons { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
button { font: inherit; font-weight: 600; padding: 4px 14px; border-radius: 999px; cursor: pointer;
  border: 1px solid var(--line); background: transparent; color: var(--fg); }
button.primary { background: var(--fg); color: var(--bg); border-color: var(--fg); }
button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.details { margin-top: 8px; padding-top: 8px; border-top: 1px solid var(--line); }
.details ul { margin: 4px 0; padding-left: 20px; }
a { color: var(--accent); }
:host, :host([data-theme="light"]) { --bg: #ffffff; --fg: #0f1419; --muted: #536471; --line: #cfd9de; --accent: #1d9bf0; }
:host([data-theme="dim"]) { --bg: #15202b; --fg: #f7f9f9; --muted: #8b98a5; --line: #38444d; --accent: #1d9bf0; }
:host([data-theme="dark"]) { --bg: #000000; --fg: #e7e9ea; --muted: #71767b; --line: #2f3336; --accent: #1d9bf0; }`;

  let pageStyleAdded = false;
  function addPageStyle() {
    if (pageStyleAdded) return;
    const style = document.createElement("style");
    style.setAttribute(ATTR + "-style", "");
    style.textContent = PAGE_CSS;
    (document.head || document.documentElement).appendChild(style);
    pageStyleAdded = true;
  }

  let computedBackground = "";
  /**
   * X's three themes, told apart by the page background. X sets it inline on body, which reads
   * without a style recalculation; getComputedStyle (a forced recalc over the whole timeline) is
   * only the fallback, once.
   */
  function theme() {
    const bg = document.body.style.backgroundColor || (computedBackground ||= getComputedStyle(document.body).backgroundColor);
    if (bg === "rgb(21, 32, 43)") return "dim";
    if (bg === "rgb(0, 0, 0)") return "dark";
    return "light";
  }

  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    Object.assign(e, props);
    for (const c of children) e.append(c); // strings become text nodes
    return e;
  }

  /** Only web links: a list's homepage could say "javascript:". */
  function safeUrl(url) {
    try {
      const u = new URL(url);
      return u.protocol === "https:" || u.protocol === "http:" ? u.href : "";
    } catch {
      return "";
    }
  }

  function details(w, id) {
    const box = el("div", { className: "details", id, hidden: true });
    box.append(el("p", { className: "note" }, t("overlay_rule", [w.match.rule, w.match.family])));
    if (w.examples.length) {
      box.append(el("p", { className: "note" }, t("overlay_examples")));
      box.append(el("ul", {}, ...w.examples.slice(0, 3).map((x) => el("li", {}, x))));
    }
    const home = safeUrl(w.homepage);
    if (home) box.append(el("a", { href: home, target: "_blank", rel: "noopener noreferrer" }, t("overlay_homepage", [w.listTitle])));
    return box;
  }

  /**
   * The panel for a warning w = {match, listTitle, publisher, homepage, examples, inQuote, truncated,
   * revealed, marked} with actions {show, hide, notWedge}.
   */
  function panel(w, actions) {
    const id = "ww-details";
    const root = el("section", { className: w.revealed ? "panel compact" : "panel" });
    root.setAttribute("role", "region");
    root.setAttribute("aria-label", t("overlay_region"));
    const what = t("overlay_matched", [w.match.family, w.listTitle, w.publisher || t("overlay_no_publisher")]);
    root.append(el("p", { className: "line" }, el("strong", {}, t(w.revealed ? "overlay_revealed" : "overlay_heading")), what));
    root.append(el("p", { className: "why" }, w.match.explanation));
    if (w.inQuote) root.append(el("p", { className: "note" }, t("overlay_in_quote")));
    if (w.truncated) root.append(el("p", { className: "note" }, t("overlay_truncated")));
    if (w.marked) root.append(el("p", { className: "note", role: "status" }, t(w.marked)));
    if (w.repeat) root.append(W.campaignView.section(w.repeat)); // flagged and repeated: one panel says both

    const toggle = w.revealed
      ? el("button", { type: "button", onclick: actions.hide }, t("overlay_hide_again"))
      : el("button", { type: "button", className: "primary", onclick: actions.show }, t("overlay_show"));
    toggle.setAttribute("data-action", w.revealed ? "hide" : "show");
    const why = el("button", { type: "button" }, t("overlay_why"));
    why.setAttribute("data-action", "why");
    why.setAttribute("aria-expanded", "false");
    why.setAttribute("aria-controls", id);
    const box = details(w, id);
    why.onclick = () => {
      box.hidden = !box.hidden;
      why.setAttribute("aria-expanded", String(!box.hidden));
    };
    const buttons = el("div", { className: "buttons" }, toggle, why);
    if (!w.marked) {
      const notWedge = el("button", { type: "button", onclick: actions.notWedge }, t("overlay_not_wedge"));
      notWedge.setAttribute("data-action", "not-wedge");
      buttons.append(notWedge);
    }
    root.append(buttons, box);
    return root;
  }

  /** Puts (or replaces) the panel at the top of the article. */
  function show(article, w, actions) {
    addPageStyle();
    let host = article.querySelector(`:scope > [${ATTR}]`);
    if (!host) {
      host = document.createElement("div");
      host.setAttribute(ATTR, "");
      host.attachShadow({ mode: "open" });
      // The article is one big link to the post: our clicks and keys must not reach X's handlers.
      for (const type of ["click", "keydown", "keyup", "mousedown", "mouseup", "pointerdown", "pointerup"]) {
        host.addEventListener(type, (e) => e.stopPropagation());
      }
      article.prepend(host);
    }
    host.setAttribute("data-theme", theme());
    const style = el("style", {}, PANEL_CSS);
    host.shadowRoot.replaceChildren(style, panel(w, actions));
  }

  function remove(article) {
    const host = article.querySelector(`:scope > [${ATTR}]`);
    if (host) host.remove();
  }

  W.overlay = { show, remove, attr: ATTR, theme };
})();
