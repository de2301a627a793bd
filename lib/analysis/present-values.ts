// Present values of a block of draws (the batched Monte Carlo path, lib/analysis/psa.ts).
// Browser-safe.
//
// For every term j (a flow node and a discount rate) and draw b of the block:
//   s = Σ_t V[(slot_j + t)·B + b] · f_rate(j)(t), t = 0 … years_j − 1, summed from +0 in t order;
//   PV[j·B + b] = s;  work[b] += s · 0 (stays 0 while every present value is finite);
//   with `net`: netYear[t·B + b] += saldo_j · V[(slot_j + t)·B + b] for the terms at the curve's rate;
//   then OUT[o·B + b] += c · PV[j·B + b] for every output o the term counts in (c = ±1 as + / −, the
//   same bits).
// The terms are taken in order, so every sum per draw adds the same numbers in the same order as
// the plain loops of psa.ts (tests/analysis/present-values.test.ts holds them equal bit for bit).
// The sum over the years is one generated function per number of years (and block size), with the
// years unrolled into one expression: small, shared by every term, model and run of the process, so
// it is compiled once and early. (Code generated per model, with every term's offsets as literals,
// was a little faster once compiled, but compiling it cost more CPU than a run of 100.000 draws saved.)
// The factors of a rate are the same for every draw of the block (the caller checks; otherwise it
// uses its loops).

/** The terms of a run: term j is the flow in scalar/series slot `slot[j]`, discounted at rate `rate[j]`. */
export interface PresentValueTerms {
  /** Draws per block (the row length of V, PV, OUT, netYear). */
  B: number;
  /** Years per series (the horizon): factors of rate r are RF[r·H + t]. */
  H: number;
  slot: Int32Array;
  /** Years that can be non-zero (1 for a once(...) flow, else H). */
  years: Int32Array;
  rate: Int32Array;
  /** The term's coefficient in the saldo (for the net yearly amounts of the rate curve). */
  saldo: Float64Array;
  /** Outputs of term j: coefOut[q], coefVal[q] for coefStart[j] ≤ q < coefStart[j + 1]. */
  coefStart: Int32Array;
  coefOut: Int32Array;
  coefVal: Float64Array;
}

type TermKernel = (V: Float64Array, PV: Float64Array, work: Float64Array, netYear: Float64Array, RF: Float64Array, fr: number, o: number, pv: number, cj: number, n: number) => void;

const kernels = new Map<string, TermKernel>();

/** The source of the kernel of one term over `years` years (with `net`: also the net yearly amounts). */
export function termKernelSource(B: number, years: number, net: boolean): string {
  const f = Array.from({length: years}, (_, t) => `f${t} = RF[fr + ${t}]`);
  const v = Array.from({length: years}, (_, t) => `v${t} = V[o + ${t * B} + b]`);
  let sum = "0";
  for (let t = 0; t < years; ++t) sum += net ? ` + v${t} * f${t}` : ` + V[o + ${t * B} + b] * f${t}`;
  const body = [...(net ? [`const ${v.join(", ")};`] : []), `const s = ${sum};`, "PV[pv + b] = s;", "work[b] += s * 0;"];
  if (net) for (let t = 0; t < years; ++t) body.push(`netYear[${t * B} + b] += cj * v${t};`);
  return `function term${years}${net ? "net" : ""}(V, PV, work, netYear, RF, fr, o, pv, cj, n) {\n  ${f.length ? `const ${f.join(", ")};` : ""}\n  for (let b = 0; b < n; ++b) { ${body.join(" ")} }\n}`;
}

/** The function compiled from `source()` once per key of `cache` (only numbers and names of this module reach a source). */
function compiled<F>(cache: Map<string, F>, key: string, source: () => string): F {
  let k = cache.get(key);
  if (!k) {
    k = new Function("return " + source())() as F;
    cache.set(key, k);
  }
  return k;
}

function termKernel(B: number, years: number, net: boolean): TermKernel {
  return compiled(kernels, `${B}|${years}|${net}`, () => termKernelSource(B, years, net));
}

const byTerms = new WeakMap<PresentValueTerms, Map<number, TermKernel[]>>();

/** Each term's kernel (looked up once per terms and net rate). */
function termKernels(T: PresentValueTerms, netRate: number): TermKernel[] {
  let byRate = byTerms.get(T);
  if (!byRate) byTerms.set(T, (byRate = new Map()));
  let ks = byRate.get(netRate);
  if (!ks) {
    ks = Array.from(T.slot, (_, j) => termKernel(T.B, T.years[j], netRate >= 0 && T.rate[j] === netRate && T.saldo[j] !== 0));
    byRate.set(netRate, ks);
  }
  return ks;
}

/**
 * PV, OUT (added to: the caller zeroes it), work (added to) and, with netRate ≥ 0, netYear (added
 * to) for draws 0 … n − 1 of the block state V, with the factors of rate r at RF[r·H + t].
 */
export function presentValues(T: PresentValueTerms, netRate: number, V: Float64Array, PV: Float64Array, OUT: Float64Array, work: Float64Array, netYear: Float64Array, RF: Float64Array, n: number): void {
  const {B, H} = T;
  const ks = termKernels(T, netRate);
  for (let j = 0; j < T.slot.length; ++j) {
    const pv = j * B;
    ks[j](V, PV, work, netYear, RF, T.rate[j] * H, T.slot[j] * B, pv, T.saldo[j], n);
    for (let q = T.coefStart[j]; q < T.coefStart[j + 1]; ++q) {
      const oo = T.coefOut[q] * B;
      const c = T.coefVal[q];
      // x + 1·p and x + (−1)·p are exactly x + p and x − p (IEEE 754: x − y is x + (−y)).
      if (c === 1) for (let b = 0; b < n; ++b) OUT[oo + b] += PV[pv + b];
      else if (c === -1) for (let b = 0; b < n; ++b) OUT[oo + b] -= PV[pv + b];
      else for (let b = 0; b < n; ++b) OUT[oo + b] += c * PV[pv + b];
    }
  }
}

type CountKernel = (work: Float64Array, netYear: Float64Array, F: ArrayLike<number>, n: number) => number;

const counters = new Map<string, CountKernel>();

/** The source of `positiveAtRate` for blocks of B draws and H years. */
export function positiveAtRateSource(B: number, H: number): string {
  const f = Array.from({length: H}, (_, t) => `f${t} = F[${t}]`);
  let sum = "work[b]";
  for (let t = 0; t < H; ++t) sum += ` + netYear[${t * B} + b] * f${t}`;
  return `function positiveAtRate${H}(work, netYear, F, n) {\n  ${f.length ? `const ${f.join(", ")};` : ""}\n  let c = 0;\n  for (let b = 0; b < n; ++b) if (${sum} > 0) ++c;\n  return c;\n}`;
}

/**
 * The number of draws b < n whose saldo at other discount factors F is > 0: work[b] (the saldo
 * without the re-discounted terms) + Σ_t netYear[t·B + b] · F[t], t ascending, the years unrolled
 * (one generated function per B and H, as the terms' kernels above).
 */
export function positiveAtRate(B: number, H: number, work: Float64Array, netYear: Float64Array, F: ArrayLike<number>, n: number): number {
  return compiled(counters, `${B}|${H}`, () => positiveAtRateSource(B, H))(work, netYear, F, n);
}
