// Fetches, verifies and validates subscribed lists. Pure decisions over injected deps
// ({fetch, engine, now}) so node tests drive every path; background.js does the storage writes.
// A failed check never changes a list's text: the caller keeps the last good list and records
// the error. Errors are {code, params, problems} with code a `_locales` key, so the options page
// shows them in the reader's language.
import { base64ToBytes, sha256Hex } from '../common/encoding.js';
import { rootFingerprint, verifyKeyChain, verifyListMetadata } from './key-chain.js';
import { parseMetadata, verify } from './signature.js';

const HOUR = 3600 * 1000;
const MAX_BYTES = 2000000; // the list format's own size limit
const MAX_CHAIN_BYTES = 256 * 1024; // a chain of many roots is still a few kilobytes
const SHOWN_PROBLEMS = 5;
// The fields a fetch owns; enabled and action belong to the reader and survive. A pinned root
// moves only forward, to a newer root the chain proved (verifyKeyChain); a pinned key gives way
// only to a root whose chain certifies that very key (adoptKeyChain).
export const FETCHED_FIELDS = ['title', 'description', 'text', 'version', 'publisher', 'homepage',
  'license', 'expiresHours', 'lastCheck', 'lastError', 'etag', 'signedMetadata', 'rules',
  'pinnedRoot', 'signingKey', 'keyId', 'pinnedKey', 'keyNote'];

function error(code, params = [], problems = []) {
  return { code, params: params.map(String), problems: problems.slice(0, SHOWN_PROBLEMS) };
}

