// Evaluate a compiled model: the model as a function of its leaves. Sensitivity analysis, scenarios,
// Monte Carlo and break-even all call `evaluate` (or, for many draws, `model.kernel` on one state from `initialState`).
import type {CompiledModel, GraphNode} from "./compile.js";
import type {IR} from "./expression.js";
import {findNonFinite} from "./non-finite.js";

export {NonFiniteError, findNonFinite} from "./non-finite.js";

export type LeafValue = number | number[];
export type Overrides = Record<string, LeafValue>;

export interface Evaluation {
  model: CompiledModel;
  overrides: Overrides;
  /** Scalar slots. */
  S: Float64Array;
  /** Series slots, horizon values each. */
  V: Float64Array;
}

export class OverrideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OverrideError";
  }
}

/** Find a leaf by the name a user writes (`x`, `vh.x`, `k.id`, `discountRate`). */
export function findLeaf(model: CompiledModel, name: string): GraphNode {
  const node = model.nodes.get(name);
  if (node?.leaf) return node;
  if (node) throw new OverrideError(`"${name}" is a formula (${node.formula}), not an input; set one of its inputs instead`);
  const suggestions = model.leaves.map((l) => l.name).filter((n) => n.endsWith(`.${name}`) || n.includes(name));
  throw new OverrideError(`unknown input "${name}"${suggestions.length ? `; did you mean ${suggestions.slice(0, 6).join(", ")}?` : ""}`);
}

function fillSeries(V: Float64Array, offset: number, horizon: number, values: number[], extend: "zero" | "last"): void {
  for (let t = 0; t < horizon; ++t) {
    V[offset + t] = t < values.length ? values[t] : extend === "last" ? values[values.length - 1] : 0;
  }
}

/** Fresh state with every leaf at its base value, then the overrides applied. */
export function initialState(model: CompiledModel, overrides: Overrides = {}): {S: Float64Array; V: Float64Array} {
  const S = new Float64Array(model.scalarCount);
  const V = new Float64Array(model.seriesCount * model.horizon);
  for (const leaf of model.leaves) setLeaf(model, S, V, leaf, leaf.leaf!.value);
  for (const [name, value] of Object.entries(overrides)) setLeaf(model, S, V, findLeaf(model, name), value);
  return {S, V};
}

export function setLeaf(model: CompiledModel, S: Float64Array, V: Float64Array, leaf: GraphNode, value: LeafValue): void {
  if (leaf.series) {
    const values = Array.isArray(value) ? value : [value];
    if (!values.every(Number.isFinite)) throw new OverrideError(`"${leaf.name}": expected finite numbers, found ${JSON.stringify(value)}`);
    if (values.length > model.horizon) throw new OverrideError(`"${leaf.name}": a series of ${values.length} values for a horizon of ${model.horizon} years`);
    fillSeries(V, leaf.slot, model.horizon, values, Array.isArray(value) ? leaf.leaf!.extend : "last");
  } else {
    if (Array.isArray(value)) throw new OverrideError(`"${leaf.name}" is a single number, found a list`);
    if (!Number.isFinite(value)) throw new OverrideError(`"${leaf.name}": expected a finite number, found ${value}`);
    S[leaf.slot] = value;
  }
}

/**
 * Evaluate the model with the generated kernel. A NaN or infinite value anywhere (division by zero,
 * log(0), sqrt of a negative number, overflow) throws a `NonFiniteError` naming the first quantity
 * that went wrong, its year and its operands; `{checkFinite: false}` skips that check (the kernel
 * fuzz tests compare raw values with the reference implementation).
 */
export function evaluate(model: CompiledModel, overrides: Overrides = {}, {checkFinite = true}: {checkFinite?: boolean} = {}): Evaluation {
  const {S, V} = initialState(model, overrides);
  model.kernel(S, V);
  if (checkFinite) {
    const problem = findNonFinite(model, S, V, overrides);
    if (problem) throw problem;
  }
  return {model, overrides, S, V};
}

/** The value of a node: a number (scalar) or its series. */
export function valueOf(e: Evaluation, name: string): number | Float64Array {
  const node = e.model.nodes.get(name);
  if (!node) throw new OverrideError(`unknown quantity "${name}"`);
  return node.series ? e.V.subarray(node.slot, node.slot + e.model.horizon) : e.S[node.slot];
}

