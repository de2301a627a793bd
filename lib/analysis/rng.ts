// Random streams and block samplers for the Monte Carlo analysis. Browser-safe.
//
// Conventions:
// - A run of `draws` draws is split into chunks of CHUNK_SIZE draws (the last one shorter). Chunk c
//   has its own stream: xoshiro128** seeded from (seed, c) through a splitmix32-style hash. A chunk
//   therefore gives the same draws whichever worker computes it, and in whatever order.
// - Within a chunk the draws are filled one input at a time (a whole column per input, in the
//   model's leaf order), each column from the chunk's one stream.
// - Uniforms are 32-bit: u = x / 2³², so 0 ≤ u < 1.
// - The samplers draw exactly the documented distribution (docs/uncertainty.md): normal by
//   Marsaglia's polar method (both variates of a pair used), gamma by Marsaglia–Tsang (with the
//   U^(1/k) boost for k < 1, the exponential for k = 1), beta as X/(X + Y) of two gamma columns,
//   lognormal as exp(normal), triangular by the inverse CDF. Tests check moments and quantiles
//   statistically (tests/analysis/rng.test.ts).
import type {Distribution} from "./distributions.js";

/** Draws per chunk. Part of the definition of a seed's result: changing it changes every result. */
export const CHUNK_SIZE = 512;

const TWO_32 = 2 ** -32;

function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const BUFFER = 256;

/**
 * xoshiro128** (Blackman & Vigna): 128-bit state, period 2¹²⁸ − 1, 32-bit output. Uniforms are made
 * BUFFER at a time into `buffer` (so that the hot loops below read a typed array and call nothing
 * that returns a number: a number returned from a call that is not inlined is a heap allocation).
 */
export class Stream {
  private readonly state = new Int32Array(4);
  readonly buffer = new Float64Array(BUFFER);
  /** Next unread uniform in `buffer` (BUFFER: none left). */
  position = BUFFER;

  /** The stream of chunk `chunk` of a run with seed `seed` (a non-negative integer, up to 2⁵³). */
  constructor(seed: number, chunk: number) {
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 2 ** 32) >>> 0;
    let x = fmix32(lo ^ 0x9e3779b9) ^ fmix32(hi + 0x7f4a7c15) ^ fmix32(Math.imul(chunk + 1, 0x632be5ab));
    for (let i = 0; i < 4; ++i) {
      x = (x + 0x9e3779b9) | 0;
      this.state[i] = fmix32(x);
    }
    if ((this.state[0] | this.state[1] | this.state[2] | this.state[3]) === 0) this.state[0] = 1;
  }

  /** Refill the buffer with BUFFER uniforms on [0, 1). */
  refill(): void {
    const st = this.state;
    const u = this.buffer;
    let a = st[0];
    let b = st[1];
    let c = st[2];
    let d = st[3];
    for (let i = 0; i < BUFFER; ++i) {
      const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      u[i] = r * TWO_32;
    }
    st[0] = a;
    st[1] = b;
    st[2] = c;
    st[3] = d;
    this.position = 0;
  }

  /** One uniform on [0, 1). */
  uniform(): number {
    if (this.position === BUFFER) this.refill();
    return this.buffer[this.position++];
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * out[i] = loc + scale · Z for i < n, Z standard normal by Marsaglia's polar method: each accepted
 * pair (x, y) gives two variates, y·f then x·f, f = √(−2 ln r / r). A variate left over at the end
 * of the column is dropped.
 */
function normalColumn(s: Stream, out: Float64Array, n: number, loc: number, scale: number): void {
  const U = s.buffer;
  let p = s.position;
  for (let i = 0; i < n; ) {
    let x: number, y: number, r: number;
    do {
      if (p >= BUFFER - 1) {
        s.position = p;
        if (p === BUFFER - 1) {
          x = U[p] * 2 - 1;
          s.refill();
          y = U[0] * 2 - 1;
          p = 1;
        } else {
          s.refill();
          x = U[0] * 2 - 1;
          y = U[1] * 2 - 1;
          p = 2;
        }
      } else {
        x = U[p] * 2 - 1;
        y = U[p + 1] * 2 - 1;
        p += 2;
      }
      r = x * x + y * y;
    } while (r >= 1 || r === 0);
    const f = Math.sqrt((-2 * Math.log(r)) / r);
    out[i++] = loc + scale * (y * f);
    if (i < n) out[i++] = loc + scale * (x * f);
  }
  s.position = p;
}

/**
 * out[i] = Gamma(k, 1) for i < n, k > 0, by Marsaglia & Tsang (2000): d = k − 1/3, c = 1/√(9d);
 * repeat Z normal (polar method, both variates of a pair used), v = (1 + cZ)³ > 0, U uniform, until
 * U < 1 − 0.0331 Z⁴ or ln U < Z²/2 + d(1 − v + ln v); return d·v. For k < 1 the draw for k + 1 is
 * multiplied by U^(1/k); k = 1 is the exponential −ln(1 − U).
 */
function gammaColumn(s: Stream, out: Float64Array, n: number, k: number): void {
  const U = s.buffer;
  let p = s.position;
  if (k === 1) {
    for (let i = 0; i < n; ++i) {
      if (p === BUFFER) {
        s.refill();
        p = 0;
      }
      out[i] = -Math.log(1 - U[p++]);
    }
    s.position = p;
    return;
  }
  const boost = k < 1;
  const d = (boost ? k + 1 : k) - 1 / 3;
  const c = 1 / (3 * Math.sqrt(d));
  let spare = NaN;
  for (let i = 0; i < n; ++i) {
    let v: number;
    for (;;) {
      let x: number;
      do {
        if (spare === spare) {
          x = spare;
          spare = NaN;
        } else {
          let a: number, b: number, r: number;
          do {
            if (p >= BUFFER - 1) {
              if (p === BUFFER - 1) {
                a = U[p] * 2 - 1;
                s.refill();
                b = U[0] * 2 - 1;
                p = 1;
              } else {
                s.refill();
                a = U[0] * 2 - 1;
                b = U[1] * 2 - 1;
                p = 2;
              }
            } else {
              a = U[p] * 2 - 1;
              b = U[p + 1] * 2 - 1;
              p += 2;
            }
            r = a * a + b * b;
          } while (r >= 1 || r === 0);
          const f = Math.sqrt((-2 * Math.log(r)) / r);
          x = b * f;
          spare = a * f;
        }
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      if (p === BUFFER) {
        s.refill();
        p = 0;
      }
      const u = 1 - U[p++];
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) break;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) break;
    }
    let g = d * v;
    if (boost) {
      if (p === BUFFER) {
        s.refill();
        p = 0;
      }
      g *= Math.pow(U[p++], 1 / k);
    }
    out[i] = g;
  }
  s.position = p;
}

