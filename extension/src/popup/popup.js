// The toolbar popup: what was warned on this tab, a one-hour pause, and the way to options.
import { api } from '../common/browser.js';
import { withDefaults } from '../common/defaults.js';
import { localize, t } from '../common/i18n.js';
import { MSG } from '../common/messages.js';
/** A page element by id (any: inputs, buttons and lists alike). */
const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));
const HOUR = 3600 * 1000;

// Counts come from the tab's content script; a tab that is not on X has none to answer.
async function showTabStats() {
  let stats = null;
  try {
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    if (tab && tab.id !== undefined) stats = await api.tabs.sendMessage(tab.id, { type: MSG.TAB_STATS });
  } catch (e) {
    stats = null;
  }
  $('tab-stats').textContent = stats
    ? t('popup_tab_stats', [String(stats.warned || 0), String(stats.judged || 0)])
    : t('popup_not_on_x');
}

async function showPause() {
  const { settings } = await api.storage.local.get('settings');
  const until = withDefaults(/** @type {any} */ (settings)).pausedUntil;
  const paused = until > Date.now();
  $('paused').textContent = paused
    ? t('popup_paused_until', [new Date(until).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })]) : '';
  $('pause').hidden = paused;
  $('resume').hidden = !paused;
}

function setPause(until) {
  return api.runtime.sendMessage({ type: MSG.SET_SETTINGS, patch: { pausedUntil: until } });
}

$('pause').addEventListener('click', async () => { await setPause(Date.now() + HOUR); await showPause(); $('resume').focus(); });
$('resume').addEventListener('click', async () => { await setPause(0); await showPause(); $('pause').focus(); });
$('open-options').addEventListener('click', () => { api.runtime.openOptionsPage(); window.close(); });

localize(document);
showTabStats();
showPause();
