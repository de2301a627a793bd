// The worked example of seed 000 (Zoetermeer MKBA), chapter 6.2, lines 2542–2559 of the seed text:
// "potentiele besparingen € 170.000 (€ 140.000 + € 30.000) … de gemiddelde investering per deelnemer
// dan € 1.700 … € 115.000 hoger en is een investering van € 2.850 gerechtvaardigd."
import {describe, expect, it} from "vitest";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {breakEven, solveRoot} from "../../lib/analysis/breakeven.js";
import {loadFixture} from "./helpers.js";

const model = loadFixture("data/studies/zoetermeer/investering-per-deelnemer.yaml");

describe("seed 000 §6.2 worked example (data/studies/zoetermeer/investering-per-deelnemer.yaml)", () => {
  it("savings are € 140.000 (LKS) + € 30.000 (volunteering) = € 170.000 per 100 participants", () => {
    const s = summarize(evaluate(model));
    const byFlow = Object.fromEntries(s.lines.map((l) => [l.flow, l.presentValue]));
    expect(byFlow.besparingLks).toBeCloseTo(140_000, 6);
    expect(byFlow.besparingVrijwilligerswerk).toBeCloseTo(30_000, 6);
    expect(s.benefits).toBeCloseTo(170_000, 6);
  });
  it("break-even investment per participant is € 1.700 (the saldo gemeente is zero there)", () => {
    const r = breakEven(model, "traject.kostenPerDeelnemer", {actor: "gemeente"});
    expect(r.value).toBeCloseTo(1700, 6);
    expect(r.metricAtValue).toBeCloseTo(0, 3);
  });
  it("with 5 % outflow to unsubsidised work the savings rise by € 115.000 and € 2.850 is justified", () => {
    const base = summarize(evaluate(model)).benefits;
    const more = summarize(evaluate(model, {"traject.kansRegulierWerk": 0.05})).benefits;
    expect(more - base).toBeCloseTo(115_000, 6);
    const r = breakEven(model, "traject.kostenPerDeelnemer", {overrides: {"traject.kansRegulierWerk": 0.05}});
    expect(r.value).toBeCloseTo(2850, 6);
  });
  it("records a gap in the report: € 23.000 − € 16.800 benefit = € 6.200 guidance, but the report counts € 6.000", () => {
    // Seed 000 fn 48 (dagbesteding € 23.000 = benefit + guidance) and ch. 2 (benefit € 16.800) imply
    // € 6.200 of guidance per person; the € 30.000 for 5 volunteers implies € 6.000. The model file
    // follows the printed € 30.000 and says so in its assumption.
    const impliedGuidance = 23_000 - 16_800;
    const printedPerPerson = 30_000 / 5;
    expect(impliedGuidance - printedPerPerson).toBe(200);
    expect(model.nodes.get("traject.begeleidingDagbesteding")!.leaf!.value).toBe(printedPerPerson);
  });
});


describe("solveRoot(f, base, {bracket})", () => {
  it("finds the root of a 1/x-shaped curve in a wide bracket (regula falsi stalls there): 10 − 1000/x = 0 at x = 100", () => {
    const r = solveRoot((x) => 10 - 1000 / x, 50, {bracket: [5, 5000], tolerance: 1e-9});
    expect(r.value).toBeCloseTo(100, 7);
  });
  it("finds 33,33 for 3 − 100/x in [5, 500] (the case a seed-003 computation hit)", () => {
    expect(solveRoot((x) => 3 - 100 / x, 20, {bracket: [5, 500]}).value).toBeCloseTo(100 / 3, 7);
  });
  it("is exact for a linear function and returns null without a sign change", () => {
    expect(solveRoot((x) => 2 * x - 7, 0).value).toBeCloseTo(3.5, 9);
    expect(solveRoot((x) => x * x + 1, 0).value).toBeNull();
  });
});
