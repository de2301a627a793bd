// Value of information for the decision "implement the intervention(s) or not", from the draws of the
// probabilistic analysis (lib/analysis/psa.ts). Browser-safe; the worker (worker-entry.ts) runs it
// for pages.
//
// Conventions:
// - Net benefit of "implement" in a draw is its saldo (society's view: benefits − costs; an
//   actor's view: the actor's saldo); "not implement" has net benefit 0.
// - EVPI = E[max(0, NB)] − max(0, E[NB]) over the draws that count (finite): what it would be worth
//   to know every uncertain input before deciding. For the model's cohort (the saldo as the model
//   computes it) and per participant (divided by the model's number of participants at the base
//   values; null when the model does not count participants).
// - EVPPI of an input (or a group of inputs) θ: E_θ[max(0, E[NB | θ])] − max(0, E[NB]), with
//   E[NB | θ] estimated by non-parametric regression of the drawn NB on the drawn θ (Strong, Oakley
//   & Brennan 2014, Med Decis Making 34(3):311–326, the estimator of SAVI and BCEA, which fit a GAM
//   in R). Here:
//   - single input: a penalised cubic regression spline (P-spline: Eilers & Marx 1996), 20 equal
//     segments on the input's rank scale (the empirical CDF, so skewed inputs get knots where the
//     draws are), cubic B-splines, second-difference penalty, smoothing parameter by generalised
//     cross-validation (GCV) over a log grid;
//   - a group of two inputs: a tensor-product P-spline (8 segments per input, 121 coefficients,
//     penalty DᵀD ⊗ I + I ⊗ DᵀD, one smoothing parameter by GCV), which captures their interaction,
//     as SAVI's te() does;
//   - a group of three or more: an additive model of single-input splines (one shared smoothing
//     parameter). It captures each input's own non-linear effect but no interactions between them
//     (SAVI uses tensor products up to four inputs or a Gaussian process): where they interact, the
//     group's EVPPI is underestimated.
//   The estimate carries Monte Carlo error and a small upward bias from fitting noise (Strong et
//   al. 2014, section 4); it is clipped to [0, EVPI].
// - A model (or configuration) without uncertain inputs has no value of information: refused with
//   a Dutch message (VoiError).

import {ModelError, type CompiledModel} from "../model/compile.js";
import {findLeaf, OverrideError} from "../model/evaluate.js";
import type {PsaResult} from "./psa.js";

export class VoiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VoiError";
  }
}

export const NO_UNCERTAINTY_NL = "geen waarde van informatie te berekenen: dit model (met deze instellingen) heeft geen onzekere invoer; geef invoerwaarden een onzekerheid (uncertainty:) om EVPI en EVPPI te krijgen";

/** EVPI of "implement or not" from per-draw net benefits: mean(max(0, x)) − max(0, mean(x)). */
export function evpiOf(nb: ArrayLike<number>): number {
  return evpiOfSegments([nb]);
}

/** `evpiOf` of the values of `segments` taken in order as one array (the same sums in the same order). */
export function evpiOfSegments(segments: ArrayLike<number>[]): number {
  let n = 0;
  let sum = 0;
  let sumPos = 0;
  for (const nb of segments) {
    n += nb.length;
    for (let i = 0; i < nb.length; ++i) {
      sum += nb[i];
      if (nb[i] > 0) sumPos += nb[i];
    }
  }
  return evpiOfSums(n, sum, sumPos);
}

/** `evpiOf` from the count, the sum and the sum of the positive values (each summed in draw order). */
export function evpiOfSums(n: number, sum: number, sumPos: number): number {
  if (n === 0) return NaN;
  return Math.max(0, sumPos / n - Math.max(0, sum / n));
}

export interface EvpiValue {
  cohort: number;
  perParticipant: number | null;
}

export interface Evpi {
  decision: "implement or not";
  /** Participants the per-participant values divide by (base values), or null. */
  participants: number | null;
  society: EvpiValue;
  actors: ({actor: string; label: string} & EvpiValue)[];
}

