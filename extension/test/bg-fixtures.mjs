// Shared by the bg-*.test.mjs files: the background's modules on the real engine (the TeaVM
// build in target/node, made by `mvn package`), a list server made of plain functions, and an
// Ed25519 signer.
import { createEngine } from '../target/node/engine-api.mjs';
import * as teavm from '../target/node/engine.mjs';
import * as Updater from '../src/background/updater.js';
import * as Storage from '../src/background/storage.js';
import * as Signature from '../src/background/signature.js';
import { sha256Hex } from '../src/common/encoding.js';

export { Updater, Storage, Signature };

/** The real engine: TeaVM's build of shared/, as the background bundles it. */
export const engine = createEngine(teavm);

/** A list in the real format, one rule; extra lines go at the end of that rule. */
export function listText(id, version, extra = '') {
  return `! Title: List ${id}\n! Id: ${id}\n! Version: ${version}\n\nrule r1\n  family: F1 test\n  explain: A rule for the tests.\n  match: x\n${extra}`;
}

/** A line that is no rule property: a real parse problem, on the line after the rule's match. */
export const BROKEN_LINE = '  this is not a property\n';
export const BROKEN_AT = { line: 9, column: 3 };

// A list server: routes map a URL to a function(request headers) -> Response. Records requests.
export function server(routes) {
  const requests = [];
  const fetch = async (url, init = {}) => {
    requests.push({ url, headers: { ...(init.headers || {}) } });
    const route = routes[url];
    if (!route) return new Response('not found', { status: 404 });
    return route(init.headers || {});
  };
  return { fetch, requests, routes };
}

export function etagged(text, etag, extraHeaders = {}) {
  return (headers) => headers['If-None-Match'] === etag
    ? new Response(null, { status: 304, headers: { ETag: etag } })
    : new Response(text, { headers: { ETag: etag, ...extraHeaders } });
}

export async function signer(keyId = 'k1') {
  const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const raw = await crypto.subtle.exportKey('raw', pair.publicKey);
  const publicKey = Buffer.from(raw).toString('base64');
  async function sign(id, version, text, { expires = '2999-01-01T00:00:00Z', key = keyId } = {}) {
    const sha = await sha256Hex(new TextEncoder().encode(text));
    const metadata = JSON.stringify({ list: id, version, sha256: sha, published: '2026-01-01T00:00:00Z', expires, key });
    const s = await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, new TextEncoder().encode(metadata));
    return { 'Wedgewatch-Metadata': metadata, 'Wedgewatch-Signature': Buffer.from(s).toString('base64') };
  }
  return { keyId, publicKey, sign };
}

export const NOW = Date.parse('2026-06-01T12:00:00Z');
export function deps(fetch, now = NOW) {
  return { fetch, engine, now: () => now };
}
