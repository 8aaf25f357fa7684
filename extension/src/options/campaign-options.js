// The options for "same wording from many accounts" (issue 5): on/off, threshold, window, and
// clearing the history. Like the rest of the page, changes go to the background as messages.
'use strict';

(function () {
  const api = globalThis.browser ?? globalThis.chrome;
  const { t } = globalThis.WedgewatchI18n;
  const $ = (id) => document.getElementById(id);
  const DEFAULTS = { enabled: true, threshold: 3, windowDays: 7 };

  async function render() {
    const { settings } = await api.storage.local.get('settings');
    const c = { ...DEFAULTS, ...((settings && settings.campaign) || {}) };
    $('campaign-enabled').checked = c.enabled;
    // Don't overwrite a number the reader is typing.
    if (document.activeElement !== $('campaign-threshold')) $('campaign-threshold').value = String(c.threshold);
    if (document.activeElement !== $('campaign-window')) $('campaign-window').value = String(c.windowDays);
    document.body.dataset.campaignReady = 'true'; // for the browser tests
  }

  function set(patch) {
    return api.runtime.sendMessage({ type: 'set-settings', patch: { campaign: patch } });
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
    await api.runtime.sendMessage({ type: 'campaign-clear' });
    $('campaign-status').textContent = t('options_campaign_cleared');
  });

  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.settings) render();
  });
  render();
})();
