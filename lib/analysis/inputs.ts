// The uncertain inputs of a compiled model: every leaf (parameter, kengetal, setting) whose
// uncertainty spec is not `fixed`, with its distribution. Shared by the one-way sensitivity
// analysis and the probabilistic analysis. Browser-safe.
//
// Conventions:
// - A kengetal converted to the study's price year arrives with its value and its money-valued
//   uncertainty bounds already scaled by the CPI factor (lib/model/compile.ts), in one price level.
// - A series leaf is varied as a whole: its spec is read against the mean of the listed values
//   (the reference value), and a value x multiplies every year by x / reference.
// - Leaves given in `overrides` are held at the override and not varied.
import type {CompiledModel, GraphNode} from "../model/compile.js";
import type {LeafValue, Overrides} from "../model/evaluate.js";
import {findLeaf} from "../model/evaluate.js";
import type {Uncertainty} from "../schema/kengetal.js";
import {DistributionError, lowHigh, toDistribution, type Distribution, type LowHigh} from "./distributions.js";

export interface UncertainInput {
  node: GraphNode;
  name: string;
  label: string;
  unit: string;
  kind: GraphNode["kind"];
  series: boolean;
  /** The spec in the study's price level. */
  spec: Uncertainty;
  /** The leaf's value (a scalar) or the mean of its listed values (a series). */
  reference: number;
  /** The listed values of a series leaf (the scalar value otherwise). */
  listed: LeafValue;
  distribution: Distribution;
  range: LowHigh;
}

/** The spec of a leaf in the study's price level (the compiler scaled kengetallen already). */
export function leafUncertainty(node: GraphNode): Uncertainty | undefined {
  return node.leaf!.uncertainty;
}

export function uncertainInputs(model: CompiledModel, overrides: Overrides = {}): UncertainInput[] {
  const held = new Set(Object.keys(overrides).map((n) => findLeaf(model, n).name));
  const out: UncertainInput[] = [];
  for (const node of model.leaves) {
    const spec = leafUncertainty(node);
    if (!spec || spec.type === "fixed" || held.has(node.name)) continue;
    const listed = node.leaf!.value;
    let reference: number;
    if (Array.isArray(listed)) {
      reference = listed.reduce((a, b) => a + b, 0) / listed.length;
      if (!(reference !== 0 && Number.isFinite(reference))) throw new DistributionError(`"${node.name}": a series with an uncertainty is varied as a whole relative to the mean of its values, which is 0`);
    } else reference = listed;
    const distribution = toDistribution(spec, reference, node.name);
    const range = lowHigh(spec, reference, node.name)!;
    out.push({node, name: node.name, label: node.label, unit: node.unit, kind: node.kind, series: node.series, spec, reference, listed, distribution, range});
  }
  return out;
}

/** The leaf value for input value `x`: x itself, or the listed series scaled by x / reference. */
export function inputValue(input: UncertainInput, x: number): LeafValue {
  if (!Array.isArray(input.listed)) return x;
  const m = x / input.reference;
  return input.listed.map((v) => v * m);
}
