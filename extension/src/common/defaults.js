// The reader's settings as a fresh install has them, written once: the background, the content
// script and the pages all read settings through withDefaults.

/** Where the bundled list sits inside the extension package. */
export const BUILTIN_PATH = "lists/coalition-defense.txt";

/** "The same wording from many accounts": on, from three accounts, within a week. */
export const CAMPAIGN_DEFAULTS = Object.freeze({ enabled: true, threshold: 3, windowDays: 7 });

/**
 * @typedef {{enabled: boolean, threshold: number, windowDays: number}} CampaignSettings
 * @typedef {{disabledRules: string[], userRules: string, allowlist: string[], reportsOptIn: boolean,
 *   reportsIncludeText: boolean, pausedUntil: number, campaign: CampaignSettings}} Settings
 */

/** @returns {Settings} */
export function defaultSettings() {
  return {
    disabledRules: [], userRules: "", allowlist: [], reportsOptIn: false, reportsIncludeText: false, pausedUntil: 0,
    campaign: { ...CAMPAIGN_DEFAULTS },
  };
}

/**
 * Stored settings with every missing field, the campaign's included, filled from the defaults.
 * @param {Partial<Settings> | undefined | null} stored
 * @returns {Settings}
 */
export function withDefaults(stored) {
  const s = stored || {};
  return { ...defaultSettings(), ...s, campaign: sanitizeCampaign(s.campaign) };
}

/**
 * The campaign settings with every field checked, so a bad import cannot break counting.
 * @param {any} c
 * @returns {CampaignSettings}
 */
export function sanitizeCampaign(c) {
  const d = CAMPAIGN_DEFAULTS;
  if (!c || typeof c !== "object") return { ...d };
  /** @type {(v: any, lo: number, hi: number, dflt: number) => number} */
  const int = (v, lo, hi, dflt) => (Number.isInteger(v) && v >= lo && v <= hi ? v : dflt);
  return {
    enabled: typeof c.enabled === "boolean" ? c.enabled : d.enabled,
    threshold: int(c.threshold, 2, 100, d.threshold),
    windowDays: int(c.windowDays, 1, 90, d.windowDays),
  };
}
