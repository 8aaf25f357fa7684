// The content script's entry. Its costs are handed to the page's tools as `wedgewatchCosts`
// (the page benchmark reads them); that also marks a page already judged, since a content
// script injected twice (extension reloaded) must leave the page to the first copy.
import { costs } from "./costs.js";
import { start } from "./main.js";

const tools = /** @type {any} */ (globalThis);
if (!tools.wedgewatchCosts) {
  tools.wedgewatchCosts = costs;
  start();
}
