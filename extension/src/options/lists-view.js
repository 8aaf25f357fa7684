// Renders one card per list: status, counts, the reader's switches and the list's rules.
// Every string that comes from a list goes through textContent: list text is data, never markup.
import { el } from '../common/el.js';
import { OFFERS_ROOT } from '../background/updater.js';
import { errorText, t } from '../common/i18n.js';

function when(ms) {
  return ms ? new Date(ms).toLocaleString() : t('options_never');
}

export function problemList(problems) {
  const ul = el('ul', { className: 'problems' });
  for (const p of problems || []) ul.append(el('li', { text: t('options_problem', [String(p.line), String(p.column), p.message]) }));
  return ul;
}

function fact(dl, label, value) {
  dl.append(el('dt', { text: label }), el('dd', { text: value }));
}

/** A root fingerprint as readers compare it by eye: its first 16 hex digits in groups of four. */
export function shortFingerprint(hex) {
  return String(hex).slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ');
}

// A root, short, with the full fingerprint in its title and a button that copies it, so a
// reader can compare it with what the publisher shows: the pinned one, or one offered (idp ends
// in -offered, label says which).
function rootFact(dl, entry, idp, full = entry.pinnedRoot, label = t('options_root')) {
  const code = el('code', { id: idp + '-root', text: shortFingerprint(full), title: t('options_root_full', [full]) });
  code.dataset.fingerprint = full;
  const copy = el('button', { type: 'button', id: idp + '-root-copy', className: 'copy', text: t('options_copy_root') });
  copy.setAttribute('aria-label', t('options_copy_root_named', [entry.title || entry.id]));
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(full).then(() => { copy.textContent = t('options_copied'); }, () => {});
  });
  dl.append(el('dt', { text: label }), el('dd', {}, code, ' ', copy));
}

// A single-key subscription the server's root cannot take over on its own (Updater.OFFERS_ROOT):
// the root it offers, and the one action that trusts it in place. Never taken without the click.
function offeredRoot(article, entry, idp, handlers) {
  const fingerprint = entry.keyNote.params[2];
  const dl = el('dl', { className: 'facts' });
  rootFact(dl, entry, idp + '-offered', fingerprint, t('options_root_offered'));
  const trust = el('button', { type: 'button', id: idp + '-trust-root', text: t('options_trust_root') });
  trust.setAttribute('aria-label', t('options_trust_root_named', [entry.title || entry.id]));
  trust.addEventListener('click', () => handlers.trustRoot(entry.id, fingerprint, trust));
  article.append(dl, el('div', { className: 'controls' }, trust));
}

function statusText(entry) {
  if (entry.lastError) return t('options_status_error', [errorText(entry.lastError)]);
  return entry.source === 'builtin' ? t('options_status_builtin') : t('options_status_ok');
}