// ---------------------------------------------------------------------------------------------
// Reference implementation: walk the formulas node by node, year by year, with plain JavaScript
// values. It shares only the parsed formulas and the plan with the kernel.

export function interpret(model: CompiledModel, overrides: Overrides = {}): Map<string, number | number[]> {
  const H = model.horizon;
  const values = new Map<string, number | number[]>();
  const {S, V} = initialState(model, overrides);
  for (const leaf of model.leaves) {
    values.set(leaf.name, leaf.series ? Array.from(V.subarray(leaf.slot, leaf.slot + H)) : S[leaf.slot]);
  }
  const get = (name: string, t: number | undefined): number => {
    const v = values.get(name);
    if (v === undefined) throw new Error(`internal: ${name} used before it was computed`);
    if (typeof v === "number") return v;
    if (t === undefined) throw new Error(`internal: series ${name} used without a year`);
    return t >= 0 && t < v.length ? v[t] ?? 0 : 0;
  };
  const evalAt = (e: IR, t: number | undefined): number => {
    switch (e.op) {
      case "num":
        return e.value;
      case "t":
        return t!;
      case "year":
        return model.startYear + t!;
      case "horizon":
        return H;
      case "ref": {
        const target = model.nodes.get(e.node)!;
        if (e.index.kind === "same") return get(e.node, t);
        if (e.index.kind === "lag") return t! - e.index.lag >= 0 ? get(e.node, target.series ? t! - e.index.lag : undefined) : 0;
        // A fractional year interpolates linearly between its neighbours; outside the horizon is 0.
        const i = evalAt(e.index.expr, t);
        if (!Number.isFinite(i)) return Number.NaN;
        const yearValue = (k: number) => (k >= 0 && k < H ? get(e.node, target.series ? k : undefined) : 0);
        const j = Math.floor(i);
        const f = i - j;
        return f === 0 ? yearValue(j) : yearValue(j) + (yearValue(j + 1) - yearValue(j)) * f;
      }
      case "sum": {
        const v = values.get(e.node)!;
        return typeof v === "number" ? v * H : v.reduce((a, b) => a + b, 0);
      }
      case "unary": {
        const a = evalAt(e.arg, t);
        return e.operator === "-" ? -a : e.operator === "+" ? +a : a ? 0 : 1;
      }
      case "binary": {
        const a = evalAt(e.left, t);
        const b = evalAt(e.right, t);
        switch (e.operator) {
          case "+": return a + b;
          case "-": return a - b;
          case "*": return a * b;
          case "/": return a / b;
          case "%": return a % b;
          case "**": return a ** b;
          case "<": return a < b ? 1 : 0;
          case "<=": return a <= b ? 1 : 0;
          case ">": return a > b ? 1 : 0;
          case ">=": return a >= b ? 1 : 0;
          case "==": return a === b ? 1 : 0;
          case "!=": return a !== b ? 1 : 0;
          case "&&": return a && b ? 1 : 0;
          case "||": return a || b ? 1 : 0;
        }
        throw new Error(`internal: operator ${e.operator}`);
      }
      case "cond":
        return evalAt(e.test, t) ? evalAt(e.then, t) : evalAt(e.else, t);
      case "call": {
        const args = e.args.map((x) => evalAt(x, t));
        switch (e.fn) {
          case "min": return Math.min(...args);
          case "max": return Math.max(...args);
          case "clamp": return Math.min(Math.max(args[0], args[1]), args[2]);
          case "if": return args[0] ? args[1] : args[2];
          case "once": return t === 0 ? args[0] : 0;
          case "yearly": return args[0];
          default: return (Math as unknown as Record<string, (...x: number[]) => number>)[e.fn](...args);
        }
      }
    }
  };
  for (const stage of model.stages) {
    if (stage.kind === "scalar") {
      values.set(stage.node, evalAt(model.nodes.get(stage.node)!.ir!, undefined));
    } else {
      for (const name of stage.nodes) values.set(name, new Array<number>(H).fill(0));
      for (let t = 0; t < H; ++t) {
        for (const name of stage.nodes) (values.get(name) as number[])[t] = evalAt(model.nodes.get(name)!.ir!, t);
      }
    }
  }
  return values;
}
