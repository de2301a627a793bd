// Net effect against a nulalternatief: observed cumulative outflow (to work) minus a reference
// outflow curve, extrapolated beyond the observed period towards a long-term level (seed 000
// §3.3.2), the gain in benefit-months as the area between the curves, and the CPB business-cycle
// correction of seed 000 Bijlage 3. Pure, browser-safe, no dependencies.
import {incidenceAt, type CumulativeIncidence} from "./aalen-johansen.js";

// ---------------------------------------------------------------------------------------------
// Reference curves (kengetallen for the nulalternatief). The file format and its parser live in
// reference-curves.ts (zod + yaml), so pages can use this module without loading either.

export interface ReferenceCurve {
  id: string;
  label: string;
  outcome: "work" | "any-exit";
  population: string;
  segment: {distanceToLabourMarket: "short" | "medium" | "long" | "very-long" | "mixed"; benefitDuration: string};
  /** Anchor points: cumulative outflow share at a month (> 0), increasing months. */
  points: {month: number; cumulative: number}[];
  interpolation: "linear" | "constant-hazard";
  beyondLastPoint: "flat" | "constant-hazard";
  source: {title: string; locator: string; url?: string};
  /** Why the interpolation/extrapolation was chosen where the source gives only anchor points. */
  assumption: string;
}

/** Cumulative reference outflow at month m (0 at month 0). */
export function referenceAt(curve: ReferenceCurve, m: number): number {
  if (m <= 0) return 0;
  const pts = [{month: 0, cumulative: 0}, ...curve.points];
  const chHazard = (a: {month: number; cumulative: number}, b: {month: number; cumulative: number}, x: number) => {
    if (b.cumulative >= 1) return a.cumulative + ((b.cumulative - a.cumulative) * (x - a.month)) / (b.month - a.month);
    const ratio = (1 - b.cumulative) / (1 - a.cumulative);
    return 1 - (1 - a.cumulative) * Math.pow(ratio, (x - a.month) / (b.month - a.month));
  };
  for (let i = 1; i < pts.length; ++i) {
    if (m <= pts[i].month) {
      const a = pts[i - 1];
      const b = pts[i];
      return curve.interpolation === "linear" ? a.cumulative + ((b.cumulative - a.cumulative) * (m - a.month)) / (b.month - a.month) : chHazard(a, b, m);
    }
  }
  const last = pts[pts.length - 1];
  if (curve.beyondLastPoint === "flat") return last.cumulative;
  return chHazard(pts[pts.length - 2], last, m);
}

// ---------------------------------------------------------------------------------------------
// Net effect over time.

export interface ObservedCurve {
  /** Whole months 0..M, consecutive. */
  months: number[];
  /** Observed cumulative outflow (e.g. Aalen–Johansen CIF of work) at each month. */
  cumulative: number[];
}

/** Observed series at months 0..lastMonth from a cumulative-incidence fit. */
export function observedFromIncidence(ci: CumulativeIncidence, cause: string, lastMonth: number): ObservedCurve {
  const months = Array.from({length: lastMonth + 1}, (_, m) => m);
  return {months, cumulative: months.map((m) => incidenceAt(ci, cause, m).estimate)};
}

export interface ExtrapolationOptions {
  /** Months after the last observed month over which the gap moves to `longTermEffect` (seed 000: "tendeert naar"). */
  convergeMonths: number;
  /** Gap (share of participants) that remains in the long run; 0 in seed 000's base case, 0.02 in its potential scenario. */
  longTermEffect?: number;
  /** How the gap moves: straight line (default) or exponential decay reaching 1/e^3 of the start gap after convergeMonths. */
  shape?: "linear" | "exponential";
}

export interface NetEffectInput {
  observed: ObservedCurve;
  reference: ReferenceCurve;
  /** Horizon in whole years (the result has one share per year). */
  horizonYears: number;
  extrapolation: ExtrapolationOptions;
}

export interface NetEffectResult {
  /** 1..horizonYears. */
  years: number[];
  /** Net effect (observed − reference cumulative outflow) at the end of each year, share of participants. */
  netEffectShare: number[];
  /** Area between the curves from month 0 to the horizon: benefit-months saved per participant. */
  benefitMonthsGained: number;
  /** Monthly detail for charts: months 0..12·horizon, with whether the observed value is measured or extrapolated. */
  monthly: {month: number; observed: number; reference: number; gap: number; extrapolated: boolean}[];
}

/**
 * Net effect of an intervention against a reference curve. Within the observed months the gap is
 * observed − reference; beyond the last observed month M the gap moves from its value at M to
 * `longTermEffect` over `convergeMonths` and stays there (the observed curve is then reference + gap).
 * Benefit-months gained = ∫ gap dm over [0, 12·horizonYears], trapezoid rule on whole months
 * (a person who leaves a month earlier saves one benefit-month; outflow is taken as lasting).
 */
