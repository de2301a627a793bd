// Pointwise confidence intervals for survival and state probabilities, following R survival's
// survfit_confint (R/survfit.R): "log" (the survfit default), "log-log" and "plain". Browser-safe.

import {normalQuantile} from "../analysis/distributions.js";

export type ConfType = "log" | "log-log" | "plain";

/** The one standard normal quantile of the library (lib/analysis/distributions.ts), re-exported here. */
export {normalQuantile};

/** z for a two-sided interval at `level`; a level outside (0, 1) is an error. */
export function zForLevel(level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`expected a confidence level in (0, 1), found ${level}`);
  return normalQuantile(1 - (1 - level) / 2);
}

/**
 * Confidence limits for a probability p with standard error se (of p itself, not of log p).
 * As R's survfit_confint: "log" uses exp(log p ± z·se/p) with the upper limit capped at 1;
 * "log-log" uses exp(-exp(log(-log p) ± z·se/(p·log p))); "plain" uses p ± z·se clipped to [0, 1].
 * se = 0 gives (p, p); an undefined se (NaN) or p = 0 under "log" gives NaN limits (R: NA).
 */
export function confidenceLimits(p: number, se: number, type: ConfType = "log", level = 0.95): [number, number] {
  const z = zForLevel(level);
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
