// Pointwise confidence intervals for survival and state probabilities, following R survival's
// survfit_confint (R/survfit.R): "log" (the survfit default), "log-log" and "plain". Browser-safe.

export type ConfType = "log" | "log-log" | "plain";

/**
 * Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9),
 * e.g. normalQuantile(0.975) = 1.959963985.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`expected a probability in (0, 1), found ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - pl) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/**
 * Confidence limits for a probability p with standard error se (of p itself, not of log p).
 * As R's survfit_confint: "log" uses exp(log p ± z·se/p) with the upper limit capped at 1;
 * "log-log" uses exp(-exp(log(-log p) ± z·se/(p·log p))); "plain" uses p ± z·se clipped to [0, 1].
 * se = 0 gives (p, p); an undefined se (NaN) or p = 0 under "log" gives NaN limits (R: NA).
 */
export function confidenceLimits(p: number, se: number, type: ConfType = "log", level = 0.95): [number, number] {
  const z = normalQuantile(1 - (1 - level) / 2);
  if (se === 0) return [p, p];
  if (!Number.isFinite(se)) return [NaN, NaN];
  if (type === "plain") return [Math.max(p - z * se, 0), Math.min(p + z * se, 1)];
  if (type === "log") {
    if (p === 0) return [NaN, NaN];
    const s = se / p;
    return [Math.exp(Math.log(p) - z * s), Math.min(Math.exp(Math.log(p) + z * s), 1)];
  }
  if (p === 0 || p === 1) return [NaN, NaN];
  const s = se / p / Math.log(p);
  const ll = Math.log(-Math.log(p));
  return [Math.exp(-Math.exp(ll - z * s)), Math.exp(-Math.exp(ll + z * s))];
}
