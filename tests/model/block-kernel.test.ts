// The block kernel (lib/model/block-kernel.ts) against the one-draw kernel on random formulas
// (the generator of kernel-fuzz.test.ts): every quantity of every draw of a block bit for bit
// equal, NaN and ±Infinity included, also for a block filled only in part.
import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {compileModel} from "../../lib/model/compile.js";
import {blockKernel} from "../../lib/model/block-kernel.js";
import {initialState} from "../../lib/model/evaluate.js";
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

describe("block kernel = one-draw kernel on random formulas", () => {
  it("agrees bit for bit on every quantity of every draw for 300 random formulas (block of 8, 5 draws used)", () => {
    fc.assert(
      fc.property(formula, fc.array(fc.double({min: -3, max: 3, noNaN: true}), {minLength: 5, maxLength: 5}), (expr, as) => {
        const model = modelWith(expr);
        const B = 8;
        const n = as.length;
        const H = model.horizon;
        const aSlot = model.nodes.get("a")!.slot;
        const {S: S0, V: V0} = initialState(model);
        const S = new Float64Array(model.scalarCount * B);
        const V = new Float64Array(model.seriesCount * H * B);
        for (let i = 0; i < S0.length; ++i) S.fill(S0[i], i * B, (i + 1) * B);
        for (let i = 0; i < V0.length; ++i) V.fill(V0[i], i * B, (i + 1) * B);
        as.forEach((a, b) => (S[aSlot * B + b] = a));
        blockKernel(model, B).kernel(S, V, n);
        as.forEach((a, b) => {
          const s = S0.slice();
          const v = V0.slice();
          s[aSlot] = a;
          model.kernel(s, v);
          for (let i = 0; i < s.length; ++i) expect(Object.is(S[i * B + b], s[i]), `scalar ${i}, draw ${b}: ${expr}`).toBe(true);
          for (let i = 0; i < v.length; ++i) expect(Object.is(V[i * B + b], v[i]), `series row ${i}, draw ${b}: ${expr}`).toBe(true);
        });
      }),
      {numRuns: 300}
    );
  }, 120_000);
});
