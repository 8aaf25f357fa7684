// The options page. It reads storage and renders; every change goes to the background as a
// message, because the background is the one writer of lists and settings.
import { api } from '../common/browser.js';
import { el } from '../common/el.js';
import { errorText, localize, t } from '../common/i18n.js';
import { MSG } from '../common/messages.js';
import * as Storage from '../background/storage.js';
import * as Transfer from '../background/transfer.js';
import * as Updater from '../background/updater.js';
import './campaign-options.js';
import { problemList, render } from './lists-view.js';

/** A page element by id (any: inputs, buttons and lists alike). */
const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));
let state = { lists: {}, settings: {}, stats: {} };

function send(msg) {
  return api.runtime.sendMessage(msg);
}

function say(id, text, isError = false) {
  const node = $(id);
  node.textContent = text;
  node.classList.toggle('error', isError);
}

async function load() {
  state = await Storage.readState(api.storage.local); // settings with the background's defaults
}

const handlers = {
  setList: (id, change) => send({ type: MSG.SET_LIST, id, ...change }),
  async checkNow(id, button) {
    button.disabled = true;
    await send({ type: MSG.UPDATE_NOW, id });
    button.disabled = false;
  },
  remove: (id) => send({ type: MSG.UNSUBSCRIBE, id }),
  // The reader compared the offered root's fingerprint and trusts it: the card redraws from storage.
  async trustRoot(id, trustRoot, button) {
    button.disabled = true;
    const [r] = await send({ type: MSG.UPDATE_NOW, id, trustRoot });
    button.disabled = false;
    $('list-' + id + '-trust-error')?.remove();
    if (r && r.outcome === 'failed' && r.error) button.after(el('p', { className: 'status error', id: 'list-' + id + '-trust-error', text: errorText(r.error) }));
  },
  toggleRule(key, enabled) {
    const set = new Set(state.settings.disabledRules);
    if (enabled) set.delete(key); else set.add(key);
    return send({ type: MSG.SET_SETTINGS, patch: { disabledRules: [...set] } });
  },
};

function renderAll() {
  render($('lists'), state, handlers);
  renderAllowlist();
  $('reports-opt-in').checked = state.settings.reportsOptIn === true;
  $('reports-include-text').checked = state.settings.reportsIncludeText === true;
  $('reports-include-text').disabled = state.settings.reportsOptIn !== true; // no reports, no text to include
}

// Host permission for a list server is asked for here, in the click, and only for that server.
// permissions.request must be the first await of the handler to count as the reader's gesture.
async function withPermission(url, statusId) {
  if (!Updater.isAllowedUrl(url)) {
    say(statusId, errorText({ code: 'bg_error_not_https' }), true);
    return false;
  }
  const granted = await api.permissions.request({ origins: [Updater.originPattern(url)] });
  if (!granted) say(statusId, t('options_permission_denied'), true);
  return granted;
}

async function subscribe(url) {
  $('subscribe-problems').replaceChildren();
  if (!(await withPermission(url, 'subscribe-status'))) return;
  say('subscribe-status', t('options_subscribing'));
  const r = await send({ type: MSG.SUBSCRIBE, url });
  if (r && r.ok) {
    say('subscribe-status', t('options_subscribed', [r.title || r.id]));
    $('subscribe-url').value = '';
  } else {
    say('subscribe-status', errorText(r && r.error), true);
    $('subscribe-problems').replaceWith(Object.assign(problemList(r && r.error && r.error.problems), { id: 'subscribe-problems' }));
  }
}

$('subscribe-form').addEventListener('submit', (e) => {
  e.preventDefault();
  subscribe($('subscribe-url').value.trim());
});

$('browse-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const url = $('browse-url').value.trim();
  $('catalogue').replaceChildren();
  if (!(await withPermission(url, 'browse-status'))) return;
  say('browse-status', t('options_loading'));
  const r = await send({ type: MSG.CATALOGUE, url });
  if (!r || !r.ok) return say('browse-status', errorText(r && r.error), true);
  say('browse-status', t('options_catalogue_count', [String(r.lists.length)]));
  for (const item of r.lists) {
    const have = !!state.lists[item.id] && state.lists[item.id].source === 'url';
    const button = el('button', { type: 'button', text: t(have ? 'options_subscribed_already' : 'options_subscribe_button'), disabled: have });
    button.setAttribute('aria-label', t('options_subscribe_named', [item.title]));
    button.addEventListener('click', () => subscribe(item.url));
    $('catalogue').append(el('li', {},
      el('h3', { text: item.title }),
      el('p', { className: 'meta', text: t('options_catalogue_meta', [item.group || '-', String(item.version), String(item.rules)]) }),
      item.description ? el('p', { text: item.description }) : null,
      button));
  }
});

$('check-all').addEventListener('click', async () => {
  $('check-all').disabled = true;
  say('check-all-status', t('options_checking'));
  const results = (await send({ type: MSG.UPDATE_NOW })) || [];
  const failed = results.filter((r) => r && r.error).length;
  say('check-all-status', t('options_checked', [String(results.length), String(failed)]), failed > 0);
  $('check-all').disabled = false;
});

