import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {
  applyBusinessCycle,
  businessCycleCorrection,
  netEffect,
  observedFromIncidence,
  referenceAt,
  type ReferenceCurve
} from "../../lib/cohort/net-effect.js";
import {parseReferenceCurves} from "../../lib/cohort/reference-curves.js";
import {aalenJohansenFromTable} from "../../lib/cohort/aalen-johansen.js";
import {tabulateRecords} from "../../lib/cohort/event-table.js";

const linearRef: ReferenceCurve = {
  id: "test",
  label: "test",
  outcome: "work",
  population: "test",
  segment: {distanceToLabourMarket: "mixed", benefitDuration: "new-inflow"},
  points: [{month: 12, cumulative: 0.2}],
  interpolation: "linear",
  beyondLastPoint: "flat",
  source: {title: "hand-made", locator: "this test"},
  assumption: "test"
};
// Observed: linear from 0 to 0.4 at month 12 (measured months 0..12).
const observed = {months: Array.from({length: 13}, (_, m) => m), cumulative: Array.from({length: 13}, (_, m) => (0.4 * m) / 12)};

describe("netEffect", () => {
  it("netEffect measures the gain in benefit-months as the area between observed and reference curves (trapezoid, whole months)", () => {
    // Gap = 0.2·m/12 on [0, 12]: area 0.2·12/2 = 1.2. Then the gap falls linearly from 0.2 to 0 over
    // 12 months: area 1.2. Total over 3 years: 2.4 benefit-months per participant.
    const r = netEffect({observed, reference: linearRef, horizonYears: 3, extrapolation: {convergeMonths: 12}});
    expect(r.years).toEqual([1, 2, 3]);
    expect(r.netEffectShare[0]).toBeCloseTo(0.2, 12);
    expect(r.netEffectShare[1]).toBeCloseTo(0, 12);
    expect(r.netEffectShare[2]).toBeCloseTo(0, 12);
    expect(r.benefitMonthsGained).toBeCloseTo(2.4, 12);
    expect(r.monthly[13].extrapolated).toBe(true);
    expect(r.monthly[12].extrapolated).toBe(false);
  });

  it("netEffect extrapolates towards a long-term effect (seed 000 §3.3.2 potential scenario: 2 %)", () => {
    // Gap from 0.2 to 0.02 over 12 months: area (0.2 + 0.02)/2·12 = 1.32; then 0.02·12 = 0.24 in year 3.
    const r = netEffect({observed, reference: linearRef, horizonYears: 3, extrapolation: {convergeMonths: 12, longTermEffect: 0.02}});
    expect(r.netEffectShare.map((x) => +x.toFixed(12))).toEqual([0.2, 0.02, 0.02]);
    expect(r.benefitMonthsGained).toBeCloseTo(1.2 + 1.32 + 0.24, 12);
  });

  it("netEffect refuses observed months that are not consecutive from 0", () => {
    expect(() => netEffect({observed: {months: [0, 2], cumulative: [0, 0.1]}, reference: linearRef, horizonYears: 1, extrapolation: {convergeMonths: 6}})).toThrow(/consecutive/);
  });

  it("observedFromIncidence reads the Aalen–Johansen CIF of work at whole months", () => {
    const ci = aalenJohansenFromTable(
      tabulateRecords(
        [
          {months: 1, exit: "work"},
          {months: 2, exit: "other"},
          {months: 3, exit: "work"},
          {months: 4, exit: "censored"}
        ],
        ["work", "other"]
      )
    );
    expect(observedFromIncidence(ci, "work", 4).cumulative).toEqual([0, 0.25, 0.25, 0.5, 0.5]);
  });
});

