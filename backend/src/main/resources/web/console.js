// The console's editor: live line:column problems and "try a post", both on the real engine
// (shared/, compiled by TeaVM, with the extension's engine API: extension/web/console-engine.js),
// loaded just before this file.
(function () {
  "use strict";
  const text = document.getElementById("list-text");
  if (!text) return;
  const problemsBox = document.getElementById("problems");
  const post = document.getElementById("try-post");
  const result = document.getElementById("try-result");
  const cursor = document.getElementById("cursor");
  const words = JSON.parse(result.dataset.texts);
  const engine = globalThis.WedgewatchEngine;

  function el(tag, className, content) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (content !== undefined) e.textContent = content;
    return e;
  }

  /** The index in the text of a 1-based line and column. */
  function indexOf(line, column) {
    const value = text.value;
    let i = 0;
    for (let l = 1; l < line; l++) {
      const next = value.indexOf("\n", i);
      if (next < 0) return value.length;
      i = next + 1;
    }
    return Math.min(value.length, i + Math.max(0, column - 1));
  }

  function goTo(line, column) {
    text.focus();
    const i = indexOf(line, column);
    text.setSelectionRange(i, i);
    const lineHeight = parseFloat(getComputedStyle(text).lineHeight) || 18;
    text.scrollTop = Math.max(0, (line - 4) * lineHeight);
    showCursor();
  }

  function showCursor() {
    const before = text.value.slice(0, text.selectionStart);
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    cursor.textContent = line + ":" + column;
  }

  problemsBox.addEventListener("click", (e) => {
    const b = e.target.closest("button.goto");
    if (b) goTo(+b.dataset.line, +b.dataset.column);
  });
  text.addEventListener("keyup", showCursor);
  text.addEventListener("click", showCursor);

  if (!engine) {
    problemsBox.append(el("p", "hint", problemsBox.dataset.engineMissing));
    return;
  }

  function check() {
    const { problems } = engine.check(text.value);
    problemsBox.replaceChildren();
    if (problems.length === 0) {
      problemsBox.append(el("p", "ok", problemsBox.dataset.none));
      return;
    }
    const list = el("ul", "problems");
    for (const p of problems) {
      const item = el("li");
      const b = el("button", "goto", p.line + ":" + p.column);
      b.type = "button";
      b.dataset.line = p.line;
      b.dataset.column = p.column;
      item.append(b, " ", p.message);
      list.append(item);
    }
    problemsBox.append(list);
  }

  let compiled = null;
  let compiledFor = null;

  function tryPost() {
    const postText = post.value;
    result.replaceChildren();
    if (!postText.trim()) {
      result.append(el("p", "hint", words["try.empty"]));
      return;
    }
    if (compiledFor !== text.value) {
      if (compiled) compiled.release();
      compiled = engine.load([text.value]);
      compiledFor = text.value;
    }
    if (compiled.lists[0].problems.length > 0) {
      result.append(el("p", "error", words["try.listBroken"]));
      return;
    }
    const found = compiled.match(postText);
    if (found.length === 0) {
      result.append(el("p", "verdict pass", words["try.notWarned"]));
      return;
    }
    result.append(el("p", "verdict warn", words["try.warned"]));
    for (const m of found) {
      const panel = el("div", "panel");
      panel.append(el("p", "panel-title", words["try.panel"]));
      panel.append(el("p", "family", m.family));
      panel.append(el("p", null, m.explanation));
      panel.append(el("p", "meta", words["try.rule"] + " " + m.rule + " · " + words["try.action"] + " "
        + (words["action." + m.action] || m.action)));
      const why = el("p", "why", words["try.why"] + ": ");
      const [start, end] = m.span;
      why.append(el("mark", null, postText.slice(Math.max(0, start), Math.min(postText.length, end))));
      panel.append(why);
      result.append(panel);
    }
  }

  let timer = 0;
  text.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => { check(); tryPost(); }, 200);
  });
  post.addEventListener("input", tryPost);
  check();
  tryPost();
  const focusLine = +text.dataset.focusLine;
  if (focusLine > 0) goTo(focusLine, 1);
})();
