// The typed-array equality of tests/setup.ts keeps vitest's rule for toEqual: these pairs are equal
// or unequal exactly as vitest's own iterableEquality has them.
import {describe, expect, it} from "vitest";

describe("toEqual on typed arrays (tests/setup.ts)", () => {
  it("equal: the same constructor, length and elements (NaN equals NaN), also nested in objects and arrays", () => {
    expect(new Float64Array([1, NaN, -0])).toEqual(new Float64Array([1, NaN, -0]));
    expect({a: [new Int32Array([1, 2])]}).toEqual({a: [new Int32Array([1, 2])]});
    expect(new Int32Array(655_360)).toEqual(new Int32Array(655_360));
  });
  it("unequal: one element, −0 against +0, the length, the constructor, a plain array, nested", () => {
    const big = new Int32Array(655_360);
    big[655_359] = 1;
    expect(big).not.toEqual(new Int32Array(655_360));
    expect(new Float64Array([0])).not.toEqual(new Float64Array([-0]));
    expect(new Float64Array([1, 2])).not.toEqual(new Float64Array([1, 2, 3]));
    expect(new Float64Array([1, 2])).not.toEqual(new Float32Array([1, 2]));
    expect(new Float64Array([1, 2])).not.toEqual([1, 2]);
    expect({a: new Int32Array([1, 2])}).not.toEqual({a: new Int32Array([1, 3])});
  });
  it("an array with a property besides its elements is left to vitest's rule, which compares the property", () => {
    const a = Object.assign(new Int32Array([1]), {note: "x"});
    const b = Object.assign(new Int32Array([1]), {note: "y"});
    expect(a).not.toEqual(b);
    expect(a).toEqual(Object.assign(new Int32Array([1]), {note: "x"}));
  });
});
