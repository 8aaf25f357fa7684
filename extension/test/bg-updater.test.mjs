// The update rules for plain (unsigned) subscriptions: ETags, versions, validation, and
// keeping the last good list on every failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BROKEN_AT, BROKEN_LINE, Updater, server, etagged, listText, deps, NOW } from './bg-fixtures.mjs';

const URL_A = 'https://lists.example.org/a.txt';

async function subscribed(text, etag = '"v1"') {
  const srv = server({ [URL_A]: etagged(text, etag) });
  const { entry, error } = await Updater.subscribe(URL_A, {}, deps(srv.fetch));
  assert.equal(error, undefined);
  return { entry, srv };
}

test('only HTTPS list URLs are accepted, and plain HTTP only on this machine', () => {
  assert.ok(Updater.isAllowedUrl('https://lists.example.org/a.txt'));
  assert.ok(Updater.isAllowedUrl('http://127.0.0.1:8123/api/v1/lists/a'));
  assert.ok(Updater.isAllowedUrl('http://localhost/a.txt'));
  assert.ok(!Updater.isAllowedUrl('http://lists.example.org/a.txt'));
  assert.ok(!Updater.isAllowedUrl('https://user:pw@lists.example.org/a.txt'));
  assert.ok(!Updater.isAllowedUrl('javascript:alert(1)'));
  assert.ok(!Updater.isAllowedUrl('not a url'));
});

test('a Wedgewatch server list URL names its id, keys and reports', () => {
  const s = Updater.serverListUrl('https://ww.example.org/base/api/v1/lists/coalition-defense');
  assert.equal(s.id, 'coalition-defense');
  assert.equal(s.keys, 'https://ww.example.org/base/api/v1/keys');
  assert.equal(s.reports, 'https://ww.example.org/base/api/v1/lists/coalition-defense/reports');
  assert.equal(Updater.serverListUrl('https://ww.example.org/a.txt'), null);
  assert.equal(Updater.originPattern('http://127.0.0.1:8123/x'), 'http://127.0.0.1/*');
});

test('subscribing to a list file takes its id, title and version from the text', async () => {
  const { entry } = await subscribed(listText('alpha', 3));
  assert.equal(entry.id, 'alpha');
  assert.equal(entry.title, 'List alpha');
  assert.equal(entry.version, 3);
  assert.equal(entry.source, 'url');
  assert.equal(entry.enabled, true);
  assert.equal(entry.etag, '"v1"');
  assert.equal(entry.lastCheck, NOW);
  assert.equal(entry.lastError, null);
  assert.equal(entry.pinnedKey, null);
});

test('a second subscription to the same list id is refused', async () => {
  const { entry, srv } = await subscribed(listText('alpha', 3));
  srv.routes['https://other.example.org/a.txt'] = etagged(listText('alpha', 4), '"x"');
  const again = await Updater.subscribe('https://other.example.org/a.txt', { alpha: entry }, deps(srv.fetch));
  assert.equal(again.error.code, 'bg_error_already_subscribed');
});

test('subscribing to a broken list is refused with its first problems', async () => {
  const srv = server({ [URL_A]: etagged(listText('alpha', 1, BROKEN_LINE), '"b"') });
  const { error } = await Updater.subscribe(URL_A, {}, deps(srv.fetch));
  assert.equal(error.code, 'bg_error_problems');
  const { line, column, message } = error.problems[0];
  assert.deepEqual({ line, column }, BROKEN_AT);
  assert.match(message, /expected 'key: value'/);
});

test('an unchanged list is asked for with its ETag and the 304 only records the check', async () => {
  const { entry, srv } = await subscribed(listText('alpha', 3));
  const later = NOW + 3600e3;
  const { entry: next, outcome } = await Updater.update(entry, deps(srv.fetch, later));
  assert.equal(srv.requests.at(-1).headers['If-None-Match'], '"v1"');
  assert.equal(outcome, 'unchanged');
  assert.equal(next.text, entry.text);
  assert.equal(next.lastCheck, later);
  assert.equal(next.lastError, null);
});

test('a newer version replaces the list whole', async () => {
  const { entry, srv } = await subscribed(listText('alpha', 3));
  srv.routes[URL_A] = etagged(listText('alpha', 4, '  match: y\n'), '"v2"');
  const { entry: next, outcome } = await Updater.update(entry, deps(srv.fetch));
  assert.equal(outcome, 'updated');
  assert.equal(next.version, 4);
  assert.match(next.text, /match: y/);
  assert.equal(next.etag, '"v2"');
});

