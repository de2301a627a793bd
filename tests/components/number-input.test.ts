// The number box's rules (src/components/numberInput.js), without a browser: what a typed text
// means for a box with a range, and how a slider position snaps to the step grid.
import {describe, expect, test} from "vitest";

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const load = (name = "numberInput"): Promise<Any> => import(`../../src/components/${name}.js`);

describe("judge(text, min, max): a typed text against the box's range", () => {
  test("a Dutch decimal comma inside the range is applied as it is: 3,5 in [0, 10] → 3.5", async () => {
    const {judge} = await load();
    expect(judge("3,5", 0, 10)).toEqual({state: "ok", value: 3.5, message: ""});
  });
  test("above the maximum: clamped to the maximum with a Dutch message naming the typed value and the range", async () => {
    const {judge} = await load();
    const j = judge("460", 0, 400);
    expect(j.state).toBe("out");
    expect(j.value).toBe(400);
    expect(j.message).toBe("460 ligt buiten het bereik 0 tot 400; er wordt gerekend met 400.");
  });
  test("below the minimum: clamped to the minimum", async () => {
    const {judge} = await load();
    expect(judge("-0,5", 0, 8).value).toBe(0);
    expect(judge("4", 6, 48).value).toBe(6);
  });
  test("text that is no number gives no value and a Dutch message, never another number", async () => {
    const {judge} = await load();
    const j = judge("3,5,1", 0, 10);
    expect(j.state).toBe("nan");
    expect(j.value).toBeUndefined();
    expect(j.message).toMatch(/is geen getal/);
  });
});

describe("snap(x, min, step): a slider position on the step grid from min", () => {
  test("rounds to the nearest step from min and keeps the result free of float noise", async () => {
    const {snap} = await load();
    expect(snap(3.13, 0, 0.25)).toBe(3.25);
    expect(snap(0.30000000000000004, 0, 0.1)).toBe(0.3);
    expect(snap(13, 6, 6)).toBe(12);
  });
  test("without a step the position is kept", async () => {
    const {snap} = await load();
    expect(snap(3.1415, 0, undefined)).toBe(3.1415);
  });
});
