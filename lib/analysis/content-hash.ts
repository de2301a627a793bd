// A short content hash of what a result is computed from: the model file, the kengetallen it uses
// (with the CPI), and the settings (overrides). Browser-safe and synchronous (a plain SHA-256, no
// node:crypto, no crypto.subtle), so a page, a data loader and the command line give the same hash.
//
// Conventions:
// - The hash is the first 12 hex digits of SHA-256 over canonical JSON (object keys sorted at every
//   level, arrays in order, numbers as JSON.stringify writes them) of
//   {model: <validated model file>, kengetallen: <registry restricted to the model>, settings: <overrides>}.
// - The *version* of a model (`modelVersion`) is the hash with no settings: what `rendement
//   evaluate --json` prints without --set or --scenario. Settings files (lib/analysis/settings-file.ts)
//   carry it as `version:`.
// - Settings are keyed by the input's full name (`iv.x`, `k.y`); the order they were given in does not matter.
import type {ModelFile} from "../schema/model.js";
import type {RegistryJSON} from "../kengetallen/registry.js";
import type {Overrides} from "../model/evaluate.js";

/** Number of hex digits kept. */
export const HASH_LENGTH = 12;

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);

/** SHA-256 of a UTF-8 string, as 64 hex digits (FIPS 180-4). */
export function sha256Hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const H = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const W = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; ++i) W[i] = view.getUint32(off + 4 * i);
    for (let i = 16; i < 64; ++i) {
      const s0 = rotr(W[i - 15], 7) ^ rotr(W[i - 15], 18) ^ (W[i - 15] >>> 3);
      const s1 = rotr(W[i - 2], 17) ^ rotr(W[i - 2], 19) ^ (W[i - 2] >>> 10);
      W[i] = (W[i - 16] + s0 + W[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, h] = H;
    for (let i = 0; i < 64; ++i) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (h + S1 + ch + K[i] + W[i]) >>> 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    H[0] += a;
    H[1] += b;
    H[2] += c;
    H[3] += d;
    H[4] += e;
    H[5] += f;
    H[6] += g;
    H[7] += h;
  }
  return Array.from(H, (x) => x.toString(16).padStart(8, "0")).join("");
}

/** JSON with object keys sorted at every level (undefined members left out, as JSON.stringify does). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== "function")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** What a result is computed from: the model file and the kengetallen registry restricted to it (registryJSONFor). */
export interface HashInput {
  file: ModelFile;
  registry: RegistryJSON;
}

/** The short content hash of a model file, its kengetallen and the settings used (see the conventions above). */
export function contentHash({file, registry}: HashInput, settings: Overrides = {}): string {
  return sha256Hex(canonicalJson({model: file, kengetallen: registry, settings})).slice(0, HASH_LENGTH);
}

/**
 * The settings that change something: an override equal to the model's own value (a number, or a
 * series element by element) is left out, so `--set x=<its value>` cites the same result as no
 * setting at all.
 */
export function effectiveSettings(model: {nodes: ReadonlyMap<string, {leaf?: {value: unknown}}>}, settings: Overrides): Overrides {
  const same = (a: unknown, b: unknown): boolean =>
    typeof a === "number" && typeof b === "number"
      ? Object.is(a, b) || a === b
      : a !== null && b !== null && typeof a === "object" && typeof b === "object" && "length" in a && "length" in b
        ? (a as ArrayLike<number>).length === (b as ArrayLike<number>).length && Array.from(a as ArrayLike<number>).every((x, i) => same(x, (b as ArrayLike<number>)[i]))
        : false;
  return Object.fromEntries(Object.entries(settings).filter(([name, v]) => !same(v, model.nodes.get(name)?.leaf?.value)));
}

/** The version of a model: its content hash without settings. */
export function modelVersion(input: HashInput): string {
  return contentHash(input, {});
}