test('an older version is refused as a rollback and the last good list stays', async () => {
  const { entry, srv } = await subscribed(listText('alpha', 5));
  srv.routes[URL_A] = etagged(listText('alpha', 4), '"old"');
  const { entry: next, outcome } = await Updater.update(entry, deps(srv.fetch));
  assert.equal(outcome, 'failed');
  assert.equal(next.lastError.code, 'bg_error_rollback');
  assert.deepEqual(next.lastError.params, ['4', '5']);
  assert.equal(next.text, entry.text);
  assert.equal(next.version, 5);
  assert.equal(next.etag, '"v1"');
});

test('changed text under the same version is refused', async () => {
  const { entry, srv } = await subscribed(listText('alpha', 5));
  srv.routes[URL_A] = etagged(listText('alpha', 5, '  match: z\n'), '"same"');
  const { entry: next } = await Updater.update(entry, deps(srv.fetch));
  assert.equal(next.lastError.code, 'bg_error_same_version');
  assert.equal(next.text, entry.text);
});

test('the same text served without an ETag is simply unchanged', async () => {
  const text = listText('alpha', 5);
  const srv = server({ [URL_A]: () => new Response(text) });
  const { entry } = await Updater.subscribe(URL_A, {}, deps(srv.fetch));
  const { outcome, entry: next } = await Updater.update(entry, deps(srv.fetch));
  assert.equal(outcome, 'unchanged');
  assert.equal(next.lastError, null);
});

test('a broken update keeps the last good list and shows the first problems', async () => {
  const { entry, srv } = await subscribed(listText('alpha', 5));
  srv.routes[URL_A] = etagged(listText('alpha', 6, BROKEN_LINE), '"bad"');
  const { entry: next, outcome } = await Updater.update(entry, deps(srv.fetch));
  assert.equal(outcome, 'failed');
  assert.equal(next.lastError.code, 'bg_error_problems');
  assert.equal(next.lastError.problems[0].line, BROKEN_AT.line);
  assert.equal(next.version, 5);
  assert.equal(next.text, entry.text);
});

test('a list whose id changed is refused', async () => {
  const { entry, srv } = await subscribed(listText('alpha', 5));
  srv.routes[URL_A] = etagged(listText('beta', 6), '"beta"');
  const { entry: next } = await Updater.update(entry, deps(srv.fetch));
  assert.equal(next.lastError.code, 'bg_error_id_mismatch');
  assert.deepEqual(next.lastError.params, ['beta', 'alpha']);
});

test('network and HTTP failures keep the last good list', async () => {
  const { entry, srv } = await subscribed(listText('alpha', 5));
  srv.routes[URL_A] = () => new Response('down', { status: 503 });
  const http = await Updater.update(entry, deps(srv.fetch));
  assert.equal(http.entry.lastError.code, 'bg_error_http');
  assert.equal(http.entry.text, entry.text);
  const offline = await Updater.update(entry, deps(async () => { throw new TypeError('Failed to fetch'); }));
  assert.equal(offline.entry.lastError.code, 'bg_error_network');
  assert.equal(offline.entry.text, entry.text);
});

test('a list that is not UTF-8 is refused', async () => {
  const { entry, srv } = await subscribed(listText('alpha', 5));
  srv.routes[URL_A] = () => new Response(new Uint8Array([0x21, 0xff, 0xfe]));
  const { entry: next } = await Updater.update(entry, deps(srv.fetch));
  assert.equal(next.lastError.code, 'bg_error_encoding');
});

test('a success clears the previous error', async () => {
  const { entry, srv } = await subscribed(listText('alpha', 5));
  srv.routes[URL_A] = () => new Response('down', { status: 500 });
  const failed = (await Updater.update(entry, deps(srv.fetch))).entry;
  srv.routes[URL_A] = etagged(listText('alpha', 6), '"v6"');
  const { entry: next } = await Updater.update(failed, deps(srv.fetch));
  assert.equal(next.lastError, null);
  assert.equal(next.version, 6);
});

