// The background: seeds the bundled list, updates subscriptions on an alarm, answers the
// options page and popup, and sends a report only when the reader opted in. It is the only
// writer of storage (through the Storage queue), so the content script, options page and popup
// all see one consistent state via storage.onChanged.
import { api } from '../common/browser.js';
import { BUILTIN_PATH, defaultSettings, sanitizeCampaign, withDefaults } from '../common/defaults.js';
import { MSG } from '../common/messages.js';
import { cues, engine } from '../engine/with-campaign.js';
import { compileFor, sources } from '../engine/cache.js';
import * as CampaignStore from './campaign-store.js';
import * as FarMatcher from './far-matcher.js';
import * as Storage from './storage.js';
import * as Transfer from './transfer.js';
import * as Updater from './updater.js';

const ALARM = 'wedgewatch-update';
const ALARM_MINUTES = 30; // lists expire in hours; a half-hour tick keeps them close to due

const area = api.storage.local;
const campaign = CampaignStore.create(engine, area);
const farMatcher = FarMatcher.create(engine, area, api.runtime.getManifest().version);

function deps() {
  return { fetch: (url, init) => fetch(url, init), engine, now: () => Date.now() };
}

async function seed() {
  const url = api.runtime.getURL(BUILTIN_PATH);
  const text = await (await fetch(url)).text();
  await Storage.changeLists(area, (lists) => Storage.withRuleSummaries(Storage.seedBuiltin(lists, text, url, engine, Date.now()), engine));
  await Storage.serialize(async () => {
    const got = await area.get(['settings', 'stats']);
    if (!got.settings) await area.set({ settings: defaultSettings() });
    if (!got.stats) await area.set({ stats: {} });
  });
}

// Compiles the enabled lists for tabs to restore (engine/cache.js) when they changed since the
// stored form was compiled, or when that form does not read. A burst of changes (seeding writes
// lists, settings and stats) makes one compile once it is over, so the compile never holds up the
// writes of the burst. Tabs ask too (MSG.COMPILE) and wait for the answer, {ok, key}: the form
// for the lists as stored now is in storage under key, or (ok false) it could not be stored.
const COMPILE_AFTER_MS = 300;
let compileTimer = 0;
/** @type {Promise<{ok: boolean, key?: string}> | null} the answer of the compile the timer will start */
let nextCompile = null;
let startCompile = () => {};
function compileForTabs() {
  clearTimeout(compileTimer);
  nextCompile ||= new Promise((resolve) => {
    startCompile = () => {
      nextCompile = null;
      resolve(Storage.serialize(compileNow).catch((e) => {
        console.warn('Wedgewatch: compiled lists not stored, tabs compile them:', e); // over quota, say
        return { ok: false };
      }));
    };
  });
  compileTimer = setTimeout(startCompile, COMPILE_AFTER_MS);
  return nextCompile;
}

async function compileNow() {
  const got = await area.get(['lists', 'settings', 'compiled']);
  const next = await compileFor(engine, got.compiled, api.runtime.getManifest().version, sources(got.lists, withDefaults(got.settings)));
  if (next) {
    await area.set({ compiled: next });
    compiles++;
  }
  return { ok: true, key: next ? next.key : /** @type {{key: string}} */ (got.compiled).key };
}

/** Forms compiled and stored since the background started (tests read it through MSG.COMPILE). */
let compiles = 0;

async function ensureAlarm() {
  if (!(await api.alarms.get(ALARM))) api.alarms.create(ALARM, { periodInMinutes: ALARM_MINUTES, delayInMinutes: 1 });
}

// Checks one list (or every due one). The fetch runs outside the write queue; only its result
// is merged in, onto whatever the entry is by then.
async function updateList(id) {
  const { lists } = await Storage.readState(area);
  const entry = lists[id];
  if (!entry || entry.source !== 'url') return null;
  return (await updateEntries([entry]))[0];
}

