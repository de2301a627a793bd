import {describe, expect, test} from "vitest";
import {LOG_STEPS, logPosition, logScaleError, logValue, niceValue} from "../lib/slider-scale.js";

describe("log-scale slider: position p ↦ min·(max/min)^(p/STEPS), snapped to two significant digits", () => {
  test("the ends are the range's ends, exactly", () => {
    expect(logValue(0, 20, 1_000_000)).toBe(20);
    expect(logValue(LOG_STEPS, 20, 1_000_000)).toBe(1_000_000);
    expect(logPosition(20, 20, 1_000_000)).toBe(0);
    expect(logPosition(1_000_000, 20, 1_000_000)).toBe(LOG_STEPS);
  });
  test("the middle of 20 … 1.000.000 is the geometric mean √(2·10⁷) ≈ 4.472, shown as 4.500", () => {
    expect(logValue(LOG_STEPS / 2, 20, 1_000_000)).toBe(4500);
    // A factor 10 is log(10)/log(50.000) of the slider's length: 212,8 of 1000 positions.
    expect(logPosition(200, 20, 1_000_000)).toBeCloseTo((1000 * Math.log(10)) / Math.log(50_000), 9);
  });
  test("a typed value's position gives back the same value before snapping (box and slider agree)", () => {
    for (const v of [20, 23, 137, 4321, 200_000, 999_999]) {
      const p = logPosition(v, 20, 1_000_000);
      expect(20 * (1_000_000 / 20) ** (p / LOG_STEPS)).toBeCloseTo(v, 6);
    }
  });
  test("every position gives a value inside the range, and values never decrease with the position", () => {
    let last = -Infinity;
    for (let p = 0; p <= LOG_STEPS; ++p) {
      const v = logValue(p, 20, 1_000_000, {integer: true});
      expect(v).toBeGreaterThanOrEqual(20);
      expect(v).toBeLessThanOrEqual(1_000_000);
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(last);
      last = v;
    }
  });
  test("nice values: two significant digits", () => {
    expect(niceValue(4472.1)).toBe(4500);
    expect(niceValue(23.4)).toBe(23);
    expect(niceValue(0.01234)).toBe(0.012);
    expect(niceValue(12.5, {integer: true})).toBe(13);
  });
  test("a range that cannot take a log scale is named", () => {
    expect(logScaleError(0, 10)).toMatch(/minimum above 0/);
    expect(logScaleError(5, 5)).toMatch(/maximum above the minimum/);
    expect(logScaleError(20, 1_000_000)).toBeNull();
  });
});
