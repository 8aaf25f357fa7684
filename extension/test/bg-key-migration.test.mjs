// A subscription made while its server had no key chain pins one key. Against the real server
// and chains made by its CLI (backend/target/wedgewatch.jar), on the real engine: it keeps that
// key, and says so, until the server serves a chain that verifies and certifies exactly that
// key (as its online key, or as one it replaced, unexpired); then it pins the chain's root and
// follows later rotations. A chain for another key, or one that does not verify, leaves the
// pinned key in place, with a note.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Updater, engine } from './bg-fixtures.mjs';
import { rootFingerprint } from '../src/background/key-chain.js';
import { JAR, jarBuilt, cli, createToken, startServer, publish, replaceOnlineKey, publishableList } from './jar-server.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-bg-key-migration-'));
const offline = path.join(work, 'offline');
const data = path.join(work, 'data');
const off = (name) => path.join(offline, name);
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const certifiedKeyId = (file) => JSON.parse(readJson(file).signed).key.id;

let server;
let token;
let legacy; // the subscription as it was stored before the server had a chain

const listUrl = () => server.base + '/api/v1/lists/migrating';

function deps({ rewriteChain = null, now = Date.now() } = {}) {
  const chainFetches = [];
  const fetchIt = async (url, init) => {
    if (!url.endsWith('/api/v1/key-chain')) return fetch(url, init);
    chainFetches.push(url);
    const res = await fetch(url, init);
    return rewriteChain && res.ok ? Response.json(rewriteChain(await res.json())) : res;
  };
  return { fetch: fetchIt, engine, now: () => now, chainFetches };
}

/** Stops the server, runs `change` on its data folder, starts it again and publishes `version`. */
async function restartWith(change, version) {
  await server.stop();
  change();
  server = await startServer(data);
  await publish(server.base, token, 'migrating', publishableList('migrating', version));
}

before(async () => {
  assert.ok(jarBuilt(), 'build the server first (mvn install): ' + JAR);
  cli('keys', 'init', '--data', data);
  for (const name of ['a', 'b']) cli('keys', 'root-key', '--out', offline, '--name', name);
  cli('keys', 'root', '--version', '1', '--threshold', '1', '--key', off('a.pub'), '--key', off('b.pub'), '--out', off('root-1.json'));
  cli('keys', 'sign', off('root-1.json'), '--key', off('a.key'));
  token = createToken(data, 'migration-test');
  server = await startServer(data);
  await publish(server.base, token, 'migrating', publishableList('migrating', 1));
});

