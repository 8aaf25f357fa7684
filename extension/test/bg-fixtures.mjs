// Shared by the bg-*.test.mjs files: loads the background scripts as the browser does
// (classic scripts on one global), a small stand-in engine, a list server made of plain
// functions, and an Ed25519 signer.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const src = new URL('../src/', import.meta.url);

export function load(...paths) {
  for (const p of paths) vm.runInThisContext(readFileSync(new URL(p, src), 'utf8'), { filename: p });
}

load('background/signature.js', 'background/updater.js', 'background/storage.js');
export const Updater = globalThis.WedgewatchUpdater;
export const Storage = globalThis.WedgewatchStorage;
export const Signature = globalThis.WedgewatchSignature;

// Reads the headers the real parser reads; a line with BROKEN is a problem, as a parse error
// or a failing example would be. The real engine is exercised by the browser tests.
export const engine = {
  parse(text) {
    const header = (k) => (new RegExp('^! ' + k + ': *(.*)$', 'm').exec(text) || [])[1];
    const problems = this.check(text);
    const id = header('Id');
    const version = Number(header('Version'));
    if (problems.length || !id || !version) return { ok: false, problems, list: null };
    return { ok: true, problems: [], list: { id, title: header('Title') || id, version,
      description: header('Description') || '', maintainer: header('Maintainer') || '',
      homepage: header('Homepage') || '', license: '', expiresHours: Number(header('Expires-Hours')) || 24,
      rules: [] } };
  },
  check(text) {
    return text.split('\n').flatMap((line, i) => line.includes('BROKEN')
      ? [{ line: i + 1, column: line.indexOf('BROKEN') + 1, message: 'broken here' }] : []);
  },
};

export function listText(id, version, extra = '') {
  return `! Title: List ${id}\n! Id: ${id}\n! Version: ${version}\n\nrule r1\n  match: x\n${extra}`;
}

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
    const sha = await Signature.sha256Hex(new TextEncoder().encode(text));
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