/** EVPI for society and per actor (per-draw saldo columns of the draws that count). */
export function evpiSummary(saldo: ArrayLike<number>, actors: {actor: string; label: string; saldo: ArrayLike<number>}[], participants: number | null, uncertainInputs: number): Evpi {
  return evpiSummarySegments([saldo], actors.map((a) => ({...a, saldo: [a.saldo]})), participants, uncertainInputs);
}

/** `evpiSummary` of columns given in pieces (each column's segments taken in order as one array). */
export function evpiSummarySegments(saldo: ArrayLike<number>[], actors: {actor: string; label: string; saldo: ArrayLike<number>[]}[], participants: number | null, uncertainInputs: number): Evpi {
  if (uncertainInputs === 0) throw new VoiError(NO_UNCERTAINTY_NL);
  return evpiSummaryOf(evpiOfSegments(saldo), actors.map((a) => ({actor: a.actor, label: a.label, evpi: evpiOfSegments(a.saldo)})), participants, uncertainInputs);
}

/** `evpiSummary` from the EVPI of society and of each actor (evpiOf, evpiOfSums). */
export function evpiSummaryOf(society: number, actors: {actor: string; label: string; evpi: number}[], participants: number | null, uncertainInputs: number): Evpi {
  if (uncertainInputs === 0) throw new VoiError(NO_UNCERTAINTY_NL);
  const per = (x: number) => (participants && participants > 0 ? x / participants : null);
  const value = (e: number): EvpiValue => ({cohort: e, perParticipant: per(e)});
  return {decision: "implement or not", participants, society: value(society), actors: actors.map((a) => ({actor: a.actor, label: a.label, ...value(a.evpi)}))};
}

// --- penalised regression splines ----------------------------------------------------------------

/** Segments of the cubic B-spline basis on [0, 1] (rank scale): 23 basis functions per input. */
export const SEGMENTS = 20;
const DEGREE = 3;

/** Ranks scaled to (0, 1): (rank − 0,5) / n, ties averaged. */
export function rankScale(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const order = Array.from({length: n}, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const out = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && x[order[j + 1]] === x[order[i]]) ++j;
    const r = (i + j) / 2 + 0.5;
    for (let k = i; k <= j; ++k) out[order[k]] = r / n;
    i = j + 1;
  }
  return out;
}

/** The 4 non-zero cubic B-spline values at u ∈ [0, 1] on `segments` equal segments, and the first index. */
function bspline(u: number, out: Float64Array, segments = SEGMENTS): number {
  const h = 1 / segments;
  let seg = Math.floor(u / h);
  if (seg >= segments) seg = segments - 1;
  if (seg < 0) seg = 0;
  const t = (u - seg * h) / h;
  const s = 1 - t;
  out[0] = (s * s * s) / 6;
  out[1] = (3 * t * t * t - 6 * t * t + 4) / 6;
  out[2] = (-3 * t * t * t + 3 * t * t + 3 * t + 1) / 6;
  out[3] = (t * t * t) / 6;
  return seg;
}

/** Cholesky factorisation in place of a symmetric positive-definite p × p matrix (row-major); false when not positive definite. */
export function cholesky(A: Float64Array, p: number): boolean {
  for (let j = 0; j < p; ++j) {
    let d = A[j * p + j];
    for (let k = 0; k < j; ++k) d -= A[j * p + k] * A[j * p + k];
    if (!(d > 0)) return false;
    const l = Math.sqrt(d);
    A[j * p + j] = l;
    for (let i = j + 1; i < p; ++i) {
      let s = A[i * p + j];
      for (let k = 0; k < j; ++k) s -= A[i * p + k] * A[j * p + k];
      A[i * p + j] = s / l;
    }
    for (let i = 0; i < j; ++i) A[i * p + j] = 0;
  }
  return true;
}

/** Solve L Lᵀ x = b for the factor L (lower triangle of `L`), b overwritten by x. */
function cholSolve(L: Float64Array, p: number, b: Float64Array): void {
  for (let i = 0; i < p; ++i) {
    let s = b[i];
    for (let k = 0; k < i; ++k) s -= L[i * p + k] * b[k];
    b[i] = s / L[i * p + i];
  }
  for (let i = p - 1; i >= 0; --i) {
    let s = b[i];
    for (let k = i + 1; k < p; ++k) s -= L[k * p + i] * b[k];
    b[i] = s / L[i * p + i];
  }
}

