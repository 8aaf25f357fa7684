// Signed lists from a Wedgewatch server: the key is pinned when subscribing, and every later
// version must be signed by it, match its body, not roll back and not be past its expiry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Updater, Signature, server, listText, signer, deps, NOW } from './bg-fixtures.mjs';

const BASE = 'https://ww.example.org';
const LIST = BASE + '/api/v1/lists/alpha';

async function signedServer(version = 3) {
  const key = await signer('k1');
  const srv = server({ [BASE + '/api/v1/keys']: () => Response.json({ keys: [{ id: 'k1', publicKey: key.publicKey }] }) });
  let published = 0;
  async function publish(text, opts, etag = '"e' + (++published) + '"') {
    const id = /! Id: (.*)/.exec(text)[1];
    const v = Number(/! Version: (.*)/.exec(text)[1]);
    const headers = await (opts?.by || key).sign(opts?.claimId || id, opts?.claimVersion || v, opts?.claimText || text, opts);
    srv.routes[LIST] = (h) => h['If-None-Match'] === etag
      ? new Response(null, { status: 304, headers: { ETag: etag } })
      : new Response(text, { headers: { ETag: etag, ...headers } });
  }
  await publish(listText('alpha', version));
  const { entry, error } = await Updater.subscribe(LIST, {}, deps(srv.fetch));
  assert.equal(error, undefined);
  return { key, srv, publish, entry };
}

test('WebCrypto Ed25519 verifies the exact metadata bytes and nothing else', async () => {
  const key = await signer();
  const h = await key.sign('alpha', 1, 'body');
  const metadata = h['Wedgewatch-Metadata'];
  assert.ok(await Signature.verify(metadata, h['Wedgewatch-Signature'], key.publicKey));
  assert.ok(!(await Signature.verify(metadata + ' ', h['Wedgewatch-Signature'], key.publicKey)));
  assert.ok(!(await Signature.verify(metadata, 'AAAA', key.publicKey)));
  assert.ok(!(await Signature.verify(metadata, h['Wedgewatch-Signature'], 'not base64!')));
  assert.equal(Signature.parseMetadata(metadata).list, 'alpha');
  assert.equal(Signature.parseMetadata('{"list":1}'), null);
});

test('subscribing to a server list pins the key it is signed with', async () => {
  const { entry, key } = await signedServer();
  assert.equal(entry.id, 'alpha');
  assert.equal(entry.keyId, 'k1');
  assert.equal(entry.pinnedKey, key.publicKey);
  assert.equal(entry.signedMetadata.version, 3);
});

test('a newer version signed by the pinned key is accepted', async () => {
  const { entry, srv, publish } = await signedServer();
  await publish(listText('alpha', 4));
  const { entry: next, outcome } = await Updater.update(entry, deps(srv.fetch));
  assert.equal(outcome, 'updated');
  assert.equal(next.version, 4);
  assert.equal(next.signedMetadata.version, 4);
});

test('a tampered body is refused and the last good list stays', async () => {
  const { entry, srv, publish } = await signedServer();
  await publish(listText('alpha', 4, '  match: injected\n'), { claimText: listText('alpha', 4) });
  const { entry: next, outcome } = await Updater.update(entry, deps(srv.fetch));
  assert.equal(outcome, 'failed');
  assert.equal(next.lastError.code, 'bg_error_metadata_mismatch');
  assert.equal(next.lastError.params[0], 'sha256');
  assert.equal(next.text, entry.text);
  assert.equal(next.version, 3);
});

test('a list signed by another key is refused', async () => {
  const { entry, srv, publish } = await signedServer();
  await publish(listText('alpha', 4), { by: await signer('k1') });
  const { entry: next } = await Updater.update(entry, deps(srv.fetch));
  assert.equal(next.lastError.code, 'bg_error_signature_invalid');
  assert.equal(next.version, 3);
});

