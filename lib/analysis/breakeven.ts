// Break-even: the value of one input at which a result (saldo, overall or for one actor) is zero.
// The model is evaluated as a function of that input; the root is bracketed by stepping outward from
// the base value and then refined by bisection with a secant step (exact in one step for linear models).
import type {CompiledModel} from "../model/compile.js";
import {evaluate, findLeaf, NonFiniteError, OverrideError, type Overrides} from "../model/evaluate.js";
import {NegativeCountError, summarize, summarizeAll, type Summary} from "../finance/summary.js";
import {DiscountRateError} from "../finance/discount.js";
import {isRateLeaf} from "../model/value-rules.js";
import {actorLabel, type ActorId} from "../schema/actors.js";

export interface BreakEvenOptions {
  /** Result to bring to zero; default the societal saldo. */
  metric?: "saldo" | "financialSaldo" | ((s: Summary) => number);
  /** Only this actor's saldo. */
  actor?: string;
  /** Intervention id, or "total" (default). */
  scope?: string;
  /** Other inputs held fixed at these values. */
  overrides?: Overrides;
  /** Search interval; default: grown from the base value until the result changes sign. */
  bracket?: [number, number];
  /** Absolute tolerance on the input value. */
  tolerance?: number;
}

export interface BreakEvenResult {
  input: string;
  base: number;
  value: number | null;
  /** The metric at the base value and at the break-even value (0 when within rounding noise of 0). */
  metricAtBase: number;
  metricAtValue: number | null;
  evaluations: number;
  /** Why there is no break-even (English), and the same for readers (Dutch). */
  reason?: string;
  reasonNl?: string;
}

/**
 * Rounding noise: a result whose size is at most NOISE times the scale of the flows behind it (the
 * sum of the absolute present values of the lines in the scope) is zero. Transfer ends and a post
 * summed in another order differ by about 1e-16 of that scale; 1e-9 leaves a wide margin.
 */
export const NOISE = 1e-9;
/** A root is accepted when the result there is within ROOT_TOLERANCE of the flows' scale (else: a pole or a step). */
export const ROOT_TOLERANCE = 1e-6;

interface Probe {
  metric: number;
  /** Σ |present value| of the lines in the scope: the size of the flows behind the metric. */
  scale: number;
}

function probeFunction(model: CompiledModel, input: string, options: BreakEvenOptions = {}): (x: number) => Probe {
  const leaf = findLeaf(model, input);
  if (leaf.series) {
    throw new OverrideError(`break-even needs a single-number input; "${leaf.name}" is a series (one value per year): choose a single-number input, or set the series with --set and solve for another input`);
  }
  const metric = options.metric ?? "saldo";
  return (x: number) => {
    const s = summarize(evaluate(model, {...options.overrides, [leaf.name]: x}), options.scope ?? "total");
    let scale = 0;
    for (const l of s.lines) scale += Math.abs(l.presentValue);
    const m = options.actor ? (s.actors.find((a) => a.actor === options.actor)?.saldo ?? 0) : typeof metric === "function" ? metric(s) : s[metric];
    return {metric: m, scale};
  };
}

export function metricFunction(model: CompiledModel, input: string, options: BreakEvenOptions = {}): (x: number) => number {
  const probe = probeFunction(model, input, options);
  return (x: number) => probe(x).metric;
}

/**
 * A model that cannot be evaluated at a trial value (a non-finite result, a discount rate at −100 %, a
 * negative number of participants) has no value there: while searching, that is "no value here", not
 * an error of the user's input.
 */
export function isNoValueHere(error: unknown): boolean {
  return error instanceof NonFiniteError || error instanceof DiscountRateError || error instanceof NegativeCountError;
}

/** The open interval an input may take: a discount rate lies above −1; other inputs are unbounded. */
export function inputDomain(model: CompiledModel, input: string): [number, number] {
  return isRateLeaf(model, findLeaf(model, input)) ? [-1, Infinity] : [-Infinity, Infinity];
}

/** `x`, or for an x outside the open `domain`, a point inside it: `from` moved towards the bound by 1 − 2^−k. */
function inside(x: number, from: number, domain: [number, number], k: number): number {
  if (x <= domain[0]) return domain[0] + (from - domain[0]) / 2 ** k;
  if (x >= domain[1]) return domain[1] - (domain[1] - from) / 2 ** k;
  return x;
}

/**
 * Find x with f(x) = 0 near `base`. Returns null when no sign change is found. Non-finite values of f
 * are skipped while bracketing; trial values stay inside the open `domain` (default: all numbers).
 */
