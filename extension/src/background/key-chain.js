// A list server's key chain, checked the way TUF checks roots: the client pins a root's
// fingerprint (not a key), walks root N to N+1 only when a threshold of root N's keys and a
// threshold of root N+1's keys signed it, then trusts the online signing key that a threshold of
// the newest root certified, until the certificate expires. Every document is an envelope
// {signed: STRING, signatures: [{key, signature}]}; signatures cover STRING's exact UTF-8 bytes,
// and STRING is parsed only after they verify. No dependencies: WebCrypto Ed25519 and SHA-256.
// The same checks run on the server before it serves a chain (backend KeyChain.verify);
// docs/server-api.md describes the format.

const ROOT_TYPE = 'wedgewatch-root';
const CERTIFICATE_TYPE = 'wedgewatch-signing-key';

export function base64ToBytes(b64) {
  const bin = atob(String(b64).trim());
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function bytesToHex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function sha256Hex(bytes) {
  return bytesToHex(await crypto.subtle.digest('SHA-256', bytes));
}

/** A key's id: the first 16 hex digits of SHA-256 over its raw 32 bytes (never taken on trust). */
export async function keyId(rawKey) {
  return (await sha256Hex(rawKey)).slice(0, 16);
}

/** What a client pins: SHA-256 hex of a root's signed text. */
export async function rootFingerprint(envelope) {
  return sha256Hex(new TextEncoder().encode(envelope.signed));
}

// False on any malformed input: a bad key or signature is a failed check, not a crash.
async function verifyEd25519(rawKey, signatureB64, message) {
  try {
    const signature = base64ToBytes(signatureB64);
    if (rawKey.length !== 32 || signature.length !== 64) return false;
    const key = await crypto.subtle.importKey('raw', rawKey, { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message);
  } catch (e) {
    return false;
  }
}

function isEnvelope(e) {
  return e && typeof e === 'object' && typeof e.signed === 'string' && Array.isArray(e.signatures);
}

/** Distinct keys of `keys` (a Map id -> raw) with a valid signature over the envelope. */
async function countValid(envelope, keys) {
  const message = new TextEncoder().encode(envelope.signed);
  const counted = new Set();
  for (const s of envelope.signatures) {
    if (!s || typeof s.key !== 'string' || counted.has(s.key) || !keys.has(s.key)) continue;
    if (await verifyEd25519(keys.get(s.key), s.signature, message)) counted.add(s.key);
  }
  return counted.size;
}

function parseSigned(text) {
  try {
    const o = JSON.parse(text);
    return o && typeof o === 'object' && !Array.isArray(o) ? o : null;
  } catch (e) {
    return null;
  }
}

function positiveInteger(n) {
  return Number.isSafeInteger(n) && n >= 1;
}

/** A root's fields, its keys re-derived from their bytes; a string saying why when it is malformed. */
async function parseRoot(envelope) {
  if (!isEnvelope(envelope)) return 'a root is not a signed document';
  const o = parseSigned(envelope.signed);
  if (!o || o.type !== ROOT_TYPE) return 'a root is not of type ' + ROOT_TYPE;
  if (!positiveInteger(o.version) || !positiveInteger(o.threshold) || !Array.isArray(o.keys)) {
    return 'a root lacks its version, threshold or keys';
  }
  const keys = new Map();
  for (const k of o.keys) {
    let raw;
    try { raw = base64ToBytes(k && k.publicKey); } catch (e) { return 'root ' + o.version + ' has a key that is not base64'; }
    if (raw.length !== 32) return 'root ' + o.version + ' has a key that is not 32 bytes';
    const id = await keyId(raw);
    if (id !== k.id) return 'root ' + o.version + ' names key ' + k.id + ' for a key whose id is ' + id;
    keys.set(id, raw);
  }
  if (o.threshold > keys.size) return 'root ' + o.version + ' needs more signatures than it has keys';
  return { version: o.version, threshold: o.threshold, keys };
}

/**
 * Verifies a chain ({roots: [...], signingKey: {...}} from GET /api/v1/key-chain) from the root
 * whose fingerprint the client pinned. Returns {ok: true, signingKey: {id, publicKey, expires},
 * pastSigningKeys, expiredSigningKeys, rootVersion, rootFingerprint} where rootFingerprint is the
 * newest root's (the client may pin it from now on), or {ok: false, error}.
 */
export async function verifyKeyChain(chain, pinnedFingerprint, now = new Date()) {
  if (!chain || !Array.isArray(chain.roots) || !isEnvelope(chain.signingKey)) {
    return { ok: false, error: 'not a key chain' };
  }
  let start = -1;
  for (let i = 0; i < chain.roots.length && start < 0; i++) {
    if (isEnvelope(chain.roots[i]) && (await rootFingerprint(chain.roots[i])) === pinnedFingerprint) start = i;
  }
  if (start < 0) return { ok: false, error: 'the chain does not hold the pinned root' };
  let current = await parseRoot(chain.roots[start]);
  if (typeof current === 'string') return { ok: false, error: current };
  if ((await countValid(chain.roots[start], current.keys)) < current.threshold) {
    return { ok: false, error: 'the pinned root lacks a threshold of its own signatures' };
  }
  let newest = chain.roots[start];
  const walked = new Map([[current.version, current]]);
  for (const envelope of chain.roots.slice(start + 1)) {
    const next = await parseRoot(envelope);
    if (typeof next === 'string') return { ok: false, error: next };
    if (next.version !== current.version + 1) {
      return { ok: false, error: 'root ' + next.version + ' follows root ' + current.version };
    }
    if ((await countValid(envelope, current.keys)) < current.threshold) {
      return { ok: false, error: 'root ' + next.version + ' lacks a threshold of root ' + current.version + "'s keys" };
    }
    if ((await countValid(envelope, next.keys)) < next.threshold) {
      return { ok: false, error: 'root ' + next.version + ' lacks a threshold of its own keys' };
    }
    current = next;
    walked.set(current.version, current);
    newest = envelope;
  }
  const cert = parseSigned(chain.signingKey.signed);
  if (!cert || cert.type !== CERTIFICATE_TYPE || !cert.key || typeof cert.expires !== 'string') {
    return { ok: false, error: 'the signing-key certificate is malformed' };
  }
  if (cert.root !== current.version) {
    return { ok: false, error: 'the certificate is for root ' + cert.root + ', the newest root is ' + current.version };
  }
  if ((await countValid(chain.signingKey, current.keys)) < current.threshold) {
    return { ok: false, error: 'the certificate lacks a threshold of root ' + current.version + "'s keys" };
  }
  let raw;
  try { raw = base64ToBytes(cert.key.publicKey); } catch (e) { raw = new Uint8Array(0); }
  if (raw.length !== 32 || (await keyId(raw)) !== cert.key.id) {
    return { ok: false, error: 'the certified key does not match its id' };
  }
  const expires = Date.parse(cert.expires);
  if (Number.isNaN(expires) || expires <= now.getTime()) {
    return { ok: false, error: 'the signing-key certificate expired at ' + cert.expires };
  }
  return {
    ok: true,
    signingKey: { id: cert.key.id, publicKey: cert.key.publicKey, expires: cert.expires },
    pastSigningKeys: await pastKeys(chain.previousSigningKeys, walked, now),
    expiredSigningKeys: await pastKeys(chain.previousSigningKeys, walked, now, true),
    rootVersion: current.version,
    rootFingerprint: await rootFingerprint(newest),
  };
}

/**
 * The earlier online keys a chain still vouches for ("previousSigningKeys"): each certificate
 * signed by a threshold of the walked root it names, for a key that matches its id, unexpired
 * (or, with `expired`, only those past their expiry). Malformed ones count for nothing. Lists are
 * never checked with these keys: they only show that a root certified a key the client pinned
 * before it had a root (updater adoptKeyChain); an expired one may only be offered to the reader.
 */
async function pastKeys(certificates, roots, now, expired = false) {
  const out = [];
  for (const envelope of Array.isArray(certificates) ? certificates : []) {
    if (!isEnvelope(envelope)) continue;
    const cert = parseSigned(envelope.signed);
    const root = cert && roots.get(cert.root);
    if (!root || cert.type !== CERTIFICATE_TYPE || !cert.key || typeof cert.expires !== 'string') continue;
    const expires = Date.parse(cert.expires);
    if (Number.isNaN(expires) || (expires <= now.getTime()) !== expired) continue;
    let raw;
    try { raw = base64ToBytes(cert.key.publicKey); } catch (e) { continue; }
    if (raw.length !== 32 || (await keyId(raw)) !== cert.key.id) continue;
    if ((await countValid(envelope, root.keys)) < root.threshold) continue;
    out.push({ id: cert.key.id, publicKey: cert.key.publicKey, expires: cert.expires });
  }
  return out;
}

/**
 * Checks a list's signed metadata against a verified chain's signing key: the key named in the
 * metadata is the certified one and the signature over the metadata's exact bytes holds. The
 * list id, body hash, version and expiry inside the metadata are the caller's checks, as before.
 */
export async function verifyListMetadata(metadata, signatureB64, signingKey) {
  const m = parseSigned(metadata);
  if (!m || m.key !== signingKey.id) return false;
  return verifyEd25519(base64ToBytes(signingKey.publicKey), signatureB64, new TextEncoder().encode(metadata));
}