// Every due list at once (Updater.updateMany): one slow server does not hold up the others.
async function updateDue(force) {
  const { lists } = await Storage.readState(area);
  const now = Date.now();
  return updateEntries(Object.values(lists).filter((e) => e.source === 'url' && (force || Updater.isDue(e, now))));
}

async function updateEntries(entries) {
  const results = await Updater.updateMany(entries, deps());
  await Storage.changeLists(area, (current) => {
    const next = { ...current };
    for (const { entry } of results) if (next[entry.id]) next[entry.id] = Updater.mergeFetched(next[entry.id], entry);
    return next;
  });
  return results.map(({ entry, outcome }) => ({ id: entry.id, outcome, error: entry.lastError }));
}

async function subscribe(url, pin) {
  const { lists } = await Storage.readState(area);
  const result = await Updater.subscribe(url, lists, deps(), pin);
  if (result.error) return { ok: false, error: result.error };
  const { entry } = result;
  await Storage.changeLists(area, (current) => {
    const existing = current[entry.id];
    if (existing && existing.source !== 'builtin') return current; // subscribed meanwhile
    return { ...current, [entry.id]: entry };
  });
  return { ok: true, id: entry.id, title: entry.title };
}

// The reader trusts, from the list's card, the root its server offered when the one pinned key's
// certificate ran out; the list is then checked at once, against that root's online key. Answers
// as a check of the list does: [{id, outcome, error}].
async function trustRoot(id, fingerprint) {
  const { lists } = await Storage.readState(area);
  const entry = lists[id];
  if (!entry || entry.source !== 'url') return [{ id, outcome: 'failed', error: { code: 'bg_error_root_not_offered', params: [] } }];
  const got = await Updater.trustOfferedRoot(entry, fingerprint, deps());
  if (got.error) return [{ id, outcome: 'failed', error: got.error }];
  await Storage.changeLists(area, (current) => (current[id] ? { ...current, [id]: Updater.mergeFetched(current[id], got.entry) } : current));
  return [await updateList(id)];
}

async function unsubscribe(id) {
  await Storage.changeLists(area, (lists) => {
    if (!lists[id] || lists[id].source !== 'url') return lists;
    const next = { ...lists };
    delete next[id];
    return next;
  });
  await seed(); // unsubscribing from the server copy of the bundled list brings the bundled one back
  await Storage.changeSettings(area, (s) => ({ ...s, disabledRules: s.disabledRules.filter((r) => !r.startsWith(id + '/')) }));
}

async function setList(id, change) {
  await Storage.changeLists(area, (lists) => {
    if (!lists[id]) return lists;
    const entry = { ...lists[id] };
    if (typeof change.enabled === 'boolean') entry.enabled = change.enabled;
    if ([null, 'label', 'blur', 'hide'].includes(change.action)) entry.action = change.action;
    return { ...lists, [id]: entry };
  });
}

const SETTING_TYPES = {
  disabledRules: 'array', userRules: 'string', allowlist: 'array', reportsOptIn: 'boolean', reportsIncludeText: 'boolean', pausedUntil: 'number',
};

function setSettings(patch) {
  return Storage.changeSettings(area, (s) => {
    const next = { ...s };
    for (const [k, type] of Object.entries(SETTING_TYPES)) {
      if (!(k in patch)) continue;
      const ok = type === 'array' ? Array.isArray(patch[k]) : typeof patch[k] === type;
      if (ok) next[k] = patch[k];
    }
    if (Array.isArray(patch.allowlist)) next.allowlist = [...new Set(patch.allowlist.map(Transfer.normalizeHandle).filter(Boolean))];
    if ('campaign' in patch) next.campaign = sanitizeCampaign({ ...next.campaign, ...patch.campaign });
    return next;
  }).then((next) => ('campaign' in patch ? campaign.configure(next.campaign) : undefined));
}

