// The block kernel: the compiled model evaluated for a block of B draws at once, node by node, as
// typed-array loops (the batched path of the Monte Carlo analysis, lib/analysis/psa.ts).
//
// Layout of the block state (B = block size, fixed when the kernel is generated):
// - scalars: slot s of the one-draw state holds draw b at S[s·B + b];
// - series:  year t of the series at offset o holds draw b at V[(o + t)·B + b].
// The kernel runs the stages of the same plan as the one-draw kernel (lib/model/compile.ts), in the
// same order, with the same arithmetic per draw: a scalar stage is one loop over the draws; a series
// stage loops over the years and, inside, over the draws for each node in turn (the loops are cut
// into functions of moderate size, see PART_BUDGET). So draw b of a block
// gives bit for bit the values of the one-draw kernel for the same leaves.
import {binaryCode, callCode, type CompiledModel, type GraphNode} from "./compile.js";
import type {IR} from "./expression.js";

/** fills every non-leaf slot of draws 0 … n − 1 of the block state (n ≤ B) from the leaf slots. */
export type BlockKernel = (S: Float64Array, V: Float64Array, n: number) => void;

export interface CompiledBlockKernel {
  blockSize: number;
  kernel: BlockKernel;
  source: string;
}

const cache = new WeakMap<CompiledModel, Map<string, CompiledBlockKernel>>();

/**
 * What is the same in every draw of a run, so the kernel need not read or compute it per draw:
 * - `scalars`: scalar slot → its value in every draw (the kernel reads the literal instead of S;
 *   the caller still keeps the value in S);
 * - `skip`: non-leaf nodes that are not computed (their values are already in S and V, the same for
 *   every draw, e.g. from a one-draw evaluation: the same arithmetic, so the same bits).
 */
export interface KernelConstants {
  scalars: Map<number, number>;
  skip: Set<string>;
  /**
   * The caller keeps years 1 … horizon − 1 of every node whose formula is once(...) at +0 (the value
   * the kernel would write there), e.g. a fresh state: the kernel then computes year 0 only.
   */
  onceRowsZero?: boolean;
}

/** A number as JavaScript source that reads back as the same double (−0 included). */
function literal(x: number): string {
  return Object.is(x, -0) ? "(-0)" : `(${x})`;
}

/** The block kernel of a compiled model for blocks of `B` draws (generated once per model, B and constants). */
export function blockKernel(model: CompiledModel, B: number, constants?: KernelConstants): CompiledBlockKernel {
  if (!(Number.isInteger(B) && B >= 1)) throw new RangeError(`block size must be a positive integer, found ${B}`);
  let byB = cache.get(model);
  if (!byB) cache.set(model, (byB = new Map()));
  const key = constants ? `${B}|${constants.onceRowsZero ? "once0|" : ""}${[...constants.scalars].map(([s, v]) => `${s}=${Object.is(v, -0) ? "-0" : v}`).join(",")}|${[...constants.skip].join(",")}` : String(B);
  let k = byB.get(key);
  if (!k) {
    const source = generateBlockKernel(model, B, constants);
    // As for the one-draw kernel: only numbers, slots and Math calls reach the source.
    k = {blockSize: B, kernel: new Function("return " + source)() as BlockKernel, source};
    byB.set(key, k);
  }
  return k;
}