// Lists travel over HTTPS; plain HTTP only to this machine, for local servers and tests.
export function isAllowedUrl(url) {
  let u;
  try { u = new URL(url); } catch (e) { return false; }
  if (u.username || u.password) return false;
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

// A Wedgewatch server's list URL, .../api/v1/lists/{id}: its id, and where its keys and
// reports live. Null for any other URL (a list file served anywhere).
export function serverListUrl(url) {
  let u;
  try { u = new URL(url); } catch (e) { return null; }
  const m = /^(.*)\/api\/v1\/lists\/([a-z0-9-]{1,64})\/?$/.exec(u.pathname);
  if (!m) return null;
  const base = u.origin + m[1];
  return { id: m[2], base, keys: base + '/api/v1/keys', reports: base + '/api/v1/lists/' + m[2] + '/reports',
    signature: base + '/api/v1/lists/' + m[2] + '/signature' };
}

// The permission pattern to request for a URL's origin (ports are not part of match patterns).
export function originPattern(url) {
  const u = new URL(url);
  return u.protocol + '//' + u.hostname + '/*';
}

export function metadataExpired(meta, now) {
  return !!meta && Date.parse(meta.expires) <= now;
}

/** A list server that has not answered in full by then is down for this round. */
export const TIMEOUT_MS = 30000;

/**
 * Runs one exchange, headers and body, under a deadline (deps.timeoutMs, else TIMEOUT_MS): the
 * request is aborted when it passes, so a server that never finishes a body holds up nothing.
 * read(res, until) reads the response; until(promise) rejects once the deadline has passed.
 * Network failures and the deadline come back as {error}.
 */
export async function exchange(url, init, deps, read) {
  const ms = deps.timeoutMs ?? TIMEOUT_MS;
  const controller = new AbortController();
  let timer = 0;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error('deadline'));
    }, ms);
  });
  deadline.catch(() => {});
  const until = (promise) => Promise.race([promise, deadline]);
  try {
    const res = await until(deps.fetch(url, { ...init, signal: controller.signal }));
    return await read(res, until);
  } catch (e) {
    if (controller.signal.aborted) return { error: error('bg_error_timeout', [Math.ceil(ms / 1000)]) };
    return { error: error('bg_error_network', [e && e.message ? e.message : String(e)]) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The body, read as it streams and given up as soon as it passes max bytes: a huge body, or a
 * small gzip that inflates to one, is never held whole (fetch hands over the inflated bytes).
 * @returns {Promise<{bytes: Uint8Array} | {tooLarge: number}>}
 */
export async function readCapped(res, max, until) {
  const declared = Number(res.headers.get('Content-Length'));
  if (declared > max && !res.headers.get('Content-Encoding')) {
    res.body?.cancel().catch(() => {});
    return { tooLarge: declared };
  }
  if (!res.body) {
    const bytes = new Uint8Array(await until(res.arrayBuffer()));
    return bytes.length > max ? { tooLarge: bytes.length } : { bytes };
  }
  const reader = res.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await until(reader.read());
    if (done) break;
    total += value.length;
    if (total > max) {
      reader.cancel().catch(() => {});
      return { tooLarge: total };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes };
}

// One GET. `etag` makes it conditional; signatures come from the response headers or, on a
// Wedgewatch server whose headers were not exposed, from the list's /signature resource.
export async function download(url, etag, deps) {
  const headers = etag ? { 'If-None-Match': etag } : {};
  // no-store: we do our own conditional GET and want the server's real 304.
  const got = await exchange(url, { headers, cache: 'no-store', credentials: 'omit' }, deps, async (res, until) => {
    if (res.status === 304) return { notModified: true, signed: readSignedHeaders(res) };
    if (!res.ok) return { error: error('bg_error_http', [res.status]) };
    const body = await readCapped(res, deps.maxBytes ?? MAX_BYTES, until);
    if ('tooLarge' in body) return { error: error('bg_error_too_large', [body.tooLarge]) };
    return { bytes: body.bytes, res };
  });
  if (!got.bytes) return got;
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(got.bytes);
  } catch (e) {
    return { error: error('bg_error_encoding') };
  }
  let signed = readSignedHeaders(got.res);
  const server = serverListUrl(url);
  if (!signed && server) signed = await fetchSignature(server.signature, deps);
  return { bytes: got.bytes, text, etag: got.res.headers.get('ETag'), signed };
}

function readSignedHeaders(res) {
  const metadata = res.headers.get('Wedgewatch-Metadata');
  const signature = res.headers.get('Wedgewatch-Signature');
  return metadata && signature ? { metadata, signature } : null;
}

async function fetchSignature(url, deps) {
  const got = await exchange(url, { cache: 'no-store', credentials: 'omit' }, deps, async (res, until) => {
    if (!res.ok) return null;
    const body = await until(res.json());
    return typeof body.metadata === 'string' && typeof body.signature === 'string'
      ? { metadata: body.metadata, signature: body.signature } : null;
  }).catch(() => null);
  return got && !got.error ? got : null;
}

// The server's public keys, in whichever of the plain shapes it answers with.
export async function fetchKeys(url, deps) {
  const got = await exchange(url, { cache: 'no-store', credentials: 'omit' }, deps, async (res, until) => {
    if (!res.ok) return { error: error('bg_error_http', [res.status]) };
    return { body: await until(res.json()) };
  });
  if (got.error) throw new Error(got.error.params.join(' ') || got.error.code);
  const rows = Array.isArray(got.body) ? got.body : (got.body.keys || []);
  return rows.map((k) => ({ id: k.id ?? k.keyId ?? k.key_id ?? k.kid,
    publicKey: k.publicKey ?? k.public_key ?? k.key })).filter((k) => k.id && k.publicKey);
}

// Where a signed list's server keeps its keys: the Wedgewatch server's API, else the URL's origin.
function apiBase(url) {
  const server = serverListUrl(url);
  return server ? server.base : new URL(url).origin;
}

/** A subscription whose lists must carry a signature: by a pinned root's online key, or a pinned key. */
export function isSigned(entry) {
  return !!(entry.pinnedRoot || entry.pinnedKey);
}

/**
 * The server's key chain (GET /api/v1/key-chain), read with a size cap: {chain}, {none} when the
 * server has none (a 404: a server whose lists are signed by one key), or {error}.
 */
export async function fetchKeyChain(url, deps) {
  const got = await exchange(apiBase(url) + '/api/v1/key-chain', { cache: 'no-store', credentials: 'omit' }, deps, async (res, until) => {
    if (res.status === 404) return { none: true };
    if (!res.ok) return { error: error('bg_error_http', [res.status]) };
    const body = await readCapped(res, MAX_CHAIN_BYTES, until);
    return 'tooLarge' in body ? { error: error('bg_error_too_large', [body.tooLarge]) } : { bytes: body.bytes };
  });
  if (!got.bytes) return got;
  try {
    return { chain: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(got.bytes)) };
  } catch (e) {
    return { error: error('bg_error_key_chain_invalid', ['not JSON']) };
  }
}

