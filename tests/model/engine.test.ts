import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {evaluate, interpret, valueOf} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {compileModel} from "../../lib/model/compile.js";
import {modelSchema} from "../../lib/schema/model.js";
import {loadFixture, noKengetallen} from "./helpers.js";

const model = loadFixture("tests/fixtures/model-mini.yaml");
// Hand arithmetic for tests/fixtures/model-mini.yaml at 4 %: extra workers per year are
// 100 × [0.05, 0.08, 0.10, 0.10 (series extended with its last value)] = [5, 8, 10, 10].
const d = [1, 1 / 1.04, 1 / 1.04 ** 2, 1 / 1.04 ** 3];
const workers = [5, 8, 10, 10];
const pvWorkers = workers.reduce((s, w, t) => s + w * d[t], 0);

describe("evaluate(model) on the mini MKBA (hand-checked)", () => {
  const e = evaluate(model);
  const s = summarize(e);
  it("series parameters extend with their last value when `extend: last`, with zeros otherwise", () => {
    expect(Array.from(valueOf(e, "iv.extraWerk") as Float64Array)).toEqual(workers);
    expect(Array.from(valueOf(e, "iv.kostenPerJaar") as Float64Array)).toEqual([3000, 1000, 0, 0]);
  });
  it("x[t - 1] refers to the previous year and is 0 before year 0; sum(x) adds a series over the horizon", () => {
    expect(Array.from(valueOf(e, "iv.cumulatiefWerk") as Float64Array)).toEqual([5, 13, 23, 33]);
    expect(valueOf(e, "iv.totaalWerkjaren")).toBe(33);
  });
  it("costs = PV(trajectory costs) + PV(wage subsidy), discounting year 0 with factor 1", () => {
    expect(s.costs).toBeCloseTo(300_000 + 100_000 / 1.04 + 2250 * pvWorkers, 4);
  });
  it("benefits = PV(gross wage) + PV(quality of life): benefit and tax transfers inside one post cancel", () => {
    expect(s.benefits).toBeCloseTo(22_500 * pvWorkers + 1500 * pvWorkers, 4);
    expect(s.financialBenefits).toBeCloseTo(22_500 * pvWorkers, 4);
  });
  it("per actor: the gemeente pays costs and subsidy and saves the benefit; the Rijk receives the tax; the employer nets to zero", () => {
    const actor = Object.fromEntries(s.actors.map((a) => [a.actor, a.saldo]));
    expect(actor.gemeente).toBeCloseTo(-(300_000 + 100_000 / 1.04) - 2250 * pvWorkers + 16_800 * pvWorkers, 4);
    expect(actor.rijk).toBeCloseTo(4500 * pvWorkers, 4);
    expect(actor.werkgever).toBeCloseTo(0, 6);
    expect(actor.deelnemer).toBeCloseTo((22_500 - 16_800 - 4500 + 1500) * pvWorkers, 4);
  });
  it("welfareTotal nets transfers between actors to zero: the sum over actors equals the saldo", () => {
    const sum = s.actors.reduce((a, x) => a + x.saldo, 0);
    expect(sum).toBeCloseTo(s.saldo, 6);
  });
  it("payback is interpolated within the year: −191.250, +74.000, +217.500 → 2 + 117.250/217.500 years", () => {
    expect(s.perYear.map((x) => Math.round(x))).toEqual([-191_250, 74_000, 217_500, 217_500]);
    expect(s.paybackYears).toBeCloseTo(2 + 117_250 / 217_500, 10);
  });
  it("QALYs are discounted at the study rate; cost per QALY is null when financial benefits exceed costs (report prints '-')", () => {
    expect(s.qalysUndiscounted).toBeCloseTo(0.99, 10);
    expect(s.qalys).toBeCloseTo(0.03 * pvWorkers, 10);
    expect(s.financialBenefits).toBeGreaterThan(s.costs);
    expect(s.costPerQaly).toBeNull();
  });
  it("cost per participant divides total costs by the participants", () => {
    expect(s.costPerParticipant).toBeCloseTo(s.costs / 100, 8);
  });
  it("an internal rate of return makes the welfare flows' present value zero", () => {
    const r = s.internalRateOfReturn!;
    expect(s.perYear.reduce((a, f, t) => a + f / (1 + r) ** t, 0)).toBeCloseTo(0, 4);
  });
});

