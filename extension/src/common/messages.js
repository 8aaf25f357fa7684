// The names of the messages the parts of the extension send to the background (and the popup to a tab).
export const MSG = Object.freeze({
  // From a tab on X (and from our pages).
  REPORT: "report",
  STATS: "stats",
  MARK: "mark",
  CAMPAIGN_OBSERVE: "campaign-observe",
  CAMPAIGN_DETAILS: "campaign-details",
  CAMPAIGN_SALT: "campaign-salt",
  COMPILE: "compile",
  CUES: "cues",
  MATCH: "match",
  // From our own pages only.
  UPDATE_NOW: "update-now",
  SUBSCRIBE: "subscribe",
  UNSUBSCRIBE: "unsubscribe",
  SET_LIST: "set-list",
  SET_SETTINGS: "set-settings",
  CHECK_RULES: "check-rules",
  CATALOGUE: "catalogue",
  IMPORT: "import",
  CAMPAIGN_CLEAR: "campaign-clear",
  // From the popup to the tab it was opened on.
  TAB_STATS: "tab-stats",
});
