// Correlated uncertain inputs: Spearman rank correlations declared in the model file
// (`correlations: [{between: [a, b], rho: 0.4}]`), drawn through a Gaussian copula so that each
// input keeps its own distribution. Browser-safe.
//
// Conventions:
// - Spearman's ρ between two inputs is turned into the Pearson correlation of the underlying
//   normals by r = 2·sin(π·ρ/6) (exact for the Gaussian copula), the matrix R of the correlated
//   inputs is factorised R = L·Lᵀ (Cholesky), and per draw: z independent standard normals (drawn
//   from the chunk's stream in the column of each correlated input, in leaf order), w = L·z,
//   u = Φ(w), x = F⁻¹(u) with F the input's own distribution. Inputs in no correlation are drawn
//   as before, so a model without `correlations` gives exactly the draws it gave before.
// - Refused (CorrelationError, Dutch, naming the inputs): an unknown input; an input without
//   uncertainty (no spec, or `fixed`); a correlation of an input with itself or a pair given twice;
//   |ρ| = 1; a matrix that is not positive definite.
// - An input held at a value (`--set`, a scenario) is not drawn; its correlations are dropped.
import {ModelError, type CompiledModel} from "../model/compile.js";
import {findLeaf, OverrideError} from "../model/evaluate.js";
import {betaI, cdf, gammaP, logGamma, quantile, type Distribution} from "./distributions.js";
import type {UncertainInput} from "./inputs.js";

/** A model file declaration the copula cannot use: a ModelError, so loading reports it as `file:line: field`. */
export class CorrelationError extends ModelError {
  constructor(message: string, path: (string | number)[]) {
    super(message, path);
    this.name = "CorrelationError";
  }
}

/** Pearson correlation of the underlying normals for Spearman's ρ under a Gaussian copula. */
export function spearmanToPearson(rho: number): number {
  return 2 * Math.sin((Math.PI * rho) / 6);
}

export interface CopulaPlan {
  /** Positions (in the uncertain-input list) of the correlated inputs. */
  indices: number[];
  /** Cholesky factor of their Pearson matrix, m × m row-major, lower triangle. */
  chol: Float64Array;
  /** The inputs' own distributions (for F⁻¹). */
  marginals: Distribution[];
  /** The distributions to draw the columns with: a standard normal for each correlated input. */
  drawDistributions: Distribution[];
}

/** Cholesky factor of a symmetric m × m matrix (row-major), or null when it is not positive definite. */
export function choleskyFactor(R: Float64Array, m: number): Float64Array | null {
  const L = new Float64Array(m * m);
  for (let j = 0; j < m; ++j) {
    let d = R[j * m + j];
    for (let k = 0; k < j; ++k) d -= L[j * m + k] ** 2;
    if (!(d > 1e-12)) return null;
    const l = Math.sqrt(d);
    L[j * m + j] = l;
    for (let i = j + 1; i < m; ++i) {
      let s = R[i * m + j];
      for (let k = 0; k < j; ++k) s -= L[i * m + k] * L[j * m + k];
      L[i * m + j] = s / l;
    }
  }
  return L;
}

/**
 * Check the model's declared correlations (at load; no overrides): every name an input with an
 * uncertainty, |ρ| < 1, the matrix positive definite. Throws CorrelationError.
 */
export function checkCorrelations(model: CompiledModel): void {
  correlationPlan(model, null);
}

/**
 * The copula for the uncertain inputs `inputs` (as drawn, overrides left out), or null when the
 * model declares no correlation between them. With `inputs` null, every input with an uncertainty
 * counts (the load-time check).
 */