describe("fractional years in x[i]", () => {
  const m = compileModel(
    modelSchema.parse({
      id: "frac", title: "frac", priceYear: 2020, horizon: 4,
      posts: [{id: "p", label: "p", side: "benefit"}],
      parameters: [
        {id: "s", label: "s", value: [10, 20, 30, 40], unit: "personen", assumption: "test"},
        {id: "lag", label: "lag", value: 1.5, unit: "jaar", assumption: "test"}
      ],
      interventions: [{
        id: "iv", label: "iv",
        quantities: [
          {id: "vast", label: "vast", unit: "personen", formula: "s[t - 1.5]"},
          {id: "param", label: "param", unit: "personen", formula: "s[t - lag]"}
        ],
        flows: [{id: "f", label: "f", post: "p", actor: "gemeente", effect: "benefit", amount: "vast"}]
      }]
    }),
    noKengetallen
  );
  it("x[t - 1.5] interpolates linearly between x[t - 2] and x[t - 1]; years before 0 count as 0", () => {
    // t = 0: between s[-2] = 0 and s[-1] = 0; t = 1: between 0 and s[0] = 10 → 5; t = 2: 10 and 20 → 15; t = 3: 20 and 30 → 25
    expect(Array.from(valueOf(evaluate(m), "iv.vast") as Float64Array)).toEqual([0, 5, 15, 25]);
    expect(interpret(m).get("iv.vast")).toEqual([0, 5, 15, 25]);
  });
  it("a lag given by a parameter (as drawn in Monte Carlo) interpolates the same way, never silently 0", () => {
    expect(Array.from(valueOf(evaluate(m, {"lag": 0.5}), "iv.param") as Float64Array)).toEqual([5, 15, 25, 35]);
    expect(Array.from(valueOf(evaluate(m, {"lag": 2}), "iv.param") as Float64Array)).toEqual([0, 0, 10, 20]);
  });
});

// Inputs are 0 or at least 1e-12: a cost or QALY total of 1e-320 gives an infinite ratio or cost per
// QALY, which is an error since issue 17 case 10 (tests/finance/derived-non-finite.test.ts); these
// properties are about the saldo.
const amount = (max: number) => fc.double({min: 0, max, noNaN: true}).map((x) => (x < 1e-12 ? 0 : x));
const effect = amount(0.5);
const overridesArb = fc.record({
  "iv.deelnemers": fc.integer({min: 0, max: 2000}),
  "iv.nettoEffect": fc.array(effect, {minLength: 1, maxLength: 4}),
  "iv.loon": amount(60_000),
  "iv.uitkering": amount(30_000),
  "iv.belastingtarief": amount(0.6),
  "iv.aandeelLks": amount(1),
  discountRate: amount(0.1)
});

describe("model properties (fast-check over the mini MKBA's inputs)", () => {
  it("the generated kernel and the reference interpreter agree on every quantity", () => {
    fc.assert(fc.property(overridesArb, (o) => {
      const e = evaluate(model, o);
      const ref = interpret(model, o);
      for (const [name, v] of ref) {
        const k = valueOf(e, name);
        if (typeof v === "number") expect(k).toBeCloseTo(v, 6);
        else v.forEach((x, t) => expect((k as Float64Array)[t]).toBeCloseTo(x, 6));
      }
    }), {numRuns: 200});
  });
  it("the sum over actors equals the societal saldo, always", () => {
    fc.assert(fc.property(overridesArb, (o) => {
      const s = summarize(evaluate(model, o));
      const sum = s.actors.reduce((a, x) => a + x.saldo, 0);
      expect(Math.abs(sum - s.saldo)).toBeLessThan(1e-6 * Math.max(1, Math.abs(s.saldo)));
    }), {numRuns: 200});
  });
  it("zero net effect gives zero effect-benefits", () => {
    fc.assert(fc.property(overridesArb, (o) => {
      const s = summarize(evaluate(model, {...o, "iv.nettoEffect": [0]}));
      expect(s.benefits).toBe(0);
    }), {numRuns: 100});
  });
  it("discounting at 0 % equals the plain sum of the yearly flows", () => {
    fc.assert(fc.property(overridesArb, (o) => {
      const s = summarize(evaluate(model, {...o, discountRate: 0}));
      expect(s.saldo).toBeCloseTo(s.perYear.reduce((a, b) => a + b, 0), 4);
    }), {numRuns: 100});
  });
  it("more net effect never lowers the saldo while an extra worker's value (wage − subsidy + QoL) is not negative", () => {
    fc.assert(fc.property(overridesArb, fc.double({min: 0, max: 0.3, noNaN: true}).map((x) => (x < 1e-12 ? 0 : x)), (o, extra) => {
      // Per extra worker: gross wage − the wage part covered by subsidy (9000 × share) + QoL (0.03 × 50.000).
      fc.pre(o["iv.loon"] - o["iv.aandeelLks"] * 9000 + 1500 >= 0);
      const lower = summarize(evaluate(model, o)).saldo;
      const higher = summarize(evaluate(model, {...o, "iv.nettoEffect": o["iv.nettoEffect"].map((x) => x + extra)})).saldo;
      expect(higher).toBeGreaterThanOrEqual(lower - 1e-6 * Math.max(1, Math.abs(lower)));
    }), {numRuns: 100});
  });
});
