// Present values of a block of draws as generated code (the batched Monte Carlo path,
// lib/analysis/psa.ts). Browser-safe.
//
// For every term j (a flow node and a discount rate) and draw b of the block:
//   s = Σ_t V[(slot_j + t)·B + b] · f_rate(j)(t), t = 0 … years_j − 1, summed from +0 in t order;
//   PV[j·B + b] = s;  work[b] += s · 0 (stays 0 while every present value is finite);
//   OUT[o·B + b] += c · s for every output o the term counts in (c = ±1 as + s / − s, the same bits);
//   with `net`: netYear[t·B + b] += saldo_j · V[(slot_j + t)·B + b] for the terms at the curve's rate.
// The terms are taken in order, so every sum per draw adds the same numbers in the same order as
// the plain loops of psa.ts (tests/analysis/present-values.test.ts holds them equal bit for bit).
// The code is generated once per model and term layout: the offsets are literals, the years of a
// term are unrolled into one expression, and the outputs of a term are updated in the same loop, so
// no present value is written and read back per output. The factors of a rate are the same for
// every draw of the block (the caller checks; otherwise it uses its loops). As in the block kernel
// (lib/model/block-kernel.ts), the code is cut into functions of at most PART_BUDGET characters,
// which the optimizing compiler handles quickly.

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

/**
 * PV, OUT (added to: the caller zeroes it), work (added to), netYear (added to, with `net`) for
 * draws 0 … n − 1, from the block state V and the factors RF.
 */
export type PresentValueKernel = (V: Float64Array, PV: Float64Array, OUT: Float64Array, work: Float64Array, netYear: Float64Array, RF: Float64Array, n: number) => void;

const PART_BUDGET = 2000;

/** A number as JavaScript source that reads back as the same double (−0 included). */
function literal(x: number): string {
  return Object.is(x, -0) ? "(-0)" : `(${x})`;
}

/** The source of the present-value kernel; `netRate` ≥ 0 adds the net yearly amounts of the terms at that rate. */
export function presentValueSource(T: PresentValueTerms, netRate = -1): string {
  const {B, H} = T;
  const parts: string[] = [];
  const calls: string[] = [];
  let current: string[] = [];
  let factors = new Set<string>();
  let size = 0;
  const flush = () => {
    if (!current.length) return;
    const name = `P${parts.length}`;
    const locals = [...factors].map((f) => {
      const [r, t] = f.slice(1).split("_").map(Number);
      return `${f} = RF[${r * H + t}]`;
    });
    const head = locals.length ? `    const ${locals.join(", ")};\n` : "";
    parts.push(`  const ${name} = (V, PV, OUT, work, netYear, RF, n) => {\n${head}${current.join("\n")}\n  };`);
    calls.push(`    ${name}(V, PV, OUT, work, netYear, RF, n);`);
    current = [];
    factors = new Set();
    size = 0;
  };
  for (let j = 0; j < T.slot.length; ++j) {
    const o0 = T.slot[j] * B;
    const r = T.rate[j];
    const years = T.years[j];
    const cj = T.saldo[j];
    const withNet = netRate >= 0 && r === netRate && cj !== 0;
    const used: string[] = [];
    const values: string[] = [];
    let sum = "0";
    for (let t = 0; t < years; ++t) {
      const f = `f${r}_${t}`;
      used.push(f);
      const v = `V[${o0 + t * B} + b]`;
      if (withNet) {
        values.push(`v${t} = ${v}`);
        sum += ` + v${t} * ${f}`;
      } else sum += ` + ${v} * ${f}`;
    }
    const body: string[] = [];
    if (withNet) body.push(`const ${values.join(", ")};`);
    body.push(`const s = ${sum};`, `PV[${j * B} + b] = s;`, "work[b] += s * 0;");
    if (withNet) for (let t = 0; t < years; ++t) body.push(`netYear[${t * B} + b] += ${literal(cj)} * v${t};`);
    for (let q = T.coefStart[j]; q < T.coefStart[j + 1]; ++q) {
      const at = `OUT[${T.coefOut[q] * B} + b]`;
      const c = T.coefVal[q];
      // x + 1·s and x + (−1)·s are exactly x + s and x − s (IEEE 754: x − y is x + (−y)).
      body.push(c === 1 ? `${at} += s;` : c === -1 ? `${at} -= s;` : `${at} += ${literal(c)} * s;`);
    }
    const line = `    for (let b = 0; b < n; ++b) { ${body.join(" ")} }`;
    if (size + line.length > PART_BUDGET) flush();
    current.push(line);
    for (const f of used) factors.add(f);
    size += line.length;
  }
  flush();
  return ["(() => {", ...parts, "  return function presentValues(V, PV, OUT, work, netYear, RF, n) {", ...calls, "  };", "})()"].join("\n");
}

const cache = new WeakMap<object, Map<string, PresentValueKernel>>();

/** The generated kernel (once per `owner`, usually the compiled model, and source). */
export function presentValueKernel(owner: object, T: PresentValueTerms, netRate = -1): PresentValueKernel {
  const source = presentValueSource(T, netRate);
  let bySource = cache.get(owner);
  if (!bySource) cache.set(owner, (bySource = new Map()));
  let k = bySource.get(source);
  if (!k) {
    // Only numbers, offsets and names of this module reach the source.
    k = new Function("return " + source)() as PresentValueKernel;
    bySource.set(source, k);
  }
  return k;
}