test('lists fall due after their Expires interval, and sooner after an error', () => {
  const base = { source: 'url', enabled: true, lastCheck: NOW, expiresHours: 6, lastError: null };
  assert.equal(Updater.nextCheck(base), NOW + 6 * 3600e3);
  assert.ok(!Updater.isDue(base, NOW + 5 * 3600e3));
  assert.ok(Updater.isDue(base, NOW + 6 * 3600e3));
  assert.equal(Updater.nextCheck({ ...base, lastError: { code: 'x' } }), NOW + 3600e3);
  assert.ok(!Updater.isDue({ ...base, enabled: false }, NOW + 7 * 3600e3));
  assert.ok(!Updater.isDue({ ...base, source: 'builtin' }, NOW + 7 * 3600e3));
  const expiring = { ...base, signedMetadata: { expires: new Date(NOW + 3600e3).toISOString() } };
  assert.equal(Updater.nextCheck(expiring), NOW + 3600e3);
});

test('a fetch result never overwrites what the reader changed meanwhile', () => {
  const current = { id: 'a', enabled: false, action: 'hide', version: 1, text: 'old' };
  const fetched = { id: 'a', enabled: true, action: null, version: 2, text: 'new', lastError: null };
  assert.deepEqual(Updater.mergeFetched(current, fetched),
    { id: 'a', enabled: false, action: 'hide', version: 2, text: 'new', lastError: null });
});

test('a report goes only to the list own server, and only after the reader opted in', () => {
  const lists = {
    demo: { source: 'url', url: 'https://ww.example.org/api/v1/lists/demo' },
    file: { source: 'url', url: 'https://lists.example.org/file.txt' },
    'coalition-defense': { source: 'builtin', url: 'chrome-extension://x/lists/coalition-defense.txt' },
  };
  assert.equal(Updater.reportTarget(lists, { reportsOptIn: false }, 'demo').error.code, 'bg_error_reports_off');
  assert.equal(Updater.reportTarget(lists, {}, 'demo').error.code, 'bg_error_reports_off');
  assert.equal(Updater.reportTarget(lists, { reportsOptIn: true }, 'demo').url, 'https://ww.example.org/api/v1/lists/demo/reports');
  assert.equal(Updater.reportTarget(lists, { reportsOptIn: true }, 'file').error.code, 'bg_error_no_server');
  assert.equal(Updater.reportTarget(lists, { reportsOptIn: true }, 'coalition-defense').error.code, 'bg_error_no_server');
  assert.equal(Updater.reportTarget(lists, { reportsOptIn: true }, 'missing').error.code, 'bg_error_no_server');
});

test("a report carries the post's words only when the reader allowed them, whatever the message holds", () => {
  const lists = { demo: { source: 'url', url: 'https://ww.example.org/api/v1/lists/demo', version: 7 } };
  const msg = { list: 'demo', rule: 'sellouts', verdict: 'false-positive', text: 'Progressives are sellouts.' };
  assert.deepEqual(Updater.reportBody(lists, { reportsOptIn: true }, msg), { rule: 'sellouts', verdict: 'false-positive', version: 7 });
  assert.deepEqual(Updater.reportBody(lists, { reportsOptIn: true, reportsIncludeText: false }, msg), { rule: 'sellouts', verdict: 'false-positive', version: 7 });
  assert.deepEqual(Updater.reportBody(lists, { reportsOptIn: true, reportsIncludeText: true }, msg),
    { rule: 'sellouts', verdict: 'false-positive', version: 7, text: 'Progressives are sellouts.' });
  assert.equal(Updater.reportBody(lists, { reportsIncludeText: true }, { ...msg, text: 'x'.repeat(6000) }).text.length, 5000, "the server's limit");
  assert.equal(Updater.reportBody({}, { reportsIncludeText: true }, msg).version, undefined, 'no version for a list not held');
});

test('a list whose own example fails is refused by the real engine, naming the example line', async () => {
  const srv = server({ [URL_A]: etagged(listText('alpha', 1, '  warn: nothing here fires the rule\n'), '"e"') });
  const { error } = await Updater.subscribe(URL_A, {}, deps(srv.fetch));
  assert.equal(error.code, 'bg_error_problems');
  assert.equal(error.problems[0].line, 9);
  assert.match(error.problems[0].message, /warn:' example does not match rule 'r1'/);
});

test('a subscribed list keeps what the options page shows of its rules, parsed when it arrived', async () => {
  const { entry } = await subscribed(listText('alpha', 3));
  assert.deepEqual(entry.rules, [['r1', 'F1 test', 'A rule for the tests.']]);
});
