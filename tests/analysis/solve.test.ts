import {describe, expect, it} from "vitest";
import {loadStudy} from "../../lib/io/study.js";
import {isDivisorLike, solveInput, quantityTotal} from "../../lib/analysis/solve.js";

// Seed 003 (Berenschot 2021) § 5.2.2, scenario 3: € 300 mln extra for the intensive group buys a
// caseload of 1:33 with € 500 provisions per person (printed "1:33"; exact 33,33).
describe("solveInput: the input value at which quantities meet a target", () => {
  const model = loadStudy("data/studies/afstand-arbeidsmarkt/ondersteuning-smo.yaml");
  it("finds the caseload that € 300 mln extra buys for the intensive group (seed 003 § 5.2.2: 1:33)", () => {
    const x = solveInput(model, "intensief.caseload", {quantities: ["intensief.intensivering"], target: 300e6});
    expect(x).not.toBeNull();
    expect(x!).toBeCloseTo(100000 / 3000, 6);
    expect(quantityTotal(model, {"intensief.caseload": x!}, ["intensief.intensivering"])).toBeCloseTo(300e6, 0);
  });
  it("with € 1.000 provisions the same money buys 1:40 (seed 003 § 5.2.2)", () => {
    const x = solveInput(model, "intensief.caseload", {quantities: ["intensief.intensivering"], target: 300e6, overrides: {"k.voorzieningen_per_persoon": 1000}});
    expect(x!).toBeCloseTo(40, 6);
  });
  it("without quantities it is break-even of an actor's saldo (Leidse Kracht, seed 004 § 2.6: about 4 months)", () => {
    const lk = loadStudy("data/studies/leiden/leidse-kracht.yaml");
    const x = solveInput(lk, "lk.maandenSneller", {actor: "gemeente"});
    expect(x!).toBeGreaterThan(3.9);
    expect(x!).toBeLessThan(4.0);
  });
});

// Issue 17 case 7, applied to the solver: trial values stay inside the input's domain (a caseload that
// divides stays above 0) and a model error at a trial value is "no value here", never an error.
describe("solveInput keeps trial values in the domain and never fails on a model error", () => {
  const model = loadStudy("data/studies/afstand-arbeidsmarkt/ondersteuning-smo.yaml");
  it("a caseload divides (fte = personen / caseload), a count of people does not", () => {
    expect(isDivisorLike(model, "intensief.caseload")).toBe(true);
    expect(isDivisorLike(model, "caseloadSmo")).toBe(true);
    expect(isDivisorLike(model, "k.voorzieningen_per_persoon")).toBe(false);
  });
  it("€ 100 mln at € 150.000 per fte buys 1:120 (hand: 100.000 × 150.000 / c + 100.000 × € 500 − 100.000 / 200 × 150.000 = 1e8 → c = 120), no NonFiniteError", () => {
    const x = solveInput(model, "intensief.caseload", {quantities: ["intensief.intensivering"], target: 100e6, overrides: {"k.klantmanager_kosten_fte": 150000}});
    expect(x!).toBeCloseTo(120, 6);
  });
  it("a found caseload meets the budget when evaluated (budgets € 0 to € 1 bn), never a point beside the pole at caseload 0", () => {
    for (const target of [0, 1, 1e6, 1e9]) {
      const x = solveInput(model, "intensief.caseload", {quantities: ["intensief.intensivering"], target});
      if (x === null) continue;
      expect(x).toBeGreaterThan(0);
      expect(Math.abs(quantityTotal(model, {"intensief.caseload": x}, ["intensief.intensivering"]) - target)).toBeLessThan(1e-6 * Math.max(1, target, 1e8));
    }
  });
});

