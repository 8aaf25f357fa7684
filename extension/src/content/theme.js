// X's three themes (light, dim, dark), as our panels and badges follow them.
import { CAMPAIGN_ATTR, OVERLAY_ATTR } from "./selectors.js";

let computedBackground = "";
/**
 * X's three themes, told apart by the page background. X sets it inline on body, which reads
 * without a style recalculation; getComputedStyle (a forced recalc over the whole timeline) is
 * only the fallback, once.
 */
function readTheme() {
  const bg = document.body.style.backgroundColor || (computedBackground ||= getComputedStyle(document.body).backgroundColor);
  if (bg === "rgb(21, 32, 43)") return "dim";
  if (bg === "rgb(0, 0, 0)") return "dark";
  return "light";
}

// X switches theme (Settings, Display) by repainting body in place, not with a new page: panels
// and badges already shown follow it. Body's style changes rarely (a theme, a dialog's scroll lock),
// so the theme is read once and then only when it does: every panel and badge asks for it.
let followed = "";
export function theme() {
  return (followed ||= readTheme());
}
/** Starts following X's theme: panels and badges already shown take a new one at once. */
export function followTheme() {
  new MutationObserver(() => {
    const th = readTheme();
    if (th === followed) return;
    followed = th;
    for (const host of document.querySelectorAll(`[${OVERLAY_ATTR}], [${CAMPAIGN_ATTR}]`)) host.setAttribute("data-theme", th);
  }).observe(document.body, { attributes: true, attributeFilter: ["style"] });
}
