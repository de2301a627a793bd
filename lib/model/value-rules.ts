// What counts, shares and rates may be, whatever way a value arrives: the model file, a scenario,
// `--set` (a number, a percentage, a series, `@file.json#field`). One rule per kind of input:
// - a count (the intervention's `participants`, any input in `personen`) is >= 0;
// - a share (unit `fraction`) lies within [0, 1];
// - a discount rate (the study's `discountRate`, a post's own rate) is > −1, with a warning outside
//   0–10 % (DISCOUNT_RATE_WARNING_RANGE).
// The rules are about inputs (leaves). A post's rate must be an input: a rate computed by a formula
// could reach −1 without any input saying so, and is refused at load. Browser-safe, no zod.
import type {CompiledModel, GraphNode} from "./compile.js";

export type ValueKind = "count" | "fraction" | "rate";

/** Discount rates outside this range are used, with a warning (the Dutch standard rates lie well inside it). */
export const DISCOUNT_RATE_WARNING_RANGE: [number, number] = [0, 0.1];

const COUNT_UNITS = new Set(["personen", "persoon"]);

/** The rule for an input with this unit: a rate wins over its unit (`discountRate` has unit fraction). */
export function kindOf(unit: string, {rate = false, participants = false}: {rate?: boolean; participants?: boolean} = {}): ValueKind | null {
  if (rate) return "rate";
  const u = unit.trim();
  if (u === "fraction") return "fraction";
  if (participants || COUNT_UNITS.has(u)) return "count";
  return null;
}

/** Why a value breaks its rule (English, for `file:line: field:` or `--set name=value:`), or null. */
export function valueProblem(kind: ValueKind | null, value: number | number[]): string | null {
  if (kind === null) return null;
  const values = Array.isArray(value) ? value : [value];
  for (let i = 0; i < values.length; ++i) {
    const v = values[i];
    const at = values.length > 1 ? ` (element ${i + 1})` : "";
    if (kind === "count" && !(v >= 0)) return `expected a number of persons >= 0, found ${v}${at}`;
    if (kind === "fraction" && !(v >= 0 && v <= 1)) return `expected a share from 0 to 1 (unit fraction: 0.75 is 75 %), found ${v}${at}`;
    if (kind === "rate" && !(v > -1)) return `expected a discount rate greater than -1 (−100 %), found ${v}${at}`;
  }
  return null;
}

/** A warning for a discount rate outside 0–10 % (used, but probably a slip: 3 where 0.03 was meant), or null. */
export function rateWarning(rate: number, what: string): string | null {
  const [lo, hi] = DISCOUNT_RATE_WARNING_RANGE;
  if (rate >= lo && rate <= hi) return null;
  return `${what} is ${rate} (${+(rate * 100).toFixed(4)} %), outside ${lo * 100}–${hi * 100} %; check that it is meant (a rate is a fraction: 0.03 for 3 %)`;
}

/** Is this leaf a discount rate (the study's, or one a post uses)? */
export function isRateLeaf(model: CompiledModel, node: GraphNode): boolean {
  return node.name === "discountRate" || [...model.postRate.values()].includes(node.name);
}

/** Is this leaf the participants count of an intervention? */
export function isParticipantsLeaf(model: CompiledModel, node: GraphNode): boolean {
  return model.file.interventions.some((iv) => iv.participants !== undefined && (node.name === `${iv.id}.${iv.participants}` || (node.scope === undefined && node.name === iv.participants && !model.nodes.has(`${iv.id}.${iv.participants}`))));
}

/** The rule of a leaf of a compiled model. */
export function leafKind(model: CompiledModel, node: GraphNode): ValueKind | null {
  return kindOf(node.unit, {rate: isRateLeaf(model, node), participants: isParticipantsLeaf(model, node)});
}
