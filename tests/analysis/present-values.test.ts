import {describe, expect, it} from "vitest";
import {positiveAtRate, presentValues, termKernelSource, type PresentValueTerms} from "../../lib/analysis/present-values.js";
import {Stream} from "../../lib/analysis/rng.js";

/** The plain loops the generated code replaces (lib/analysis/psa.ts before it): t-outer sums into PV, then into the outputs. */
function reference(T: PresentValueTerms, netRate: number, V: Float64Array, PV: Float64Array, OUT: Float64Array, work: Float64Array, netYear: Float64Array, RF: Float64Array, n: number): void {
  const {B, H} = T;
  for (let j = 0; j < T.slot.length; ++j) {
    const pv = j * B;
    const o0 = T.slot[j] * B;
    const r = T.rate[j];
    const cj = T.saldo[j];
    const withNet = netRate >= 0 && r === netRate && cj !== 0;
    PV.fill(0, pv, pv + n);
    for (let t = 0; t < T.years[j]; ++t) {
      const f = RF[r * H + t];
      const vo = o0 + t * B;
      for (let b = 0; b < n; ++b) {
        const v = V[vo + b];
        PV[pv + b] += v * f;
        if (withNet) netYear[t * B + b] += cj * v;
      }
    }
    for (let b = 0; b < n; ++b) work[b] += PV[pv + b] * 0;
    for (let q = T.coefStart[j]; q < T.coefStart[j + 1]; ++q) {
      const oo = T.coefOut[q] * B;
      const c = T.coefVal[q];
      for (let b = 0; b < n; ++b) OUT[oo + b] += c * PV[pv + b];
    }
  }
}

/** Bit for bit, signed zeros and NaN included. */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length * 2);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length * 2);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

describe("generated present values", () => {
  const B = 16;
  const H = 4;
  const rows = 40;
  const s = new Stream(7, 0);
  const u = () => s.uniform();
  // Amounts with signed zeros, tiny and huge values, ±Infinity and NaN among ordinary ones.
  const special = [0, -0, 5e-324, -1e308, 1e308, Infinity, -Infinity, NaN, 1, -1];
  const V = Float64Array.from({length: rows * H * B}, () => (u() < 0.1 ? special[Math.floor(u() * special.length)] : (u() - 0.3) * 10 ** Math.floor(u() * 12 - 4)));
  const J = 12;
  const years = Int32Array.from({length: J}, (_, j) => (j % 3 === 0 ? 1 : H));
  const coefs = Array.from({length: J}, (_, j) => [
    [0, -1],
    [2 + (j % 4), 1],
    ...(j % 2 ? [[7, 2.5]] : []),
    ...(j % 5 === 0 ? [[8, -0.1]] : [])
  ]);
  const coefStart = new Int32Array(J + 1);
  coefs.forEach((c, j) => (coefStart[j + 1] = coefStart[j] + c.length));
  const T: PresentValueTerms = {
    B,
    H,
    slot: Int32Array.from({length: J}, (_, j) => ((j * 7) % (rows - 1)) * H),
    years,
    rate: Int32Array.from({length: J}, (_, j) => j % 2),
    saldo: Float64Array.from({length: J}, (_, j) => [1, -1, 0, 2][j % 4]),
    coefStart,
    coefOut: Int32Array.from(coefs.flat().map(([o]) => o)),
    coefVal: Float64Array.from(coefs.flat().map(([, c]) => c))
  };
  const RF = Float64Array.from({length: 2 * H}, (_, i) => 1 / Math.pow(1 + (i < H ? 0.04 : 0.025), i % H));

  for (const netRate of [-1, 0, 1])
    for (const n of [B, 5])
      it(`equals the plain loops bit for bit (net at rate ${netRate}, ${n} draws)`, () => {
        const run = (f: (PV: Float64Array, OUT: Float64Array, work: Float64Array, netYear: Float64Array) => void) => {
          const PV = new Float64Array(J * B);
          const OUT = new Float64Array(9 * B);
          const work = new Float64Array(B);
          const netYear = new Float64Array(H * B);
          f(PV, OUT, work, netYear);
          return {PV, OUT, work, netYear};
        };
        const want = run((PV, OUT, work, netYear) => reference(T, netRate, V, PV, OUT, work, netYear, RF, n));
        const got = run((PV, OUT, work, netYear) => presentValues(T, netRate, V, PV, OUT, work, netYear, RF, n));
        expect(sameBits(got.PV, want.PV)).toBe(true);
        expect(sameBits(got.OUT, want.OUT)).toBe(true);
        expect(sameBits(got.work, want.work)).toBe(true);
        expect(sameBits(got.netYear, want.netYear)).toBe(true);
        // The data exercise what they should: non-finite present values and signed zeros.
        expect(want.work.some((x) => Number.isNaN(x))).toBe(true);
        expect(want.work.some((x) => x === 0)).toBe(true);
      });

  it("unrolls the years into one expression, from +0 in year order", () => {
    expect(termKernelSource(512, 3, false)).toContain("const s = 0 + V[o + 0 + b] * f0 + V[o + 512 + b] * f1 + V[o + 1024 + b] * f2;");
    expect(termKernelSource(512, 2, true)).toContain("netYear[512 + b] += cj * v1;");
  });

  it("counts the draws positive at other discount factors as the year-by-year loop does", () => {
    const n = 13;
    const netYear = V.subarray(0, H * B);
    const work0 = Float64Array.from({length: B}, (_, b) => (b % 4 === 0 ? -0 : (u() - 0.5) * 1e3));
    for (const rate of [0, 0.015, 0.04, 0.08]) {
      const F = Float64Array.from({length: H}, (_, t) => 1 / Math.pow(1 + rate, t));
      const acc = work0.slice(0, n);
      for (let t = 0; t < H; ++t) for (let b = 0; b < n; ++b) acc[b] += netYear[t * B + b] * F[t];
      expect(positiveAtRate(B, H, work0, netYear, F, n)).toBe(acc.filter((x) => x > 0).length);
    }
  });
});