function generateBlockKernel(model: CompiledModel, B: number, constants?: KernelConstants): string {
  const {nodes, stages, horizon: H, startYear} = model;
  const node = (name: string): GraphNode => nodes.get(name)!;
  const fixed = constants?.scalars ?? new Map<number, number>();
  const skip = constants?.skip ?? new Set<string>();
  /** Draw b of scalar slot s: the literal when it is the same in every draw. */
  const scalar = (s: number): string => (fixed.has(s) ? literal(fixed.get(s)!) : `S[${s * B} + b]`);
  const ref = (e: Extract<IR, {op: "ref"}>): string => {
    const target = node(e.node);
    switch (e.index.kind) {
      case "same":
        return target.series ? `V[${target.slot * B} + tB + b]` : scalar(target.slot);
      case "lag": {
        const lag = e.index.lag;
        const at = target.series ? `V[${(target.slot - lag) * B} + tB + b]` : scalar(target.slot);
        return `(t >= ${lag} ? ${at} : 0)`;
      }
      case "at": {
        const i = code(e.index.expr);
        return target.series ? `AT(V, ${target.slot}, ${i}, b)` : `ATS(${scalar(target.slot)}, ${i})`;
      }
    }
  };
  const code = (e: IR): string => {
    switch (e.op) {
      case "num":
        return Object.is(e.value, -0) ? "0" : `(${e.value})`;
      case "t":
        return "t";
      case "year":
        return `(${startYear} + t)`;
      case "horizon":
        return `${H}`;
      case "ref":
        return ref(e);
      case "sum": {
        const target = node(e.node);
        return target.series ? `SUM(V, ${target.slot}, b)` : `(${H} * ${scalar(target.slot)})`;
      }
      case "unary":
        return e.operator === "!" ? `(${code(e.arg)} ? 0 : 1)` : `(${e.operator}${code(e.arg)})`;
      case "binary": {
        const a = code(e.left);
        const b = code(e.right);
        return binaryCode(e.operator, a, b);
      }
      case "cond":
        return `(${code(e.test)} ? ${code(e.then)} : ${code(e.else)})`;
      case "call": {
        const args = e.args.map((x) => code(x));
        return callCode(e.fn, args);
      }
    }
  };
  // The kernel is cut into parts of at most PART_BUDGET characters of source, each its own
  // function: the optimizing compiler handles (and, after a deoptimization, recompiles) small
  // functions quickly, where one function of a whole large model would stay slow. A series stage
  // calls its parts once per year, in order, so same-year and earlier-year references keep working.
  const PART_BUDGET = 2000;
  const parts: string[] = [];
  const body: string[] = [];
  const cut = (lines: string[], params: string): string[] => {
    const names: string[] = [];
    let current: string[] = [];
    let size = 0;
    const flush = () => {
      if (!current.length) return;
      const name = `P${parts.length}`;
      parts.push(`  const ${name} = (${params}) => {\n${current.join("\n")}\n  };`);
      names.push(name);
      current = [];
      size = 0;
    };
    for (const line of lines) {
      if (size + line.length > PART_BUDGET) flush();
      current.push(line);
      size += line.length;
    }
    flush();
    return names;
  };
  let scalars: string[] = [];
  const flushScalars = () => {
    for (const name of cut(scalars, "S, V, n")) body.push(`    ${name}(S, V, n);`);
    scalars = [];
  };
  for (const stage of stages) {
    if (stage.kind === "scalar") {
      const n = node(stage.node);
      if (skip.has(n.name)) continue;
      scalars.push(`    for (let b = 0; b < n; ++b) S[${n.slot * B} + b] = ${code(n.ir!)}; // ${n.name}`);
    } else {
      flushScalars();
      const lines = stage.nodes.filter((name) => !skip.has(name)).map((name) => {
        const n = node(name);
        const ir = n.ir!;
        // once(x) is (t === 0 ? x : 0) (callCode): with onceRowsZero the later years already hold that 0.
        if (constants?.onceRowsZero && ir.op === "call" && ir.fn === "once") return `    if (t === 0) for (let b = 0; b < n; ++b) V[${n.slot * B} + b] = ${code(ir.args[0])}; // ${n.name}`;
        return `    for (let b = 0; b < n; ++b) V[${n.slot * B} + tB + b] = ${code(ir)}; // ${n.name}`;
      });
      const names = cut(lines, "S, V, n, t, tB");
      body.push(`    for (let t = 0; t < ${H}; ++t) {`, `      const tB = t * ${B};`, ...names.map((name) => `      ${name}(S, V, n, t, tB);`), "    }");
    }
  }
  flushScalars();
  return [
    "(() => {",
    // As in the one-draw kernel: x[i] for a fractional i interpolates linearly between the two
    // neighbouring years; a year outside 0 … horizon − 1 counts as 0.
    `  const AT = (V, o, i, b) => { const j = Math.floor(i), f = i - j; const a = j >= 0 && j < ${H} ? V[(o + j) * ${B} + b] : 0; if (f === 0) return a; const c = j + 1 >= 0 && j + 1 < ${H} ? V[(o + j + 1) * ${B} + b] : 0; return a + (c - a) * f; };`,
    `  const ATS = (x, i) => { const j = Math.floor(i), f = i - j; const a = j >= 0 && j < ${H} ? x : 0; if (f === 0) return a; const c = j + 1 >= 0 && j + 1 < ${H} ? x : 0; return a + (c - a) * f; };`,
    `  const SUM = (V, o, b) => { let s = 0; for (let i = 0; i < ${H}; ++i) s += V[(o + i) * ${B} + b]; return s; };`,
    ...parts,
    "  return function blockKernel(S, V, n) {",
    ...body,
    "  };",
    "})()"
  ].join("\n");
}