export interface SmoothFit {
  fitted: Float64Array;
  /** Effective degrees of freedom tr(H). */
  edf: number;
  lambda: number;
  /** "spline" (one input), "tensor" (two inputs, with their interaction), "additive" (three or more). */
  kind: "spline" | "tensor" | "additive";
}

/** A penalised regression design: p coefficients, penalty P (p × p), and the non-zero basis values of each row. */
interface Design {
  p: number;
  P: Float64Array;
  /** Writes row r's non-zero basis values into idx/val and returns how many. */
  row(r: number, idx: Int32Array, val: Float64Array): number;
  maxNonZero: number;
}

/** DᵀD of the second-difference matrix of q coefficients, added with weight w into P (p × p) at coefficients index(0 … q − 1). */
function addDifferencePenalty(P: Float64Array, p: number, q: number, index: (i: number) => number, w = 1): void {
  for (let r = 0; r < q - 2; ++r) {
    const cols = [index(r), index(r + 1), index(r + 2)];
    const c = [1, -2, 1];
    for (let a = 0; a < 3; ++a) for (let b = 0; b < 3; ++b) P[cols[a] * p + cols[b]] += w * c[a] * c[b];
  }
}

/** Additive P-splines (one block of SEGMENTS + 3 coefficients per input; one input: a plain P-spline). */
function additiveDesign(us: Float64Array[]): Design {
  const d = us.length;
  const q = SEGMENTS + DEGREE;
  const p = d * q;
  const P = new Float64Array(p * p);
  for (let j = 0; j < d; ++j) addDifferencePenalty(P, p, q, (i) => j * q + i);
  const tmp = new Float64Array(4);
  return {
    p,
    P,
    maxNonZero: 4 * d,
    row(r, idx, val) {
      for (let j = 0; j < d; ++j) {
        const first = bspline(us[j][r], tmp);
        for (let k = 0; k < 4; ++k) {
          idx[4 * j + k] = j * q + first + k;
          val[4 * j + k] = tmp[k];
        }
      }
      return 4 * d;
    }
  };
}

/** Segments per input of the two-input tensor-product spline: 11 × 11 = 121 coefficients. */
export const TENSOR_SEGMENTS = 8;

/** Tensor-product P-spline of two inputs (captures their interaction); penalty DᵀD ⊗ I + I ⊗ DᵀD. */
function tensorDesign(u1: Float64Array, u2: Float64Array): Design {
  const q = TENSOR_SEGMENTS + DEGREE;
  const p = q * q;
  const P = new Float64Array(p * p);
  for (let j = 0; j < q; ++j) {
    addDifferencePenalty(P, p, q, (i) => i * q + j);
    addDifferencePenalty(P, p, q, (i) => j * q + i);
  }
  const a = new Float64Array(4);
  const b = new Float64Array(4);
  return {
    p,
    P,
    maxNonZero: 16,
    row(r, idx, val) {
      const f1 = bspline(u1[r], a, TENSOR_SEGMENTS);
      const f2 = bspline(u2[r], b, TENSOR_SEGMENTS);
      let m = 0;
      for (let i = 0; i < 4; ++i)
        for (let j = 0; j < 4; ++j) {
          idx[m] = (f1 + i) * q + f2 + j;
          val[m++] = a[i] * b[j];
        }
      return m;
    }
  };
}

/**
 * Fit y on the inputs `xs` (one column per input, same length) on their rank scale: one input a
 * P-spline, two inputs a tensor-product P-spline, three or more an additive model of P-splines;
 * the smoothing parameter by GCV (see the conventions above).
 */