export function netEffect({observed, reference, horizonYears, extrapolation}: NetEffectInput): NetEffectResult {
  const {months, cumulative} = observed;
  if (months.length < 1 || months.length !== cumulative.length) throw new RangeError("observed: expected months and cumulative of equal, non-zero length");
  months.forEach((m, i) => {
    if (m !== i) throw new RangeError(`observed.months: expected consecutive whole months from 0, found ${m} at position ${i}`);
  });
  if (!(horizonYears >= 1) || !Number.isInteger(horizonYears)) throw new RangeError(`horizonYears: expected a whole number >= 1, found ${horizonYears}`);
  const {convergeMonths, longTermEffect = 0, shape = "linear"} = extrapolation;
  if (!(convergeMonths > 0)) throw new RangeError(`extrapolation.convergeMonths: expected > 0, found ${convergeMonths}`);
  const M = months.length - 1;
  const H = 12 * horizonYears;
  const gapM = cumulative[M] - referenceAt(reference, M);
  const monthly: NetEffectResult["monthly"] = [];
  for (let m = 0; m <= H; ++m) {
    const ref = referenceAt(reference, m);
    let gap: number;
    if (m <= M) gap = cumulative[m] - ref;
    else {
      const x = (m - M) / convergeMonths;
      const w = shape === "linear" ? Math.max(0, 1 - x) : Math.exp(-3 * x);
      gap = longTermEffect + (gapM - longTermEffect) * w;
    }
    monthly.push({month: m, observed: ref + gap, reference: ref, gap, extrapolated: m > M});
  }
  let area = 0;
  for (let m = 0; m < H; ++m) area += (monthly[m].gap + monthly[m + 1].gap) / 2;
  const years = Array.from({length: horizonYears}, (_, i) => i + 1);
  return {years, netEffectShare: years.map((y) => monthly[12 * y].gap), benefitMonthsGained: area, monthly};
}

// ---------------------------------------------------------------------------------------------
// Business-cycle correction (seed 000 Bijlage 3, "CPB raming bijstandsvolume").

export interface BusinessCycleInput {
  /** Unemployed labour force (werkloze beroepsbevolking, WBB) per year, e.g. CBS Statline. */
  wbb: {year: number; value: number}[];
  /** Year t of the formula ∆Bijstand(t) = lag1·∆WBB(t−1) + lag0·∆WBB(t). */
  year: number;
  /** CPB weights; seed 000 Bijlage 3: 0,18 for ∆WBB(t−1) and 0,10 for ∆WBB(t). */
  weights?: {lag1: number; lag0: number};
  /** Share of the change in the bijstand volume that runs through outflow (seed: 25 %; the rest is "minder instroom"). */
  outflowShare?: number;
  /** Reported outflow to work in the same period, to express the effect as a share (seed: 550). */
  reportedOutflowToWork?: number;
}

export interface BusinessCycleResult {
  deltaWbbLag1: number;
  deltaWbbLag0: number;
  /** ∆Bijstand(t): negative = fewer people on bijstand because of the business cycle. */
  deltaBijstand: number;
  /** Part of the change that is extra outflow (positive when the economy improves). */
  extraOutflow: number;
  /** extraOutflow / reportedOutflowToWork (seed: 49/550 = 9 %), or null without a reported outflow. */
  shareOfReportedOutflow: number | null;
}

export function businessCycleCorrection({wbb, year, weights = {lag1: 0.18, lag0: 0.1}, outflowShare = 0.25, reportedOutflowToWork}: BusinessCycleInput): BusinessCycleResult {
  const at = (y: number) => {
    const r = wbb.find((w) => w.year === y);
    if (!r) throw new RangeError(`wbb: expected a value for ${y} (the formula for ${year} needs ${year - 2}, ${year - 1} and ${year})`);
    return r.value;
  };
  const deltaWbbLag1 = at(year - 1) - at(year - 2);
  const deltaWbbLag0 = at(year) - at(year - 1);
  const deltaBijstand = weights.lag1 * deltaWbbLag1 + weights.lag0 * deltaWbbLag0;
  const extraOutflow = -deltaBijstand * outflowShare;
  return {
    deltaWbbLag1,
    deltaWbbLag0,
    deltaBijstand,
    extraOutflow,
    shareOfReportedOutflow: reportedOutflowToWork ? extraOutflow / reportedOutflowToWork : null
  };
}

/**
 * Remove a business-cycle share from a gross outflow share. The seed does not say how its 9 % enters
 * the net effect (seed 000 §4.3.2 / Bijlage 3), so both readings are offered: "relative" (the share
 * of the observed outflow that is cyclical: gross·(1 − share)) and "points" (gross − share).
 */
export function applyBusinessCycle(grossShare: number, cyclicalShare: number, mode: "relative" | "points"): number {
  return mode === "relative" ? grossShare * (1 - cyclicalShare) : grossShare - cyclicalShare;
}