export function solveRoot(f: (x: number) => number, base: number, {bracket, tolerance = 1e-9, domain = [-Infinity, Infinity]}: {bracket?: [number, number]; tolerance?: number; domain?: [number, number]} = {}): {value: number | null; evaluations: number} {
  let evaluations = 0;
  const g = (x: number) => (++evaluations, f(x));
  let a: number;
  let b: number;
  let fa: number;
  let fb: number;
  if (bracket) {
    [a, b] = bracket;
    fa = g(a);
    fb = g(b);
  } else {
    a = base;
    fa = g(a);
    if (fa === 0) return {value: a, evaluations};
    let step = Math.max(Math.abs(base) * 0.1, 1e-3);
    b = a;
    fb = fa;
    // Secant guess from two nearby points, then grow outward in both directions.
    for (let i = 0; i < 60 && Math.sign(fa) === Math.sign(fb); ++i) {
      const lo = inside(base - step, base, domain, i + 1);
      const hi = inside(base + step, base, domain, i + 1);
      const flo = g(lo);
      const fhi = g(hi);
      if (Number.isFinite(fhi) && Math.sign(fhi) !== Math.sign(fa)) [b, fb] = [hi, fhi];
      else if (Number.isFinite(flo) && Math.sign(flo) !== Math.sign(fa)) [b, fb] = [lo, flo];
      step *= 2;
    }
  }
  if (!Number.isFinite(fa) || !Number.isFinite(fb)) return {value: null, evaluations};
  if (fa === 0) return {value: a, evaluations};
  if (fb === 0) return {value: b, evaluations};
  if (!(Math.sign(fa) !== Math.sign(fb))) return {value: null, evaluations};
  const root = brent(g, a, b, fa, fb, tolerance);
  return {value: root, evaluations};
}

/**
 * Brent's method on a bracket [a, b] with f(a), f(b) of opposite sign: inverse quadratic or secant
 * steps where they make progress, bisection where they stall (plain regula falsi can keep one end
 * fixed and never shrink the bracket). Converges to within `tolerance`; returns null if the bracket
 * is not closed within 200 steps, or f is not finite inside it, rather than a point that is not a root.
 */
function brent(f: (x: number) => number, a: number, b: number, fa: number, fb: number, tolerance: number): number | null {
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let i = 0; i < 200; ++i) {
    if (!Number.isFinite(fb)) return null;
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = e = b - a;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      [a, b, c] = [b, c, b];
      [fa, fb, fc] = [fb, fc, fb];
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + tolerance / 2;
    const m = (c - b) / 2;
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Interpolation: secant when two points, inverse quadratic when three distinct values.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return null;
}

const formatNl = (x: number) => (Math.abs(x) >= 100 ? x.toLocaleString("nl-NL", {maximumFractionDigits: 2}) : x.toLocaleString("nl-NL", {maximumSignificantDigits: 6}));

/**
 * The value of `input` at which the chosen saldo is zero. Within rounding noise (NOISE × the scale of
 * the flows) a result counts as zero. A result that does not depend on the input (it stays within
 * noise of its base value at base ± 1, 10, 1.000 and 1.000.000 steps of 10 % of the base, at least 1)
 * has no break-even, rather than a root found in rounding noise; nor does a sign change across a
 * pole or a step (the result at the found point is not within ROOT_TOLERANCE of zero). A series
 * input is refused with an OverrideError.
 */
