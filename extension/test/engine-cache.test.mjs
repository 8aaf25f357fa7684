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
  const rule = compiled.lists[0].list.rules[0];
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