/**
 * What an entry trusts after checking `chain` from the root it pinned: the newest root the chain
 * walks to and the online key that root certified. {trust} or {error}.
 */
async function trustChain(chain, pinnedRoot, now) {
  const v = await verifyKeyChain(chain, pinnedRoot, new Date(now));
  if (!v.ok) return { error: error('bg_error_key_chain_invalid', [v.error]) };
  return { trust: { pinnedRoot: v.rootFingerprint, signingKey: v.signingKey, keyId: v.signingKey.id } };
}

// The online key may have rotated (or its certificate run out): a subscription with a pinned
// root fetches the chain again, once, and trusts what that root certifies now.
async function refreshTrust(entry, deps) {
  const got = await fetchKeyChain(entry.url, deps);
  if (got.error) return got;
  if (!got.chain) return { error: error('bg_error_key_chain_missing') };
  return trustChain(got.chain, entry.pinnedRoot, deps.now());
}

function sameKey(a, b) {
  try {
    const x = base64ToBytes(a);
    const y = base64ToBytes(b);
    return x.length === 32 && x.length === y.length && x.every((v, i) => v === y[i]);
  } catch (e) {
    return false;
  }
}

/**
 * A subscription that pins one key and no root (made before servers had key chains) moves to
 * the server's root once the server proves it may: its chain verifies (from its first root, as
 * subscribing would) and the root certifies exactly the pinned key as its online key, now or
 * before a rotation (a certificate among previousSigningKeys that has not expired). That is
 * subscribing again, except that the chain must vouch for the key the reader already trusts.
 * Until then the key stays pinned and keyNote says why; each update tries again.
 */
export async function adoptKeyChain(entry, deps) {
  if (entry.pinnedRoot || !entry.pinnedKey) return entry;
  const got = await fetchKeyChain(entry.url, deps);
  if (got.none) return { ...entry, keyNote: error('bg_note_single_key_no_chain') };
  if (!got.chain) return { ...entry, keyNote: error('bg_note_single_key_unchecked') };
  const roots = Array.isArray(got.chain.roots) ? got.chain.roots : [];
  const first = roots.length ? await rootFingerprint(roots[0]).catch(() => '') : '';
  const v = await verifyKeyChain(got.chain, first, new Date(deps.now()));
  if (!v.ok) return { ...entry, keyNote: error('bg_note_single_key_chain_refused', [v.error]) };
  // The current online key, or one it replaced whose certificate has not expired.
  const certified = [v.signingKey, ...v.pastSigningKeys].some((k) => sameKey(k.publicKey, entry.pinnedKey));
  // Certified once, but that certificate has run out: only the reader may trust the root now.
  const lapsed = v.expiredSigningKeys.find((k) => sameKey(k.publicKey, entry.pinnedKey));
  if (!certified && lapsed) return { ...entry, keyNote: error('bg_note_single_key_expired', [entry.keyId || '', lapsed.expires, v.rootFingerprint]) };
  if (!certified) return { ...entry, keyNote: error('bg_note_single_key_not_certified', [entry.keyId || '', v.signingKey.id, v.rootFingerprint]) };
  return { ...entry, pinnedRoot: v.rootFingerprint, signingKey: v.signingKey, keyId: v.signingKey.id, pinnedKey: null, keyNote: null };
}

/** The notes of a single-key subscription that offer the reader the server's root (its fingerprint, the note's third param). */
export const OFFERS_ROOT = ['bg_note_single_key_expired', 'bg_note_single_key_not_certified'];

/**
 * The root a single-key subscription was offered (OFFERS_ROOT: its key's certificate ran out, or
 * the chain, perhaps after dropping that expired certificate, certifies another key), trusted
 * because the reader chose to, on its options card, as subscribing again would trust it: the
 * chain must still verify from exactly that root, whose fingerprint the card showed. The entry
 * keeps its place and the reader's settings; the list is checked against the new key after.
 * {entry} or {error}.
 */
