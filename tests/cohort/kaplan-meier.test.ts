// Reference values: R survival, tests/doaml.Rout.save (therneau/survival, commit a2533a92),
// summary(survfit(Surv(time, status) ~ x, data = aml)) — printed to 3–4 decimals.
import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {kaplanMeier, kaplanMeierFromTable, survivalAt} from "../../lib/cohort/kaplan-meier.js";
import {tabulate, tabulateMonths} from "../../lib/cohort/event-table.js";
import {confidenceLimits, normalQuantile} from "../../lib/cohort/confidence.js";

// The aml (acute myelogenous leukemia) data of R survival: weeks to relapse, status 1 = relapse.
const maintained = {time: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], status: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0]};
const nonmaintained = {time: [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45], status: [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1]};

// Rows as printed: time, n.risk, n.event, survival, std.err, lower 95% CI, upper 95% CI.
const R_MAINTAINED = [
  [9, 11, 1, 0.909, 0.0867, 0.7541, 1.0],
  [13, 10, 1, 0.818, 0.1163, 0.6192, 1.0],
  [18, 8, 1, 0.716, 0.1397, 0.4884, 1.0],
  [23, 7, 1, 0.614, 0.1526, 0.3769, 0.999],
  [31, 5, 1, 0.491, 0.1642, 0.2549, 0.946],
  [34, 4, 1, 0.368, 0.1627, 0.1549, 0.875],
  [48, 2, 1, 0.184, 0.1535, 0.0359, 0.944]
];
const R_NONMAINTAINED = [
  [5, 12, 2, 0.8333, 0.1076, 0.647, 1.0],
  [8, 10, 2, 0.6667, 0.1361, 0.4468, 0.995],
  [12, 8, 1, 0.5833, 0.1423, 0.3616, 0.941],
  [23, 6, 1, 0.4861, 0.1481, 0.2675, 0.883],
  [27, 5, 1, 0.3889, 0.147, 0.1854, 0.816],
  [30, 4, 1, 0.2917, 0.1387, 0.1148, 0.741],
  [33, 3, 1, 0.1944, 0.1219, 0.0569, 0.664],
  [43, 2, 1, 0.0972, 0.0919, 0.0153, 0.62]
];

function checkAgainstR(data: {time: number[]; status: number[]}, rows: number[][]) {
  const fit = kaplanMeier(data.time, data.status);
  for (const [t, nRisk, nEvent, surv, se, lo, hi] of rows) {
    const j = fit.time.indexOf(t);
    expect(j).toBeGreaterThanOrEqual(0);
    expect(fit.nRisk[j]).toBe(nRisk);
    expect(fit.nEvent[j]).toBe(nEvent);
    // Printed precision: survival to 3 or 4 decimals, std.err to 4, limits to 4 (upper to 3).
    expect(Math.abs(fit.surv[j] - surv)).toBeLessThanOrEqual(0.0005 + 1e-12);
    expect(Math.abs(fit.stdErr[j] - se)).toBeLessThanOrEqual(0.00005 + 1e-12);
    expect(Math.abs(fit.lower[j] - lo)).toBeLessThanOrEqual(0.00005 + 1e-12);
    expect(Math.abs(fit.upper[j] - hi)).toBeLessThanOrEqual(0.0005 + 1e-12);
  }
  return fit;
}

