// The updater against the real server and chains made by its CLI (backend/target/wedgewatch.jar),
// on the real engine: a subscription pins the server's root; the online key rotates, then the
// root rotates by a threshold, and updates go on; forged, hijacked or expired chains are refused
// and the last good list stays. Each test follows on from the one before, as a server's life does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Updater, engine } from './bg-fixtures.mjs';
import { rootFingerprint } from '../src/background/key-chain.js';
import { JAR, jarBuilt, cli, createToken, startServer, publish, replaceOnlineKey, publishableList } from './jar-server.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-bg-key-chain-'));
const offline = path.join(work, 'offline');
const data = path.join(work, 'data');
const off = (name) => path.join(offline, name);
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const DAY = 24 * 3600 * 1000;

let server;
let token;
let entry; // the subscription, carried from test to test

const listUrl = () => server.base + '/api/v1/lists/rotating';

// The real fetch, recording which key-chain requests the updater made; `hijack(url)` may send a
// request to another server instead (a DNS hijack or a compromised mirror).
function deps({ now = Date.now(), hijack = (url) => url } = {}) {
  const chainFetches = [];
  const fetchIt = (url, init) => {
    if (url.endsWith('/api/v1/key-chain')) chainFetches.push(url);
    return fetch(hijack(url), init);
  };
  return { fetch: fetchIt, engine, now: () => now, chainFetches };
}

async function restart() {
  await server.stop();
  server = await startServer(data);
}

before(async () => {
  assert.ok(jarBuilt(), 'build the server first (mvn install): ' + JAR);
  cli('keys', 'init', '--data', data);
  for (const name of ['a', 'b', 'c', 'd']) cli('keys', 'root-key', '--out', offline, '--name', name);
  cli('keys', 'root', '--version', '1', '--threshold', '2', '--key', off('a.pub'), '--key', off('b.pub'),
    '--key', off('c.pub'), '--out', off('root-1.json'));
  cli('keys', 'sign', off('root-1.json'), '--key', off('a.key'), '--key', off('b.key'));
  cli('keys', 'certify', '--root', off('root-1.json'), '--data', data, '--out', off('cert-1.json'));
  cli('keys', 'sign', off('cert-1.json'), '--key', off('a.key'), '--key', off('c.key'));
  cli('keys', 'activate', '--data', data, '--root', off('root-1.json'), '--cert', off('cert-1.json'));
  token = createToken(data, 'rotation-test');
  server = await startServer(data);
  await publish(server.base, token, 'rotating', publishableList('rotating', 1));
});

