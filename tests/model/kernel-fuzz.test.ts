// The generated kernel against the reference interpreter on random formulas: operator precedence,
// parenthesisation, comparisons, lags, fixed-year indices, sums and functions must mean the same in both.
import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {compileModel} from "../../lib/model/compile.js";
import {evaluate, interpret, NonFiniteError, valueOf} from "../../lib/model/evaluate.js";
import {modelSchema} from "../../lib/schema/model.js";
import {noKengetallen} from "./helpers.js";

const leaves = ["a", "b", "c", "s"]; // s is a series
const formula = fc.letrec<{expr: string}>((tie) => ({
  expr: fc.oneof(
    {depthSize: "small", withCrossShrink: true},
    fc.constantFrom(...leaves, "t", "horizon", "s[t - 1]", "s[2]", "s[t - 1.5]", "s[t - a]", "a[t - 0.25]", "s[b]", "sum(s)"),
    fc.double({min: -5, max: 5, noNaN: true}).map((x) => (x < 0 ? `(${x.toFixed(3)})` : x.toFixed(3))),
    fc.tuple(tie("expr"), fc.constantFrom("+", "-", "*", "/", "**", "<", "<=", ">", ">=", "==", "!=", "&&", "||", "%"), tie("expr")).map(([x, op, y]) => `${x} ${op} ${y}`),
    fc.tuple(tie("expr"), tie("expr")).map(([x, y]) => `(${x}) * (${y})`),
    tie("expr").map((x) => `-(${x})`),
    tie("expr").map((x) => `!(${x})`),
    fc.tuple(tie("expr"), tie("expr"), tie("expr")).map(([x, y, z]) => `(${x}) ? (${y}) : (${z})`),
    fc.tuple(fc.constantFrom("min", "max", "pow"), tie("expr"), tie("expr")).map(([f, x, y]) => `${f}(${x}, ${y})`),
    fc.tuple(fc.constantFrom("abs", "exp", "sqrt", "floor", "round", "once"), tie("expr")).map(([f, x]) => `${f}(${x})`),
    fc.tuple(tie("expr"), tie("expr"), tie("expr")).map(([x, y, z]) => `clamp(${x}, ${y}, ${z})`)
  )
})).expr;

function modelWith(expr: string) {
  return compileModel(
    modelSchema.parse({
      id: "fuzz",
      title: "fuzz",
      priceYear: 2020,
      horizon: 5,
      posts: [{id: "p", label: "p", side: "benefit"}],
      parameters: [
        {id: "a", label: "a", value: 1.5, unit: "x", assumption: "fuzz"},
        {id: "b", label: "b", value: -2, unit: "x", assumption: "fuzz"},
        {id: "c", label: "c", value: 0, unit: "x", assumption: "fuzz"},
        {id: "s", label: "s", value: [1, 2, 3], unit: "x", assumption: "fuzz"}
      ],
      interventions: [
        {
          id: "iv",
          label: "iv",
          quantities: [
            {id: "q", label: "q", unit: "x", formula: expr},
            {id: "r", label: "r", unit: "x", formula: "q + r[t - 1] * 0.5 + t"}
          ],
          flows: [{id: "f", label: "f", post: "p", actor: "gemeente", effect: "benefit", amount: "r"}]
        }
      ]
    }),
    noKengetallen
  );
}

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
