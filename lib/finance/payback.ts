// Payback period (terugverdientijd) and internal rate of return of a yearly net cash-flow series.
// Convention: flows[t] falls within year t (t = 0 is the first year); cumulative sums are taken at
// the end of each year, and the moment the cumulative sum reaches zero is interpolated linearly
// within the year in which it happens.
import {presentValue} from "./discount.js";
import {formatNumber} from "../format.js";

/**
 * Years until the cumulative net flow is no longer negative, interpolated within the year.
 * `paybackPeriod([-100, 50, 50, 50])` is 3: the cumulative sum reaches 0 at the end of year index 2.
 * Returns 0 when the cumulative sum is never negative, and null when it is still negative at the end
 * of the series or falls back below zero afterwards (no lasting payback).
 * With `rate`, flows are discounted first (discounted payback). With `extendYears`, the last year's
 * flow continues for that many more years: `paybackPeriod([-100, 20], 0, {extendYears: 10})` is 6.
 */
export function paybackPeriod(flows: ArrayLike<number>, rate = 0, {extendYears = 0}: {extendYears?: number} = {}): number | null {
  // `extendYears`: continue the last year's flow for that many more years (a saving that goes on
  // after the analysed horizon, as some reports assume for payback). No arrays are allocated: this
  // runs per actor on every re-evaluation.
  const n = flows.length + extendYears;
  const last = flows.length ? flows[flows.length - 1] : 0;
  const g = 1 / (1 + rate);
  const at = (t: number) => (t < flows.length ? flows[t] : last) * (rate === 0 ? 1 : Math.pow(g, t));
  // Rounding noise (55 / 1,1 is not exactly 50) must not decide whether a sum is negative.
  let largest = 0;
  for (let t = 0; t < n; ++t) largest = Math.max(largest, Math.abs(at(t)));
  const eps = 1e-9 * largest;
  let cumulative = 0;
  let payback: number | null = 0;
  for (let t = 0; t < n; ++t) {
    const before = cumulative;
    const f = at(t);
    cumulative += f;
    if (cumulative < -eps) payback = null;
    else if (payback === null) payback = t + (before < 0 && f > 0 ? Math.min(1, -before / f) : 0);
  }
  return cumulative < -eps ? null : payback;
}

/**
 * How a page continues a flow past the analysis horizon for payback: the last year's net flow for
 * `extendYears` more years (a study item's `payback`), or not at all (`extendYears` 0).
 */
export interface PaybackRule {
  extendYears: number;
}

/** A payback period with what it rests on: inside the analysed horizon, or only by extrapolation. */
export interface Payback {
  /** Years until the cumulative net flow is no longer negative; null: not within horizon + extension. */
  years: number | null;
  /** The analysed horizon in years (the flow's length). */
  horizon: number;
  /** Years the last flow was continued past the horizon (0: none). */
  extendYears: number;
  /** Whether the payback falls after the horizon, so it rests on the extrapolation. */
  afterHorizon: boolean;
}

/**
 * The one payback of a page (actor tables, comparisons, cards): `paybackPeriod` with the page's
 * extrapolation rule, and whether the result lies past the analysed horizon. Every place that shows
 * a payback for the same flow and rule shows the same number.
 */
export function payback(perYear: ArrayLike<number>, rule: PaybackRule = {extendYears: 0}): Payback {
  const years = paybackPeriod(perYear, 0, {extendYears: rule.extendYears});
  const horizon = perYear.length;
  return {years, horizon, extendYears: rule.extendYears, afterHorizon: years !== null && years > horizon + 1e-9};
}

/** The extrapolation rule in a few Dutch words, for beside a payback past the horizon. */
export function paybackRuleText(p: Pick<Payback, "extendYears">): string {
  return p.extendYears > 0 ? "netto stroom van het laatste jaar voortgezet" : "geen voortzetting na de horizon";
}

/**
 * A payback as a page shows it: "2,5 jaar" within the horizon; "na de horizon (30,2 jaar, netto
 * stroom van het laatste jaar voortgezet)" past it; "niet terugverdiend binnen 4 jaar" (or "binnen
 * 40 jaar, netto stroom … voortgezet") when the cumulative flow stays negative.
 */
export function paybackText(p: Payback): string {
  if (p.years === null) {
    const span = p.horizon + p.extendYears;
    return p.extendYears > 0 ? `niet terugverdiend binnen ${formatNumber(span)} jaar (${paybackRuleText(p)})` : `niet terugverdiend binnen de horizon (${formatNumber(p.horizon)} jaar)`;
  }
  const years = `${formatNumber(p.years, 1)} jaar`;
  return p.afterHorizon ? `na de horizon (${years}, ${paybackRuleText(p)})` : years;
}

/**
 * Internal rate of return: the rate at which the present value of `flows` is zero (year 0 undiscounted).
 * Found by bisection on [-0.99, 10]; returns null when the present value does not change sign there.
 */
export function internalRateOfReturn(flows: ArrayLike<number>, {low = -0.99, high = 10, tolerance = 1e-10} = {}): number | null {
  // Without both a negative and a positive flow no rate makes the present value zero (an all-zero
  // series is zero at every rate: no single internal rate of return).
  if (!Array.from(flows).some((x) => x < 0) || !Array.from(flows).some((x) => x > 0)) return null;
  let a = low;
  let b = high;
  let fa = presentValue(flows, a);
  const fb = presentValue(flows, b);
  if (!Number.isFinite(fa) || !Number.isFinite(fb) || fa === 0 || fb === 0) return fa === 0 ? a : fb === 0 ? b : null;
  if (Math.sign(fa) === Math.sign(fb)) return null;
  for (let i = 0; i < 200 && b - a > tolerance; ++i) {
    const m = (a + b) / 2;
    const fm = presentValue(flows, m);
    if (fm === 0) return m;
    if (Math.sign(fm) === Math.sign(fa)) {
      a = m;
      fa = fm;
    } else b = m;
  }
  return (a + b) / 2;
}
