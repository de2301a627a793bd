// Solve one input for a target: the value of `input` at which the sum of some model quantities
// equals a target (e.g. which caseload a given budget buys), or, without quantities, at which a saldo
// (of one actor, or of the study) is zero (break-even). Uses the same root finder as break-even.
import type {CompiledModel} from "../model/compile.js";
import type {IR} from "../model/expression.js";
import {evaluate, findLeaf, valueOf, type Overrides} from "../model/evaluate.js";
import {breakEven, inputDomain, isNoValueHere, solveRoot} from "./breakeven.js";

export interface SolveOptions {
  /** Quantities whose sum is brought to `target` (a series counts by its total over the years). */
  quantities?: string[];
  target?: number;
  /** Without quantities: this actor's saldo is brought to zero (default the study's saldo). */
  actor?: string;
  overrides?: Overrides;
  /** Start of the search when `overrides` does not set the input (default: its model value). */
  start?: number;
}

export function quantityTotal(model: CompiledModel, overrides: Overrides, names: string[]): number {
  const e = evaluate(model, overrides);
  let sum = 0;
  for (const n of names) {
    const v = valueOf(e, n);
    sum += typeof v === "number" ? v : v.reduce((a, b) => a + b, 0);
  }
  return sum;
}

/** Does `input` reach the right-hand side of a division in some formula (directly or through quantities)? */
export function isDivisorLike(model: CompiledModel, input: string): boolean {
  const reached = new Set([input]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const node of model.nodes.values()) {
      if (!reached.has(node.name) && node.deps.some((d) => reached.has(d.node))) {
        reached.add(node.name);
        grown = true;
      }
    }
  }
  const refers = (ir: IR): boolean => {
    switch (ir.op) {
      case "ref":
        return reached.has(ir.node) || (ir.index.kind === "at" && refers(ir.index.expr));
      case "sum":
        return reached.has(ir.node);
      case "unary":
        return refers(ir.arg);
      case "binary":
        return refers(ir.left) || refers(ir.right);
      case "cond":
        return refers(ir.test) || refers(ir.then) || refers(ir.else);
      case "call":
        return ir.args.some(refers);
      default:
        return false;
    }
  };
  const divides = (ir: IR): boolean => {
    switch (ir.op) {
      case "binary":
        return ((ir.operator === "/" || ir.operator === "%") && refers(ir.right)) || divides(ir.left) || divides(ir.right);
      case "unary":
        return divides(ir.arg);
      case "cond":
        return divides(ir.test) || divides(ir.then) || divides(ir.else);
      case "call":
        return ir.args.some(divides);
      case "ref":
        return ir.index.kind === "at" && divides(ir.index.expr);
      default:
        return false;
    }
  };
  for (const node of model.nodes.values()) if (node.ir && divides(node.ir)) return true;
  return false;
}

/**
 * The open interval trial values of `input` stay in while solving: the break-even domain (a rate above
 * −1), and above 0 for a positive divisor-like input (a caseload). A control range is not a domain: it
 * bounds a slider, and a solved value outside it (€ 1 bn buys a caseload of 1:10 where the slider
 * starts at 20) is still the answer.
 */
export function solveDomain(model: CompiledModel, input: string, base: number): [number, number] {
  const leaf = findLeaf(model, input);
  const [lo, hi] = inputDomain(model, leaf.name);
  if (base > 0 && isDivisorLike(model, leaf.name)) return [Math.max(lo, 0), hi];
  return [lo, hi];
}

/** The input value that meets the target, or null when none is found near the base value. */
export function solveInput(model: CompiledModel, input: string, options: SolveOptions = {}): number | null {
  const leaf = findLeaf(model, input);
  const overrides = {...(options.start !== undefined && !(leaf.name in (options.overrides ?? {})) ? {[leaf.name]: options.start} : {}), ...options.overrides};
  if (!options.quantities) return breakEven(model, leaf.name, {actor: options.actor, overrides}).value;
  const names = options.quantities;
  const target = options.target ?? 0;
  const base = (overrides[leaf.name] as number | undefined) ?? (leaf.leaf!.value as number);
  // A model error at a trial value (a caseload of 0 divides by zero) is "no value here", never an error.
  const f = (x: number) => {
    try {
      return quantityTotal(model, {...overrides, [leaf.name]: x}, names) - target;
    } catch (error) {
      if (isNoValueHere(error)) return Number.NaN;
      throw error;
    }
  };
  return solveRoot(f, base, {tolerance: 1e-9 * Math.max(1, Math.abs(base)), domain: solveDomain(model, leaf.name, base)}).value;
}
