// Seed 003 (Berenschot 2021), chapter 5 (seed lines 1110-1335): caseload, fte and budget scenarios for
// the SMO group; §4.3 (lines 1054-1092): UWV tariffs.
import {beforeAll, describe, expect, it} from "vitest";
import {evaluate, valueOf} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {scenarioOverrides} from "../../lib/analysis/scenarios.js";
import {solveRoot} from "../../lib/analysis/breakeven.js";
import {readPrinted, runChecks} from "../../lib/reproduce/run.js";
import {computeWith, model} from "./helpers.js";

const smoFile = "data/studies/afstand-arbeidsmarkt/ondersteuning-smo.yaml";
const uwvFile = "data/studies/afstand-arbeidsmarkt/uwv-begeleidingstarief.yaml";
/** The caseload at which the costs of `scope` equal `budget`, as printed.yaml's s3/s4 figures compute it (a declared break-even). */
const caseloadForBudget = (scope: "intensief" | "total", budget: number, provisions: number) =>
  computeWith("afstand-arbeidsmarkt", {scope, measure: "costs", overrides: {"k.voorzieningen_per_persoon": provisions}, breakEven: {input: scope === "intensief" ? "intensief.caseload" : "caseloadSmo", start: 100, target: budget}});

const smo = () => model(smoFile);

// Loading the kengetallen registry takes seconds on a busy machine: do it once, outside the test timeouts.
beforeAll(() => {
  model(smoFile);
  model(uwvFile);
}, 60_000);
const run = (scenario?: string) => evaluate(smo(), scenario ? scenarioOverrides(smo(), scenario) : {});

describe("seed 003 model files (data/studies/afstand-arbeidsmarkt)", () => {
  it.each([smoFile, uwvFile])("%s validates and compiles against the kengetallen registry", (f) => {
    expect(() => model(f)).not.toThrow();
  });

  it.each([undefined, "caseload30_voorzieningen1000", "caseload30_voorzieningen500", "caseload40_voorzieningen1000"])(
    "scenario %s: the whole SMO group costs the sum of its two subgroups, and the saldo over actors equals the saldo",
    (scenario) => {
      const e = run(scenario);
      const s = summarize(e);
      const parts = summarize(e, "intensief").costs + summarize(e, "beperkt").costs;
      expect(s.costs).toBeCloseTo(parts, 3);
      expect(s.actors.reduce((a, x) => a + x.saldo, 0)).toBeCloseTo(s.saldo, 3);
    }
  );
});

describe("chapter 5 cost scenarios", () => {
  it("intensive group at 1:40 and € 500: 2.500 fte, € 250 + € 50 = € 300 mln, € 250 mln above the existing € 50 mln (§5.1.1)", () => {
    const e = run();
    expect(valueOf(e, "intensief.fte")).toBe(2500);
    expect(summarize(e, "intensief").costs).toBe(300e6);
    expect(valueOf(e, "intensief.intensivering")).toBe(250e6);
    expect(valueOf(e, "intensief.bestaandBudget")).toBe(50e6);
  });
  it("the 2×2 table cell 1:75 × € 500 is 333,33 + 83,33 + 75 = € 491,67 mln, not the printed € 493 mln", () => {
    expect(summarize(run("caseload30_voorzieningen500")).costs / 1e6).toBeCloseTo(491.667, 3);
  });
  it("the whole group's caseload at intensive 1:30 is 200.000 / 4.166,7 fte = 48 persons per fte, not the printed mean 75", () => {
    const e = run("caseload30_voorzieningen500");
    const fte = (valueOf(e, "intensief.fte") as number) + (valueOf(e, "beperkt.fte") as number);
    expect(200000 / fte).toBeCloseTo(48, 9);
  });
});

describe("€ 300 mln extra: caseload by break-even (§5.2)", () => {
  it("intensive group, € 350 mln gross: 100.000 / ((350 − 100.000 × v) / 0,1) = 33,3 (v = € 500) and 40 (v = € 1.000)", () => {
    expect(caseloadForBudget("intensief", 350e6, 500)).toBeCloseTo(100000 / 3000, 6);
    expect(caseloadForBudget("intensief", 350e6, 1000)).toBeCloseTo(40, 6);
  });
  it("whole SMO group, € 400 mln: 200.000 / 3.250 fte = 61,5 (v = € 500) and 80 (v = € 1.000)", () => {
    expect(caseloadForBudget("total", 400e6, 500)).toBeCloseTo(200000 / 3250, 6);
    expect(caseloadForBudget("total", 400e6, 1000)).toBeCloseTo(80, 6);
  });
  it("solveRoot finds the caseload 1:33,3 on the 1/x-shaped budget gap, also in the wide bracket [5, 500] (where regula falsi used to stall)", () => {
    const f = (x: number) => 350e6 - (1e10 / x + 50e6);
    expect(solveRoot(f, 40, {bracket: [5, 500], tolerance: 4e-8}).value).toBeCloseTo(100 / 3, 7); // within the 4e-8 tolerance
    expect(solveRoot(f, 40, {tolerance: 4e-8}).value).toBeCloseTo(100 / 3, 7);
  });
});

describe("UWV tariffs (§4.3)", () => {
  it("the 36-hour row is share × 36 × € 87,50 × 40 weeks; the printed 32-hour row is 0,75 × that, not 32/36", () => {
    const m = model(uwvFile);
    const t36 = valueOf(evaluate(m), "tarief.niveauIV") as number;
    const t32 = valueOf(evaluate(m, scenarioOverrides(m, "werkweek32")), "tarief.niveauIV") as number;
    expect(t36).toBeCloseTo(18900, 9);
    expect(t32 / t36).toBeCloseTo(32 / 36, 12);
    expect(14175 / 18900).toBe(0.75);
  });
});

describe("seed 003 reproduction (data/studies/afstand-arbeidsmarkt/printed.yaml)", () => {
  it("every printed figure matches or has a recorded explanation", async () => {
    const checks = await runChecks({study: "afstand-arbeidsmarkt"});
    expect(checks.length).toBe(readPrinted("data/studies/afstand-arbeidsmarkt/printed.yaml").figures.length);
    // The 32-hour row: one report inconsistency, computed from the printed 36-hour row (× 32/36), touching four tariffs.
    expect(checks.filter((c) => c.cause === "uwv_32_uursrij").map((c) => [c.id, c.computed])).toEqual([["uwv_32u_i", 3360], ["uwv_32u_ii", 6720], ["uwv_32u_iii", 11200], ["uwv_32u_iv", 16800]]);
    expect(checks.filter((c) => c.verdict === "fail").map((c) => c.id)).toEqual([]);
  });
});
