// Probability distributions for the uncertainty specs of parameters and kengetallen
// (`uncertaintySchema` in lib/schema/kengetal.ts): seeded samplers, quantiles, the one-way range,
// and method-of-moments helpers. Browser-safe (no node: imports).
//
// Conventions:
// - The leaf's `value` is the mean for normal, lognormal, beta and gamma, and the mode for
//   triangular and PERT unless the spec gives `mode`.
// - normal: `sd` and `se` are both used as the standard deviation of the drawn value (a PSA draws
//   the parameter, so the standard error of an estimated mean is the spread to use).
// - lognormal: `sdlog` is σ of log(X), with μ = ln(value) − σ²/2 so that the mean is `value`;
//   `cv` (sd / mean) gives σ² = ln(1 + cv²).
// - beta: `alpha`/`beta` as given, or from mean `value` and `sd` by the method of moments.
// - gamma: `shape`/`scale` as given, or from mean `value` and `sd` by the method of moments.
// - range: in a PSA drawn as PERT(low, value, high) — the model's value is the most likely, mean
//   (low + 4·value + high) / 6; its bounds are the one-way range. A range, triangular or PERT spec
//   must hold the value (as for kengetallen): one that does not is refused, never drawn around
//   another centre.
// - triangular: sampled by the inverse CDF. PERT: low + (high − low) × Beta(α, β) with
//   α = 1 + λ(mode − low)/(high − low), β = 1 + λ(high − mode)/(high − low), λ = 4, so the
//   mean is (low + 4·mode + high)/6.
// - One-way range (`lowHigh`): explicit bounds for range, triangular and PERT; otherwise the
//   2,5 % and 97,5 % quantiles of the distribution.
import {randomBeta, randomGamma, randomLcg, randomLogNormal, randomNormal, randomUniform} from "d3-random";
import type {Uncertainty} from "../schema/kengetal.js";

export const PERT_LAMBDA = 4;
/** Φ⁻¹(0.975): the 97,5 % quantile of the standard normal. */
export const Z975 = 1.959963984540054;

export type Distribution =
  | {kind: "fixed"; value: number}
  | {kind: "uniform"; low: number; high: number}
  | {kind: "normal"; mean: number; sd: number}
  | {kind: "lognormal"; mu: number; sigma: number}
  /** Beta on [low, high] (low 0, high 1 for a plain beta; PERT otherwise). */
  | {kind: "beta"; alpha: number; beta: number; low: number; high: number}
  | {kind: "gamma"; shape: number; scale: number}
  | {kind: "triangular"; low: number; mode: number; high: number};

export class DistributionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DistributionError";
  }
}

// --- method of moments ------------------------------------------------------------------------

/** Beta shape parameters with the given mean and sd: α = m·c, β = (1 − m)·c, c = m(1 − m)/sd² − 1. */
export function betaFromMeanSd(mean: number, sd: number): {alpha: number; beta: number} {
  if (!(mean > 0 && mean < 1)) throw new DistributionError(`a beta distribution needs a mean between 0 and 1, found ${mean}`);
  if (!(sd > 0 && sd * sd < mean * (1 - mean))) throw new DistributionError(`a beta distribution with mean ${mean} needs 0 < sd < ${Math.sqrt(mean * (1 - mean)).toPrecision(4)}, found ${sd}`);
  const c = (mean * (1 - mean)) / (sd * sd) - 1;
  return {alpha: mean * c, beta: (1 - mean) * c};
}

/** Gamma shape and scale with the given mean and sd: shape = m²/sd², scale = sd²/m. */
export function gammaFromMeanSd(mean: number, sd: number): {shape: number; scale: number} {
  if (!(mean > 0)) throw new DistributionError(`a gamma distribution needs a mean > 0, found ${mean}`);
  if (!(sd > 0)) throw new DistributionError(`a gamma distribution needs sd > 0, found ${sd}`);
  return {shape: (mean * mean) / (sd * sd), scale: (sd * sd) / mean};
}

