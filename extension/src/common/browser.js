// The WebExtension API object: Firefox names it `browser`, Chrome `chrome`; both are promise-based in MV3.
/** @type {typeof chrome} */
export const api = /** @type {any} */ (globalThis).browser ?? globalThis.chrome;
