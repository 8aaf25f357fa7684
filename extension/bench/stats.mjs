// Small statistics the benchmarks share.

/** The value at fraction p of an ascending array (NaN when it is empty). */
export function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN;
}

/** The median of the numbers in xs, leaving out NaN (a run that measured nothing). */
export function median(xs) {
  return percentile(xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b), 0.5);
}

/** A seeded generator of numbers in [0, 1): the same seed gives the same workload every run. */
export function rng(seed) {
  return () => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}