describe("kaplanMeier", () => {
  it("kaplanMeier(aml Maintained) reproduces R survfit: Greenwood std.err and log-scale 95% CI capped at 1", () => {
    checkAgainstR(maintained, R_MAINTAINED);
  });

  it("kaplanMeier(aml Nonmaintained) reproduces R survfit, and gives NaN std.err and limits when the curve reaches 0 (R: NaN, NA)", () => {
    const fit = checkAgainstR(nonmaintained, R_NONMAINTAINED);
    const last = fit.time.indexOf(45);
    expect(fit.surv[last]).toBe(0);
    expect(fit.stdErr[last]).toBeNaN();
    expect(fit.lower[last]).toBeNaN();
  });

  it("kaplanMeier treats ties of exit and censoring as exit-first (censored at t is at risk at t)", () => {
    // aml Maintained: at t = 13 one relapse and one censoring; n.risk 10 at 13 and 8 at 18 (R).
    const fit = kaplanMeier(maintained.time, maintained.status);
    expect(fit.nRisk[fit.time.indexOf(13)]).toBe(10);
    expect(fit.nCensor[fit.time.indexOf(13)]).toBe(1);
    expect(fit.nRisk[fit.time.indexOf(18)]).toBe(8);
  });

  it("survivalAt(curve, t) is right-continuous and 1 before the first exit", () => {
    const fit = kaplanMeier(maintained.time, maintained.status);
    expect(survivalAt(fit, 8.99).estimate).toBe(1);
    expect(survivalAt(fit, 9).estimate).toBeCloseTo(10 / 11, 12);
    expect(survivalAt(fit, 12).estimate).toBeCloseTo(10 / 11, 12);
    expect(survivalAt(fit, 12).nRisk).toBe(10);
  });

  it("confType log-log and plain follow survfit_confint (hand computation for S = 10/11, n = 11)", () => {
    // Greenwood: se(log S) = sqrt(1/(11·10)); plain: S ± 1.96·S·se(log S); log-log as Kalbfleisch–Prentice.
    const s = 10 / 11;
    const seLog = Math.sqrt(1 / 110);
    const z = normalQuantile(0.975);
    const plain = kaplanMeier(maintained.time, maintained.status, {confType: "plain"});
    expect(plain.lower[0]).toBeCloseTo(s - z * s * seLog, 12);
    expect(plain.upper[0]).toBe(1);
    const ll = kaplanMeier(maintained.time, maintained.status, {confType: "log-log"});
    expect(ll.lower[0]).toBeCloseTo(Math.exp(-Math.exp(Math.log(-Math.log(s)) + (z * seLog) / -Math.log(s))), 12);
    expect(ll.upper[0]).toBeLessThan(1);
    expect(ll.upper[0]).toBeGreaterThan(s);
  });
});

describe("normalQuantile", () => {
  it("normalQuantile(0.975) = 1.959964 and is odd around 0.5", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.644853627, 8);
    expect(normalQuantile(0.5)).toBe(0);
    expect(confidenceLimits(0.5, 0)).toEqual([0.5, 0.5]);
  });
});

const durations = fc.array(fc.record({t: fc.integer({min: 0, max: 30}), s: fc.integer({min: 0, max: 1})}), {minLength: 1, maxLength: 200});

describe("kaplanMeier properties", () => {
  it("kaplanMeier is non-increasing and within [0, 1], with CI limits around the estimate", () => {
    fc.assert(
      fc.property(durations, (xs) => {
        const fit = kaplanMeier(xs.map((x) => x.t), xs.map((x) => x.s));
        let prev = 1;
        fit.surv.forEach((s, j) => {
          expect(s).toBeLessThanOrEqual(prev + 1e-15);
          expect(s).toBeGreaterThanOrEqual(0);
          if (Number.isFinite(fit.lower[j])) {
            expect(fit.lower[j]).toBeLessThanOrEqual(s + 1e-12);
            expect(fit.upper[j]).toBeGreaterThanOrEqual(s - 1e-12);
            expect(fit.upper[j]).toBeLessThanOrEqual(1);
          }
          prev = s;
        });
      })
    );
  });

  it("tabulateMonths (counting path) gives the same curve as tabulate (sorting path) on whole months", () => {
    fc.assert(
      fc.property(durations, fc.integer({min: 1, max: 3}), (xs, nGroups) => {
        const group = xs.map((_, i) => i % nGroups);
        const counted = tabulateMonths(xs.map((x) => x.t), xs.map((x) => x.s), group, nGroups, ["exit"]);
        for (let g = 0; g < nGroups; ++g) {
          const mine = xs.filter((_, i) => group[i] === g);
          const sorted = tabulate(mine.map((x) => x.t), mine.map((x) => x.s), ["exit"]);
          expect(counted[g]).toEqual(sorted);
          expect(kaplanMeierFromTable(counted[g])).toEqual(kaplanMeierFromTable(sorted));
        }
      })
    );
  });
});
