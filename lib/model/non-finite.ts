// Non-finite values (NaN, ±Infinity) in an evaluation are errors, never figures. After the kernel
// has filled its typed arrays, `findNonFinite` scans them (one pass, a few microseconds); only when
// a value is not finite does it walk the plan in evaluation order to name the first quantity that
// went wrong (the cause, not its downstream victims), the year, and the direct operands of its
// formula with their values. Browser-safe: pages show `messageNl`, the CLI `message` (exit 1), and
// Monte Carlo counts the draws for which `findNonFinite` returns an error.
import type {CompiledModel, GraphNode} from "./compile.js";

export interface NonFiniteInput {
  /** Graph node name as written in formulas (`vh.x`, `k.id`). */
  name: string;
  label: string;
  /** Its value where the formula used it: a number (same or earlier year, or a scalar) or a whole series. */
  value: number | number[];
  /** For an earlier year (`x[t - 1]`): the year index read. */
  year?: number;
}

/** A number for a message: plain for ordinary magnitudes, in powers of ten for very large or small ones. */
export function formatValue(x: number, locale: "en" | "nl" = "en"): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  const a = Math.abs(x);
  const s = a !== 0 && (a >= 1e12 || a < 1e-6) ? x.toExponential(3).replace(/\.?0+e/, "e").replace("e+", "e") : String(Number(x.toPrecision(10)));
  return locale === "nl" ? s.replace(".", ",") : s;
}

const kindOf = (v: number) => (Number.isNaN(v) ? "NaN" : v > 0 ? "+Infinity" : "-Infinity");
const kindNl = (v: number) => (Number.isNaN(v) ? "geen getal (NaN)" : v > 0 ? "oneindig groot" : "oneindig klein");

function renderInputs(inputs: NonFiniteInput[], locale: "en" | "nl"): string {
  return inputs
    .map((i) => {
      const v = Array.isArray(i.value) ? `[${i.value.slice(0, 6).map((x) => formatValue(x, locale)).join(locale === "nl" ? "; " : ", ")}${i.value.length > 6 ? ", …" : ""}]` : formatValue(i.value, locale);
      return `${i.name}${i.year !== undefined ? `[${i.year}]` : ""} = ${v}`;
    })
    .join(locale === "nl" ? "; " : ", ");
}

export class NonFiniteError extends Error {
  /** Dutch message for readers of the site. */
  readonly messageNl: string;
  constructor(
    /** Graph node name (`vh.x`), or a result such as `saldo` or `presentValue(vh:flow)`. */
    readonly quantity: string,
    readonly label: string,
    /** The offending value: NaN, Infinity or -Infinity. */
    readonly value: number,
    /** Year index for a series (0 … horizon − 1), null for a single number. */
    readonly year: number | null,
    /** Calendar year when the model has a `startYear`. */
    readonly calendarYear: number | null,
    readonly formula: string | undefined,
    /** The formula's direct operands with their values. */
    readonly inputs: NonFiniteInput[],
    /** Inputs set away from their base values (--set, a scenario, a draw). */
    readonly overrides: Record<string, number | number[]> = {}
  ) {
    const at = year === null ? "" : ` in year ${year}${calendarYear !== null ? ` (${calendarYear})` : ""}`;
    const atNl = year === null ? "" : ` in jaar ${year}${calendarYear !== null ? ` (${calendarYear})` : ""}`;
    const from = inputs.length ? `; inputs: ${renderInputs(inputs, "en")}` : "";
    const fromNl = inputs.length ? `; invoer: ${renderInputs(inputs, "nl")}` : "";
    const set = Object.entries(overrides);
    const setEn = set.length ? ` (with ${set.map(([n, v]) => `${n} = ${Array.isArray(v) ? `[${v.join(", ")}]` : formatValue(v)}`).join(", ")})` : "";
    const setNl = set.length ? ` (met ${set.map(([n, v]) => `${n} = ${Array.isArray(v) ? `[${v.map((x) => formatValue(x, "nl")).join("; ")}]` : formatValue(v, "nl")}`).join("; ")})` : "";
    super(`no finite result: ${quantity} (${label}) is ${kindOf(value)}${at}${formula !== undefined ? `, formula "${formula}"` : ""}${from}${setEn}`);
    this.name = "NonFiniteError";
    this.messageNl = `Geen uitkomst: ${label} (${quantity}) is ${kindNl(value)}${atNl}${formula !== undefined ? `, formule "${formula}"` : ""}${fromNl}${setNl}. Controleer de invoer (bijvoorbeeld een deling door nul).`;
  }
}

/** Does the array hold a NaN or an infinity? (x − x is 0 for every finite x, NaN otherwise.) */
function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; ++i) if (a[i] - a[i] !== 0) return false;
  return true;
}

function valueAt(model: CompiledModel, S: Float64Array, V: Float64Array, node: GraphNode, t: number | null): number {
  if (!node.series) return S[node.slot];
  return t === null || t < 0 || t >= model.horizon ? 0 : V[node.slot + t];
}

/** The operands of `node`'s formula with their values in year `t` (null for a scalar). */
export function operandsOf(model: CompiledModel, S: Float64Array, V: Float64Array, node: GraphNode, t: number | null): NonFiniteInput[] {
  const out: NonFiniteInput[] = [];
  const seen = new Set<string>();
  for (const d of node.deps) {
    const target = model.nodes.get(d.node)!;
    const key = `${d.node}\u0000${d.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (d.kind === "whole" && target.series) out.push({name: target.name, label: target.label, value: Array.from(V.subarray(target.slot, target.slot + model.horizon))});
    else if (d.kind === "lag" && target.series && t !== null) {
      // The lag itself is in the formula; show the previous year's value, the common case x[t - 1].
      out.push({name: target.name, label: target.label, value: valueAt(model, S, V, target, t - 1), year: t - 1});
    } else out.push({name: target.name, label: target.label, value: valueAt(model, S, V, target, t)});
  }
  return out;
}

/**
 * The first non-finite value of an evaluation, in evaluation order, as an error (or null when every
 * value is finite). `S` and `V` are the kernel's arrays after `model.kernel(S, V)`.
 */
export function findNonFinite(model: CompiledModel, S: Float64Array, V: Float64Array, overrides: Record<string, number | number[]> = {}): NonFiniteError | null {
  if (allFinite(S) && allFinite(V)) return null;
  const error = (node: GraphNode, t: number | null, value: number) =>
    new NonFiniteError(node.name, node.label, value, t, t !== null && model.file.startYear !== undefined ? model.startYear + t : null, node.formula, node.leaf ? [] : operandsOf(model, S, V, node, t), overrides);
  // Leaves are checked when they are set; a non-finite leaf would be a bug, but name it all the same.
  for (const leaf of model.leaves) {
    if (!leaf.series && !Number.isFinite(S[leaf.slot])) return error(leaf, null, S[leaf.slot]);
    if (leaf.series) for (let t = 0; t < model.horizon; ++t) if (!Number.isFinite(V[leaf.slot + t])) return error(leaf, t, V[leaf.slot + t]);
  }
  for (const stage of model.stages) {
    if (stage.kind === "scalar") {
      const node = model.nodes.get(stage.node)!;
      if (!Number.isFinite(S[node.slot])) return error(node, null, S[node.slot]);
      continue;
    }
    const nodes = stage.nodes.map((n) => model.nodes.get(n)!);
    for (let t = 0; t < model.horizon; ++t) {
      for (const node of nodes) if (!Number.isFinite(V[node.slot + t])) return error(node, t, V[node.slot + t]);
    }
  }
  return null;
}
