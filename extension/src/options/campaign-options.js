// The options for "same wording from many accounts": on/off, threshold, window, and
// clearing the history. Like the rest of the page, changes go to the background as messages.
import { api } from '../common/browser.js';
import { withDefaults } from '../common/defaults.js';
import { t } from '../common/i18n.js';
import { MSG } from '../common/messages.js';

/** A page element by id (any: inputs, buttons and lists alike). */
const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));

async function render() {
  const { settings } = await api.storage.local.get('settings');
  const c = withDefaults(settings).campaign;
  $('campaign-enabled').checked = c.enabled;
  // Don't overwrite a number the reader is typing.
  if (document.activeElement !== $('campaign-threshold')) $('campaign-threshold').value = String(c.threshold);
  if (document.activeElement !== $('campaign-window')) $('campaign-window').value = String(c.windowDays);
  document.body.dataset.campaignReady = 'true'; // for the browser tests
}

function set(patch) {
  return api.runtime.sendMessage({ type: MSG.SET_SETTINGS, patch: { campaign: patch } });
}

/** A whole number within the input's own min and max, or null. */
function numberIn(input) {
  const v = Number(input.value);
  return Number.isInteger(v) && v >= Number(input.min) && v <= Number(input.max) ? v : null;
}

$('campaign-enabled').addEventListener('change', () => set({ enabled: $('campaign-enabled').checked }));
$('campaign-threshold').addEventListener('change', () => {
  const v = numberIn($('campaign-threshold'));
  if (v !== null) set({ threshold: v });
});
$('campaign-window').addEventListener('change', () => {
  const v = numberIn($('campaign-window'));
  if (v !== null) set({ windowDays: v });
});
$('campaign-clear').addEventListener('click', async () => {
  await api.runtime.sendMessage({ type: MSG.CAMPAIGN_CLEAR });
  $('campaign-status').textContent = t('options_campaign_cleared');
});

api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes.settings) render();
});
render();
