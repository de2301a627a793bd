// Reference: R survival, tests/testci.R and testci.Rout.save (therneau/survival, commit a2533a92).
// Its "trivial test" data set (8 persons, two competing causes) has hand-derived state
// probabilities and infinitesimal-jackknife influence matrices, which R's survfit() matches
// (`aeq(fit$pstate, bfit$P)` and `aeq(fit$std.err, sqrt(bfit$V))` print TRUE). The byhand()
// computation is transcribed below; the closed forms are written out where they are short.
import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {aalenJohansenFromTable, incidenceAt} from "../../lib/cohort/aalen-johansen.js";
import {kaplanMeierFromTable} from "../../lib/cohort/kaplan-meier.js";
import {tableFromCounts, tabulate, tabulateMonths, tabulateRecords} from "../../lib/cohort/event-table.js";

// testci.R: time=c(1,2,2,3,3,3,5,6), status*event = 0,1,0,2,0,2,0,2.
const time = [1, 2, 2, 3, 3, 3, 5, 6];
const status = [0, 1, 0, 2, 0, 2, 0, 2];

function byhand() {
  // Transcription of byhand() in testci.R (rows = persons, columns = states entry, 1, 2).
  const mm = (A: number[][], B: number[][]) => A.map((r) => B[0].map((_, j) => r.reduce((s, x, k) => s + x * B[k][j], 0)));
  const p2 = [6 / 7, 1 / 7, 0];
  const u2 = Array.from({length: 8}, () => [1 / 49, -1 / 49, 0]);
  u2[0] = [0, 0, 0];
  u2[1] = [1 / 49 - 1 / 7, -1 / 49 + 1 / 7, 0];
  const h3 = [
    [3 / 5, 0, 2 / 5],
    [0, 1, 0],
    [0, 1, 0]
  ];
  const u3 = mm(u2, h3);
  for (let i = 3; i < 8; ++i) {
    u3[i][0] += (p2[0] * 2) / 25;
    u3[i][2] -= (p2[0] * 2) / 25;
  }
  u3[3] = u3[3].map((x, k) => x + [-p2[0] / 5, 0, p2[0] / 5][k]);
  u3[5] = u3[3].slice();
  const u6 = u3.map((r) => [0, r[1], -r[1]]);
  const se = (u: number[][]) => [0, 1, 2].map((k) => Math.sqrt(u.reduce((s, r) => s + r[k] * r[k], 0)));
  return {se2: se(u2), se3: se(u3), se6: se(u6)};
}

