// The generated kernel against the reference interpreter on random formulas: operator precedence,
// parenthesisation, comparisons, lags, fixed-year indices, sums and functions must mean the same in both.
import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {evaluate, interpret, NonFiniteError, valueOf} from "../../lib/model/evaluate.js";
import {formula, modelWith} from "./random-formulas.js";

function same(x: number, y: number): boolean {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return x === y;
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}

describe("generated kernel = reference interpreter on random formulas", () => {
  it("agrees on every quantity for 500 random formulas", () => {
    fc.assert(
      fc.property(formula, fc.double({min: -3, max: 3, noNaN: true}), (expr, a) => {
        const model = modelWith(expr);
        const e = evaluate(model, {a}, {checkFinite: false});
        const ref = interpret(model, {a});
        for (const [name, v] of ref) {
          const k = valueOf(e, name);
          if (typeof v === "number") expect(same(k as number, v), `${name} = ${expr}: kernel ${k}, interpreter ${v}`).toBe(true);
          else v.forEach((x, t) => expect(same((k as Float64Array)[t], x), `${name}[${t}] = ${expr}`).toBe(true));
        }
      }),
      {numRuns: 500}
    );
  });
});

describe("the finite check on random formulas", () => {
  it("evaluate either returns only finite values or throws a NonFiniteError naming a quantity whose value is not finite", () => {
    fc.assert(
      fc.property(formula, fc.double({min: -3, max: 3, noNaN: true}), (expr, a) => {
        const model = modelWith(expr);
        const raw = evaluate(model, {a}, {checkFinite: false});
        const anyBad = [...raw.S, ...raw.V].some((x) => !Number.isFinite(x));
        try {
          evaluate(model, {a});
          expect(anyBad, expr).toBe(false);
        } catch (error) {
          if (!(error instanceof NonFiniteError)) throw error;
          expect(anyBad, expr).toBe(true);
          const v = valueOf(raw, error.quantity);
          const at = typeof v === "number" ? v : v[error.year!];
          expect(Number.isFinite(at), `${error.message}`).toBe(false);
          expect(Object.is(at, error.value) || (Number.isNaN(at) && Number.isNaN(error.value))).toBe(true);
        }
      }),
      {numRuns: 300}
    );
  });
});
