// The compiled matcher cached for tabs (src/engine/cache.js), on the real TeaVM build: a tab
// restores the background's form when the lists are the ones it was compiled from, and compiles
// when they are not or the form is damaged, with the same verdicts either way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { compileFor, loadMatcher, sources } from '../src/engine/cache.js';
import { engine, listText } from './bg-fixtures.mjs';
import { syntheticRules } from '../bench/rules.mjs';

const BUNDLED = fs.readFileSync(new URL('../../lists/coalition-defense.txt', import.meta.url), 'utf8');
const VERSION = '1.2.3';
const settings = { userRules: '', disabledRules: [] };

function stored(extra = '') {
  return {
    'coalition-defense': { id: 'coalition-defense', text: BUNDLED, enabled: true },
    other: { id: 'other', text: listText('other', 1, extra), enabled: true },
    off: { id: 'off', text: 'not even a list', enabled: false },
  };
}

/** Every example of every list, and some posts of our own. */
function posts(loaded) {
  const out = ['Nothing to see here, just a post about bus lanes.'];
  for (const { list } of loaded.lists) if (list) for (const r of list.rules) out.push(...r.warn, ...r.pass);
  return out;
}

test('a tab restores the stored form when the lists match, with the verdicts of a fresh compile', async () => {
  const src = sources(stored(), settings);
  const compiled = await compileFor(engine, undefined, VERSION, src);
  assert.match(compiled.key, /^[0-9a-f]{64}$/);
  const fresh = engine.load(src.texts);
  const tab = await loadMatcher(engine, structuredClone(compiled), VERSION, src);
  assert.equal(tab.restored, true);
  assert.deepEqual(tab.lists, fresh.lists);
  let warned = 0;
  for (const text of posts(fresh)) {
    assert.deepEqual(tab.match(text), fresh.match(text), text);
    if (fresh.match(text).length) warned++;
  }
  assert.ok(warned > 20, `examples that warn: ${warned}`);
  assert.equal(await compileFor(engine, compiled, VERSION, src), null, 'the same lists are not compiled again');
  tab.release();
  fresh.release();
});

test('a changed list, a disabled rule, the reader\'s rules or a new engine miss, and the tab compiles', async () => {
  const src = sources(stored(), settings);
  const compiled = await compileFor(engine, undefined, VERSION, src);
  const loaded = engine.load(src.texts);
  const rule = loaded.lists[0].list.rules[0];
  loaded.release();
  const changes = [
    [sources(stored('# changed\n'), settings), VERSION],
    [sources(stored(), { ...settings, disabledRules: ['coalition-defense/' + rule.id] }), VERSION],
    [sources(stored(), { ...settings, userRules: listText('mine', 1) }), VERSION],
    [src, '1.2.4'],
  ];
  for (const [changed, version] of changes) {
    const tab = await loadMatcher(engine, compiled, version, changed);
    assert.equal(tab.restored, false);
    assert.equal(tab.lists.length, changed.texts.length);
    tab.release();
  }
  const off = await loadMatcher(engine, compiled, VERSION, changes[1][0]);
  assert.deepEqual(off.match(rule.warn[0]).filter((m) => m.rule === rule.id), []);
  off.release();
  assert.notEqual((await compileFor(engine, compiled, VERSION, changes[0][0])).key, compiled.key);
});

test('a damaged or cut short form is not read: the tab compiles instead', async () => {
  const src = sources(stored(), settings);
  const compiled = await compileFor(engine, undefined, VERSION, src);
  const fresh = engine.load(src.texts);
  const mid = compiled.form.length >> 1;
  const damaged = [
    compiled.form.slice(0, mid) + (compiled.form[mid] === 'A' ? 'B' : 'A') + compiled.form.slice(mid + 1),
    compiled.form.slice(0, mid),
    'WWC9' + compiled.form.slice(4),
    '',
  ];
  for (const form of damaged) {
    assert.equal(engine.restore(form, compiled.lists), null);
    const tab = await loadMatcher(engine, { ...compiled, form }, VERSION, src);
    assert.equal(tab.restored, false);
    const text = fresh.lists[0].list.rules[0].warn[0];
    assert.deepEqual(tab.match(text), fresh.match(text));
    assert.ok(tab.match(text).length > 0);
    tab.release();
  }
  fresh.release();
});