describe("aalenJohansenFromTable", () => {
  const ci = aalenJohansenFromTable(tabulate(time, status, ["a", "b"]));

  it("reproduces the state probabilities of R survival testci.R: (6/7, 1/7, 0) at 2, (18/35, 1/7, 12/35) at 3, (0, 1/7, 6/7) at 6", () => {
    expect(ci.time).toEqual([1, 2, 3, 5, 6]);
    expect(ci.nRisk).toEqual([8, 7, 5, 2, 1]);
    const at = (t: number) => ci.time.indexOf(t);
    expect(ci.surv[at(2)]).toBeCloseTo(6 / 7, 14);
    expect(ci.cif[0][at(2)]).toBeCloseTo(1 / 7, 14);
    expect(ci.surv[at(3)]).toBeCloseTo(18 / 35, 14);
    expect(ci.cif[1][at(3)]).toBeCloseTo(12 / 35, 14);
    expect(ci.cif[1][at(5)]).toBeCloseTo(12 / 35, 14);
    expect(ci.surv[at(6)]).toBe(0);
    expect(ci.cif[0][at(6)]).toBeCloseTo(1 / 7, 14);
    expect(ci.cif[1][at(6)]).toBeCloseTo(6 / 7, 14);
  });

  it("std.err is R survfit's infinitesimal-jackknife value (testci.R byhand V), e.g. sqrt(42)/49 for cause a at time 2", () => {
    const {se2, se3, se6} = byhand();
    const at = (t: number) => ci.time.indexOf(t);
    // At time 2: six persons at risk with influence ±1/49 and the exiting one ∓6/49: Σu² = 42/2401.
    expect(ci.stdErr[0][at(2)]).toBeCloseTo(Math.sqrt(42) / 49, 14);
    expect(se2[1]).toBeCloseTo(Math.sqrt(42) / 49, 14);
    for (const [t, se] of [[2, se2], [3, se3], [5, se3], [6, se6]] as const) {
      expect(ci.survStdErr[at(t)]).toBeCloseTo(se[0], 13);
      expect(ci.stdErr[0][at(t)]).toBeCloseTo(se[1], 13);
      expect(ci.stdErr[1][at(t)]).toBeCloseTo(se[2], 13);
    }
  });

  it("survStdErr is the IJ standard error of the KM (R survival tests/book1.R, Therneau & Grambsch appendix: influence.surv)", () => {
    // test1: times 9,1,1,6,6,8 with status 1,1,0,1,1,0 (the NA row dropped). book1.R's hand-derived
    // KM influence (×144), persons in time order: at time 1: (−20, 4, 4, 4, 4, 4); at 6 and 8:
    // (−10, 2, −13, −13, 17, 17); at 9: 0. R: aeq(s1$influence.surv[indx,], inf2[, c(1,2,2,3)]) TRUE.
    const one = aalenJohansenFromTable(tabulate([9, 1, 1, 6, 6, 8], [1, 1, 0, 1, 1, 0], ["event"]));
    const se = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0)) / 144;
    expect(one.time).toEqual([1, 6, 8, 9]);
    expect(one.survStdErr[0]).toBeCloseTo(se([-20, 4, 4, 4, 4, 4]), 14);
    expect(one.survStdErr[1]).toBeCloseTo(se([-10, 2, -13, -13, 17, 17]), 14);
    expect(one.survStdErr[2]).toBeCloseTo(se([-10, 2, -13, -13, 17, 17]), 14);
    expect(one.survStdErr[3]).toBe(0);
  });

  it("incidenceAt(ci, cause, t) reads the right-continuous step and is 0 before the first exit", () => {
    expect(incidenceAt(ci, "a", 1.5).estimate).toBe(0);
    expect(incidenceAt(ci, "b", 4).estimate).toBeCloseTo(12 / 35, 14);
    expect(incidenceAt(ci, "b", 4).nRisk).toBe(2);
    expect(() => incidenceAt(ci, "c", 4)).toThrow(/unknown cause c/);
  });

  it("1 − KM per cause overstates the outflow when there are competing exits (hand example)", () => {
    // 4 persons: work at 1, other at 2, work at 3, censored at 4.
    // AJ: F_work(1) = 1/4; S(2) = (3/4)(2/3) = 1/2; F_work(3) = 1/4 + S(2)·(1/2) = 1/2.
    // 1 − KM treating "other" as censoring: 1 − (3/4)(1/2) = 5/8 > 1/2.
    const t = tabulateRecords(
      [
        {months: 1, exit: "work"},
        {months: 2, exit: "other"},
        {months: 3, exit: "work"},
        {months: 4, exit: "censored"}
      ],
      ["work", "other"]
    );
    const aj = aalenJohansenFromTable(t);
    expect(incidenceAt(aj, "work", 3).estimate).toBeCloseTo(1 / 2, 14);
    const naive = kaplanMeierFromTable(tabulateRecords([{months: 1, exit: "work"}, {months: 2, exit: "censored"}, {months: 3, exit: "work"}, {months: 4, exit: "censored"}], ["work"]));
    expect(1 - naive.surv[naive.time.indexOf(3)]).toBeCloseTo(5 / 8, 14);
  });
});

// Weighted Aalen–Johansen written independently (direct per-person loop), used to check the IJ
// standard error by finite differences of the case weights, as testci.R does with eps = 1e-6.
function weightedAJ(t: number[], s: number[], w: number[], K: number, at: number[]): number[][] {
  const times = [...new Set(t)].sort((a, b) => a - b);
  let S = 1;
  const F = new Array(K).fill(0);
  const out: number[][] = [];
  let next = 0;
  for (const u of times) {
    let n = 0;
    const d = new Array(K).fill(0);
    t.forEach((ti, i) => {
      if (ti >= u) n += w[i];
      if (ti === u && s[i] > 0) d[s[i] - 1] += w[i];
    });
    const dd = d.reduce((a, b) => a + b, 0);
    for (let k = 0; k < K; ++k) F[k] += (S * d[k]) / n;
    S *= 1 - dd / n;
    while (next < at.length && at[next] === u) {
      out.push([S, ...F]);
      ++next;
    }
  }
  return out;
}

