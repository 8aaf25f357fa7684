// The warning over a flagged post: a panel in its own Shadow DOM (X's styles can't reach it, ours
// can't leak), plus one page stylesheet that blurs or collapses the post beneath it.
// Everything that comes from a list is set as text: a list is data, never markup.
import * as campaignView from "./campaign-view.js";
import { addPageStyle, childWith, cloneHost, contentOf, el, guardEvents, showIn, styleShadow, t, THEME_CSS } from "./dom.js";
import { OVERLAY_ATTR as ATTR } from "./selectors.js";
import { theme } from "./theme.js";

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
a { color: var(--accent); }` + campaignView.LINE_CSS + THEME_CSS;

/** Only web links: a list's homepage could say "javascript:". */
function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : "";
  } catch {
    return "";
  }
}

const DETAILS_ID = "ww-details";

/** Fills the "Why?" box the first time it opens: most panels are never asked why. */
function fillDetails(box, w) {
  box.append(el("p", { className: "note" }, t("overlay_rule", [w.match.rule, w.match.family])));
  if (w.words) box.append(el("p", { className: "note" }, t("overlay_words", [w.words])));
  if (w.examples.length) {
    box.append(el("p", { className: "note" }, t("overlay_examples")));
    box.append(el("ul", {}, ...w.examples.slice(0, 3).map((x) => el("li", {}, x))));
  }
  const home = safeUrl(w.homepage);
  if (home) box.append(el("a", { href: home, target: "_blank", rel: "noopener noreferrer" }, t("overlay_homepage", [w.listTitle])));
}

// A panel's host, shadow root and the parts of a panel that are the same on every post, built
// once per page and then cloned whole (the root is clonable): one call instead of making,
// labelling and translating each element again. Keyed by warned/revealed: the heading and the
// buttons differ. {host, theme}: the theme its copies carry.
const templates = {};

/**
 * section.panel > p.line (strong + the matched words), p.why, then div.buttons: show or hide
 * again, why, not a wedge. The line and why are filled per post; the "Why?" box is made when
 * first opened.
 */
function panelTemplate(revealed) {
  const root = el("section", { className: revealed ? "panel compact" : "panel" });
  root.setAttribute("role", "region");
  root.setAttribute("aria-label", t("overlay_region"));
  root.append(el("p", { className: "line" }, el("strong", {}, t(revealed ? "overlay_revealed" : "overlay_heading")), ""));
  root.append(el("p", { className: "why" }, ""));
  const toggle = revealed
    ? el("button", { type: "button" }, t("overlay_hide_again"))
    : el("button", { type: "button", className: "primary" }, t("overlay_show"));
  toggle.setAttribute("data-action", revealed ? "hide" : "show");
  const why = el("button", { type: "button" }, t("overlay_why"));
  why.setAttribute("data-action", "why");
  why.setAttribute("aria-expanded", "false");
  const notWedge = el("button", { type: "button" }, t("overlay_not_wedge"));
  notWedge.setAttribute("data-action", "not-wedge");
  root.append(el("div", { className: "buttons" }, toggle, why, notWedge));
  return root;
}

function template(revealed) {
  const key = revealed ? "revealed" : "warn";
  let tpl = templates[key];
  if (!tpl) {
    const host = document.createElement("div");
    host.setAttribute(ATTR, "");
    const shadow = host.attachShadow({ mode: "open", clonable: true });
    styleShadow(shadow, PANEL_CSS);
    shadow.append(panelTemplate(revealed));
    tpl = templates[key] = { host, theme: "" };
  }
  const th = theme();
  if (tpl.theme !== th) tpl.host.setAttribute("data-theme", (tpl.theme = th));
  return tpl.host;
}

/**
 * Fills a copy of the panel for a warning w = {match, listTitle, publisher, homepage, examples,
 * words (the post's words the rule matched), inQuote, truncated, revealed, marked (the note on
 * the reader's own mark, or "")}. Its buttons act through onPanelClick (see dom.guardEvents).
 */
function fill(root, w) {
  const line = root.firstChild;
  const why = line.nextSibling;
  const buttons = root.lastChild;
  line.lastChild.data = t("overlay_matched", [w.match.family, w.listTitle, w.publisher || t("overlay_no_publisher")]);
  why.firstChild.data = w.match.explanation;
  // Notes and the repeated-wording line go between the words and the buttons.
  if (w.inQuote) buttons.before(el("p", { className: "note" }, t("overlay_in_quote")));
  if (w.truncated) buttons.before(el("p", { className: "note" }, t("overlay_truncated")));
  if (w.marked) buttons.before(el("p", { className: "note", role: "status" }, w.marked));
  if (w.repeat) setRepeat(root, w.repeat); // flagged and repeated: one panel says both
  if (w.marked) buttons.lastChild.remove(); // already marked: no second "Not a wedge"
  return root;
}

/** host -> the warning its panel shows now. */
const shown = new WeakMap();

/** What a press of "Show post", "Hide again" or "Not a wedge post" does: onAction(action, article, w). */
let onAction = (/** @type {string} */ _action, /** @type {Element} */ _article, /** @type {any} */ _w) => {};

/** Calls handler(action, article, w) when the reader presses show, hide or not-wedge on article's panel for w. */
export function onPanelAction(handler) {
  onAction = handler;
}

/** A click on one of a panel's buttons (keyboard activation arrives as a click too). */
function onPanelClick(host, button) {
  const w = shown.get(host);
  if (!w) return;
  const action = button.getAttribute("data-action");
  if (action === "why") toggleDetails(host.shadowRoot, button, w);
  else if (action === "show" || action === "hide" || action === "not-wedge") onAction(action, host.parentElement, w);
  else campaignView.onClick(host, button); // the repeated-wording line inside the panel
}
guardEvents(ATTR, onPanelClick);

function toggleDetails(shadow, why, w) {
  let box = shadow.getElementById(DETAILS_ID);
  if (!box) {
    box = el("div", { className: "details", id: DETAILS_ID, hidden: true });
    fillDetails(box, w);
    why.closest("section").append(box);
    why.setAttribute("aria-controls", DETAILS_ID);
  }
  box.hidden = !box.hidden;
  why.setAttribute("aria-expanded", String(!box.hidden));
}

/**
 * Would warnings a and b show the same panel, apart from the repeated-wording line? Every field
 * counts, a field added later too, except where in the text the match sits (not shown).
 */
function samePanel(a, b) {
  for (const k in a) if (k !== "repeat" && k !== "match" && !same(a[k], b[k])) return false;
  for (const k in a.match) if (k !== "span" && !same(a.match[k], b.match[k])) return false;
  return true;
}

/** Equal values, or arrays of equal values (the examples are a new array after lists reload). */
function same(x, y) {
  return x === y || (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i]));
}

/** Puts, removes or replaces the repeated-wording line of a panel: it goes last before the buttons. */
function setRepeat(section, repeat) {
  const old = section.querySelector(":scope > .campaign");
  if (!repeat) {
    if (old) old.remove();
  } else if (old) {
    old.replaceWith(campaignView.section(repeat));
  } else {
    section.querySelector(":scope > .buttons").before(campaignView.section(repeat));
  }
}

/**
 * Puts (or replaces) the panel at the top of the article. When only the repeated-wording count
 * changed, only that line is redone: the rest of the panel (and a "Why?" box the reader opened)
 * stays as it is.
 */
export function show(article, w) {
  addPageStyle(ATTR, PAGE_CSS);
  let host = childWith(article, ATTR);
  const before = host && shown.get(host);
  if (!before) {
    if (host) host.remove(); // in a copy of a decorated post: not a panel of ours to update
    host = cloneHost(template(w.revealed), PANEL_CSS);
    fill(contentOf(host.shadowRoot), w); // filled before it is in the page: one insertion
    shown.set(host, w);
    article.prepend(host);
    return;
  }
  const th = theme();
  if (host.getAttribute("data-theme") !== th) host.setAttribute("data-theme", th);
  shown.set(host, w);
  const old = contentOf(host.shadowRoot);
  if (old && samePanel(before, w)) setRepeat(old, w.repeat);
  else showIn(host.shadowRoot, fill(contentOf(template(w.revealed).shadowRoot).cloneNode(true), w));
}

export function remove(article) {
  const host = childWith(article, ATTR);
  if (host) host.remove();
}