async function catalogue(url) {
  if (!Updater.isAllowedUrl(url)) return { ok: false, error: { code: 'bg_error_not_https', params: [] } };
  const base = url.replace(/\/+$/, '').replace(/\/api\/v1\/lists$/, '');
  const got = await Updater.exchange(base + '/api/v1/lists', { cache: 'no-store', credentials: 'omit' }, deps(), async (res, until) => {
    if (!res.ok) return { error: { code: 'bg_error_http', params: [String(res.status)] } };
    return { body: await until(res.json()) };
  });
  if (got.error) return { ok: false, error: got.error };
  try {
    const body = got.body;
    const rows = Array.isArray(body) ? body : (body.lists || []);
    const lists = rows.filter((r) => r && typeof r.id === 'string').map((r) => ({
      id: r.id, title: String(r.title ?? r.id), description: String(r.description ?? ''), group: String(r.group ?? ''),
      version: Number(r.version) || 0, rules: Number(r.rules ?? r.ruleCount ?? r.rule_count) || 0,
      updated: String(r.updated ?? ''), url: base + '/api/v1/lists/' + r.id,
    }));
    return { ok: true, lists };
  } catch (e) {
    return { ok: false, error: { code: 'bg_error_network', params: [e.message] } };
  }
}

async function importSettings(json) {
  const parsed = Transfer.parseImport(json);
  if (parsed.error) return { ok: false, error: { code: parsed.error, params: [] } };
  const { settings, builtin, subscriptions } = parsed.data;
  await setSettings(settings);
  for (const b of builtin) await setList(b.id, b);
  const results = [];
  for (const s of subscriptions) {
    const r = await subscribe(s.url, { pinnedRoot: s.pinnedRoot, pinnedKey: s.pinnedKey, keyId: s.keyId });
    if (r.ok) await setList(r.id, s);
    results.push({ url: s.url, ok: r.ok, error: r.error || null });
  }
  return { ok: true, results };
}