export async function trustOfferedRoot(entry, fingerprint, deps) {
  const note = entry.keyNote;
  if (entry.pinnedRoot || !note || !OFFERS_ROOT.includes(note.code) || note.params[2] !== fingerprint) {
    return { error: error('bg_error_root_not_offered') };
  }
  const got = await fetchKeyChain(entry.url, deps);
  if (got.error) return { error: got.error };
  if (!got.chain) return { error: error('bg_error_key_chain_missing') };
  const trusted = await trustChain(got.chain, fingerprint, deps.now());
  if (trusted.error) return { error: trusted.error };
  return { entry: { ...entry, ...trusted.trust, pinnedKey: null, keyNote: null } };
}

// Checks a signed response against the trusted key: right signature, right list, right body,
// not older than what we hold, not past its expiry (a frozen mirror replaying old metadata).
// `keyFailed` says the key itself was the problem (refreshTrust may help).
async function checkSignature(entry, signed, bytes, now) {
  if (!signed) return { error: error('bg_error_signature_missing') };
  if (entry.pinnedRoot) {
    const key = entry.signingKey;
    if (!key || !(Date.parse(key.expires) > now)) {
      return { error: error('bg_error_key_chain_invalid', ['the signing-key certificate expired at ' + (key && key.expires)]), keyFailed: true };
    }
    if (!(await verifyListMetadata(signed.metadata, signed.signature, key))) {
      return { error: error('bg_error_signature_not_certified', [key.id]), keyFailed: true };
    }
  } else if (!(await verify(signed.metadata, signed.signature, entry.pinnedKey))) {
    return { error: error('bg_error_signature_invalid', [entry.keyId || '']) };
  }
  const meta = parseMetadata(signed.metadata);
  if (!meta) return { error: error('bg_error_metadata_invalid') };
  if (meta.list !== entry.id) return { error: error('bg_error_metadata_mismatch', ['list', meta.list]) };
  if (!entry.pinnedRoot && entry.keyId && meta.key && meta.key !== entry.keyId) {
    return { error: error('bg_error_metadata_mismatch', ['key', meta.key]) };
  }
  if (bytes && meta.sha256 !== await sha256Hex(bytes)) {
    return { error: error('bg_error_metadata_mismatch', ['sha256', meta.sha256.slice(0, 12)]) };
  }
  if (metadataExpired(meta, now)) return { error: error('bg_error_metadata_expired', [meta.expires]) };
  const held = entry.signedMetadata ? entry.signedMetadata.version : 0;
  if (meta.version < held) return { error: error('bg_error_rollback', [meta.version, held]) };
  return { meta };
}

// Decides whether a downloaded list replaces `entry`. The same engine that runs the list
// checks it first, examples included, so a list that would misfire never reaches a reader.
// `chainFresh`: the entry's trust came from a chain fetched just now, so none is fetched again.
export async function validate(entry, got, deps, chainFresh = false) {
  const now = deps.now();
  let meta = null;
  let trust = {};
  if (isSigned(entry)) {
    let checked = await checkSignature(entry, got.signed, got.bytes, now);
    if (checked.keyFailed && !chainFresh) {
      const refreshed = await refreshTrust(entry, deps);
      if (refreshed.error) return refreshed;
      trust = refreshed.trust;
      checked = await checkSignature({ ...entry, ...trust }, got.signed, got.bytes, now);
    }
    if (checked.error) return { error: checked.error };
    meta = checked.meta;
  }
  const { problems, list } = deps.engine.check(got.text);
  if (problems.length || !list) return { error: error('bg_error_problems', [problems.length], problems) };
  if (list.id !== entry.id) return { error: error('bg_error_id_mismatch', [list.id, entry.id]) };
  if (meta && meta.version !== list.version) {
    return { error: error('bg_error_metadata_mismatch', ['version', meta.version]) };
  }
  if (entry.text) {
    if (list.version < entry.version) return { error: error('bg_error_rollback', [list.version, entry.version]) };
    if (list.version === entry.version && got.text !== entry.text) {
      return { error: error('bg_error_same_version', [list.version]) };
    }
  }
  return {
    changed: got.text !== entry.text,
    fields: {
      title: list.title, description: list.description || '', text: got.text, version: list.version,
      publisher: list.maintainer || '', homepage: list.homepage || '', license: list.license || '',
      expiresHours: list.expiresHours || 24, etag: got.etag || null, signedMetadata: meta, rules: ruleSummaries(list),
      ...trust,
    },
  };
}

