// Export and import of all settings as one JSON file. Subscriptions travel as their URL and
// pinned root or key, not their text: an import fetches and checks every list again, like a new
// subscription, so a hand-edited file cannot smuggle in a list that was never verified.
import { normalizeHandle } from '../common/handle.js';

export { normalizeHandle };

export const FORMAT = 'wedgewatch-settings';
const ACTIONS = [null, 'label', 'blur', 'hide'];

export function exportSettings(lists, settings, now) {
  const entries = Object.values(lists);
  return {
    format: FORMAT, version: 1, exported: new Date(now).toISOString(),
    settings: {
      disabledRules: settings.disabledRules, userRules: settings.userRules,
      allowlist: settings.allowlist, reportsOptIn: settings.reportsOptIn, reportsIncludeText: settings.reportsIncludeText === true,
      ...(settings.campaign ? { campaign: settings.campaign } : {}),
    },
    builtin: entries.filter((e) => e.source === 'builtin').map((e) => ({ id: e.id, enabled: e.enabled, action: e.action })),
    subscriptions: entries.filter((e) => e.source === 'url').map((e) => ({
      id: e.id, url: e.url, enabled: e.enabled, action: e.action, pinnedRoot: e.pinnedRoot || null,
      pinnedKey: e.pinnedKey, keyId: e.keyId,
    })),
  };
}

// Returns {data} with only known, well-typed fields, or {error: messageKey}.
export function parseImport(json) {
  let d;
  try { d = typeof json === 'string' ? JSON.parse(json) : json; } catch (e) { return { error: 'options_import_not_json' }; }
  if (!d || d.format !== FORMAT || d.version !== 1) return { error: 'options_import_wrong_format' };
  const s = d.settings || {};
  const str = (v) => (typeof v === 'string' ? v : '');
  const action = (a) => (ACTIONS.includes(a) ? a : null);
  const arr = (v) => (Array.isArray(v) ? v : []);
  return {
    data: {
      settings: {
        disabledRules: arr(s.disabledRules).filter((r) => typeof r === 'string' && /^[a-z0-9-]+\/[A-Za-z0-9_.-]+$/.test(r)),
        userRules: str(s.userRules).slice(0, 200000),
        allowlist: [...new Set(arr(s.allowlist).map(normalizeHandle).filter(Boolean))],
        reportsOptIn: s.reportsOptIn === true,
        reportsIncludeText: s.reportsIncludeText === true,
        // Only the three known fields; the background checks their ranges (campaign-store sanitize).
        ...(s.campaign && typeof s.campaign === 'object'
          ? { campaign: { enabled: s.campaign.enabled, threshold: s.campaign.threshold, windowDays: s.campaign.windowDays } }
          : {}),
      },
      builtin: arr(d.builtin).filter((b) => b && typeof b.id === 'string')
        .map((b) => ({ id: b.id, enabled: b.enabled !== false, action: action(b.action) })),
      subscriptions: arr(d.subscriptions).filter((x) => x && typeof x.url === 'string')
        .map((x) => ({ url: x.url, enabled: x.enabled !== false, action: action(x.action),
          pinnedRoot: typeof x.pinnedRoot === 'string' && /^[0-9a-f]{64}$/.test(x.pinnedRoot) ? x.pinnedRoot : null,
          pinnedKey: typeof x.pinnedKey === 'string' ? x.pinnedKey : null,
          keyId: typeof x.keyId === 'string' ? x.keyId : null })),
    },
  };
}
