// Downloads are bounded: the size cap holds while the body streams (a gzip that inflates past it
// too), every exchange has a deadline, and lists update in parallel with each failure kept to its
// own list, the last good text kept. A real HTTP server on this machine and Node's real fetch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import { Updater, listText, NOW, engine } from './bg-fixtures.mjs';

const MB = 1024 * 1024;

/** A server whose routes are (req, res) handlers; remembers how many requests were open at each arrival. */
async function serve(routes) {
  const open = new Set();
  const arrivals = [];
  const server = http.createServer((req, res) => {
    arrivals.push({ path: req.url, openBefore: [...open] });
    open.add(req.url);
    res.on('close', () => open.delete(req.url));
    (routes[req.url] || ((_, r) => { r.writeHead(404); r.end(); }))(req, res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, arrivals, close: () => { server.closeAllConnections(); return new Promise((r) => server.close(r)); } };
}

const deps = (extra = {}) => ({ fetch: (url, init) => fetch(url, init), engine, now: () => NOW, ...extra });

/** Writes `total` bytes in 64 KB chunks, minding backpressure; counts what it wrote until the client left. */
function streamer(total, written) {
  return (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const more = () => {
      while (written.bytes < total && !res.destroyed) {
        written.bytes += chunk.length;
        if (!res.write(chunk)) return res.once('drain', more);
      }
      res.end();
    };
    more();
  };
}

test('a 50 MB body is given up as it streams, past the 2 MB cap, not read whole', async () => {
  const written = { bytes: 0 };
  const srv = await serve({ '/big.txt': streamer(50 * MB, written) });
  try {
    const got = await Updater.download(srv.base + '/big.txt', null, deps());
    assert.equal(got.error.code, 'bg_error_too_large');
    assert.ok(Number(got.error.params[0]) <= 2000000 + 64 * 1024, `read ${got.error.params[0]} bytes`);
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(written.bytes < 20 * MB, `the server got to write ${written.bytes} bytes of 50 MB`);
  } finally {
    await srv.close();
  }
});

test('a small gzip that inflates to 50 MB is capped on its inflated bytes', async () => {
  const bomb = zlib.gzipSync(Buffer.alloc(50 * MB, 0x61));
  assert.ok(bomb.length < 200 * 1024);
  const srv = await serve({
    '/bomb.txt': (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip', 'Content-Length': bomb.length });
      res.end(bomb);
    },
  });
  try {
    const got = await Updater.download(srv.base + '/bomb.txt', null, deps());
    assert.equal(got.error.code, 'bg_error_too_large');
    assert.ok(Number(got.error.params[0]) < 10 * MB, `inflated ${got.error.params[0]} bytes before giving up`);
  } finally {
    await srv.close();
  }
});

test('a server that never answers, or never finishes its body, times out', async () => {
  const srv = await serve({
    '/silent.txt': () => {},
    '/half.txt': (req, res) => { res.writeHead(200, { 'Content-Type': 'text/plain' }); res.write('! Title: half\n'); },
  });
  try {
    for (const path of ['/silent.txt', '/half.txt']) {
      const got = await Updater.download(srv.base + path, null, deps({ timeoutMs: 300 }));
      assert.equal(got.error.code, 'bg_error_timeout', path);
    }
  } finally {
    await srv.close();
  }
});

test('lists update in parallel: a stalled and a failing server keep their last good list, the others update', async () => {
  const srv = await serve({
    '/stalled.txt': () => {},
    '/failing.txt': (req, res) => { res.writeHead(500); res.end(); },
    '/fine.txt': (req, res) => { res.writeHead(200); res.end(listText('fine', 2)); },
  });
  const held = (id) => ({ id, url: `${srv.base}/${id}.txt`, source: 'url', text: listText(id, 1), version: 1, etag: null });
  try {
    const results = await Updater.updateMany([held('stalled'), held('failing'), held('fine')], deps({ timeoutMs: 500 }));
    const [stalled, failing, fine] = results;
    assert.equal(stalled.outcome, 'failed');
    assert.equal(stalled.entry.lastError.code, 'bg_error_timeout');
    assert.equal(stalled.entry.text, listText('stalled', 1));
    assert.equal(failing.entry.lastError.code, 'bg_error_http');
    assert.equal(failing.entry.version, 1);
    assert.equal(fine.outcome, 'updated');
    assert.equal(fine.entry.version, 2);
    // Every request was sent before any answer was waited for: the last to arrive found the others open.
    assert.equal(srv.arrivals.length, 3);
    assert.ok(srv.arrivals.at(-1).openBefore.includes('/stalled.txt'), JSON.stringify(srv.arrivals));
  } finally {
    await srv.close();
  }
});

test('a check that throws is one failed list, not a failed round', async () => {
  const entry = { id: 'odd', url: 'https://lists.example.org/odd.txt', source: 'url', text: listText('odd', 1), version: 1 };
  const throwing = deps({ fetch: async () => new Response(listText('odd', 2)), engine: { check() { throw new Error('engine broke'); } } });
  const [one] = await Updater.updateMany([entry], throwing);
  assert.equal(one.outcome, 'failed');
  assert.equal(one.entry.lastError.code, 'bg_error_internal');
  assert.deepEqual(one.entry.lastError.params, ['engine broke']);
  assert.equal(one.entry.text, entry.text);
});