test('a pinned list served without a signature is refused', async () => {
  const { entry, srv } = await signedServer();
  srv.routes[LIST] = () => new Response(listText('alpha', 4));
  const { entry: next } = await Updater.update(entry, deps(srv.fetch));
  assert.equal(next.lastError.code, 'bg_error_signature_missing');
});

test('signed metadata past its expiry is refused as a freeze', async () => {
  const { entry, srv, publish } = await signedServer();
  await publish(listText('alpha', 4), { expires: new Date(NOW - 1000).toISOString() });
  const { entry: next } = await Updater.update(entry, deps(srv.fetch));
  assert.equal(next.lastError.code, 'bg_error_metadata_expired');
  assert.equal(next.version, 3);
});

test('once the held metadata has expired the list is fetched in full, not trusted on a 304', async () => {
  const { entry, srv, publish } = await signedServer();
  const stale = { ...entry, signedMetadata: { ...entry.signedMetadata, expires: new Date(NOW - 1000).toISOString() } };
  await publish(listText('alpha', 3), {}, entry.etag);
  const { entry: next, outcome } = await Updater.update(stale, deps(srv.fetch));
  assert.equal(srv.requests.at(-1).headers['If-None-Match'], undefined);
  assert.equal(outcome, 'unchanged');
  assert.equal(next.lastError, null);
  assert.equal(next.signedMetadata.expires, '2999-01-01T00:00:00Z');
});

test('signed metadata claiming an older version than the one held is a rollback', async () => {
  const { entry, srv, publish } = await signedServer(5);
  await publish(listText('alpha', 4));
  const { entry: next } = await Updater.update(entry, deps(srv.fetch));
  assert.equal(next.lastError.code, 'bg_error_rollback');
});

test('metadata for another list or version is refused', async () => {
  const { entry, srv, publish } = await signedServer();
  await publish(listText('alpha', 4), { claimId: 'beta' });
  assert.equal((await Updater.update(entry, deps(srv.fetch))).entry.lastError.code, 'bg_error_metadata_mismatch');
  const text = listText('alpha', 4);
  await publish(text, { claimVersion: 9, claimText: text });
  const r = await Updater.update(entry, deps(srv.fetch));
  assert.equal(r.entry.lastError.code, 'bg_error_metadata_mismatch');
  assert.equal(r.entry.lastError.params[0], 'version');
});

test('without exposed headers the signature comes from the list signature resource', async () => {
  const key = await signer('k1');
  const text = listText('alpha', 2);
  const h = await key.sign('alpha', 2, text);
  const srv = server({
    [BASE + '/api/v1/keys']: () => Response.json([{ id: 'k1', publicKey: key.publicKey }]),
    [LIST]: () => new Response(text),
    [LIST + '/signature']: () => Response.json({ metadata: h['Wedgewatch-Metadata'], signature: h['Wedgewatch-Signature'] }),
  });
  const { entry, error } = await Updater.subscribe(LIST, {}, deps(srv.fetch));
  assert.equal(error, undefined);
  assert.equal(entry.pinnedKey, key.publicKey);
  const { outcome } = await Updater.update(entry, deps(srv.fetch));
  assert.equal(outcome, 'unchanged');
});

test('a signature by a key the server does not publish is refused at subscription', async () => {
  const other = await signer('k9');
  const text = listText('alpha', 2);
  const srv = server({
    [BASE + '/api/v1/keys']: () => Response.json({ keys: [] }),
    [LIST]: async () => new Response(text, { headers: await other.sign('alpha', 2, text) }),
  });
  const { error } = await Updater.subscribe(LIST, {}, deps(srv.fetch));
  assert.equal(error.code, 'bg_error_unknown_key');
});

test('a server list whose text names another id is refused at subscription', async () => {
  const srv = server({ [LIST]: () => new Response(listText('beta', 1)) });
  const { error } = await Updater.subscribe(LIST, {}, deps(srv.fetch));
  assert.equal(error.code, 'bg_error_id_mismatch');
});
