// Checks a list server's Ed25519 signature with WebCrypto, so no crypto code of our own ships.
// The server signs a canonical JSON metadata string; the signature covers its exact UTF-8 bytes,
// and the metadata names the list, its version, the SHA-256 of the body and an expiry.
import { base64ToBytes } from '../common/encoding.js';

// False on any malformed input: a bad key or signature is a failed check, not a crash.
export async function verify(metadata, signatureB64, publicKeyB64) {
  try {
    const key = base64ToBytes(publicKeyB64);
    const signature = base64ToBytes(signatureB64);
    if (key.length !== 32 || signature.length !== 64) return false;
    const publicKey = await crypto.subtle.importKey('raw', key, { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, signature,
      new TextEncoder().encode(metadata));
  } catch (e) {
    return false;
  }
}

// The fields we rely on, type-checked; null when the metadata is not what a server signs.
export function parseMetadata(metadata) {
  let m;
  try { m = JSON.parse(metadata); } catch (e) { return null; }
  if (!m || typeof m !== 'object') return null;
  if (typeof m.list !== 'string' || !Number.isInteger(m.version) || typeof m.sha256 !== 'string'
      || typeof m.expires !== 'string' || Number.isNaN(Date.parse(m.expires))) return null;
  return {
    list: m.list, version: m.version, sha256: m.sha256.toLowerCase(), key: m.key ?? null,
    published: m.published ?? null, expires: m.expires,
  };
}