// One scheduled or manual check of a subscribed list. Returns the entry to store: on failure
// the old text and version with lastError set; on success the new list, swapped whole.
export async function update(stored, deps) {
  const now = deps.now();
  const entry = await adoptKeyChain(stored, deps);
  const checked = { ...entry, lastCheck: now };
  // Stale signed metadata must be replaced, so ask for the full list rather than a 304.
  const stale = isSigned(entry) && metadataExpired(entry.signedMetadata, now);
  const got = await download(entry.url, entry.text && !stale ? entry.etag : null, deps);
  if (got.error) return { entry: { ...checked, lastError: got.error }, outcome: 'failed' };
  if (got.notModified) {
    if (stale) return { entry: { ...checked, lastError: error('bg_error_metadata_expired', [entry.signedMetadata.expires]) }, outcome: 'failed' };
    return { entry: { ...checked, lastError: null }, outcome: 'unchanged' };
  }
  const v = await validate(entry, got, deps, entry.pinnedRoot !== stored.pinnedRoot);
  if (v.error) return { entry: { ...checked, lastError: v.error }, outcome: 'failed' };
  return { entry: { ...checked, ...v.fields, lastError: null }, outcome: v.changed ? 'updated' : 'unchanged' };
}

/**
 * Checks several lists at once: each under its own deadline, a failure (even a thrown one) kept
 * to its own list, so one stalled or broken server holds up none of the others.
 * @returns {Promise<{entry: object, outcome: string}[]>} in the order given
 */
export function updateMany(entries, deps) {
  return Promise.all(entries.map((entry) => update(entry, deps).catch((e) => ({
    entry: { ...entry, lastCheck: deps.now(), lastError: error('bg_error_internal', [e && e.message ? e.message : String(e)]) },
    outcome: 'failed',
  }))));
}

// A new subscription. A signed list's server has a key chain: the fingerprint of its root is
// pinned now (the first root, walked to the newest; or the imported one), and every later
// version must carry the signature of an online key that root certifies. A server without a
// key chain has one key: that key is pinned. `lists` is the stored map; a builtin list of the
// same id is upgraded in place. `pin` ({pinnedRoot, pinnedKey, keyId}) comes from an imported
// settings file: that root or key, not the server's.
export async function subscribe(url, lists, deps, pin = null) {
  if (!isAllowedUrl(url)) return { error: error('bg_error_not_https') };
  const server = serverListUrl(url);
  const got = await download(url, null, deps);
  if (got.error) return { error: got.error };
  const id = server ? server.id : peekId(got.text, deps.engine);
  const existing = id && lists[id];
  if (existing && existing.source !== 'builtin') return { error: error('bg_error_already_subscribed', [id]) };
  let trust = { pinnedRoot: null, signingKey: null, pinnedKey: null, keyId: null, keyNote: null };
  // A key from a settings file is trusted as it was; a chain may take over only if it certifies it.
  const importedKey = !!pin?.pinnedKey && !pin?.pinnedRoot;
  const chain = (got.signed || pin?.pinnedRoot) && !importedKey ? await fetchKeyChain(url, deps) : { none: true };
  if (chain.error) return { error: chain.error };
  if (chain.chain) {
    const pinned = pin?.pinnedRoot || (Array.isArray(chain.chain.roots) && chain.chain.roots[0]
      ? await rootFingerprint(chain.chain.roots[0]) : '');
    const trusted = await trustChain(chain.chain, pinned, deps.now());
    if (trusted.error) return { error: trusted.error };
    trust = { ...trust, ...trusted.trust };
  } else if (pin?.pinnedRoot) {
    return { error: error('bg_error_key_chain_missing') };
  } else if (importedKey) {
    trust = { ...trust, pinnedKey: pin.pinnedKey, keyId: pin.keyId };
  } else if (got.signed) {
    const meta = parseMetadata(got.signed.metadata);
    if (!meta) return { error: error('bg_error_metadata_invalid') };
    let keys;
    try {
      keys = await fetchKeys(apiBase(url) + '/api/v1/keys', deps);
    } catch (e) {
      return { error: error('bg_error_keys', [e.message]) };
    }
    const key = keys.find((k) => k.id === meta.key) || (meta.key ? null : keys[0]);
    if (!key) return { error: error('bg_error_unknown_key', [meta.key || '']) };
    trust = { ...trust, pinnedKey: key.publicKey, keyId: key.id, keyNote: error('bg_note_single_key_no_chain') };
  }
  let base = existing
    ? { ...existing, url, source: 'url', ...trust, signedMetadata: null, etag: null }
    : { id: id || '', title: '', text: null, version: 0, source: 'url', url, enabled: true, action: null,
      publisher: '', homepage: '', expiresHours: 24, lastCheck: 0, lastError: null, etag: null,
      ...trust, signedMetadata: null };
  if (importedKey) base = await adoptKeyChain(base, deps);
  const v = await validate(base, got, deps, true);
  if (v.error) return { error: v.error };
  return { entry: { ...base, ...v.fields, lastCheck: deps.now(), lastError: null } };
}

