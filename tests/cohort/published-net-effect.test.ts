import {describe, expect, it} from "vitest";
import {publishedSeries, publishedNetEffects} from "../../lib/cohort/published-net-effect.js";
import type {PublishedCurves} from "../../lib/cohort/aggregate.js";

const cell = (month: number, value: number | null) => ({month, value, lower: null, upper: null, n: null, suppressed: value === null});
const curves = (group: string, values: (number | null)[]): PublishedCurves =>
  ({group, n: {value: 100, suppressed: false}, causes: ["work"], points: values.map((v, m) => ({month: m, nRisk: 100, km: cell(m, 1), cif: {work: cell(m, v)}}))}) as unknown as PublishedCurves;

describe("net effect from published (suppressed) curves", () => {
  it("a suppressed point is filled on the straight line between its published neighbours, month 0 is 0, and the curve stops at its last published point", () => {
    expect(publishedSeries(curves("A", [null, 0.1, null, 0.3, null]))).toEqual({months: [0, 1, 2, 3], cumulative: [0, 0.1, 0.2, 0.3]});
  });
  it("fewer than two published points give no curve", () => {
    expect(publishedSeries(curves("A", [0, null, null]))).toBeNull();
  });
  it("the gap at the last month is observed minus reference (0,3 − 0,1 = 0,2 for a flat reference), and the reference group has no net effect of its own", () => {
    const r = publishedNetEffects([curves("Ref", [0, 0.1, 0.1, 0.1]), curves("P", [0, 0.1, 0.2, 0.3])], {referenceGroup: "Ref", horizonYears: 1, convergeMonths: 12, longTermEffect: 0, source: "test"});
    expect(r.map((x) => x.group)).toEqual(["P"]);
    expect(r[0].monthly[3].gap).toBeCloseTo(0.2, 12);
  });
});
