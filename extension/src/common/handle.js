// An X handle as we store and compare it: without "@", lower case; null when it is not one.
const HANDLE = /^[A-Za-z0-9_]{1,15}$/;

/** @param {unknown} h */
export function normalizeHandle(h) {
  const s = String(h).trim().replace(/^@/, "");
  return HANDLE.test(s) ? s.toLowerCase() : null;
}
