// The site's own modules are minified after `observable build` (scripts/minify-local-modules.mjs):
// comments and whitespace go, names and exports stay.
import {expect, test} from "vitest";
import {minifyModule} from "../../scripts/minify-local-modules.mjs";

const source = `// A comment that goes.
/** @typedef {{a: number}} T JSDoc that goes too */
import {el} from "./provenance.ad4c05fe.js";
export class NonFiniteError extends Error {
  constructor(message) {
    super(message);
    this.name = "NonFiniteError";
  }
}
/** Doubles. */
export function double(value) {
  const twice = value * 2; // inline comment
  return twice;
}
export const label = el;
`;

test("minifyModule removes comments and whitespace, keeps every export, import and name", async () => {
  const small: string = minifyModule(source);
  expect(small).not.toMatch(/comment|JSDoc|Doubles/);
  expect(small.length).toBeLessThan(source.length * 0.7);
  expect(small).toContain('from"./provenance.ad4c05fe.js"');
  expect(small).toMatch(/class NonFiniteError extends Error/);
  expect(small).toMatch(/function double\(value\)/);
  // It still runs as a module and does the same (the import replaced by a data: module).
  const runnable = small.replace('"./provenance.ad4c05fe.js"', `"data:text/javascript,export const el = 1;"`);
  const mod = await import(`data:text/javascript,${encodeURIComponent(runnable)}`);
  expect(mod.double(21)).toBe(42);
  expect(mod.label).toBe(1);
  expect(new mod.NonFiniteError("x").name).toBe("NonFiniteError");
  expect(mod.NonFiniteError.name).toBe("NonFiniteError");
});