function peekId(text, engine) {
  const loaded = engine.load([text]);
  loaded.release();
  return loaded.lists[0].list ? loaded.lists[0].list.id : null;
}

/**
 * What the options page shows of a list's rules, kept with the list when it arrives so no page
 * parses it again: each rule as [id, family, explanation], a tuple rather than an object naming
 * its fields (the names would be most of the bytes of a list with many rules).
 * @param {import('../engine/engine.js').List} list
 * @returns {[string, string, string][]}
 */
export function ruleSummaries(list) {
  return list.rules.map((r) => [r.id, r.family, r.explanation]);
}

// When a list is next due: its own Expires interval, sooner after an error (but not in a
// loop), and before its signed metadata runs out so a live server is never seen as frozen.
export function nextCheck(entry) {
  const interval = Math.min(Math.max(entry.expiresHours || 24, 1), 720) * HOUR;
  let due = (entry.lastCheck || 0) + (entry.lastError ? Math.min(interval, HOUR) : interval);
  if (entry.signedMetadata && !entry.lastError) due = Math.min(due, Date.parse(entry.signedMetadata.expires));
  return due;
}

export function isDue(entry, now) {
  return entry.source === 'url' && entry.enabled !== false && nextCheck(entry) <= now;
}

// Copies only what a fetch owns onto the current stored entry, so a toggle the reader made
// while the fetch was in flight is not lost.
export function mergeFetched(current, fetched) {
  const out = { ...current };
  for (const f of FETCHED_FIELDS) if (f in fetched) out[f] = fetched[f];
  return out;
}

// Where a report about `listId` may go: its own Wedgewatch server, and only after the reader
// opted in. Returns {url} or {error}.
export function reportTarget(lists, settings, listId) {
  if (!settings || settings.reportsOptIn !== true) return { error: error('bg_error_reports_off') };
  const entry = lists[listId];
  const server = entry && entry.source === 'url' ? serverListUrl(entry.url) : null;
  return server ? { url: server.reports } : { error: error('bg_error_no_server') };
}

// What a report says: the rule, the verdict and the version of the list the reader has; the
// post's text only when the reader allowed it (reportsIncludeText), whatever the message holds.
export function reportBody(lists, settings, msg) {
  const body = { rule: String(msg.rule), verdict: String(msg.verdict) };
  const entry = lists[msg.list];
  if (entry && Number.isInteger(entry.version)) body.version = entry.version;
  if (settings && settings.reportsIncludeText === true && typeof msg.text === 'string' && msg.text) {
    body.text = msg.text.slice(0, 5000); // the server's limit
  }
  return body;
}
