// "The same wording from many accounts", the background half. The one index lives here,
// so every tab counts into one history; content scripts send it salted account hashes and post
// texts by message, and nothing of it ever leaves the browser.
//
// The saved index (up to ~4 MB) goes to IndexedDB, not storage.local: every storage.local write
// is delivered, old and new value, to each x.com tab's storage.onChanged listener.
// The per-install salt is small and lives in storage.local (`campaignSalt`).
import { sanitizeCampaign } from '../common/defaults.js';
import { randomHex } from '../common/encoding.js';

const DB = 'wedgewatch-campaign';
const STORE = 'kv';
const KEY = 'index';
const CAPACITY = 50000;
const DAY_MS = 24 * 3600 * 1000;
/** Saving encodes the whole index: at most once per this many ms while the reader scrolls. */
const SAVE_AFTER_MS = 3000;

function openDb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function idb(mode, fn) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/**
 * The store over an engine and storage.local area. All engine calls wait for the index to be
 * loaded, once per background start (a Chrome service worker restarts often).
 */
export function create(engine, area) {
  const c = engine.campaign;
  let loaded = null;
  let saveTimer = 0;
  let saltPromise = null;

  function load() {
    loaded ||= (async () => {
      let stored = null;
      try {
        stored = await idb('readonly', (s) => s.get(KEY));
      } catch (e) {
        console.warn('wedgewatch: campaign history unreadable, starting afresh', e);
      }
      c.init(typeof stored === 'string' ? stored : null);
      const { settings } = await area.get('settings');
      configure(settings && settings.campaign);
    })();
    return loaded;
  }

  function configure(campaign) {
    c.configure(CAPACITY, sanitizeCampaign(campaign).windowDays * DAY_MS);
    scheduleSave();
  }

  function scheduleSave() {
    if (!saveTimer) saveTimer = setTimeout(save, SAVE_AFTER_MS);
  }

  async function save() {
    saveTimer = 0;
    const text = c.save();
    if (text !== null) await idb('readwrite', (s) => s.put(text, KEY));
  }

  /**
   * posts: [{text, account, key}] -> {counts, clusters}: distinct accounts (-1 for too little
   * content) and the wording each post belongs to, so a tab can update every post of a wording.
   */
  async function observe(posts) {
    await load();
    const now = Date.now();
    const counts = [];
    const clusters = [];
    for (const p of posts) {
      counts.push(c.observe(String(p.text), String(p.account), now, String(p.key)));
      clusters.push(c.lastCluster());
    }
    scheduleSave();
    return { counts, clusters };
  }

  async function details(text) {
    await load();
    return c.details(String(text), Date.now());
  }

  async function clear() {
    await load();
    c.clear();
    clearTimeout(saveTimer);
    await save();
  }

  /** The per-install salt for account hashes, made on first use. Only the background writes it. */
  function salt() {
    saltPromise ||= (async () => {
      const got = await area.get('campaignSalt');
      if (typeof got.campaignSalt === 'string') return got.campaignSalt;
      const made = randomHex(16);
      await area.set({ campaignSalt: made });
      return made;
    })();
    return saltPromise;
  }

  return { observe, details, clear, salt, configure: async (campaign) => { await load(); configure(campaign); } };
}