after(async () => {
  if (server) await server.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

test('a server with no key chain: the subscription pins its one key and says so, at every check', async () => {
  const got = await Updater.subscribe(listUrl(), {}, deps());
  assert.equal(got.error, undefined, JSON.stringify(got.error));
  legacy = got.entry;
  assert.equal(legacy.pinnedRoot, null);
  assert.ok(legacy.pinnedKey);
  assert.equal(legacy.keyNote.code, 'bg_note_single_key_no_chain');

  await publish(server.base, token, 'migrating', publishableList('migrating', 2));
  const d = deps();
  const { entry, outcome } = await Updater.update(legacy, d);
  assert.equal(outcome, 'updated');
  assert.equal(entry.lastError, null);
  assert.equal(entry.pinnedKey, legacy.pinnedKey);
  assert.equal(entry.pinnedRoot, null);
  assert.equal(entry.keyNote.code, 'bg_note_single_key_no_chain');
  assert.equal(d.chainFetches.length, 1, 'the chain is looked for at each check');
  legacy = entry;
});

test('a chain that does not verify leaves the pinned key in place, with the reason', async () => {
  // Root 1 and a certificate of the server's own key, but the certificate's signatures stripped.
  await restartWith(() => {
    cli('keys', 'certify', '--root', off('root-1.json'), '--data', data, '--out', off('cert-1.json'));
    cli('keys', 'sign', off('cert-1.json'), '--key', off('b.key'));
    cli('keys', 'activate', '--data', data, '--root', off('root-1.json'), '--cert', off('cert-1.json'));
  }, 3);
  const stripped = deps({ rewriteChain: (c) => ({ ...c, signingKey: { ...c.signingKey, signatures: [] } }) });
  const { entry, outcome } = await Updater.update({ ...legacy, url: listUrl() }, stripped);
  assert.equal(outcome, 'updated', 'the list itself is still signed by the pinned key');
  assert.equal(entry.version, 3);
  assert.equal(entry.pinnedRoot, null);
  assert.equal(entry.pinnedKey, legacy.pinnedKey);
  assert.equal(entry.keyNote.code, 'bg_note_single_key_chain_refused');
  assert.match(entry.keyNote.params[0], /certificate lacks a threshold/);
});

test('a chain that certifies exactly the pinned key: the root is pinned, and a later key rotation is followed', async () => {
  const d = deps();
  const { entry, outcome } = await Updater.update({ ...legacy, url: listUrl() }, d);
  assert.equal(outcome, 'updated');
  assert.equal(entry.lastError, null, JSON.stringify(entry.lastError));
  assert.equal(entry.version, 3);
  assert.equal(entry.pinnedRoot, await rootFingerprint(readJson(off('root-1.json'))));
  assert.equal(entry.pinnedKey, null);
  assert.equal(entry.keyNote, null);
  assert.equal(entry.signingKey.id, certifiedKeyId(off('cert-1.json')));
  assert.equal(entry.signingKey.id, legacy.keyId, 'the very key pinned before');
  assert.equal(d.chainFetches.length, 1);
  // Stored as the background stores a check's result.
  const stored = Updater.mergeFetched({ ...legacy, enabled: false }, entry);
  assert.equal(stored.pinnedRoot, entry.pinnedRoot);
  assert.equal(stored.pinnedKey, null);
  assert.equal(stored.enabled, false, "the reader's switch survives");

  // The documented rotation of the online key: the migrated subscription follows it.
  await restartWith(() => {
    replaceOnlineKey(data, entry.signingKey.id, offline);
    cli('keys', 'certify', '--root', off('root-1.json'), '--data', data, '--days', '200', '--out', off('cert-1b.json'));
    cli('keys', 'sign', off('cert-1b.json'), '--key', off('a.key'));
    cli('keys', 'activate', '--data', data, '--root', off('root-1.json'), '--cert', off('cert-1b.json'));
  }, 4);
  const after = await Updater.update({ ...stored, url: listUrl() }, deps());
  assert.equal(after.entry.lastError, null, JSON.stringify(after.entry.lastError));
  assert.equal(after.entry.version, 4);
  assert.equal(after.entry.signingKey.id, certifiedKeyId(off('cert-1b.json')));
  assert.equal(after.entry.pinnedRoot, entry.pinnedRoot);
});

test('after a rotation, the certificate of the key it replaced, unexpired, still moves the subscription to the root', async () => {
  // `legacy` pins the key the server used before the rotation; the server keeps its certificate
  // beside the new one, and signs with the new key.
  const chain = await (await fetch(server.base + '/api/v1/key-chain')).json();
  assert.deepEqual(chain.previousSigningKeys.map((c) => JSON.parse(c.signed).key.id), [legacy.keyId]);
  const { entry, outcome } = await Updater.update({ ...legacy, url: listUrl() }, deps());
  assert.equal(outcome, 'updated');
  assert.equal(entry.lastError, null, JSON.stringify(entry.lastError));
  assert.equal(entry.version, 4);
  assert.equal(entry.pinnedRoot, await rootFingerprint(readJson(off('root-1.json'))));
  assert.equal(entry.pinnedKey, null);
  assert.equal(entry.keyNote, null);
  assert.equal(entry.signingKey.id, certifiedKeyId(off('cert-1b.json')), 'lists are checked with the current key only');
});

test('a key no root certified, or whose certificate has expired, stays pinned and the note names both keys', async () => {
  const stranger = { ...legacy, url: listUrl(), pinnedKey: Buffer.alloc(32, 7).toString('base64'), keyId: 'feedfacefeedface' };
  const a = await Updater.update(stranger, deps());
  assert.equal(a.outcome, 'failed');
  assert.equal(a.entry.lastError.code, 'bg_error_signature_invalid');
  assert.equal(a.entry.version, legacy.version, 'the last good list stays');
  assert.equal(a.entry.text, legacy.text);
  assert.equal(a.entry.pinnedRoot, null);
  assert.equal(a.entry.pinnedKey, stranger.pinnedKey);
  assert.equal(a.entry.keyNote.code, 'bg_note_single_key_not_certified');
  assert.deepEqual(a.entry.keyNote.params, ['feedfacefeedface', certifiedKeyId(off('cert-1b.json')), await rootFingerprint(readJson(off('root-1.json')))],
    'and offers the root, for the reader to trust as subscribing again would');

  // 100 days on, the old key's 90-day certificate has run out (the new one has 200 days): the
  // root is only offered (the last test), never taken.
  const later = await Updater.update({ ...legacy, url: listUrl() }, deps({ now: Date.now() + 100 * 24 * 3600 * 1000 }));
  assert.equal(later.outcome, 'failed');
  assert.equal(later.entry.pinnedRoot, null);
  assert.equal(later.entry.pinnedKey, legacy.pinnedKey);
  assert.equal(later.entry.keyNote.code, 'bg_note_single_key_expired');
  assert.equal(later.entry.keyNote.params[2], await rootFingerprint(readJson(off('root-1.json'))));
});

test('a settings file that names a pinned key and no root: the chain takes over only if it certifies that key', async () => {
  const certified = await Updater.subscribe(listUrl(), {}, deps(), { pinnedRoot: null, pinnedKey: legacy.pinnedKey, keyId: legacy.keyId });
  assert.equal(certified.error, undefined, JSON.stringify(certified.error));
  assert.equal(certified.entry.pinnedRoot, await rootFingerprint(readJson(off('root-1.json'))));
  assert.equal(certified.entry.pinnedKey, null);
  assert.equal(certified.entry.version, 4);

  const stranger = Buffer.alloc(32, 7).toString('base64');
  const refused = await Updater.subscribe(listUrl(), {}, deps(), { pinnedRoot: null, pinnedKey: stranger, keyId: 'feedfacefeedface' });
  assert.equal(refused.error.code, 'bg_error_signature_invalid', 'the imported key is kept, and the list is not signed by it');
});

test("once the pinned key's certificate has expired, the root is offered, never taken, and the reader trusts it in one step", async () => {
  // A server of its own: one key K1 while it had no chain, then K1 certified for a day, then
  // rotated to K2 (certified for 30), the way the documented rotation goes.
  const d2 = path.join(work, 'data-2');
  const o2 = path.join(work, 'offline-2');
  const o = (name) => path.join(o2, name);
  cli('keys', 'init', '--data', d2);
  cli('keys', 'root-key', '--out', o2, '--name', 'a');
  cli('keys', 'root', '--version', '1', '--threshold', '1', '--key', o('a.pub'), '--out', o('root-1.json'));
  cli('keys', 'sign', o('root-1.json'), '--key', o('a.key'));
  const token2 = createToken(d2, 'lapse-test');
  let second = await startServer(d2);
  try {
    await publish(second.base, token2, 'lapsing', publishableList('lapsing', 1));
    const subscribed = await Updater.subscribe(second.base + '/api/v1/lists/lapsing', {}, deps());
    assert.equal(subscribed.error, undefined, JSON.stringify(subscribed.error));
    assert.equal(subscribed.entry.pinnedRoot, null);

    await second.stop();
    cli('keys', 'certify', '--root', o('root-1.json'), '--data', d2, '--days', '1', '--out', o('cert-k1.json'));
    cli('keys', 'sign', o('cert-k1.json'), '--key', o('a.key'));
    cli('keys', 'activate', '--data', d2, '--root', o('root-1.json'), '--cert', o('cert-k1.json'));
    replaceOnlineKey(d2, subscribed.entry.keyId, o2);
    cli('keys', 'certify', '--root', o('root-1.json'), '--data', d2, '--days', '30', '--out', o('cert-k2.json'));
    cli('keys', 'sign', o('cert-k2.json'), '--key', o('a.key'));
    cli('keys', 'activate', '--data', d2, '--root', o('root-1.json'), '--cert', o('cert-k2.json'));
    second = await startServer(d2);
    await publish(second.base, token2, 'lapsing', publishableList('lapsing', 2));
    const mine = { ...subscribed.entry, url: second.base + '/api/v1/lists/lapsing', enabled: false, action: 'blur' };

    // Two days on: K1's certificate has run out, the list is signed by K2.
    const d = deps({ now: Date.now() + 2 * 24 * 3600 * 1000 });
    const root = await rootFingerprint(readJson(o('root-1.json')));
    const k1Expires = JSON.parse(readJson(o('cert-k1.json')).signed).expires;
    const failed = await Updater.update(mine, d);
    assert.equal(failed.outcome, 'failed');
    assert.equal(failed.entry.lastError.code, 'bg_error_signature_invalid');
    assert.equal(failed.entry.version, 1, 'the last good list stays');
    assert.equal(failed.entry.text, mine.text);
    assert.equal(failed.entry.pinnedRoot, null, 'not trusted silently');
    assert.equal(failed.entry.pinnedKey, mine.pinnedKey);
    assert.deepEqual(failed.entry.keyNote, { code: 'bg_note_single_key_expired', params: [mine.keyId, k1Expires, root], problems: [] });
    const again = await Updater.update(failed.entry, d);
    assert.equal(again.entry.pinnedRoot, null, 'each check offers it again, and takes nothing');

    // Only the root the card showed, and only while it is offered.
    assert.equal((await Updater.trustOfferedRoot(failed.entry, 'ab'.repeat(32), d)).error.code, 'bg_error_root_not_offered');
    assert.equal((await Updater.trustOfferedRoot({ ...failed.entry, keyNote: null }, root, d)).error.code, 'bg_error_root_not_offered');

    const trusted = await Updater.trustOfferedRoot(failed.entry, root, d);
    assert.equal(trusted.error, undefined, JSON.stringify(trusted.error));
    assert.equal(trusted.entry.pinnedRoot, root);
    assert.equal(trusted.entry.pinnedKey, null);
    assert.equal(trusted.entry.keyNote, null);
    assert.equal(trusted.entry.signingKey.id, certifiedKeyId(o('cert-k2.json')));
    // Stored as the background stores it, then checked at once: the list updates, the reader's settings stay.
    const resumed = await Updater.update(Updater.mergeFetched(failed.entry, trusted.entry), d);
    assert.equal(resumed.entry.lastError, null, JSON.stringify(resumed.entry.lastError));
    assert.equal(resumed.outcome, 'updated');
    assert.equal(resumed.entry.version, 2);
    assert.equal(resumed.entry.pinnedRoot, root);
    assert.equal(resumed.entry.enabled, false);
    assert.equal(resumed.entry.action, 'blur');
  } finally {
    await second.stop();
  }
});
