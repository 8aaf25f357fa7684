// Bytes as hex and base64, and SHA-256 with WebCrypto: for signatures, salts and account hashes.

/** @param {ArrayBuffer | Uint8Array} buffer */
export function bytesToHex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** @param {string} b64 */
export function base64ToBytes(b64) {
  const bin = atob(String(b64).trim());
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** @param {BufferSource} bytes */
export async function sha256Hex(bytes) {
  return bytesToHex(await crypto.subtle.digest("SHA-256", bytes));
}

/** Hex of n random bytes. */
export function randomHex(n) {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(n)));
}
