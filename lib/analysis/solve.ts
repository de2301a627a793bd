// Solve one input for a target: the value of `input` at which the sum of some model quantities
// equals a target (e.g. which caseload a given budget buys), or, without quantities, at which a saldo
// (of one actor, or of the study) is zero (break-even). Uses the same root finder as break-even.
import type {CompiledModel} from "../model/compile.js";
import {evaluate, findLeaf, valueOf, type Overrides} from "../model/evaluate.js";
import {breakEven, solveRoot} from "./breakeven.js";

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

/** The input value that meets the target, or null when none is found near the base value. */
export function solveInput(model: CompiledModel, input: string, options: SolveOptions = {}): number | null {
  const leaf = findLeaf(model, input);
  const overrides = {...(options.start !== undefined && !(leaf.name in (options.overrides ?? {})) ? {[leaf.name]: options.start} : {}), ...options.overrides};
  if (!options.quantities) return breakEven(model, leaf.name, {actor: options.actor, overrides}).value;
  const names = options.quantities;
  const target = options.target ?? 0;
  const base = (overrides[leaf.name] as number | undefined) ?? (leaf.leaf!.value as number);
  const f = (x: number) => quantityTotal(model, {...overrides, [leaf.name]: x}, names) - target;
  return solveRoot(f, base, {tolerance: 1e-9 * Math.max(1, Math.abs(base))}).value;
}
