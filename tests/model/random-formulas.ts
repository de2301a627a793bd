// Random formulas over a small model, for the kernel property tests (kernel-fuzz.test.ts: generated
// kernel vs the reference interpreter; block-kernel.test.ts: block kernel vs one-draw kernel).
import fc from "fast-check";
import {compileModel} from "../../lib/model/compile.js";
import {modelSchema} from "../../lib/schema/model.js";
import {noKengetallen} from "./helpers.js";

const leaves = ["a", "b", "c", "s"]; // s is a series
export const formula = fc.letrec<{expr: string}>((tie) => ({
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

export function modelWith(expr: string) {
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
