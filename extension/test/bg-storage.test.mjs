// Seeding the bundled list and the single-writer discipline on `lists`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BROKEN_LINE, Storage, engine, listText, NOW } from './bg-fixtures.mjs';

const BUILTIN_URL = 'chrome-extension://id/lists/coalition-defense.txt';

// storage.local's promise API over a plain object, with a pause so writers interleave.
function area() {
  const data = {};
  const tick = () => new Promise((r) => setTimeout(r, 1));
  return {
    data,
    async get(keys) { await tick(); const out = {}; for (const k of [].concat(keys)) if (k in data) out[k] = structuredClone(data[k]); return out; },
    async set(obj) { await tick(); Object.assign(data, structuredClone(obj)); },
  };
}

test('the first run seeds the bundled list, enabled, from the extension package', () => {
  const lists = Storage.seedBuiltin({}, listText('coalition-defense', 7), BUILTIN_URL, engine, NOW);
  const entry = lists['coalition-defense'];
  assert.equal(entry.source, 'builtin');
  assert.equal(entry.version, 7);
  assert.equal(entry.enabled, true);
  assert.equal(entry.action, null);
  assert.equal(entry.url, BUILTIN_URL);
  assert.equal(entry.lastError, null);
});

test('a newer bundled list replaces the old one and keeps the reader choices', () => {
  let lists = Storage.seedBuiltin({}, listText('coalition-defense', 7), BUILTIN_URL, engine, NOW);
  lists['coalition-defense'] = { ...lists['coalition-defense'], enabled: false, action: 'hide' };
  lists = Storage.seedBuiltin(lists, listText('coalition-defense', 8), BUILTIN_URL, engine, NOW);
  assert.equal(lists['coalition-defense'].version, 8);
  assert.equal(lists['coalition-defense'].enabled, false);
  assert.equal(lists['coalition-defense'].action, 'hide');
});

test('an older bundled copy or a subscribed list is never replaced by seeding', () => {
  const seeded = Storage.seedBuiltin({}, listText('coalition-defense', 7), BUILTIN_URL, engine, NOW);
  assert.equal(Storage.seedBuiltin(seeded, listText('coalition-defense', 6), BUILTIN_URL, engine, NOW), seeded);
  const subscribed = { 'coalition-defense': { ...seeded['coalition-defense'], source: 'url', version: 3 } };
  assert.equal(Storage.seedBuiltin(subscribed, listText('coalition-defense', 8), BUILTIN_URL, engine, NOW), subscribed);
});

test('a bundled list that does not parse fails loudly', () => {
  assert.throws(() => Storage.seedBuiltin({}, listText('x', 1, BROKEN_LINE), BUILTIN_URL, engine, NOW));
});

test('concurrent changes to lists are applied one after another, none lost', async () => {
  const a = area();
  await Promise.all(['a', 'b', 'c', 'd'].map((id) =>
    Storage.changeLists(a, (lists) => ({ ...lists, [id]: { id } }))));
  assert.deepEqual(Object.keys(a.data.lists).sort(), ['a', 'b', 'c', 'd']);
});

test('settings read back with defaults for every missing field', async () => {
  const a = area();
  a.data.settings = { reportsOptIn: true };
  const { settings, lists, stats } = await Storage.readState(a);
  assert.equal(settings.reportsOptIn, true);
  assert.deepEqual(settings.disabledRules, []);
  assert.equal(settings.pausedUntil, 0);
  assert.deepEqual(lists, {});
  assert.deepEqual(stats, {});
});

test('counts sent by several tabs at once all add up', async () => {
  const a = area();
  a.data.stats = { 'coalition-defense': { judged: 1, warned: 0 } };
  await Promise.all([1, 2, 3, 4, 5].map(() => Storage.addStats(a, { 'coalition-defense': { judged: 5, warned: 2 } })));
  assert.deepEqual(a.data.stats, { 'coalition-defense': { judged: 26, warned: 10 } });
});

test('marks on posts are set and cleared one at a time, and month-old ones dropped', async () => {
  const a = area();
  const month = Storage.REMEMBER_MS;
  a.data.revealed = { old: NOW - month - 1, kept: NOW - 1000 };
  await Promise.all([
    Storage.changeMarks(a, 'p1', { revealed: NOW }, NOW),
    Storage.changeMarks(a, 'p2', { revealed: NOW, notWedge: { list: 'l', rule: 'r', at: NOW, reported: false } }, NOW),
    Storage.changeMarks(a, 'kept', { revealed: null }, NOW),
  ]);
  assert.deepEqual(Object.keys(a.data.revealed).sort(), ['p1', 'p2']);
  assert.deepEqual(Object.keys(a.data.notWedge), ['p2']);
});

test('lists stored without a summary of their rules get one, once', () => {
  const lists = { alpha: { id: 'alpha', source: 'url', text: listText('alpha', 2) } };
  const filled = Storage.withRuleSummaries(lists, engine);
  assert.deepEqual(filled.alpha.rules, [['r1', 'F1 test', 'A rule for the tests.']]);
  assert.equal(Storage.withRuleSummaries(filled, engine), filled);
});

test('a summary stored in the older shape (rules as objects) is made again as tuples; the rest of the entry stays', () => {
  const older = { id: 'alpha', source: 'url', text: listText('alpha', 2), enabled: false, etag: '"e"',
    rules: [{ id: 'r1', family: 'F1 test', explanation: 'A rule for the tests.' }] };
  const filled = Storage.withRuleSummaries({ alpha: older }, engine);
  assert.deepEqual(filled.alpha, { ...older, rules: [['r1', 'F1 test', 'A rule for the tests.']] });
});