// handlers: {setList(id, change), checkNow(id), remove(id), toggleRule(key, enabled), trustRoot(id, fingerprint, button)}
function card(entry, stats, disabled, handlers) {
  const idp = 'list-' + entry.id;
  const article = el('article', { className: 'list', id: idp, attrs: { 'aria-labelledby': idp + '-title' } });
  article.dataset.list = entry.id;
  const title = el('h3', { id: idp + '-title', text: entry.title || entry.id });
  const badge = el('span', { className: 'badge', text: t(entry.source === 'builtin' ? 'options_source_builtin' : 'options_source_url') });
  article.append(el('div', { className: 'list-head' }, title, badge));
  if (entry.description) article.append(el('p', { className: 'description', text: entry.description }));

  const dl = el('dl', { className: 'facts' });
  fact(dl, t('options_version'), String(entry.version));
  if (entry.publisher) fact(dl, t('options_publisher'), entry.publisher);
  if (entry.source === 'url') fact(dl, t('options_url'), entry.url);
  if (entry.keyId) fact(dl, t('options_signed_by'), entry.keyId);
  if (entry.pinnedRoot) rootFact(dl, entry, idp);
  fact(dl, t('options_last_check'), when(entry.lastCheck));
  const s = stats || { judged: 0, warned: 0 };
  fact(dl, t('options_counts'), t('options_counts_value', [String(s.judged || 0), String(s.warned || 0)]));
  article.append(dl);

  const status = el('p', { className: entry.lastError ? 'status error' : 'status ok', id: idp + '-status', text: statusText(entry) });
  status.setAttribute('role', 'status');
  article.append(status);
  if (entry.lastError && entry.lastError.problems && entry.lastError.problems.length) article.append(problemList(entry.lastError.problems));
  if (entry.keyNote) article.append(el('p', { className: 'status note', id: idp + '-key-note', text: errorText(entry.keyNote) }));
  if (entry.keyNote && OFFERS_ROOT.includes(entry.keyNote.code) && entry.keyNote.params[2] && !entry.pinnedRoot) offeredRoot(article, entry, idp, handlers);

  const controls = el('div', { className: 'controls' });
  const enabled = el('input', { type: 'checkbox', id: idp + '-enabled', checked: entry.enabled !== false });
  enabled.addEventListener('change', () => handlers.setList(entry.id, { enabled: enabled.checked }));
  controls.append(el('span', {}, enabled, el('label', { htmlFor: enabled.id, text: t('options_enabled') })));

  const action = el('select', { id: idp + '-action' });
  for (const [value, key] of [['', 'options_action_default'], ['label', 'options_action_label'], ['blur', 'options_action_blur'], ['hide', 'options_action_hide']]) {
    action.append(el('option', { value, text: t(key), selected: (entry.action || '') === value }));
  }
  action.addEventListener('change', () => handlers.setList(entry.id, { action: action.value || null }));
  controls.append(el('span', {}, el('label', { htmlFor: action.id, text: t('options_action') }), action));

  if (entry.source === 'url') {
    const check = el('button', { type: 'button', id: idp + '-check', text: t('options_check_now') });
    check.addEventListener('click', () => handlers.checkNow(entry.id, check));
    const remove = el('button', { type: 'button', id: idp + '-remove', text: t('options_remove') });
    remove.setAttribute('aria-label', t('options_remove_named', [entry.title || entry.id]));
    remove.addEventListener('click', () => handlers.remove(entry.id));
    controls.append(check, remove);
  }
  article.append(controls);

  // Kept with the list by the background when it arrived, as updater.ruleSummaries' tuples; an
  // older stored shape shows no rules until the background, starting, has made them again.
  const rules = (entry.rules || []).filter(Array.isArray);
  const details = el('details', { id: idp + '-rules' });
  details.append(el('summary', { text: t('options_rules_summary', [String(rules.length)]) }));
  const ul = el('ul', { className: 'rules' });
  for (const [id, family, explanation] of rules) {
    const key = entry.id + '/' + id;
    const box = el('input', { type: 'checkbox', id: idp + '-rule-' + id, checked: !disabled.has(key) });
    box.addEventListener('change', () => handlers.toggleRule(key, box.checked));
    const label = el('label', { htmlFor: box.id }, el('code', { text: id }), ' ', el('span', { className: 'family', text: family }));
    ul.append(el('li', {}, box, label, el('p', { className: 'explanation', text: explanation })));
  }
  details.append(ul);
  article.append(details);
  return article;
}

// Re-renders in place, keeping focus and open rule lists, so a storage change mid-use
// does not throw a keyboard user back to the top.
export function render(container, state, handlers) {
  const focused = document.activeElement && container.contains(document.activeElement) ? document.activeElement.id : null;
  const open = new Set([...container.querySelectorAll('details[open]')].map((d) => d.id));
  const disabled = new Set(state.settings.disabledRules);
  const entries = Object.values(state.lists).sort((a, b) => (a.source === b.source ? (a.title || '').localeCompare(b.title || '') : a.source === 'builtin' ? -1 : 1));
  container.replaceChildren(...entries.map((e) => card(e, state.stats[e.id], disabled, handlers)));
  for (const id of open) { const d = /** @type {HTMLDetailsElement | null} */ (document.getElementById(id)); if (d) d.open = true; }
  if (focused) { const f = document.getElementById(focused); if (f) f.focus(); }
}

