// The content script's warm-up (content/warm-up.js): list examples only, only while idle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costs } from '../src/content/costs.js';
import { warmUp } from '../src/content/warm-up.js';

/** A matcher that records what it was asked. */
function recorder() {
  const seen = [];
  return { seen, match(text) { seen.push(text); return []; } };
}

/** Idle periods handed out by hand: each has room for `room` matches. */
function idlePeriods(room) {
  const waiting = [];
  return {
    idle: (callback) => waiting.push(callback),
    get waiting() { return waiting.length; },
    runOne() {
      let left = room;
      waiting.shift()({ timeRemaining: () => (left-- > 0 ? 10 : 0) });
    },
  };
}

test('matches every example twenty times over idle periods, then stops asking for them', () => {
  const m = recorder();
  const periods = idlePeriods(7);
  const cost = warmUp(() => m, ['a', 'b', 'c'], periods.idle);
  assert.equal(m.seen.length, 0, 'nothing runs before the page is idle');
  let rounds = 0;
  while (periods.waiting) {
    periods.runOne();
    rounds++;
  }
  assert.equal(m.seen.length, 60);
  assert.deepEqual(m.seen.slice(0, 4), ['a', 'b', 'c', 'a']);
  assert.equal(rounds, Math.ceil(60 / 7), 'each idle period does only what fits in it');
  assert.equal(cost.done, true);
  assert.equal(cost.matches, 60);
  assert.equal(costs.warmUp, cost);
});

test('a slice with no idle time left matches nothing and asks for another period', () => {
  const m = recorder();
  const periods = idlePeriods(0);
  const cost = warmUp(() => m, ['a'], periods.idle);
  periods.runOne();
  assert.equal(m.seen.length, 0);
  assert.equal(periods.waiting, 1);
  assert.equal(cost.done, false);
});

test('a long idle period is used a few milliseconds at a time, so input never waits long', () => {
  const slow = { count: 0, match() { this.count++; const until = performance.now() + 1; while (performance.now() < until); return []; } };
  const periods = idlePeriods(1000); // 50 ms offered, as a long idle period does
  warmUp(() => slow, ['a'], periods.idle);
  periods.runOne();
  // Each match takes at least 1 ms: a slice of at most 4 ms holds 1 to 4 of them, never the 49 offered.
  assert.ok(slow.count >= 1 && slow.count <= 4, `one period ran ${slow.count} matches of 1 ms`);
  assert.equal(periods.waiting, 1, 'the rest waits for the next idle period');
});

test('lists reloaded meanwhile: the rest of the warm-up uses the new matcher', () => {
  const first = recorder();
  const second = recorder();
  let current = first;
  const periods = idlePeriods(5);
  warmUp(() => current, ['a', 'b'], periods.idle);
  periods.runOne();
  current = second;
  while (periods.waiting) periods.runOne();
  assert.equal(first.seen.length, 5);
  assert.equal(second.seen.length, 35);
});

test('lists without examples: nothing to do, no idle period asked for', () => {
  const periods = idlePeriods(5);
  const cost = warmUp(() => recorder(), [], periods.idle);
  assert.equal(cost.done, true);
  assert.equal(periods.waiting, 0);
});
