// Kaplan–Meier survival ("still in benefit / in the project", any exit counts as the event) with
// Greenwood variance and pointwise confidence limits, matching R survival's survfit() defaults
// (conf.type = "log", conf.int = 0.95). Pure, browser-safe.
//
// Conventions (as R survival):
// - At a tied time, exits come before censorings: a person censored at t is at risk at t.
// - surv[j] is S(t) at time[j] including the exits at time[j] (right-continuous).
// - stdErr is the standard error of S(t) itself: S(t)·sqrt(Σ d/(n(n−d))) (Greenwood). When
//   everyone at risk exits (d = n) the Greenwood sum is infinite and stdErr, lower, upper are NaN
//   (R prints NaN / NA there).
// - Times are whatever the input uses (months here); censoring at the end of follow-up is just a
//   censoring at that time.
import {confidenceLimits, type ConfType} from "./confidence.js";
import {atRisk, stepIndex, tabulate, type EventTable} from "./event-table.js";

export interface CurveOptions {
  confType?: ConfType;
  confLevel?: number;
}

export interface KaplanMeierCurve {
  /** Distinct times with an exit or a censoring (R: survfit's `time`). */
  time: number[];
  nRisk: number[];
  nEvent: number[];
  nCensor: number[];
  surv: number[];
  /** Standard error of surv (Greenwood). */
  stdErr: number[];
  lower: number[];
  upper: number[];
  n: number;
  confType: ConfType;
  confLevel: number;
}

/** Kaplan–Meier from an event table; every cause counts as the event. */
export function kaplanMeierFromTable(table: EventTable, {confType = "log", confLevel = 0.95}: CurveOptions = {}): KaplanMeierCurve {
  const J = table.time.length;
  const nRisk = atRisk(table);
  const curve: KaplanMeierCurve = {
    time: table.time.slice(),
    nRisk,
    nEvent: new Array(J),
    nCensor: table.censored.slice(),
    surv: new Array(J),
    stdErr: new Array(J),
    lower: new Array(J),
    upper: new Array(J),
    n: table.n,
    confType,
    confLevel
  };
  let s = 1;
  let greenwood = 0;
  for (let j = 0; j < J; ++j) {
    let d = 0;
    for (const e of table.events) d += e[j];
    const n = nRisk[j];
    curve.nEvent[j] = d;
    if (d > 0) {
      s *= 1 - d / n;
      greenwood += d < n ? d / (n * (n - d)) : Infinity;
    }
    curve.surv[j] = s;
    const se = greenwood === Infinity ? NaN : s * Math.sqrt(greenwood);
    curve.stdErr[j] = se;
    const [lo, hi] = greenwood === Infinity ? [NaN, NaN] : confidenceLimits(s, se, confType, confLevel);
    curve.lower[j] = lo;
    curve.upper[j] = hi;
  }
  return curve;
}

/**
 * Kaplan–Meier on real-valued times (general path). `event[i]` truthy = exit, falsy = censored.
 * Example (R survival, aml, Maintained): kaplanMeier([9,13,13,18,...], [1,1,0,1,...]).surv[0] = 0.909.
 */
export function kaplanMeier(times: ArrayLike<number>, event: ArrayLike<number | boolean>, options: CurveOptions = {}): KaplanMeierCurve {
  const status = new Int32Array(times.length);
  for (let i = 0; i < status.length; ++i) status[i] = event[i] ? 1 : 0;
  return kaplanMeierFromTable(tabulate(times, status, ["exit"]), options);
}

export interface CurvePoint {
  time: number;
  nRisk: number;
  estimate: number;
  stdErr: number;
  lower: number;
  upper: number;
}

/**
 * The curve at time t (right-continuous step: value after the exits at t). Before the first
 * time the survival is 1 with standard error 0; nRisk is the number at risk just after t
 * (0 beyond the last time), as R's summary(fit, times = t) reports it for t between steps.
 */
export function survivalAt(curve: KaplanMeierCurve, t: number): CurvePoint {
  const j = stepIndex(curve.time, t);
  const nAfter = nRiskAt(curve.time, curve.nRisk, curve.nEvent, curve.nCensor, t);
  if (j < 0) return {time: t, nRisk: nAfter, estimate: 1, stdErr: 0, lower: 1, upper: 1};
  return {time: t, nRisk: nAfter, estimate: curve.surv[j], stdErr: curve.stdErr[j], lower: curve.lower[j], upper: curve.upper[j]};
}

/** Number at risk at time t as survfit's summary(times=) gives it: at risk just before t if t is a table time, else just after the previous time. */
export function nRiskAt(time: number[], nRisk: number[], nEvent: number[], nCensor: number[], t: number): number {
  const j = stepIndex(time, t);
  if (j >= 0 && time[j] === t) return nRisk[j];
  if (j + 1 < time.length) return nRisk[j + 1];
  if (j < 0) return nRisk.length ? nRisk[0] : 0;
  return nRisk[j] - nEvent[j] - nCensor[j];
}