// User rules: the same parser as the lists, run as the reader types.
const USER_RULES_TEMPLATE = '! Title: My rules\n! Id: my-rules\n! Version: 1\n\n';
let rulesTimer = 0;
/** Asks the background's engine for the problems of the rules as typed, and shows them. */
async function checkUserRules() {
  const text = $('user-rules').value;
  const answer = text.trim() === '' ? { problems: [] } : await send({ type: MSG.CHECK_RULES, text });
  const problems = (answer && answer.problems) || [];
  const list = problemList(problems);
  list.id = 'user-rules-problems';
  list.setAttribute('aria-live', 'polite');
  $('user-rules-problems').replaceWith(list);
  $('user-rules-save').disabled = problems.length > 0;
  $('user-rules').setAttribute('aria-invalid', String(problems.length > 0));
  say('user-rules-status', problems.length ? t('options_user_rules_invalid', [String(problems.length)]) : '');
  return problems;
}
$('user-rules').addEventListener('input', () => {
  clearTimeout(rulesTimer);
  rulesTimer = setTimeout(checkUserRules, 200);
});
$('user-rules-save').addEventListener('click', async () => {
  if ((await checkUserRules()).length) return;
  await send({ type: MSG.SET_SETTINGS, patch: { userRules: $('user-rules').value } });
  say('user-rules-status', t('options_saved'));
});

function renderAllowlist() {
  const items = state.settings.allowlist.map((handle) => {
    const remove = el('button', { type: 'button', text: t('options_remove') });
    remove.setAttribute('aria-label', t('options_allowlist_remove', ['@' + handle]));
    remove.addEventListener('click', () => send({ type: MSG.SET_SETTINGS, patch: { allowlist: state.settings.allowlist.filter((h) => h !== handle) } }));
    return el('li', {}, el('span', { text: '@' + handle }), ' ', remove);
  });
  $('allowlist').replaceChildren(...items);
}
$('allow-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const handle = Transfer.normalizeHandle($('allow-handle').value);
  if (!handle) return say('allow-status', t('options_allowlist_invalid'), true);
  await send({ type: MSG.SET_SETTINGS, patch: { allowlist: [...state.settings.allowlist, handle] } });
  $('allow-handle').value = '';
  say('allow-status', t('options_allowlist_added', ['@' + handle]));
});

$('reports-opt-in').addEventListener('change', () => send({ type: MSG.SET_SETTINGS, patch: { reportsOptIn: $('reports-opt-in').checked } }));
$('reports-include-text').addEventListener('change', () => send({ type: MSG.SET_SETTINGS, patch: { reportsIncludeText: $('reports-include-text').checked } }));

$('export').addEventListener('click', () => {
  const data = Transfer.exportSettings(state.lists, state.settings, Date.now());
  const blob = new Blob([JSON.stringify(data, null, 2) + '\n'], { type: 'application/json' });
  const a = el('a', { href: URL.createObjectURL(blob), download: 'wedgewatch-settings.json' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  say('transfer-status', t('options_exported'));
});

// Import in two steps: reading the file, then a click that asks for the servers' permissions
// (a file chooser's change event does not count as a gesture everywhere).
let pendingImport = null;
$('import-file').addEventListener('change', async () => {
  const file = $('import-file').files[0];
  if (!file) return;
  const parsed = Transfer.parseImport(await file.text());
  if (parsed.error) {
    pendingImport = null;
    $('import-confirm').hidden = true;
    return say('transfer-status', t(parsed.error), true);
  }
  pendingImport = parsed.data;
  $('import-confirm').textContent = t('options_import_confirm', [String(parsed.data.subscriptions.length)]);
  $('import-confirm').hidden = false;
  say('transfer-status', '');
  $('import-confirm').focus();
});
$('import-confirm').addEventListener('click', async () => {
  const data = pendingImport;
  if (!data) return;
  const origins = [...new Set(data.subscriptions.filter((s) => Updater.isAllowedUrl(s.url)).map((s) => Updater.originPattern(s.url)))];
  if (origins.length && !(await api.permissions.request({ origins }))) return say('transfer-status', t('options_permission_denied'), true);
  say('transfer-status', t('options_importing'));
  const r = await send({ type: MSG.IMPORT, data });
  pendingImport = null;
  $('import-confirm').hidden = true;
  if (!r || !r.ok) return say('transfer-status', errorText(r && r.error), true);
  const failed = r.results.filter((x) => !x.ok);
  say('transfer-status', failed.length
    ? t('options_imported_with_errors', [String(failed.length), failed.map((f) => f.url + ': ' + errorText(f.error)).join('; ')])
    : t('options_imported'), failed.length > 0);
  $('user-rules').value = state.settings.userRules || USER_RULES_TEMPLATE;
  checkUserRules();
});

api.storage.onChanged.addListener(async (changes, areaName) => {
  if (areaName !== 'local' || !(changes.lists || changes.settings || changes.stats)) return;
  await load();
  renderAll();
});

(async function start() {
  localize(document);
  await load();
  renderAll();
  $('user-rules').value = state.settings.userRules || USER_RULES_TEMPLATE;
  checkUserRules();
  document.body.dataset.ready = 'true'; // for the browser tests: the first render is done
})();