describe("reference curves", () => {
  const curves = parseReferenceCurves(readFileSync("data/studies/voorbeeldprojecten/monitoring/nulalternatief.yaml", "utf8"), "data/studies/voorbeeldprojecten/monitoring/nulalternatief.yaml");

  it("data/studies/voorbeeldprojecten/monitoring/nulalternatief.yaml carries the IWI 2007 one-year outflow to work of 22 % (seed 004 L1948–1968)", () => {
    const iwi = curves.find((c) => c.id === "iwi-2007-bijstand-inflow-work")!;
    expect(referenceAt(iwi, 12)).toBeCloseTo(0.22, 12);
    expect(referenceAt(iwi, 24)).toBeCloseTo(0.22, 12);
    // Constant hazard: 1 − 0.78^(6/12) at half a year.
    expect(referenceAt(iwi, 6)).toBeCloseTo(1 - Math.sqrt(0.78), 12);
    expect(referenceAt(curves.find((c) => c.id === "fit4work-control-work")!, 12)).toBeCloseTo(0.085, 12);
  });

  it("parseReferenceCurves reports a bad curve as file:line: field: expected ..., found ...", () => {
    const text = "curves:\n  - id: a\n    label: x\n    outcome: work\n    population: p\n    segment: {distanceToLabourMarket: far, benefitDuration: x}\n    points: [{month: 12, cumulative: 1.5}]\n    interpolation: linear\n    beyondLastPoint: flat\n    source: {title: t, locator: l}\n    assumption: a\n";
    expect(() => parseReferenceCurves(text, "r.yaml")).toThrow(/r\.yaml:6: curves\.0\.segment\.distanceToLabourMarket: expected short\|medium\|long\|very-long\|mixed, found "far"/);
    expect(() => parseReferenceCurves(text, "r.yaml")).toThrow(/r\.yaml:7: curves\.0\.points\.0\.cumulative: expected a share 0–1, found 1\.5/);
  });
});

describe("businessCycleCorrection", () => {
  // Seed 000 Bijlage 3: ∆Bijstand(t) = 0,18·∆WBB(t−1) + 0,10·∆WBB(t); WBB Zoetermeer 5.226 (2015),
  // 4.623 (2016), 3.752 (2017); printed: 603 × 18 % = 109, 871 × 10 % = 87, total 196; "waarvan
  // uitstroom 25 %" = 49; "9 % van gerapporteerde uitstroom naar werk (49/550)".
  const r = businessCycleCorrection({
    wbb: [
      {year: 2015, value: 5226},
      {year: 2016, value: 4623},
      {year: 2017, value: 3752}
    ],
    year: 2017,
    reportedOutflowToWork: 550
  });

  it("businessCycleCorrection reproduces seed 000 Bijlage 3: 0,18 × 603 + 0,10 × 871 = 196 fewer on bijstand", () => {
    expect(r.deltaWbbLag1).toBe(-603);
    expect(r.deltaWbbLag0).toBe(-871);
    expect(Math.round(0.18 * -r.deltaWbbLag1)).toBe(109);
    expect(Math.round(0.1 * -r.deltaWbbLag0)).toBe(87);
    expect(r.deltaBijstand).toBeCloseTo(-195.64, 10);
    expect(Math.round(-r.deltaBijstand)).toBe(196);
  });

  it("a quarter of it runs through outflow: 49, which is 9 % of the reported outflow to work of 550", () => {
    expect(r.extraOutflow).toBeCloseTo(48.91, 10);
    expect(Math.round(r.extraOutflow)).toBe(49);
    expect(Math.round(100 * r.shareOfReportedOutflow!)).toBe(9);
  });

  it("applyBusinessCycle offers both readings of how the 9 % enters (seed 000 does not say)", () => {
    expect(applyBusinessCycle(0.51, 0.09, "points")).toBeCloseTo(0.42, 12);
    expect(applyBusinessCycle(0.51, 0.09, "relative")).toBeCloseTo(0.4641, 12);
    expect(() => businessCycleCorrection({wbb: [{year: 2016, value: 1}], year: 2017})).toThrow(/expected a value for 2015/);
  });
});