describe("aalenJohansen properties", () => {
  const data = fc.array(fc.record({t: fc.integer({min: 0, max: 12}), s: fc.integer({min: 0, max: 2})}), {minLength: 2, maxLength: 40});

  it("the sum of the cumulative incidences over causes equals 1 − KM (any exit) at every time", () => {
    fc.assert(
      fc.property(data, (xs) => {
        const table = tabulate(xs.map((x) => x.t), xs.map((x) => x.s), ["work", "other"]);
        const aj = aalenJohansenFromTable(table);
        const km = kaplanMeierFromTable(table);
        aj.time.forEach((_, j) => {
          expect(aj.cif[0][j] + aj.cif[1][j]).toBeCloseTo(1 - km.surv[j], 12);
          expect(aj.surv[j]).toBeCloseTo(km.surv[j], 12);
          expect(aj.cif[0][j]).toBeGreaterThanOrEqual(j > 0 ? aj.cif[0][j - 1] : 0);
        });
      })
    );
  });

  it("the IJ standard error equals the root sum of squared finite-difference influences of the case weights", () => {
    fc.assert(
      fc.property(data, (xs) => {
        const t = xs.map((x) => x.t);
        const s = xs.map((x) => x.s);
        const aj = aalenJohansenFromTable(tabulate(t, s, ["work", "other"]));
        const base = weightedAJ(t, s, t.map(() => 1), 2, aj.time);
        const eps = 1e-7;
        const sumsq = aj.time.map(() => [0, 0, 0]);
        for (let i = 0; i < t.length; ++i) {
          const w = t.map(() => 1);
          w[i] += eps;
          const p = weightedAJ(t, s, w, 2, aj.time);
          p.forEach((row, j) => row.forEach((v, k) => (sumsq[j][k] += ((v - base[j][k]) / eps) ** 2)));
        }
        aj.time.forEach((_, j) => {
          if (aj.nRisk[j] === 0) return;
          expect(aj.survStdErr[j]).toBeCloseTo(Math.sqrt(sumsq[j][0]), 4);
          expect(aj.stdErr[0][j]).toBeCloseTo(Math.sqrt(sumsq[j][1]), 4);
          expect(aj.stdErr[1][j]).toBeCloseTo(Math.sqrt(sumsq[j][2]), 4);
        });
      }),
      {numRuns: 60}
    );
  });

  it("the counting path equals the general path for integer months", () => {
    fc.assert(
      fc.property(data, (xs) => {
        const [counted] = tabulateMonths(xs.map((x) => x.t), xs.map((x) => x.s), null, 1, ["work", "other"]);
        const sorted = tabulate(xs.map((x) => x.t), xs.map((x) => x.s), ["work", "other"]);
        expect(aalenJohansenFromTable(counted)).toEqual(aalenJohansenFromTable(sorted));
      })
    );
  });

  it("tableFromCounts (pre-aggregated counts, e.g. from DuckDB) equals tabulate on the person rows", () => {
    fc.assert(
      fc.property(data, (xs) => {
        const counts = new Map<string, number>();
        for (const x of xs) counts.set(`${x.t}|${x.s}`, (counts.get(`${x.t}|${x.s}`) ?? 0) + 1);
        const rows = [...counts].map(([k, count]) => ({time: Number(k.split("|")[0]), status: Number(k.split("|")[1]), count}));
        expect(tableFromCounts(rows, ["work", "other"])).toEqual(tabulate(xs.map((x) => x.t), xs.map((x) => x.s), ["work", "other"]));
      })
    );
    expect(() => tableFromCounts([{time: 1, status: 3, count: 1}], ["work", "other"])).toThrow(/status: expected an integer 0..2/);
  });
});
