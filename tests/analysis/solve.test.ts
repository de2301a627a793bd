import {describe, expect, it} from "vitest";
import {loadStudy} from "../../lib/io/study.js";
import {solveInput, quantityTotal} from "../../lib/analysis/solve.js";

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
