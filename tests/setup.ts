// Global test setup. fast-check: a failing property reports its first counterexample (with the seed
// to replay it) instead of shrinking for minutes — a slow shrink once held CI's unit phase until the
// phase time-out — and no property runs longer than a minute (an interrupted run counts as a failure).
import fc from "fast-check";
import {expect} from "vitest";

fc.configureGlobal({endOnFailure: true, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true});

// toEqual on typed arrays: the same rule as vitest's own (the same constructor, the same length,
// every element equal under Object.is, so NaN equals NaN and −0 differs from +0), checked in one loop.
// Vitest's iterableEquality compares the elements one by one and then once more through
// Object.entries: 2 s of CPU for one Int32Array of 655.360 bucket counts (psa-merge.test.ts). An
// array with own properties besides its elements (none in this project) is left to vitest's rule.
function typedArrayEquality(a: unknown, b: unknown): boolean | undefined {
  if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a instanceof DataView || b instanceof DataView) return undefined;
  if (a.constructor !== b.constructor) return undefined;
  const x = a as unknown as ArrayLike<unknown>;
  const y = b as unknown as ArrayLike<unknown>;
  const indicesOnly = (v: ArrayLike<unknown>) => {
    let n = 0;
    for (const _ in v) if (++n > v.length) return false;
    return n === v.length;
  };
  if (!indicesOnly(x) || !indicesOnly(y)) return undefined;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; ++i) if (!Object.is(x[i], y[i])) return false;
  return true;
}
expect.addEqualityTesters([typedArrayEquality]);
