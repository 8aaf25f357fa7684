// The settings file: what an export holds and what an import lets through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Transfer from '../src/background/transfer.js';

const lists = {
  'coalition-defense': { id: 'coalition-defense', source: 'builtin', enabled: false, action: 'hide', text: 'secret text' },
  demo: { id: 'demo', source: 'url', url: 'https://ww.example.org/api/v1/lists/demo', enabled: true, action: null,
    pinnedKey: 'AAAA', keyId: 'k1', text: 'list text' },
  chained: { id: 'chained', source: 'url', url: 'https://ww.example.org/api/v1/lists/chained', enabled: true, action: null,
    pinnedRoot: 'ab'.repeat(32), pinnedKey: null, keyId: 'k2', text: 'list text' },
};
const settings = { disabledRules: ['demo/r1'], userRules: '! Id: my-rules', allowlist: ['friend'], reportsOptIn: true, reportsIncludeText: true, pausedUntil: 99 };

test('an export holds settings and subscriptions but no list text and no pause', () => {
  const out = Transfer.exportSettings(lists, settings, 0);
  assert.equal(out.format, 'wedgewatch-settings');
  assert.deepEqual(out.builtin, [{ id: 'coalition-defense', enabled: false, action: 'hide' }]);
  assert.deepEqual(out.subscriptions, [
    { id: 'demo', url: lists.demo.url, enabled: true, action: null, pinnedRoot: null, pinnedKey: 'AAAA', keyId: 'k1' },
    { id: 'chained', url: lists.chained.url, enabled: true, action: null, pinnedRoot: 'ab'.repeat(32), pinnedKey: null, keyId: 'k2' }]);
  assert.equal(out.settings.pausedUntil, undefined);
  assert.ok(!JSON.stringify(out).includes('list text'));
});

test('an exported file imports back to the same settings', () => {
  const { data } = Transfer.parseImport(JSON.stringify(Transfer.exportSettings(lists, settings, 0)));
  assert.deepEqual(data.settings, { disabledRules: ['demo/r1'], userRules: '! Id: my-rules', allowlist: ['friend'], reportsOptIn: true, reportsIncludeText: true });
  assert.equal(data.subscriptions[0].pinnedKey, 'AAAA');
  assert.equal(data.subscriptions[1].pinnedRoot, 'ab'.repeat(32));
});

test('the same-wording settings travel with the file, only their known fields', () => {
  const campaign = { enabled: false, threshold: 5, windowDays: 14 };
  const { data } = Transfer.parseImport(JSON.stringify(Transfer.exportSettings(lists, { ...settings, campaign }, 0)));
  assert.deepEqual(data.settings.campaign, campaign);
  const odd = Transfer.parseImport({ format: 'wedgewatch-settings', version: 1, settings: { campaign: { threshold: 4, evil: '<b>' } } });
  assert.deepEqual(odd.data.settings.campaign, { enabled: undefined, threshold: 4, windowDays: undefined });
});

test('an import keeps only well-formed values', () => {
  const { data } = Transfer.parseImport({
    format: 'wedgewatch-settings', version: 1,
    settings: { disabledRules: ['ok/r', 42, '<img>'], allowlist: ['@Friend', 'not a handle!', 'friend'], reportsOptIn: 'yes', reportsIncludeText: 1 },
    builtin: [{ id: 'coalition-defense', action: 'explode' }],
    subscriptions: [{ url: 'https://a.example/x.txt', enabled: false, pinnedKey: 5, pinnedRoot: 'not hex' }, { nope: 1 }],
  });
  assert.deepEqual(data.settings.disabledRules, ['ok/r']);
  assert.deepEqual(data.settings.allowlist, ['friend']);
  assert.equal(data.settings.reportsOptIn, false);
  assert.equal(data.settings.reportsIncludeText, false);
  assert.equal(data.builtin[0].action, null);
  assert.deepEqual(data.subscriptions, [{ url: 'https://a.example/x.txt', enabled: false, action: null, pinnedRoot: null, pinnedKey: null, keyId: null }]);
});

test('files that are not Wedgewatch settings are refused with a reason', () => {
  assert.equal(Transfer.parseImport('{').error, 'options_import_not_json');
  assert.equal(Transfer.parseImport('{"format":"other"}').error, 'options_import_wrong_format');
});

test('handles are stored without @ and in lower case', () => {
  assert.equal(Transfer.normalizeHandle(' @Some_One '), 'some_one');
  assert.equal(Transfer.normalizeHandle('way_too_long_handle_x'), null);
});
