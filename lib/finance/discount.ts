// Discounting conventions (contante waarde). Year index t = 0 is the first year of the analysis
// and is not discounted (factor 1); a flow in year t is divided by (1 + r)^t. This matches numpy's
// `npv` (and the `financial` package), not Excel's NPV, which starts discounting at t = 1.

/**
 * A discount rate at or below −100 %. A RangeError (commands report it as an input error), but its own
 * class: a search that tries rates (break-even) treats it as "no value here", not as the user's input.
 */
export class DiscountRateError extends RangeError {
  constructor(rate: number) {
    super(`discount rate must be greater than -1, found ${rate}`);
    this.name = "DiscountRateError";
  }
}

/** Discount factor for year `t` at rate `rate`: 1 / (1 + rate)^t. Year 0 has factor 1. */
export function discountFactor(rate: number, t: number): number {
  if (!(rate > -1)) throw new DiscountRateError(rate);
  return 1 / Math.pow(1 + rate, t);
}

/**
 * Present value (contante waarde) of a yearly series: Σ flows[t] / (1 + rate)^t, t = 0, 1, ….
 * `presentValue([100, 100], 0.1)` is 100 + 100 / 1.1 = 190.909….
 */
export function presentValue(flows: ArrayLike<number>, rate: number): number {
  if (!(rate > -1)) throw new DiscountRateError(rate);
  const g = 1 / (1 + rate);
  let pv = 0;
  let f = 1;
  for (let t = 0; t < flows.length; ++t) {
    pv += flows[t] * f;
    f *= g;
  }
  return pv;
}

/** Yearly discount factors for years 0 … horizon − 1. */
export function discountFactors(rate: number, horizon: number): Float64Array {
  const out = new Float64Array(horizon);
  for (let t = 0; t < horizon; ++t) out[t] = discountFactor(rate, t);
  return out;
}