test('a tab without a form for its lists waits for the background\'s and restores it; it compiles only when the background cannot', async () => {
  const src = sources(stored(), settings);
  const old = await compileFor(engine, undefined, VERSION, sources(stored('# older\n'), settings));
  const current = await compileFor(engine, undefined, VERSION, src);
  let asked = 0;
  const background = (answer, form) => ({ compiling: async () => { asked++; return answer; }, stored: async () => form });

  const waited = await loadMatcher(engine, old, VERSION, src, background({ ok: true, key: current.key }, current));
  assert.equal(waited.restored, true, 'restored what the background stored');
  assert.equal(asked, 1);
  waited.release();

  const damaged = await loadMatcher(engine, { ...current, form: current.form.slice(0, 1000) }, VERSION, src,
    background({ ok: true, key: current.key }, current));
  assert.equal(damaged.restored, true, 'a damaged form is asked for again, not compiled in the tab');
  damaged.release();

  assert.equal(await loadMatcher(engine, old, VERSION, src, background({ ok: true, key: 'f'.repeat(64) }, null)), null,
    'a form for newer lists: the tab loads again for those');
  for (const answer of [{ ok: false }, null]) {
    const compiled = await loadMatcher(engine, old, VERSION, src, background(answer, old));
    assert.equal(compiled.restored, false, 'the background could not: the tab compiles');
    compiled.release();
  }
  const failing = { compiling: () => Promise.reject(new Error('background restarted')), stored: async () => current };
  const alone = await loadMatcher(engine, old, VERSION, src, failing);
  assert.equal(alone.restored, false);
  alone.release();
});

test('the background writes a damaged form again even when its key is the lists\' own', async () => {
  const src = sources(stored(), settings);
  const compiled = await compileFor(engine, undefined, VERSION, src);
  const again = await compileFor(engine, { ...compiled, form: compiled.form.slice(0, -10) }, VERSION, src);
  assert.equal(again.key, compiled.key);
  assert.equal(again.form, compiled.form);
  assert.equal(await compileFor(engine, { ...compiled, lists: compiled.lists.slice(1) }, VERSION, src) !== null, true, 'lists cut short');
});

test('a list of 10,000 rules round-trips', async () => {
  const big = syntheticRules(10000).text;
  const src = sources({ big: { id: 'big', text: big, enabled: true } }, settings);
  const compiled = await compileFor(engine, undefined, VERSION, src);
  const tab = await loadMatcher(engine, compiled, VERSION, src);
  assert.equal(tab.restored, true);
  const fresh = engine.load(src.texts);
  for (const text of posts(fresh).slice(0, 300)) assert.deepEqual(tab.match(text), fresh.match(text), text);
  console.log(`compiled form of 10,000 rules: ${compiled.form.length} characters`);
  tab.release();
  fresh.release();
});

test('a tab has no copy of the built-in cues: it restores forms without them, and asks the background before it compiles', async () => {
  const teavm = await import('../target/node/engine.mjs');
  const { createEngine } = await import('../target/node/engine-api.mjs');
  const tabEngine = createEngine({ ...teavm, cues: undefined });
  assert.equal(tabEngine.hasCues(), false);
  const src = sources(stored(), settings);
  const compiled = await compileFor(engine, undefined, VERSION, src);
  const restored = await loadMatcher(tabEngine, structuredClone(compiled), VERSION, src);
  assert.equal(restored.restored, true, 'a form restores without the cues');
  assert.equal(restored.match('My uncle keeps saying progressives are the real racists. He is wrong.').length, 0, 'the form carries the cues');
  let asked = 0;
  const background = { compiling: async () => null, stored: async () => null, cues: async () => { asked++; return teavm.cues; } };
  const compiledHere = await loadMatcher(tabEngine, undefined, VERSION, src, background);
  assert.equal(asked, 1);
  assert.equal(compiledHere.restored, false);
  assert.equal(compiledHere.match('Progressives are the real racists.').length > 0, true);
  assert.equal(compiledHere.match('My uncle keeps saying progressives are the real racists. He is wrong.').length, 0);
  assert.throws(() => createEngine({ ...teavm, cues: undefined }).load([BUNDLED]), /rebuttal cues/);
});