export function smoothFit(xs: ArrayLike<number>[], y: ArrayLike<number>): SmoothFit {
  const n = y.length;
  const us = xs.map(rankScale);
  const kind: SmoothFit["kind"] = us.length === 1 ? "spline" : us.length === 2 ? "tensor" : "additive";
  const design = kind === "tensor" ? tensorDesign(us[0], us[1]) : additiveDesign(us);
  const {p, P} = design;
  // G = BᵀB and b = Bᵀy from each row's non-zero basis values.
  const G = new Float64Array(p * p);
  const b = new Float64Array(p);
  const idx = new Int32Array(design.maxNonZero);
  const val = new Float64Array(design.maxNonZero);
  let yy = 0;
  for (let r = 0; r < n; ++r) {
    const m = design.row(r, idx, val);
    const yr = y[r];
    yy += yr * yr;
    for (let a = 0; a < m; ++a) {
      const ia = idx[a];
      const va = val[a];
      b[ia] += va * yr;
      for (let c = 0; c < m; ++c) G[ia * p + idx[c]] += va * val[c];
    }
  }
  let traceG = 0;
  let traceP = 0;
  for (let i = 0; i < p; ++i) {
    traceG += G[i * p + i];
    traceP += P[i * p + i];
  }
  // A small ridge removes the additive model's repeated constant (each input's splines sum to 1)
  // and coefficients of empty cells of the tensor product.
  const ridge = 1e-9 * (traceG / p);
  const scale = traceG / traceP;
  const A = new Float64Array(p * p);
  const beta = new Float64Array(p);
  const M = new Float64Array(p);
  let best: {gcv: number; lambda: number; beta: Float64Array; edf: number} | null = null;
  for (let e = -8; e <= 6; e += 0.5) {
    const lambda = scale * 10 ** e;
    for (let i = 0; i < p * p; ++i) A[i] = G[i] + lambda * P[i];
    for (let i = 0; i < p; ++i) A[i * p + i] += ridge;
    if (!cholesky(A, p)) continue;
    beta.set(b);
    cholSolve(A, p, beta);
    // RSS = yᵀy − 2βᵀb + βᵀGβ; tr(H) = tr(A⁻¹G).
    let bb = 0;
    let bgb = 0;
    for (let i = 0; i < p; ++i) {
      bb += beta[i] * b[i];
      let gi = 0;
      for (let k = 0; k < p; ++k) gi += G[i * p + k] * beta[k];
      bgb += beta[i] * gi;
    }
    const rss = Math.max(0, yy - 2 * bb + bgb);
    let edf = 0;
    for (let c = 0; c < p; ++c) {
      for (let i = 0; i < p; ++i) M[i] = G[i * p + c];
      cholSolve(A, p, M);
      edf += M[c];
    }
    if (!(n - edf > 0)) continue;
    const gcv = (n * rss) / (n - edf) ** 2;
    if (!best || gcv < best.gcv) best = {gcv, lambda, beta: beta.slice(), edf};
  }
  if (!best) throw new Error("smoothFit: no smoothing parameter gave a positive-definite system");
  const fitted = new Float64Array(n);
  for (let r = 0; r < n; ++r) {
    const m = design.row(r, idx, val);
    let s = 0;
    for (let a = 0; a < m; ++a) s += val[a] * best.beta[idx[a]];
    fitted[r] = s;
  }
  return {fitted, edf: best.edf, lambda: best.lambda, kind};
}

/** EVPPI of the inputs `xs` for net benefit `nb` (same draws): see the conventions above. */
export function evppiOf(xs: ArrayLike<number>[], nb: ArrayLike<number>): {evppi: number; edf: number} {
  const n = nb.length;
  let mean = 0;
  for (let i = 0; i < n; ++i) mean += nb[i];
  mean /= n;
  // An input that does not vary carries no information.
  if (xs.every((x) => {
    for (let i = 1; i < x.length; ++i) if (x[i] !== x[0]) return false;
    return true;
  }))
    return {evppi: 0, edf: 1};
  const fit = smoothFit(xs, nb);
  let pos = 0;
  let m = 0;
  for (let i = 0; i < n; ++i) {
    m += fit.fitted[i];
    if (fit.fitted[i] > 0) pos += fit.fitted[i];
  }
  const raw = pos / n - Math.max(0, m / n);
  return {evppi: Math.min(Math.max(0, raw), evpiOf(nb)), edf: fit.edf};
}

export interface InputGroup {
  id: string;
  label: string;
  inputs: string[];
}

