import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {parse} from "yaml";
import {ageBand, calibrateIntercept, effectivenessIndicator, expectedRate, linearPredictor, parseRiskModels} from "../../lib/cohort/effectiveness.js";

interface Row {project: string; n: number; observedPct: number; expectedPct: number; printedIndicator: number}
const tables = (parse(readFileSync("data/studies/voorbeeldprojecten/monitoring/effect-indicator.yaml", "utf8")) as {tables: {table: number; rows: Row[]}[]}).tables;
const models = parseRiskModels(readFileSync("data/studies/voorbeeldprojecten/monitoring/fit4work-model.yaml", "utf8"), "data/studies/voorbeeldprojecten/monitoring/fit4work-model.yaml");

describe("effectivenessIndicator (seed 002 Tables 3 and 4)", () => {
  const all = tables.flatMap((t) => t.rows.map((r) => ({...r, table: t.table})));

  it("effectivenessIndicator(O, E) = O / E reproduces the printed indicators of Tabel 3 (alle uren) to two decimals", () => {
    // Seed 002 Tabel 3 (text line 2798): IPS-NHN 16,5/13,7 = 1,20; VIP 29,3/15,5 = 1,89; ExIT 6,3/9,5 = 0,66.
    const t3 = all.filter((r) => r.table === 3);
    expect(t3).toHaveLength(3);
    for (const r of t3) expect(Math.abs(effectivenessIndicator(r.observedPct, r.expectedPct).indicator - r.printedIndicator)).toBeLessThanOrEqual(0.005);
  });

  it("Tabel 4 (32 uur+): IPS-NHN 1,02 and ExIT 0,83 reproduce; VIP prints 1,26 where 7,5/5,9 = 1,27 (rounded inputs)", () => {
    // Seed 002 Tabel 4 (text line 2866). The printed O and E are rounded to one decimal; the report
    // divided unrounded values. 1,26 lies inside the range the rounding allows, 7,45/5,95 .. 7,55/5,85.
    const t4 = all.filter((r) => r.table === 4);
    const vip = t4.find((r) => r.project === "VIP Amsterdam")!;
    expect(effectivenessIndicator(vip.observedPct, vip.expectedPct).indicator).toBeCloseTo(1.2712, 4);
    for (const r of t4.filter((x) => x !== vip)) expect(Math.abs(r.observedPct / r.expectedPct - r.printedIndicator)).toBeLessThanOrEqual(0.005);
  });

  it("every printed indicator lies within the interval implied by rounding O and E to one decimal", () => {
    for (const r of all) {
      const lo = (r.observedPct - 0.05) / (r.expectedPct + 0.05);
      const hi = (r.observedPct + 0.05) / (r.expectedPct - 0.05);
      expect(r.printedIndicator).toBeGreaterThanOrEqual(lo - 0.005);
      expect(r.printedIndicator).toBeLessThanOrEqual(hi + 0.005);
    }
  });

  it("gives log-scale limits of O divided by E when the standard error of O is known", () => {
    const i = effectivenessIndicator(0.293, 0.155, 0.045);
    expect(i.lower!).toBeLessThan(i.indicator);
    expect(i.upper!).toBeGreaterThan(i.indicator);
    expect(i.lower!).toBeCloseTo((0.293 * Math.exp(-1.959963985 * (0.045 / 0.293))) / 0.155, 6);
  });
});

describe("risk model (seed 002 Tabel 2)", () => {
  const [m1, m2] = models;
  const ref = {age: 30, sex: "f", education: "low", origin: "nl", unemployment_duration: "le1y", children: "lt12", poor_mental_health: 0};

  it("data/studies/voorbeeldprojecten/monitoring/fit4work-model.yaml holds the printed odds ratios: the odds of two clients differing in one factor differ by that OR", () => {
    expect(linearPredictor(m1, ref)).toBe(0);
    // Tabel 2: high education, model 2 (32 h+) OR 4,05 (text: "OR=4,1"); >5 years unemployed OR 0,10.
    expect(Math.exp(linearPredictor(m2, {...ref, education: "high"})!)).toBeCloseTo(4.05, 12);
    expect(Math.exp(linearPredictor(m2, {...ref, unemployment_duration: "gt5y_or_never"})!)).toBeCloseTo(0.1, 12);
    // Poor mental health: 0,51 (alle uren) and 0,33 (32 h+): "twee tot drie keer zo klein".
    expect(Math.exp(linearPredictor(m1, {...ref, poor_mental_health: 1})!)).toBeCloseTo(0.51, 12);
    expect(Math.exp(linearPredictor(m1, {...ref, age: 20, sex: "m"})!)).toBeCloseTo(0.53 * 1.24, 12);
  });

  it("calibrateIntercept makes the mean prediction equal the reference rate (8,5 %, seed 002 §4.4)", () => {
    // Only reference-level persons: the intercept is logit(0,085) in closed form.
    expect(calibrateIntercept(m1, [ref, ref], 0.085)).toBeCloseTo(Math.log(0.085 / 0.915), 10);
    const mixed = [ref, {...ref, poor_mental_health: 1}, {...ref, education: "high", age: 50}];
    const b = calibrateIntercept(m1, mixed, 0.085);
    expect(expectedRate(m1, mixed, b).expected).toBeCloseTo(0.085, 10);
  });

  it("expectedRate counts persons with a missing covariate instead of dropping them silently", () => {
    const r = expectedRate(m1, [ref, {...ref, education: null}, {...ref, origin: "xx"}], -2);
    expect(r).toEqual({expected: 1 / (1 + Math.exp(2)), n: 1, missing: 2});
    expect(() => expectedRate(m1, [ref])).toThrow(/intercept is not known/);
  });

  it("ageBand puts 25 in 25-35 and 35 in 35-65 (assumption; Tabel 2 prints 18-25 / 25-35 / 35-65)", () => {
    expect([ageBand(24), ageBand(25), ageBand(34), ageBand(35), ageBand(null)]).toEqual(["18-25", "25-35", "25-35", "35-65", null]);
  });
});