after(async () => {
  if (server) await server.stop();
  if (impostorServer) await impostorServer.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

test('subscribing pins the root of the server, not its online key', async () => {
  const d = deps();
  const got = await Updater.subscribe(listUrl(), {}, d);
  assert.equal(got.error, undefined, JSON.stringify(got.error));
  entry = got.entry;
  assert.equal(entry.pinnedRoot, await rootFingerprint(readJson(off('root-1.json'))));
  assert.equal(entry.pinnedKey, null);
  assert.equal(entry.signingKey.id, JSON.parse(readJson(off('cert-1.json')).signed).key.id);
  assert.equal(entry.keyId, entry.signingKey.id);
  assert.equal(entry.version, 1);
  assert.equal(d.chainFetches.length, 1);
});

test('after the documented rotation of the online key, the next version is accepted with one fetch of the chain', async () => {
  const oldKey = entry.signingKey.id;
  await server.stop();
  replaceOnlineKey(data, oldKey, offline);
  cli('keys', 'certify', '--root', off('root-1.json'), '--data', data, '--out', off('cert-1b.json'));
  cli('keys', 'sign', off('cert-1b.json'), '--key', off('b.key'), '--key', off('c.key'));
  cli('keys', 'activate', '--data', data, '--root', off('root-1.json'), '--cert', off('cert-1b.json'));
  server = await startServer(data);
  await publish(server.base, token, 'rotating', publishableList('rotating', 2));
  entry = { ...entry, url: listUrl() }; // a restarted server listens on a new port

  const d = deps();
  const { entry: next, outcome } = await Updater.update(entry, d);
  assert.equal(next.lastError, null, JSON.stringify(next.lastError));
  assert.equal(outcome, 'updated');
  assert.equal(next.version, 2);
  assert.notEqual(next.signingKey.id, oldKey);
  assert.equal(next.signingKey.id, JSON.parse(readJson(off('cert-1b.json')).signed).key.id);
  assert.equal(next.pinnedRoot, entry.pinnedRoot);
  assert.equal(d.chainFetches.length, 1);
  entry = next;

  await publish(server.base, token, 'rotating', publishableList('rotating', 3));
  const again = deps();
  const third = await Updater.update(entry, again);
  assert.equal(third.entry.version, 3);
  assert.equal(again.chainFetches.length, 0, 'a signature that verifies needs no chain');
  entry = third.entry;
});

test('a root rotated by a threshold of the old keys and of the new is walked to, and pinned', async () => {
  // Root 2 replaces a, b and c by d alone (threshold 1); a new online key under it.
  cli('keys', 'root', '--version', '2', '--threshold', '1', '--key', off('d.pub'), '--out', off('root-2.json'));
  cli('keys', 'sign', off('root-2.json'), '--key', off('a.key'), '--key', off('c.key'), '--key', off('d.key'));
  await server.stop();
  replaceOnlineKey(data, entry.signingKey.id, offline);
  cli('keys', 'certify', '--root', off('root-2.json'), '--data', data, '--out', off('cert-2.json'));
  cli('keys', 'sign', off('cert-2.json'), '--key', off('d.key'));
  cli('keys', 'activate', '--data', data, '--root', off('root-1.json'), '--root', off('root-2.json'),
    '--cert', off('cert-2.json'));
  server = await startServer(data);
  await publish(server.base, token, 'rotating', publishableList('rotating', 4));
  entry = { ...entry, url: listUrl() };

  const { entry: next, outcome } = await Updater.update(entry, deps());
  assert.equal(next.lastError, null, JSON.stringify(next.lastError));
  assert.equal(outcome, 'updated');
  assert.equal(next.version, 4);
  assert.equal(next.pinnedRoot, await rootFingerprint(readJson(off('root-2.json'))));
  assert.equal(next.signingKey.id, JSON.parse(readJson(off('cert-2.json')).signed).key.id);
  entry = next;
});

// Another real server with keys and a root of its own: what a hijacked address would serve.
// Made once, on first use.
let impostorServer = null;
async function impostor() {
  const dir = path.join(work, 'impostor');
  if (impostorServer) return { other: impostorServer, dir };
  cli('keys', 'init', '--data', dir);
  cli('keys', 'root-key', '--out', dir, '--name', 'x');
  cli('keys', 'root', '--version', '1', '--threshold', '1', '--key', path.join(dir, 'x.pub'), '--out', path.join(dir, 'root.json'));
  cli('keys', 'sign', path.join(dir, 'root.json'), '--key', path.join(dir, 'x.key'));
  cli('keys', 'certify', '--root', path.join(dir, 'root.json'), '--data', dir, '--out', path.join(dir, 'cert.json'));
  cli('keys', 'sign', path.join(dir, 'cert.json'), '--key', path.join(dir, 'x.key'));
  cli('keys', 'activate', '--data', dir, '--root', path.join(dir, 'root.json'), '--cert', path.join(dir, 'cert.json'));
  // A third root that names only the impostor's key, signed by it alone, on top of the real chain.
  cli('keys', 'root', '--version', '3', '--threshold', '1', '--key', path.join(dir, 'x.pub'), '--out', path.join(dir, 'root-3.json'));
  cli('keys', 'sign', path.join(dir, 'root-3.json'), '--key', path.join(dir, 'x.key'));
  cli('keys', 'certify', '--root', path.join(dir, 'root-3.json'), '--data', dir, '--out', path.join(dir, 'cert-3.json'));
  cli('keys', 'sign', path.join(dir, 'cert-3.json'), '--key', path.join(dir, 'x.key'));
  impostorServer = await startServer(dir);
  await publish(impostorServer.base, createToken(dir, 'impostor'), 'rotating', publishableList('rotating', 9));
  return { other: impostorServer, dir };
}

function refusedKeepingLastGood(result, code) {
  assert.equal(result.outcome, 'failed');
  assert.equal(result.entry.lastError.code, code, JSON.stringify(result.entry.lastError));
  assert.equal(result.entry.version, entry.version);
  assert.equal(result.entry.text, entry.text);
  assert.equal(result.entry.pinnedRoot, entry.pinnedRoot);
  assert.deepEqual(result.entry.signingKey, entry.signingKey);
}

test('a list signed by a key the chain does not certify, or a chain of another root, is refused after one re-fetch', async () => {
  const { other, dir } = await impostor();
  const toOther = (url) => url.replace(server.base, other.base);
  // The list from the impostor, the chain from the real server: the key is not certified.
  const listOnly = deps({ hijack: (url) => (url.endsWith('/key-chain') ? url : toOther(url)) });
  const a = await Updater.update(entry, listOnly);
  refusedKeepingLastGood(a, 'bg_error_signature_not_certified');
  assert.equal(listOnly.chainFetches.length, 1);

  // Everything from the impostor: its chain does not hold the pinned root.
  const all = deps({ hijack: toOther });
  const b = await Updater.update(entry, all);
  refusedKeepingLastGood(b, 'bg_error_key_chain_invalid');
  assert.match(b.entry.lastError.params[0], /pinned root/);
  assert.equal(all.chainFetches.length, 1);

  // The real roots with the impostor's root 3 on top, signed only by its own key.
  const real = await (await fetch(server.base + '/api/v1/key-chain')).json();
  const forged = { roots: [...real.roots, readJson(path.join(dir, 'root-3.json'))], signingKey: readJson(path.join(dir, 'cert-3.json')) };
  const forging = deps({ hijack: toOther });
  const fetchForged = forging.fetch;
  forging.fetch = (url, init) => (url.endsWith('/key-chain') ? fetchForged(url, init).then(() => Response.json(forged)) : fetchForged(url, init));
  const c = await Updater.update(entry, forging);
  refusedKeepingLastGood(c, 'bg_error_key_chain_invalid');
  assert.match(c.entry.lastError.params[0], /root 3 lacks a threshold of root 2/);
});

test('an expired certificate is refused, even after a re-fetch, and the last good list stays', async () => {
  await publish(server.base, token, 'rotating', publishableList('rotating', 5));
  const later = deps({ now: Date.now() + 400 * DAY }); // past the certificate's 90 days
  const r = await Updater.update(entry, later);
  refusedKeepingLastGood(r, 'bg_error_key_chain_invalid');
  assert.match(r.entry.lastError.params[0], /expired/);
  assert.equal(later.chainFetches.length, 1);
  // Today the same update goes through.
  const now = await Updater.update(entry, deps());
  assert.equal(now.entry.lastError, null);
  assert.equal(now.entry.version, 5);
});

test('a server that drops its key chain is refused, not trusted on one key', async () => {
  const { other } = await impostor();
  const dropped = deps({ hijack: (url) => url.replace(server.base, other.base) });
  const fetchIt = dropped.fetch;
  dropped.fetch = (url, init) => (url.endsWith('/key-chain')
    ? fetchIt(url, init).then(() => new Response('not found', { status: 404 })) : fetchIt(url, init));
  refusedKeepingLastGood(await Updater.update(entry, dropped), 'bg_error_key_chain_missing');
  assert.equal(dropped.chainFetches.length, 1);
});