export interface EvppiRow {
  /** The input's name, or the group's id. */
  id: string;
  label: string;
  /** The inputs (one for a single input). */
  inputs: string[];
  cohort: number;
  perParticipant: number | null;
  /** EVPPI / EVPI (0 when EVPI is 0). */
  share: number;
  /** Effective degrees of freedom of the fit. */
  edf: number;
}

export interface EvppiResult {
  method: "Strong, Oakley & Brennan (2014): P-spline regression (GCV) on ranks; tensor product for two inputs, additive for more";
  draws: number;
  evpi: EvpiValue;
  inputs: EvppiRow[];
  groups: EvppiRow[];
}

/**
 * EVPPI per uncertain input and per group, society's view, from the kept samples of a PSA (run with
 * keepSamples and keepInputs): `inputs` maps each uncertain input's name to its drawn values,
 * aligned with `saldo`. Sorted by EVPPI, largest first.
 */
export function evppiAll(samples: {saldo: ArrayLike<number>; inputs: Record<string, ArrayLike<number>>}, labels: Record<string, string>, groups: InputGroup[], participants: number | null): EvppiResult {
  const names = Object.keys(samples.inputs);
  if (names.length === 0) throw new VoiError(NO_UNCERTAINTY_NL);
  const per = (x: number) => (participants && participants > 0 ? x / participants : null);
  const evpi = evpiOf(samples.saldo);
  const row = (id: string, label: string, inputs: string[]): EvppiRow => {
    const {evppi, edf} = evppiOf(inputs.map((n) => samples.inputs[n]), samples.saldo);
    return {id, label, inputs, cohort: evppi, perParticipant: per(evppi), share: evpi > 0 ? evppi / evpi : 0, edf};
  };
  const byValue = (a: EvppiRow, b: EvppiRow) => b.cohort - a.cohort;
  const groupRows = groups.map((g) => {
    const inside = g.inputs.filter((n) => n in samples.inputs);
    return inside.length ? row(g.id, g.label, inside) : {id: g.id, label: g.label, inputs: [], cohort: 0, perParticipant: per(0), share: 0, edf: 0};
  });
  return {
    method: "Strong, Oakley & Brennan (2014): P-spline regression (GCV) on ranks; tensor product for two inputs, additive for more",
    draws: samples.saldo.length,
    evpi: {cohort: evpi, perParticipant: per(evpi)},
    inputs: names.map((n) => row(n, labels[n] ?? n, [n])).sort(byValue),
    groups: groupRows.sort(byValue)
  };
}

/** A declared group naming something that is not an input; `path` points into the model file. */
/** A bad `inputGroups:` declaration: a ModelError, so loading reports it as `file:line: field`. */
export class InputGroupError extends ModelError {
  constructor(message: string, path: (string | number)[]) {
    super(message, path);
    this.name = "InputGroupError";
  }
}

/** The model's declared groups of inputs (`inputGroups:`), with names resolved to full input names. Throws InputGroupError. */
export function declaredGroups(model: CompiledModel): InputGroup[] {
  return (model.file.inputGroups ?? []).map((g, i) => ({
    id: g.id,
    label: g.label,
    inputs: g.inputs.map((n, j) => {
      try {
        return findLeaf(model, n).name;
      } catch (error) {
        if (error instanceof OverrideError) throw new InputGroupError(`group ${g.id}: ${error.message}`, ["inputGroups", i, "inputs", j]);
        throw error;
      }
    })
  }));
}

/**
 * EVPPI of a PSA result computed with keepSamples and keepInputs (psa(model, {…, keepSamples: true,
 * keepInputs: true})): per uncertain input and per declared group of the model.
 */
export function evppiForPsa(model: CompiledModel, result: PsaResult): EvppiResult {
  if (!result.inputs.length) throw new VoiError(NO_UNCERTAINTY_NL);
  if (!result.samples?.inputs) throw new Error("evppiForPsa: run the PSA with keepSamples and keepInputs");
  const labels = Object.fromEntries(result.inputs.map((i) => [i.name, i.label]));
  return evppiAll({saldo: result.samples.saldo, inputs: result.samples.inputs}, labels, declaredGroups(model), result.evpi?.participants ?? null);
}
