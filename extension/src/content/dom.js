// What the panels and badges are built with: one element helper that only ever makes text nodes
// from strings (list text is never parsed as HTML), localized strings, shared and page-level
// styles, X's three themes as variables, and the one guard that keeps their events from X.
import { el } from "../common/el.js";

export { el };

// Matched to X's light, dim and dark themes; the host's data-theme attribute picks one.
export const THEME_CSS = `
:host, :host([data-theme="light"]) { --bg: #ffffff; --fg: #0f1419; --muted: #536471; --line: #cfd9de; --accent: #1d9bf0; }
:host([data-theme="dim"]) { --bg: #15202b; --fg: #f7f9f9; --muted: #8b98a5; --line: #38444d; --accent: #1d9bf0; }
:host([data-theme="dark"]) { --bg: #000000; --fg: #e7e9ea; --muted: #71767b; --line: #2f3336; --accent: #1d9bf0; }`;

/**
 * A localized string; the key itself when a locale lacks it, so a gap shows, never breaks.
 * Each message is asked of chrome.i18n once (a call crosses into the browser's bindings), with
 * markers for its substitutions, which are then filled in here; results are remembered too,
 * since the same few strings come back on every panel.
 */
const MARK = 0xe000; // private-use characters stand for substitution i until it is filled in
/** key + count of substitutions -> [text, i, text, i, ..., text] */
const templates = new Map();
const messages = new Map();

function template(key, n) {
  const id = key + "\u0000" + n;
  let parts = templates.get(id);
  if (!parts) {
    const marks = Array.from({ length: n }, (_, i) => String.fromCharCode(MARK + i));
    const message = chrome.i18n.getMessage(key, n ? marks : undefined) || key;
    parts = [""];
    for (const c of message) {
      const i = c.charCodeAt(0) - MARK;
      if (i >= 0 && i < n) parts.push(i, "");
      else parts[parts.length - 1] += c;
    }
    templates.set(id, parts);
  }
  return parts;
}

export function t(key, subs) {
  const id = subs ? key + "\u0000" + subs.join("\u0000") : key;
  let m = messages.get(id);
  if (m === undefined) {
    if (messages.size >= 1000) messages.clear(); // counts and titles vary: stay small
    const parts = template(key, subs ? subs.length : 0);
    m = parts[0];
    for (let k = 1; k < parts.length; k += 2) m += String(subs[parts[k]]) + parts[k + 1];
    messages.set(id, m);
  }
  return m;
}

// One parsed stylesheet per CSS text, adopted by every shadow root that uses it: a <style> per
// root made the browser parse and index the same rules once per panel or badge.
const sheets = new Map();
let adoptable = true; // false: this browser won't adopt a sheet made in a content script
export function styleShadow(shadow, css) {
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

/**
 * A copy of host with its shadow root, made clonable and styled with css by styleShadow: the
 * whole panel in one call. An adopted sheet is not copied with the root (a <style> is).
 */
export function cloneHost(host, css) {
  const copy = host.cloneNode(true);
  if (!copy.shadowRoot) {
    // A browser without clonable shadow roots (Chrome before 124).
    styleShadow(copy.attachShadow({ mode: "open" }), css);
    copy.shadowRoot.append(contentOf(host.shadowRoot).cloneNode(true));
  } else if (adoptable) {
    copy.shadowRoot.adoptedStyleSheets = [sheets.get(css)];
  }
  return copy;
}

// Page-level rules (outside any shadow root), added once per page for each attribute that needs them.
const pageStyles = new Set();
export function addPageStyle(attr, css) {
  if (pageStyles.has(attr)) return;
  const style = document.createElement("style");
  style.setAttribute(attr + "-style", "");
  style.textContent = css;
  (document.head || document.documentElement).appendChild(style);
  pageStyles.add(attr);
}

/** What a panel's or badge's shadow root shows: its last element, unless that is our <style> alone. */
export function contentOf(shadow) {
  const last = shadow.lastElementChild;
  return last && last.tagName !== "STYLE" ? last : null;
}

/** Shows node in shadow, in place of what it showed before (after our <style>, if the browser needed one). */
export function showIn(shadow, node) {
  const old = contentOf(shadow);
  if (old) old.replaceWith(node);
  else shadow.append(node);
}

/** The child of parent carrying attr, if any: a walk of a few children, not a search of the subtree. */
export function childWith(parent, attr) {
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) if (c.hasAttribute(attr)) return c;
  return null;
}

// The article is one big link to the post: clicks, keys and presses on our panels and badges must
// not reach X's handlers. One capture listener per type on the window, added once, stops them
// before any of X's and hands a click on one of our buttons to its host's handler: a panel or a
// badge needs no listener of its own. From inside a shadow root, an event's target seen from
// the window is the root's host, so telling ours apart is one attribute check, not a path walk.
const STOPPED = ["click", "keydown", "keyup", "mousedown", "mouseup", "pointerdown", "pointerup"];
/** host attribute -> onClick(host, button) */
const hostKinds = new Map();

function guard(e) {
  const host = e.target;
  if (!host || host.nodeType !== Node.ELEMENT_NODE) return;
  for (const [attr, onClick] of hostKinds) {
    if (!host.hasAttribute(attr)) continue;
    e.stopPropagation();
    if (e.type === "click") {
      let inner = e.composedPath()[0];
      if (inner.nodeType !== Node.ELEMENT_NODE) inner = inner.parentElement;
      const button = inner && inner.closest("button[data-action]");
      if (button) onClick(host, button);
    }
    return;
  }
}

/** Keeps events in every element carrying attr, and calls onClick(host, button) for its buttons. */
export function guardEvents(attr, onClick) {
  if (!hostKinds.size) for (const type of STOPPED) window.addEventListener(type, guard, true);
  hostKinds.set(attr, onClick);
}
