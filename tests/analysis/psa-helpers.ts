// Shared assertions for the Monte Carlo tests.
import {expect} from "vitest";
import {percentileKey, PERCENTILES, type StreamedStats} from "../../lib/analysis/psa.js";

/** a equals b to `rel` relative (absolute below 1); NaN equals NaN (a statistic over no draws). */
export const close = (a: number, b: number, rel = 1e-9) => {
  if (Number.isNaN(b)) return expect(a).toBeNaN();
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));
};

/** Batched (a) against reference (b): counts equal, moments to 1e-9; percentiles where the batched path keeps the draws. */
export function expectSameStats(a: StreamedStats, b: StreamedStats) {
  expect(a.n).toBe(b.n);
  for (const k of ["mean", "sd", "min", "max"] as const) close(a[k], b[k]);
  if (a.percentiles) for (const p of PERCENTILES) close(a.percentiles[percentileKey(p)], b.percentiles![percentileKey(p)]);
}