// Sent to the list's own server, and only when the reader opted in; the post text only when
// the reader chose to include it (Updater.reportBody).
async function report(msg) {
  const { lists, settings } = await Storage.readState(area);
  const target = Updater.reportTarget(lists, settings, msg.list);
  if (target.error) return { ok: false, error: target.error };
  const body = Updater.reportBody(lists, settings, msg);
  const init = { method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const got = await Updater.exchange(target.url, init, deps(), async (res) => (res.ok ? {} : { error: { code: 'bg_error_http', params: [String(res.status)] } }));
  return got.error ? { ok: false, error: got.error } : { ok: true };
}

/** A tab's counts: only well-formed numbers under list ids are added. */
async function addStats(delta) {
  if (!delta || typeof delta !== 'object') return { ok: false };
  const clean = /** @type {Record<string, {judged: number, warned: number}>} */ ({});
  const count = (n) => (Number.isInteger(n) && n >= 0 && n <= 1e6 ? n : 0);
  for (const [id, d] of Object.entries(delta)) {
    if (/^[a-z0-9-]{1,64}$/.test(id) && d && typeof d === 'object') clean[id] = { judged: count(d.judged), warned: count(d.warned) };
  }
  await Storage.addStats(area, clean);
  return { ok: true };
}

/** The reader's marks on one post: {key, revealed?: millis | null, notWedge?: {...} | null}. */
function setMarks(m) {
  if (typeof m.key !== 'string' || !m.key || m.key.length > 1000) return { ok: false };
  const marks = {};
  if ('revealed' in m) marks.revealed = Number.isFinite(m.revealed) ? m.revealed : null;
  if ('notWedge' in m) {
    const n = m.notWedge;
    marks.notWedge = n && typeof n === 'object' ? {
      list: String(n.list), rule: String(n.rule), at: Number(n.at) || Date.now(), reported: n.reported === true,
      ...(n.reportError && typeof n.reportError.code === 'string'
        ? { reportError: { code: n.reportError.code, params: (n.reportError.params || []).map(String) } } : {}),
    } : null;
  }
  return Storage.changeMarks(area, m.key, marks, Date.now()).then(() => ({ ok: true }));
}

// Messages any part of the extension may send, and those only our own pages may send
// (a content script runs inside x.com and must not be able to subscribe or change settings).
const FROM_CONTENT = {
  [MSG.REPORT]: report,
  [MSG.STATS]: (m) => addStats(m.delta),
  [MSG.MARK]: setMarks,
  // Same wording from many accounts: texts and salted account hashes, kept in this browser.
  [MSG.CAMPAIGN_OBSERVE]: (m) => campaign.observe(Array.isArray(m.posts) ? m.posts.slice(0, 200) : []).then((r) => ({ ok: true, ...r })),
  [MSG.CAMPAIGN_DETAILS]: (m) => campaign.details(m.text).then((d) => ({ ok: true, ...d })),
  [MSG.CAMPAIGN_SALT]: () => campaign.salt().then((salt) => ({ ok: true, salt })),
  // A tab found no readable form for its lists: it waits for this one compile rather than compile itself.
  [MSG.COMPILE]: () => compileForTabs().then((r) => ({ ...r, compiles })),
  // ... and when even that failed, it compiles itself, with the built-in cues' text from here.
  [MSG.CUES]: () => ({ ok: true, text: cues }),
  // A post too long for the tab to match within a frame: its words, matched here, stay in the browser.
  [MSG.MATCH]: (m) => farMatcher.match(String(m.text)).then((matches) => ({ ok: true, matches })),
};
const FROM_PAGES = {
  [MSG.UPDATE_NOW]: (m) => (m.trustRoot ? trustRoot(String(m.id), String(m.trustRoot))
    : m.id ? updateList(m.id).then((r) => [r]) : updateDue(true)),
  [MSG.SUBSCRIBE]: (m) => subscribe(String(m.url)),
  [MSG.UNSUBSCRIBE]: (m) => unsubscribe(String(m.id)),
  [MSG.SET_LIST]: (m) => setList(String(m.id), m),
  [MSG.SET_SETTINGS]: (m) => setSettings(m.patch || {}),
  [MSG.CATALOGUE]: (m) => catalogue(String(m.url)),
  [MSG.CHECK_RULES]: (m) => ({ ok: true, problems: engine.check(String(m.text).slice(0, 200000)).problems }),
  [MSG.IMPORT]: (m) => importSettings(m.data),
  // The stamp tells open tabs to forget the counts they show.
  [MSG.CAMPAIGN_CLEAR]: () => campaign.clear().then(() => area.set({ campaignCleared: Date.now() })),
  ...FROM_CONTENT,
};

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!msg || sender.id !== api.runtime.id) return false;
  const fromPage = typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL('')) && !sender.tab?.url?.startsWith('http');
  const handler = (fromPage ? FROM_PAGES : FROM_CONTENT)[msg.type];
  if (!handler) return false;
  Promise.resolve().then(() => handler(msg)).then(
    (result) => sendResponse(result === undefined ? { ok: true } : result),
    (e) => sendResponse({ ok: false, error: { code: 'bg_error_internal', params: [String(e && e.message)] } }));
  return true; // answer asynchronously (Chrome and Firefox both honour this)
});

api.storage.onChanged.addListener((changes, areaName) => {
  if (areaName === 'local' && ('lists' in changes || 'settings' in changes)) {
    farMatcher.forget();
    compileForTabs();
  }
});
// A new engine (an update, or a reloaded build) compiles afresh rather than trust an older form.
api.runtime.onInstalled.addListener(() => { area.remove('compiled').then(seed).then(compileForTabs).then(ensureAlarm); });
api.runtime.onStartup.addListener(() => { seed().then(compileForTabs).then(ensureAlarm).then(() => updateDue(false)); });
api.alarms.onAlarm.addListener((alarm) => { if (alarm.name === ALARM) updateDue(false); });
