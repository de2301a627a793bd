// Axis helpers of the chart components (src/components/labels.js): label margins and tick values.
import {describe, expect, test} from "vitest";
import {labelAxis, niceTicks} from "../../src/components/labels.js";

describe("niceTicks(lo, hi, maxCount): round values 1, 2 or 5 × 10^k, at most maxCount, at least two where the range allows", () => {
  test("a narrow axis over −2,5 to 5 million gets 0 and 5 million, not only 0", () => {
    expect(niceTicks(-2.5e6, 5e6, 1)).toEqual([0, 5e6]);
  });
  test("room for six: steps of 1 million from −1 to 3 million", () => {
    expect(niceTicks(-1e6, 3e6, 6)).toEqual([-1e6, 0, 1e6, 2e6, 3e6]);
  });
  test("never more values than asked for", () => {
    for (const [lo, hi, n] of [[-3.5e8, 5e7, 3], [1e5, 1.6e5, 2], [0, 7, 4], [-12, 0.3, 2]] as const) {
      const t = niceTicks(lo, hi, n);
      expect(t.length).toBeLessThanOrEqual(Math.max(2, n));
      for (const v of t) expect(v).toBeGreaterThanOrEqual(lo - 1e-9);
    }
  });
});

describe("labelAxis: the margin holds the longest word, and never leaves the plot under 100 px", () => {
  test("6,5 px per character without a canvas (Node); a 40-px margin at least", () => {
    const a = labelAxis(["Vergunninghouders (VH)", "Werkacademie (WA)"], 800, {cap: 300, share: 0.4});
    expect(a.marginLeft).toBeGreaterThanOrEqual(Math.ceil("Vergunninghouders".length * 6.5 + 14));
    const narrow = labelAxis(["Een heel lange categorienaam"], 120, {cap: 300, share: 0.4});
    expect(narrow.marginLeft).toBeLessThanOrEqual(40);
  });
});