export function breakEven(model: CompiledModel, input: string, options: BreakEvenOptions = {}): BreakEvenResult {
  const leaf = findLeaf(model, input);
  const probe = probeFunction(model, leaf.name, options);
  const base = (options.overrides?.[leaf.name] as number | undefined) ?? (leaf.leaf!.value as number);
  let evaluations = 1;
  const at0 = probe(base);
  const noise = (...p: Probe[]) => NOISE * Math.max(1, ...p.map((x) => x.scale));
  const snap = (p: Probe) => (Math.abs(p.metric) <= noise(p) ? 0 : p.metric);
  const metricAtBase = snap(at0);
  const what = options.actor ? `het saldo van ${actorLabel(options.actor, model.file.actors)}` : options.scope && options.scope !== "total" ? `het saldo van ${model.file.interventions.find((iv) => iv.id === options.scope)?.label ?? options.scope}` : typeof options.metric === "function" ? "de uitkomst" : options.metric === "financialSaldo" ? "het financiële saldo" : "het saldo";
  const none = (reason: string, reasonNl: string): BreakEvenResult => ({input: leaf.name, base, value: null, metricAtBase, metricAtValue: null, evaluations, reason, reasonNl: `geen break-even: ${reasonNl}`});

  // Does the result depend on the input at all (beyond rounding noise)?
  const step = Math.max(Math.abs(base) * 0.1, 1);
  const domain = inputDomain(model, leaf.name);
  let dependent = false;
  for (const [i, k] of [1, 10, 1e3, 1e6].entries()) {
    for (const x of [base + k * step, base - k * step]) {
      let p: Probe;
      try {
        ++evaluations;
        p = probe(inside(x, base, domain, i + 1));
      } catch (error) {
        if (isNoValueHere(error)) continue;
        throw error;
      }
      if (Math.abs(p.metric - at0.metric) > noise(p, at0)) dependent = true;
    }
    if (dependent) break;
  }
  if (!dependent) return none(`the result${metricAtBase === 0 ? " is zero and" : ""} does not depend on this input`, `${what} hangt niet af van ${leaf.name}`);
  if (metricAtBase === 0) return {input: leaf.name, base, value: base, metricAtBase, metricAtValue: 0, evaluations};

  const f = (x: number) => {
    try {
      return probe(x).metric;
    } catch (error) {
      if (isNoValueHere(error)) return Number.NaN;
      throw error;
    }
  };
  const solved = solveRoot(f, base, {bracket: options.bracket, tolerance: options.tolerance ?? 1e-9 * Math.max(1, Math.abs(base)), domain});
  evaluations += solved.evaluations;
  if (solved.value === null) return none("the result does not change sign within the searched range", `${what} verandert niet van teken binnen het doorzochte bereik`);
  const atValue = probe(solved.value);
  ++evaluations;
  if (Math.abs(atValue.metric) > (ROOT_TOLERANCE / NOISE) * noise(atValue)) {
    return none(`the result jumps across zero near ${solved.value} (a pole or a step) without being zero`, `${what} springt bij ${leaf.name} ≈ ${formatNl(solved.value)} over nul heen zonder nul te worden`);
  }
  return {input: leaf.name, base, value: solved.value, metricAtBase, metricAtValue: snap(atValue), evaluations};
}

// --- all scopes at once, and the curve for a chart --------------------------------------------------

export interface BreakEvenAll {
  input: string;
  base: number;
  overall: BreakEvenResult;
  actors: {actor: string; label: string; result: BreakEvenResult}[];
  interventions: {id: string; label: string; result: BreakEvenResult}[];
}

/** `breakEven`, which tells a result that does not depend on the input apart itself (kept for callers). */
export function breakEvenIfDependent(model: CompiledModel, input: string, options: BreakEvenOptions = {}): BreakEvenResult {
  return breakEven(model, input, options);
}

/**
 * Break-even of `input` for the study's saldo, each actor's saldo (over the whole study) and each
 * intervention's saldo. A scope whose saldo does not depend on the input gets value null with a reason.
 */
export function breakEvenAll(model: CompiledModel, input: string, options: Omit<BreakEvenOptions, "actor" | "scope"> = {}): BreakEvenAll {
  const solve = (o: BreakEvenOptions) => breakEvenIfDependent(model, input, o);
  const overall = solve(options);
  const actorIds = [...new Set(model.lines.map((l) => l.actor))] as ActorId[];
  return {
    input: overall.input,
    base: overall.base,
    overall,
    actors: actorIds.map((a) => ({actor: a, label: actorLabel(a, model.file.actors), result: solve({...options, actor: a})})),
    interventions: model.file.interventions.map((iv) => ({id: iv.id, label: iv.label, result: solve({...options, scope: iv.id})}))
  };
}

export interface SaldoCurvePoint {
  x: number;
  saldo: number;
  financialSaldo: number;
  actors: Record<string, number>;
  interventions: Record<string, number>;
}

/** The saldo (overall, per actor, per intervention) at n evenly spaced values of `input` in [from, to]. */
export function saldoCurve(model: CompiledModel, input: string, from: number, to: number, n = 41, options: {overrides?: Overrides} = {}): {input: string; label: string; points: SaldoCurvePoint[]} {
  const leaf = findLeaf(model, input);
  if (leaf.series) throw new OverrideError(`a saldo curve needs a single-number input; "${input}" is a series`);
  if (!(Number.isInteger(n) && n >= 2)) throw new RangeError(`a saldo curve needs n >= 2 points, found ${n}`);
  if (!(Number.isFinite(from) && Number.isFinite(to) && to > from)) throw new RangeError(`a saldo curve needs from < to, found [${from}, ${to}]`);
  const points = Array.from({length: n}, (_, i) => {
    const x = i === n - 1 ? to : from + ((to - from) * i) / (n - 1);
    const {total, interventions} = summarizeAll(evaluate(model, {...options.overrides, [leaf.name]: x}));
    return {
      x,
      saldo: total.saldo,
      financialSaldo: total.financialSaldo,
      actors: Object.fromEntries(total.actors.map((a) => [a.actor, a.saldo])),
      interventions: Object.fromEntries(interventions.map((s) => [s.scope, s.saldo]))
    };
  });
  return {input: leaf.name, label: leaf.label, points};
}