/** Lognormal μ and σ (of log X) with the given mean and sd: σ² = ln(1 + sd²/m²), μ = ln m − σ²/2. */
export function lognormalFromMeanSd(mean: number, sd: number): {mu: number; sigma: number} {
  if (!(mean > 0)) throw new DistributionError(`a lognormal distribution needs a mean > 0, found ${mean}`);
  if (!(sd > 0)) throw new DistributionError(`a lognormal distribution needs sd > 0, found ${sd}`);
  const s2 = Math.log(1 + (sd * sd) / (mean * mean));
  return {mu: Math.log(mean) - s2 / 2, sigma: Math.sqrt(s2)};
}

/** Normal distribution of an estimated mean: sd = the standard error. */
export function normalFromMeanSe(mean: number, se: number): {mean: number; sd: number} {
  if (!(se > 0)) throw new DistributionError(`a normal distribution needs se > 0, found ${se}`);
  return {mean, sd: se};
}

/** Normal distribution from a symmetric 95 % interval: mean the midpoint, sd = width / (2 × 1,96). */
export function normalFromInterval(low: number, high: number): {mean: number; sd: number} {
  if (!(high > low)) throw new DistributionError(`a 95 % interval needs high > low, found [${low}, ${high}]`);
  return {mean: (low + high) / 2, sd: (high - low) / (2 * Z975)};
}

// --- from an uncertainty spec ---------------------------------------------------------------------

/** Bounds are compared with a relative tolerance of 1e-9 (the kengetal rule in lib/schema/kengetal.ts). */
const tolerance = (x: number) => 1e-9 * Math.max(1, Math.abs(x));

/** The distribution of a leaf with central value `value` (see the conventions above). */
export function toDistribution(spec: Uncertainty | undefined, value: number, name = "value"): Distribution {
  const fail = (message: string): never => {
    throw new DistributionError(`"${name}": ${message}`);
  };
  if (!spec || spec.type === "fixed") return {kind: "fixed", value};
  try {
    switch (spec.type) {
      case "range": {
        // A range gives bounds, not a distribution. In a PSA it is drawn as PERT(low, value, high):
        // the model's own value is the most likely one, so a range whose value sits at one end (a
        // report's one-sided sensitivity) does not drag the mean to the midpoint.
        if (!(spec.high >= spec.low)) fail(`range needs low <= high, found [${spec.low}, ${spec.high}]`);
        if (!(value >= spec.low - tolerance(spec.low) && value <= spec.high + tolerance(spec.high))) fail(`expected low <= value <= high (range), found ${value} outside [${spec.low}, ${spec.high}]`);
        if (spec.high === spec.low) return {kind: "fixed", value: spec.low};
        value = Math.min(Math.max(value, spec.low), spec.high);
        const w = spec.high - spec.low;
        return {kind: "beta", alpha: 1 + (PERT_LAMBDA * (value - spec.low)) / w, beta: 1 + (PERT_LAMBDA * (spec.high - value)) / w, low: spec.low, high: spec.high};
      }
      case "normal": {
        if ((spec.sd === undefined) === (spec.se === undefined)) fail("a normal uncertainty needs exactly one of sd or se");
        return spec.sd !== undefined ? {kind: "normal", mean: value, sd: spec.sd} : {kind: "normal", ...normalFromMeanSe(value, spec.se!)};
      }
      case "lognormal": {
        if ((spec.sdlog === undefined) === (spec.cv === undefined)) fail("a lognormal uncertainty needs exactly one of sdlog or cv");
        if (!(value > 0)) fail(`a lognormal uncertainty needs value > 0, found ${value}`);
        if (spec.cv !== undefined) return {kind: "lognormal", ...lognormalFromMeanSd(value, spec.cv * value)};
        const sigma = spec.sdlog!;
        return {kind: "lognormal", mu: Math.log(value) - (sigma * sigma) / 2, sigma};
      }
      case "beta": {
        if (spec.alpha !== undefined && spec.beta !== undefined) return {kind: "beta", alpha: spec.alpha, beta: spec.beta, low: 0, high: 1};
        if (spec.sd === undefined) fail("a beta uncertainty needs alpha and beta, or sd");
        return {kind: "beta", ...betaFromMeanSd(value, spec.sd!), low: 0, high: 1};
      }
      case "gamma": {
        if (spec.shape !== undefined && spec.scale !== undefined) return {kind: "gamma", shape: spec.shape, scale: spec.scale};
        if (spec.sd === undefined) fail("a gamma uncertainty needs shape and scale, or sd");
        return {kind: "gamma", ...gammaFromMeanSd(value, spec.sd!)};
      }
      case "triangular":
      case "pert": {
        const mode = spec.mode ?? value;
        if (!(spec.high > spec.low)) fail(`${spec.type} needs high > low, found [${spec.low}, ${spec.high}]`);
        if (!(value >= spec.low - tolerance(spec.low) && value <= spec.high + tolerance(spec.high))) fail(`expected low <= value <= high (${spec.type}), found ${value} outside [${spec.low}, ${spec.high}]`);
        if (!(mode >= spec.low && mode <= spec.high)) fail(`${spec.type} needs low <= mode <= high, found mode ${mode} outside [${spec.low}, ${spec.high}]`);
        if (spec.type === "triangular") return {kind: "triangular", low: spec.low, mode, high: spec.high};
        const w = spec.high - spec.low;
        return {kind: "beta", alpha: 1 + (PERT_LAMBDA * (mode - spec.low)) / w, beta: 1 + (PERT_LAMBDA * (spec.high - mode)) / w, low: spec.low, high: spec.high};
      }
    }
  } catch (error) {
    if (error instanceof DistributionError && !error.message.startsWith(`"${name}"`)) fail(error.message);
    throw error;
  }
  return fail(`unknown uncertainty type ${(spec as {type: string}).type}`);
}

