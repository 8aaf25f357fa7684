// How "Same wording seen from N accounts" looks: a calm line with a details toggle listing when
// the wording was seen (from this browser's own history). Inside the warning panel when the post
// is also flagged (one overlay saying both), else in a small badge of its own, in its own Shadow
// DOM like the panel. A fact about the wording, not a verdict: it applies to any post.
import { api } from "../common/browser.js";
import { MSG } from "../common/messages.js";
import { addPageStyle, childWith, el, guardEvents, showIn, styleShadow, t, THEME_CSS } from "./dom.js";
import { CAMPAIGN_ATTR as ATTR } from "./selectors.js";
import { theme } from "./theme.js";

// X lays the article out as a flex row: the badge takes a line of its own above the post. The
// article carrying a badge is marked by an attribute, not found by :has(), which would have the
// browser check every change X makes to the page against it.
const WITH_BADGE = "data-wedgewatch-badged";
const PAGE_CSS = `
article[${WITH_BADGE}] { flex-wrap: wrap !important; }
article > [${ATTR}] { flex: 0 0 100%; min-width: 0; }`;

// The line itself, in a badge or in a warning panel (whose stylesheet includes it).
export const LINE_CSS = `
.campaign { margin: 6px 0 0; }
.campaign button { font: inherit; padding: 0 8px; margin-left: 6px; border-radius: 999px; cursor: pointer;
border: 1px solid var(--line); background: transparent; color: inherit; }
.campaign button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.campaign ul { margin: 4px 0; padding-left: 20px; }`;

const BADGE_CSS = `
:host { display: block; contain: content; }
.badge { margin: 6px 12px 0; padding: 4px 10px; border-radius: 10px; border: 1px solid var(--line);
color: var(--muted); font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }` + LINE_CSS + THEME_CSS;

function headline(info) {
  const n = String(info.count);
  return info.windowDays === 7 ? t("campaign_seen_week", [n]) : t("campaign_seen_days", [n, String(info.windowDays)]);
}

/** Fills the list on first open; the times come from the background's local index. */
async function fillTimes(list, text) {
  const r = await api.runtime.sendMessage({ type: MSG.CAMPAIGN_DETAILS, text }).catch(() => null);
  const times = (r && r.ok && r.times) || [];
  list.replaceChildren(...times.map((ms) => el("li", {}, new Date(ms).toLocaleString())));
  if (!times.length) list.append(el("li", {}, t("campaign_no_times")));
}

const TIMES_ID = "ww-campaign-times";
let template = null;

/**
 * div.campaign > span.line and the details toggle: made once, then cloned. The details are made
 * when first opened: most lines are never asked when, and every element made costs the page.
 */
function sectionTemplate() {
  const box = el("div", { className: "campaign" });
  const toggle = el("button", { type: "button" }, t("campaign_when"));
  toggle.setAttribute("data-action", "campaign-details");
  toggle.setAttribute("aria-expanded", "false");
  box.append(el("span", { className: "line" }), toggle);
  return box;
}

function openDetails(box, toggle, text) {
  let details = box.querySelector(`#${TIMES_ID}`);
  if (!details) {
    details = el("div", { id: TIMES_ID, hidden: true }, el("p", { className: "note" }, t("campaign_local_only")), el("ul", {}));
    box.append(details);
    toggle.setAttribute("aria-controls", TIMES_ID);
  }
  details.hidden = !details.hidden;
  toggle.setAttribute("aria-expanded", String(!details.hidden));
  if (!details.hidden) fillTimes(details.lastChild, text);
}

/** campaign line -> the wording it counts, for its details. */
const wordings = new WeakMap();

/** The campaign line for info = {count, windowDays, text}, with its keyboard-operable details. */
export function section(info) {
  const box = (template ||= sectionTemplate()).cloneNode(true);
  box.setAttribute("data-campaign-count", String(info.count));
  box.firstChild.textContent = headline(info);
  wordings.set(box, info.text);
  return box;
}

/** A click on a button of a campaign line, in a badge or in a warning panel (see dom.guardEvents). */
export function onClick(host, button) {
  if (button.getAttribute("data-action") !== "campaign-details") return;
  const box = button.closest(".campaign");
  if (box && wordings.has(box)) openDetails(box, button, wordings.get(box));
}
guardEvents(ATTR, onClick);

/** The badge on a post that is not flagged: info, or null to remove it. */
export function badge(article, info) {
  let host = childWith(article, ATTR);
  if (!info) {
    if (host) host.remove();
    if (article.hasAttribute(WITH_BADGE)) article.removeAttribute(WITH_BADGE);
    return;
  }
  const shown = host && host.getAttribute("data-count") === String(info.count) + "/" + info.windowDays;
  if (shown) return;
  addPageStyle(ATTR, PAGE_CSS);
  if (!host) {
    host = document.createElement("div");
    host.setAttribute(ATTR, "");
    styleShadow(host.attachShadow({ mode: "open" }), BADGE_CSS);
    article.prepend(host);
  }
  if (!article.hasAttribute(WITH_BADGE)) article.setAttribute(WITH_BADGE, "");
  host.setAttribute("data-count", String(info.count) + "/" + info.windowDays);
  host.setAttribute("data-theme", theme());
  const root = section(info);
  root.classList.add("badge");
  root.setAttribute("role", "note");
  root.setAttribute("aria-label", t("campaign_region"));
  showIn(host.shadowRoot, root);
}
