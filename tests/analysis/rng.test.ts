// The block samplers draw the documented distributions (docs/uncertainty.md): moments and the whole
// distribution (Kolmogorov–Smirnov against the exact CDF of lib/analysis/distributions.ts), with
// fixed seeds, so every assertion is deterministic.
import {describe, expect, it} from "vitest";
import {betaFromMeanSd, cdf, lognormalFromMeanSd, mean, toDistribution, variance, type Distribution} from "../../lib/analysis/distributions.js";
import {CHUNK_SIZE, chunkCount, chunkLength, drawChunk, fillColumn, Stream} from "../../lib/analysis/rng.js";

const cases: [string, Distribution][] = [
  ["uniform", {kind: "uniform", low: 2, high: 5}],
  ["normal", {kind: "normal", mean: 3, sd: 2}],
  ["lognormal", {kind: "lognormal", ...lognormalFromMeanSd(100, 30)}],
  ["beta", {kind: "beta", ...betaFromMeanSd(0.3, 0.1), low: 0, high: 1}],
  ["beta with α < 1", {kind: "beta", alpha: 0.5, beta: 2, low: 0, high: 1}],
  ["gamma, shape < 1", {kind: "gamma", shape: 0.7, scale: 3}],
  ["gamma, shape 1 (exponential)", {kind: "gamma", shape: 1, scale: 2}],
  ["gamma, shape 9", {kind: "gamma", shape: 9, scale: 0.5}],
  ["triangular", {kind: "triangular", low: 0, mode: 2, high: 10}],
  ["PERT", toDistribution({type: "pert", low: 10, high: 40}, 15)],
  ["PERT with the mode at the low end (α = 1)", toDistribution({type: "range", low: 100, high: 200}, 100)]
];

function sample(d: Distribution, n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  fillColumn(d, new Stream(seed, 0), out, n);
  return out;
}

describe("block samplers", () => {
  for (const [name, d] of cases) {
    it(`${name}: mean within 4 standard errors, sd within 3 %, Kolmogorov–Smirnov D below the 1 % critical value`, () => {
      const n = 100_000;
      const x = sample(d, n, 42);
      let s = 0;
      for (const v of x) s += v;
      const m = s / n;
      let ss = 0;
      for (const v of x) ss += (v - m) ** 2;
      const sd = Math.sqrt(ss / (n - 1));
      const sigma = Math.sqrt(variance(d));
      expect(Math.abs(m - mean(d))).toBeLessThan((4 * sigma) / Math.sqrt(n));
      expect(Math.abs(sd - sigma) / sigma).toBeLessThan(0.03);
      // KS on 20 000 of the draws (the exact CDF is slow for beta and gamma).
      const k = 20_000;
      const sorted = Float64Array.from(x.subarray(0, k)).sort();
      let D = 0;
      for (let i = 0; i < k; ++i) {
        const F = cdf(d, sorted[i]);
        D = Math.max(D, (i + 1) / k - F, F - i / k);
      }
      expect(D).toBeLessThan(1.628 / Math.sqrt(k));
    });
  }
  it("uniforms lie in [0, 1)", () => {
    const s = new Stream(7, 3);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; ++i) {
      const u = s.uniform();
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(max).toBeGreaterThan(0.9999);
  });
  it("a stream is fixed by (seed, chunk): the same pair repeats, another seed or chunk differs", () => {
    const take = (seed: number, chunk: number) => Array.from({length: 8}, ((s) => () => s.uniform())(new Stream(seed, chunk)));
    expect(take(1, 0)).toEqual(take(1, 0));
    expect(take(1, 0)).not.toEqual(take(2, 0));
    expect(take(1, 0)).not.toEqual(take(1, 1));
    expect(take(2 ** 40, 0)).not.toEqual(take(0, 0)); // seeds above 2³² count
  });
  it("neighbouring chunks' streams are uncorrelated (|r| < 4/√n)", () => {
    const n = 50_000;
    const a = new Stream(1, 0);
    const b = new Stream(1, 1);
    let sab = 0;
    let sa = 0;
    let sb = 0;
    let saa = 0;
    let sbb = 0;
    for (let i = 0; i < n; ++i) {
      const x = a.uniform();
      const y = b.uniform();
      sab += x * y;
      sa += x;
      sb += y;
      saa += x * x;
      sbb += y * y;
    }
    const r = (sab - (sa * sb) / n) / Math.sqrt((saa - (sa * sa) / n) * (sbb - (sb * sb) / n));
    expect(Math.abs(r)).toBeLessThan(4 / Math.sqrt(n));
  });
  it(`draws are split into chunks of ${CHUNK_SIZE}; a chunk holds one column per input`, () => {
    expect(chunkCount(1)).toBe(1);
    expect(chunkCount(CHUNK_SIZE)).toBe(1);
    expect(chunkCount(CHUNK_SIZE + 1)).toBe(2);
    expect(chunkLength(CHUNK_SIZE + 1, 1)).toBe(1);
    const d: Distribution[] = [{kind: "uniform", low: 0, high: 1}, {kind: "fixed", value: 4}, {kind: "normal", mean: 0, sd: 1}];
    const cols = drawChunk(d, 5, 2, 10);
    expect(cols.length).toBe(30);
    expect(Array.from(cols.subarray(10, 20))).toEqual(new Array(10).fill(4));
    // Column 0 is the chunk stream's first ten uniforms.
    const s = new Stream(5, 2);
    expect(Array.from(cols.subarray(0, 10))).toEqual(Array.from({length: 10}, () => s.uniform()));
  });
});