export function mean(d: Distribution): number {
  switch (d.kind) {
    case "fixed":
      return d.value;
    case "uniform":
      return (d.low + d.high) / 2;
    case "normal":
      return d.mean;
    case "lognormal":
      return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    case "beta":
      return d.low + ((d.high - d.low) * d.alpha) / (d.alpha + d.beta);
    case "gamma":
      return d.shape * d.scale;
    case "triangular":
      return (d.low + d.mode + d.high) / 3;
  }
}

export function variance(d: Distribution): number {
  switch (d.kind) {
    case "fixed":
      return 0;
    case "uniform":
      return (d.high - d.low) ** 2 / 12;
    case "normal":
      return d.sd * d.sd;
    case "lognormal": {
      const s2 = d.sigma * d.sigma;
      return (Math.exp(s2) - 1) * Math.exp(2 * d.mu + s2);
    }
    case "beta": {
      const {alpha: a, beta: b} = d;
      return ((d.high - d.low) ** 2 * a * b) / ((a + b) ** 2 * (a + b + 1));
    }
    case "gamma":
      return d.shape * d.scale * d.scale;
    case "triangular": {
      const {low: a, mode: c, high: b} = d;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
  }
}

// --- special functions (for quantiles) ------------------------------------------------------------

const LANCZOS = [676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7];

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  x -= 1;
  let a = 0.9999999999998099;
  const t = x + 7.5;
  for (let i = 0; i < 8; ++i) a += LANCZOS[i] / (x + i + 1);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularized lower incomplete gamma P(a, x) (series, or continued fraction for x > a + 1). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lnPre = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1000; ++n) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return sum * Math.exp(lnPre);
  }
  // Lentz's continued fraction for Q(a, x).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; ++i) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 - Math.exp(lnPre) * h;
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 1000; ++m) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b). */
export function betaI(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(a, b, x)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Standard normal CDF via erfc (W. J. Cody's rational approximation through gammaP). */
function normalCdf(z: number): number {
  const p = 0.5 * gammaP(0.5, (z * z) / 2);
  return z >= 0 ? 0.5 + p : 0.5 - p;
}

/** Standard normal quantile (Acklam's algorithm with one Newton refinement). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  let x: number;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - pl) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  // One Halley step against the accurate CDF.
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Invert a monotone CDF on [lo, hi] by bisection to machine precision. */
function invert(cdf: (x: number) => number, p: number, lo: number, hi: number): number {
  for (let i = 0; i < 200; ++i) {
    const m = (lo + hi) / 2;
    if (m === lo || m === hi) break;
    if (cdf(m) < p) lo = m;
    else hi = m;
  }
  return (lo + hi) / 2;
}

export function cdf(d: Distribution, x: number): number {
  switch (d.kind) {
    case "fixed":
      return x < d.value ? 0 : 1;
    case "uniform":
      return x <= d.low ? 0 : x >= d.high ? 1 : (x - d.low) / (d.high - d.low);
    case "normal":
      return normalCdf((x - d.mean) / d.sd);
    case "lognormal":
      return x <= 0 ? 0 : normalCdf((Math.log(x) - d.mu) / d.sigma);
    case "beta":
      return betaI(d.alpha, d.beta, (x - d.low) / (d.high - d.low));
    case "gamma":
      return gammaP(d.shape, x / d.scale);
    case "triangular": {
      const {low: a, mode: c, high: b} = d;
      if (x <= a) return 0;
      if (x >= b) return 1;
      return x <= c ? ((x - a) ** 2) / ((b - a) * (c - a)) : 1 - ((b - x) ** 2) / ((b - a) * (b - c));
    }
  }
}

/** The p-quantile of a distribution. */
export function quantile(d: Distribution, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must lie in [0, 1], found ${p}`);
  switch (d.kind) {
    case "fixed":
      return d.value;
    case "uniform":
      return d.low + p * (d.high - d.low);
    case "normal":
      return d.mean + d.sd * normalQuantile(p);
    case "lognormal":
      return Math.exp(d.mu + d.sigma * normalQuantile(p));
    case "beta":
      return d.low + (d.high - d.low) * invert((x) => betaI(d.alpha, d.beta, x), p, 0, 1);
    case "gamma": {
      let hi = d.shape + 10 * Math.sqrt(d.shape) + 10;
      while (gammaP(d.shape, hi) < p) hi *= 2;
      return d.scale * invert((x) => gammaP(d.shape, x), p, 0, hi);
    }
    case "triangular":
      return triangularInverse(d.low, d.mode, d.high, p);
  }
}

function triangularInverse(a: number, c: number, b: number, u: number): number {
  const fc = (c - a) / (b - a);
  return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

// --- one-way range ------------------------------------------------------------------------------

export interface LowHigh {
  low: number;
  high: number;
  /** "bounds": the spec's own low and high; "quantiles": its 2,5 % and 97,5 % quantiles. */
  basis: "bounds" | "quantiles";
}

/**
 * The one-way sensitivity range of a leaf: explicit `low`/`high` for range, triangular and PERT,
 * else the 2,5 % and 97,5 % quantiles. Null for a fixed (or absent) spec.
 */
export function lowHigh(spec: Uncertainty | undefined, value: number, name = "value"): LowHigh | null {
  if (!spec || spec.type === "fixed") return null;
  if (spec.type === "range" || spec.type === "triangular" || spec.type === "pert") {
    toDistribution(spec, value, name); // validates
    return {low: spec.low, high: spec.high, basis: "bounds"};
  }
  const d = toDistribution(spec, value, name);
  return {low: quantile(d, 0.025), high: quantile(d, 0.975), basis: "quantiles"};
}

// --- sampling -------------------------------------------------------------------------------------

export type Rng = () => number;

/** A seeded uniform source on [0, 1): d3-random's linear congruential generator. */
export function seededRng(seed: number): Rng {
  return randomLcg(seed);
}

/** A sampler drawing from `d` with the uniform source `rng` (each call consumes from it). */
export function sampler(d: Distribution, rng: Rng): () => number {
  switch (d.kind) {
    case "fixed": {
      const v = d.value;
      return () => v;
    }
    case "uniform":
      return randomUniform.source(rng)(d.low, d.high);
    case "normal":
      return randomNormal.source(rng)(d.mean, d.sd);
    case "lognormal":
      return randomLogNormal.source(rng)(d.mu, d.sigma);
    case "beta": {
      const b = randomBeta.source(rng)(d.alpha, d.beta);
      const {low, high} = d;
      return low === 0 && high === 1 ? b : () => low + (high - low) * b();
    }
    case "gamma":
      return randomGamma.source(rng)(d.shape, d.scale);
    case "triangular": {
      const {low, mode, high} = d;
      return () => triangularInverse(low, mode, high, rng());
    }
  }
}
