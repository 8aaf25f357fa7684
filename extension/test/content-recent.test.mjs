// What a tab remembers of the posts it counted (content/recent.js): a post seen again within the
// window is not new; a long scroll keeps the set bounded, in ids and in characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recentSet } from '../src/content/recent.js';

test('a post seen again is not new, however often it comes back', () => {
  const seen = recentSet(3, 1000);
  assert.equal(seen.add('/a/status/1'), true);
  assert.equal(seen.add('/a/status/1'), false);
  assert.equal(seen.add('/b/status/2'), true);
  assert.equal(seen.add('/a/status/1'), false);
  assert.equal(seen.size, 2);
});

test('a long scroll keeps only the most recent posts, and each of those still counts once', () => {
  const seen = recentSet(100, 1e9);
  for (let i = 0; i < 10_000; i++) assert.equal(seen.add(`/u/status/${i}`), true, `post ${i} is new`);
  assert.equal(seen.size, 100);
  // X reuses cells: the last hundred posts shown again are all remembered ...
  for (let i = 9_900; i < 10_000; i++) assert.equal(seen.add(`/u/status/${i}`), false, `post ${i} was counted`);
  // ... and the oldest were forgotten.
  assert.equal(seen.add('/u/status/0'), true);
  assert.equal(seen.size, 100);
});

test('a post seen again becomes the most recent: it outlives posts first seen after it', () => {
  const seen = recentSet(3, 1000);
  seen.add('a');
  seen.add('b');
  seen.add('c');
  seen.add('a'); // scrolled back to
  seen.add('d'); // forgets b, the oldest now
  assert.equal(seen.add('a'), false);
  assert.equal(seen.add('c'), false);
  assert.equal(seen.add('b'), true);
});

test('long posts are bounded by characters, and the newest is kept even past the bound', () => {
  const seen = recentSet(1000, 10_000);
  const long = (i) => `/u/status/${i}\u0000` + 'w'.repeat(4000);
  for (let i = 0; i < 50; i++) seen.add(long(i));
  assert.ok(seen.chars <= 10_000, `${seen.chars} characters kept`);
  assert.equal(seen.size, 2);
  assert.equal(seen.add(long(49)), false);
  const huge = 'x'.repeat(50_000);
  assert.equal(seen.add(huge), true);
  assert.equal(seen.size, 1);
  assert.equal(seen.add(huge), false, 'a post longer than the bound still counts once');
});