export function correlationPlan(model: CompiledModel, inputs: UncertainInput[] | null): CopulaPlan | null {
  const declared = model.file.correlations ?? [];
  if (!declared.length) return null;
  const seen = new Map<string, number>();
  const pairs: {a: string; b: string; rho: number}[] = [];
  declared.forEach((c, i) => {
    const names = c.between.map((n, j) => {
      let node;
      try {
        node = findLeaf(model, n);
      } catch (error) {
        if (error instanceof OverrideError) throw new CorrelationError(`correlatie tussen ${c.between.join(" en ")}: ${error.message}`, ["correlations", i, "between", j]);
        throw error;
      }
      const spec = node.leaf!.uncertainty;
      if (!spec || spec.type === "fixed")
        throw new CorrelationError(`correlatie tussen ${c.between.join(" en ")}: "${node.name}" heeft geen onzekerheid (uncertainty:), dus er valt niets te correleren; geef het een onzekerheid of laat de correlatie weg`, ["correlations", i, "between", j]);
      return node.name;
    });
    const [a, b] = names;
    if (a === b) throw new CorrelationError(`correlatie van "${a}" met zichzelf: noem twee verschillende invoerwaarden`, ["correlations", i, "between"]);
    if (!(Math.abs(c.rho) < 1))
      throw new CorrelationError(`correlatie tussen ${a} en ${b}: ρ = ${c.rho} kan niet; een rangcorrelatie van ±1 maakt de twee invoerwaarden tot één, neem een waarde strikt tussen -1 en 1`, ["correlations", i, "rho"]);
    const key = [a, b].sort().join("\u0000");
    if (seen.has(key)) throw new CorrelationError(`de correlatie tussen ${a} en ${b} staat er twee keer (ook correlations[${seen.get(key)}])`, ["correlations", i, "between"]);
    seen.set(key, i);
    pairs.push({a, b, rho: c.rho});
  });
  // The inputs that are drawn, in leaf order.
  const drawn = inputs ? inputs.map((u) => u.name) : model.leaves.filter((l) => l.leaf!.uncertainty && l.leaf!.uncertainty.type !== "fixed").map((l) => l.name);
  const position = new Map(drawn.map((n, i) => [n, i]));
  const active = pairs.filter((p) => position.has(p.a) && position.has(p.b));
  if (!active.length) return null;
  const names = drawn.filter((n) => active.some((p) => p.a === n || p.b === n));
  const m = names.length;
  const R = new Float64Array(m * m);
  for (let i = 0; i < m; ++i) R[i * m + i] = 1;
  for (const p of active) {
    const i = names.indexOf(p.a);
    const j = names.indexOf(p.b);
    R[i * m + j] = R[j * m + i] = spearmanToPearson(p.rho);
  }
  const chol = choleskyFactor(R, m);
  if (!chol)
    throw new CorrelationError(
      `de correlaties tussen ${names.join(", ")} passen niet bij elkaar: de correlatiematrix is niet positief definiet (bijvoorbeeld: a sterk positief met b en met c, maar b sterk negatief met c); pas een of meer ρ aan`,
      ["correlations"]
    );
  if (!inputs) return null;
  const indices = names.map((n) => position.get(n)!);
  const marginals = indices.map((i) => inputs[i].distribution);
  const drawDistributions = inputs.map((u, i) => (indices.includes(i) ? ({kind: "normal", mean: 0, sd: 1} as Distribution) : u.distribution));
  return {indices, chol, marginals, drawDistributions};
}

const U_MIN = 2 ** -53;

/** Standard normal CDF. */
function Phi(z: number): number {
  return cdf({kind: "normal", mean: 0, sd: 1}, z);
}

/** F⁻¹(u) of a distribution; beta and gamma by Newton steps inside a bisection bracket (fast enough per draw). */
export function inverseCdf(d: Distribution, u: number): number {
  if (d.kind === "beta") {
    const {alpha: a, beta: b} = d;
    const lnB = logGamma(a) + logGamma(b) - logGamma(a + b);
    const x = newton(
      (x) => betaI(a, b, x) - u,
      (x) => Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) - lnB),
      0,
      1,
      a / (a + b)
    );
    return d.low + (d.high - d.low) * x;
  }
  if (d.kind === "gamma") {
    const k = d.shape;
    let hi = k + 10 * Math.sqrt(k) + 10;
    while (gammaP(k, hi) < u) hi *= 2;
    const lg = logGamma(k);
    return d.scale * newton((x) => gammaP(k, x) - u, (x) => Math.exp((k - 1) * Math.log(x) - x - lg), 0, hi, k);
  }
  return quantile(d, u);
}

function newton(f: (x: number) => number, df: (x: number) => number, lo: number, hi: number, x: number): number {
  for (let i = 0; i < 100; ++i) {
    const fx = f(x);
    if (fx === 0) return x;
    if (fx < 0) lo = x;
    else hi = x;
    const dx = df(x);
    let next = x - fx / dx;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x)) || hi - lo <= 1e-15 * Math.max(1, Math.abs(x))) return next;
    x = next;
  }
  return x;
}

/**
 * Turn the drawn standard-normal columns of the correlated inputs (in X: one column of n values per
 * input, as drawChunk fills it) into correlated draws of their own distributions, in place.
 */
export function applyCopula(plan: CopulaPlan, X: Float64Array, n: number): void {
  const {indices, chol, marginals} = plan;
  const m = indices.length;
  const z = new Float64Array(m);
  for (let b = 0; b < n; ++b) {
    for (let j = 0; j < m; ++j) z[j] = X[indices[j] * n + b];
    for (let i = 0; i < m; ++i) {
      let w = 0;
      for (let k = 0; k <= i; ++k) w += chol[i * m + k] * z[k];
      const u = Math.min(1 - U_MIN, Math.max(U_MIN, Phi(w)));
      X[indices[i] * n + b] = inverseCdf(marginals[i], u);
    }
  }
}
