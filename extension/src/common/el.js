// The one element helper: strings become text nodes (list text is never parsed as HTML).

/**
 * props are assigned as properties, except `text` (textContent) and `attrs` (setAttribute each);
 * children that are null or undefined are skipped.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [props]
 * @param {...(Node | string | null | undefined)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const k in props) {
    const v = props[k];
    if (k === "text") node.textContent = v;
    else if (k === "attrs") for (const a in v) node.setAttribute(a, v[a]);
    else /** @type {any} */ (node)[k] = v;
  }
  for (const c of children) if (c != null) node.append(c);
  return node;
}
