// The client's key-chain checks (src/background/key-chain.js) against chains made by the real
// CLI and served by the real server (backend/target/wedgewatch.jar): a pinned root walks to the
// newest, the online key rotates under it, and every forged or stale piece is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyKeyChain, verifyListMetadata, rootFingerprint } from '../src/background/key-chain.js';
import { JAR, jarBuilt, cli, createToken, startServer as serve, publish as put, publishableList } from './jar-server.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-key-chain-'));
const offline = path.join(work, 'offline');
const data = path.join(work, 'data');
const off = (name) => path.join(offline, name);

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

let server;
let base;

async function startServer() {
  server = await serve(data);
  base = server.base;
}

async function stopServer() {
  if (server) await server.stop();
}

let token;

async function publish(version) {
  await put(base, token, 'chained', publishableList('chained', version));
}

async function fetchChain() {
  const r = await fetch(base + '/api/v1/key-chain');
  assert.equal(r.status, 200);
  return r.json();
}

async function fetchList() {
  const r = await fetch(base + '/api/v1/lists/chained');
  assert.equal(r.status, 200);
  await r.arrayBuffer();
  return { metadata: r.headers.get('Wedgewatch-Metadata'), signature: r.headers.get('Wedgewatch-Signature') };
}

before(async () => {
  assert.ok(jarBuilt(), 'build the server first (mvn install): ' + JAR);
  cli('keys', 'init', '--data', data);
  for (const name of ['a', 'b', 'c', 'd']) cli('keys', 'root-key', '--out', offline, '--name', name);
  cli('keys', 'root', '--version', '1', '--threshold', '2', '--key', off('a.pub'), '--key', off('b.pub'),
    '--key', off('c.pub'), '--out', off('root-1.json'));
  cli('keys', 'sign', off('root-1.json'), '--key', off('a.key'), '--key', off('b.key'));
  cli('keys', 'certify', '--root', off('root-1.json'), '--data', data, '--out', off('cert-1.json'));
  cli('keys', 'sign', off('cert-1.json'), '--key', off('b.key'), '--key', off('c.key'));
  cli('keys', 'root', '--version', '2', '--threshold', '1', '--key', off('c.pub'), '--key', off('d.pub'),
    '--out', off('root-2.json'));
  cli('keys', 'sign', off('root-2.json'), '--key', off('a.key'), '--key', off('b.key'), '--key', off('d.key'));
  cli('keys', 'certify', '--root', off('root-2.json'), '--data', data, '--days', '30', '--out', off('cert-2.json'));
  cli('keys', 'sign', off('cert-2.json'), '--key', off('c.key'));
  cli('keys', 'activate', '--data', data, '--root', off('root-1.json'), '--root', off('root-2.json'),
    '--cert', off('cert-2.json'));
  token = createToken(data, 'chain-test');
  await startServer();
  await publish(1);
});

after(async () => {
  await stopServer();
  fs.rmSync(work, { recursive: true, force: true });
});

test('a client that pinned root 1 walks to root 2 and verifies the served list', async () => {
  const pin = await rootFingerprint(readJson(off('root-1.json')));
  const chain = await fetchChain();
  const v = await verifyKeyChain(chain, pin);
  assert.equal(v.ok, true, v.error);
  assert.equal(v.rootVersion, 2);
  assert.equal(v.rootFingerprint, await rootFingerprint(readJson(off('root-2.json'))));
  const { metadata, signature } = await fetchList();
  assert.equal(JSON.parse(metadata).key, v.signingKey.id);
  assert.equal(await verifyListMetadata(metadata, signature, v.signingKey), true);
  assert.equal(await verifyListMetadata(metadata.replace('"version":1', '"version":2'), signature, v.signingKey), false);
  // A client that pinned root 2 later starts there.
  assert.equal((await verifyKeyChain(chain, v.rootFingerprint)).ok, true);
});

test('forged, stale or unpinned chains are refused', async () => {
  const pin = await rootFingerprint(readJson(off('root-1.json')));
  const chain = await fetchChain();
  const copy = () => JSON.parse(JSON.stringify(chain));

  assert.match((await verifyKeyChain(chain, 'f'.repeat(64))).error, /pinned root/);

  const onlyNewKeys = copy(); // root 2 without a threshold of root 1's keys
  onlyNewKeys.roots[1].signatures = onlyNewKeys.roots[1].signatures.filter((s) => s.key === readRootKeyId('d'));
  assert.match((await verifyKeyChain(onlyNewKeys, pin)).error, /lacks a threshold of root 1/);

  const tampered = copy(); // a key swapped into root 2's text after signing
  tampered.roots[1].signed = tampered.roots[1].signed.replace('"threshold":1', '"threshold":2');
  assert.equal((await verifyKeyChain(tampered, pin)).ok, false);

  const staleCert = copy(); // a certificate from root 1 after root 2 replaced it
  staleCert.signingKey = readJson(off('cert-1.json'));
  assert.match((await verifyKeyChain(staleCert, pin)).error, /certificate is for root 1/);

  const later = new Date(Date.now() + 31 * 24 * 3600 * 1000);
  assert.match((await verifyKeyChain(chain, pin, later)).error, /expired/);

  const duplicated = copy(); // one key's signature twice does not make a threshold of two
  const a = duplicated.roots[0].signatures[0];
  duplicated.roots[0].signatures = [a, a];
  assert.match((await verifyKeyChain(duplicated, pin)).error, /pinned root lacks/);
});

function readRootKeyId(name) {
  const root = JSON.parse(readJson(off('root-2.json')).signed);
  const raw = fs.readFileSync(off(name + '.pub')).subarray(12);
  return root.keys.find((k) => k.publicKey === raw.toString('base64')).id;
}

test('the documented rotation of the online key keeps the pinned root working', async () => {
  const pin = await rootFingerprint(readJson(off('root-1.json')));
  const before = (await verifyKeyChain(await fetchChain(), pin)).signingKey.id;
  await stopServer();
  const keys = path.join(data, 'keys');
  fs.mkdirSync(path.join(keys, 'retired'), { recursive: true });
  fs.renameSync(path.join(keys, 'signing.pub'), path.join(keys, 'retired', before + '.pub'));
  fs.renameSync(path.join(keys, 'signing.key'), path.join(offline, 'old-signing.key'));
  cli('keys', 'init', '--data', data);
  cli('keys', 'certify', '--root', off('root-2.json'), '--data', data, '--out', off('cert-2b.json'));
  cli('keys', 'sign', off('cert-2b.json'), '--key', off('d.key'));
  cli('keys', 'activate', '--data', data, '--root', off('root-1.json'), '--root', off('root-2.json'),
    '--cert', off('cert-2b.json'));
  await startServer();
  const v = await verifyKeyChain(await fetchChain(), pin);
  assert.equal(v.ok, true, v.error);
  assert.notEqual(v.signingKey.id, before);
  let list;
  for (let i = 0; i < 50; i++) { // the current list is re-signed with the new key within a refresh
    list = await fetchList();
    if (JSON.parse(list.metadata).key === v.signingKey.id) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.equal(await verifyListMetadata(list.metadata, list.signature, v.signingKey), true);
  await publish(2);
  const next = await fetchList();
  assert.equal(JSON.parse(next.metadata).version, 2);
  assert.equal(await verifyListMetadata(next.metadata, next.signature, v.signingKey), true);
});
