// Reads one post: its words, its quoted post's words, the author and the repost context.
// Reads only: never writes to the page.
import { S } from "./selectors.js";

/** The visible words of a tweetText block: text, emoji from img[alt], line breaks. */
function readText(el) {
  // Most posts are plain text: one native read instead of a script object for every node.
  if (!el.querySelector("img, br")) return el.textContent;
  let out = "";
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      out += /** @type {Text} */ (n).data;
      continue;
    }
    const e = /** @type {Element} */ (n);
    if (e.tagName === "IMG") out += e.getAttribute("alt") || "";
    else if (e.tagName === "BR") out += "\n";
  }
  return out;
}

/** The quote box holding el inside article, or null when el belongs to the post itself. */
function quoteBoxOf(el, article) {
  for (let box = el.closest(S.quoteBox); box && article.contains(box); box = box.parentElement.closest(S.quoteBox)) {
    if (box.querySelector(S.userName)) return box; // the verified badge is a role=link too, without a name
  }
  return null;
}

/** The account a repost context links to ("A reposted" links to /A), or "" ("Pinned" has no link). */
function reposterIn(context, article) {
  const link = context.closest("a[href]");
  return link && article.contains(link) ? link.getAttribute("href").split("/")[1] || "" : "";
}

function handleIn(userName) {
  if (!userName) return "";
  for (const span of userName.querySelectorAll("span")) {
    if (span.firstElementChild) continue; // the handle is a leaf span (firstElementChild: no collection built)
    const t = span.textContent;
    if (t.startsWith("@")) return t.slice(1);
  }
  return "";
}

/** What we judge and show about one article. Texts are "" when the post has none (media only). */
export function readPost(article) {
  const post = {
    text: "", quoteText: "", handle: "", quoteHandle: "", reposter: "",
    truncated: false, quoteTruncated: false, key: "",
  };
  for (const t of article.querySelectorAll(S.text)) {
    if (t.closest(S.post) !== article) continue; // a post nested in another (rare) is judged on its own
    if (quoteBoxOf(t, article)) post.quoteText = readText(t);
    else post.text = readText(t);
  }
  for (const n of article.querySelectorAll(S.userName)) {
    if (quoteBoxOf(n, article)) post.quoteHandle = post.quoteHandle || handleIn(n);
    else post.handle = post.handle || handleIn(n);
  }
  for (const m of article.querySelectorAll(S.showMore)) {
    if (quoteBoxOf(m, article)) post.quoteTruncated = true;
    else post.truncated = true;
  }
  const ctx = article.querySelector(S.socialContext);
  if (ctx) post.reposter = reposterIn(ctx, article);
  for (const a of article.querySelectorAll(S.permalink)) {
    if (!quoteBoxOf(a, article)) {
      post.key = a.getAttribute("href");
      break;
    }
  }
  // Without a permalink (a post being composed, a placeholder), the words identify it.
  if (!post.key) post.key = "text:" + post.handle + ":" + post.text;
  return post;
}