function uniformColumn(s: Stream, out: Float64Array, n: number): void {
  const U = s.buffer;
  let p = s.position;
  for (let i = 0; i < n; ++i) {
    if (p === BUFFER) {
      s.refill();
      p = 0;
    }
    out[i] = U[p++];
  }
  s.position = p;
}

/**
 * Fill out[0 … n − 1] with draws of distribution d, using stream s. A beta is X/(X + Y) with the column of
 * X ~ Gamma(α) drawn first and then the column of Y ~ Gamma(β); `scratch` holds n values.
 */
export function fillColumn(d: Distribution, s: Stream, out: Float64Array, n: number, scratch = new Float64Array(n)): void {
  switch (d.kind) {
    case "fixed":
      out.fill(d.value, 0, n);
      return;
    case "uniform": {
      const {low, high} = d;
      const w = high - low;
      uniformColumn(s, out, n);
      for (let i = 0; i < n; ++i) out[i] = low + w * out[i];
      return;
    }
    case "normal":
      normalColumn(s, out, n, d.mean, d.sd);
      return;
    case "lognormal": {
      normalColumn(s, out, n, d.mu, d.sigma);
      for (let i = 0; i < n; ++i) out[i] = Math.exp(out[i]);
      return;
    }
    case "beta": {
      const {alpha, beta, low, high} = d;
      const w = high - low;
      gammaColumn(s, out, n, alpha);
      gammaColumn(s, scratch, n, beta);
      for (let i = 0; i < n; ++i) {
        const x = out[i];
        out[i] = low + w * (x / (x + scratch[i]));
      }
      return;
    }
    case "gamma": {
      const {shape, scale} = d;
      if (shape === 0) out.fill(0, 0, n);
      else {
        gammaColumn(s, out, n, shape);
        for (let i = 0; i < n; ++i) out[i] *= scale;
      }
      return;
    }
    case "triangular": {
      const {low: a, mode: c, high: b} = d;
      const fc = (c - a) / (b - a);
      uniformColumn(s, out, n);
      for (let i = 0; i < n; ++i) {
        const u = out[i];
        out[i] = u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
      }
      return;
    }
  }
}

/** The number of chunks of a run and the number of draws in chunk c. */
export function chunkCount(draws: number): number {
  return Math.ceil(draws / CHUNK_SIZE);
}
export function chunkLength(draws: number, c: number): number {
  return Math.min(CHUNK_SIZE, draws - c * CHUNK_SIZE);
}

/**
 * The drawn input values of chunk c: k columns of n values (column i holds input i), from the
 * chunk's own stream.
 */
export function drawChunk(distributions: Distribution[], seed: number, c: number, n: number, out = new Float64Array(distributions.length * n)): Float64Array {
  const s = new Stream(seed, c);
  const scratch = new Float64Array(n);
  for (let i = 0; i < distributions.length; ++i) fillColumn(distributions[i], s, out.subarray(i * n, (i + 1) * n), n, scratch);
  return out;
}
