// From what a page's number boxes show to the overrides `evaluate` gets (browser-safe): the one
// mapping that src/components/controls.js uses, so that a test can put the page's numbers and the
// command line's `--set` side by side (tests/fuzz/page-equals-cli.test.ts). What only the loader,
// the tests and the command line need is in lib/model/control-overrides.ts (pages do not load it).
//
// - A box shows a fraction in percent (0,25 → 25); every other unit as it is.
// - A series input has one box: its largest value (by magnitude). Moving the box scales the whole
//   series, so the profile over the years is kept (a series of zeros becomes the value in every year).
// - Only boxes that differ from the model's value become overrides (as the page does).
import type {CompiledModel, GraphNode} from "./compile.js";
import type {LeafValue} from "./evaluate.js";

/** A leaf with a control range (a page shows a box and slider for it). */
export type ControlLeaf = GraphNode & {leaf: NonNullable<GraphNode["leaf"]> & {control: NonNullable<NonNullable<GraphNode["leaf"]>["control"]>}};

/** A box range that replaces (or gives) a leaf's control range on a page, in model units. */
export interface BoxRange {
  min: number;
  max: number;
  step?: number;
  scale?: "log";
}

/**
 * The leaves a page shows a box for: those with a control range (optionally only in the given scopes,
 * "" = study level, or exactly `names`), plus every leaf `ranges` names (also outside the scopes,
 * also without a control in the model file) with that range. An item page and the study report read
 * the same address with these boxes ("Uw gemeente": lib/analysis/municipality.ts roleControlRanges).
 */
export function controlLeaves(model: CompiledModel, {scopes, names, ranges = {}}: {scopes?: string[]; names?: string[]; ranges?: Readonly<Record<string, BoxRange>>} = {}): ControlLeaf[] {
  return model.leaves
    .filter((l) => {
      if (ranges[l.name]) return true;
      if (!l.leaf?.control) return false;
      if (names) return names.includes(l.name);
      return !scopes || scopes.includes(l.scope ?? "");
    })
    .map((l) => (ranges[l.name] ? ({...l, leaf: {...l.leaf!, control: {...l.leaf!.control, ...ranges[l.name]}}} as ControlLeaf) : (l as ControlLeaf)));
}

export function isPercentBox(leaf: GraphNode): boolean {
  return leaf.unit === "fraction";
}

/** The number a series is shown by: its largest value by magnitude (the value itself for a number). */
export function baseNumber(leaf: GraphNode): number {
  const v = leaf.leaf!.value as LeafValue;
  return typeof v === "number" ? v : Array.from(v).reduce((m, x) => (Math.abs(x) > Math.abs(m) ? x : m), 0);
}

/** Rounded to 12 significant digits, as a box shows a value. */
export function roundShown(x: number): number {
  return Number(x.toPrecision(12));
}

/** What the box of `leaf` shows at the model's value (percent for fractions). */
export function shownBase(leaf: GraphNode): number {
  return roundShown(baseNumber(leaf) * (isPercentBox(leaf) ? 100 : 1));
}

/** The box's range in shown units. */
export function shownRange(leaf: ControlLeaf): [number, number] {
  const k = isPercentBox(leaf) ? 100 : 1;
  return [roundShown(leaf.leaf.control.min * k), roundShown(leaf.leaf.control.max * k)];
}

/** The override for a leaf whose box shows `shown` (in percent for fractions). */
export function overrideFor(leaf: GraphNode, shown: number): LeafValue {
  const x = isPercentBox(leaf) ? shown / 100 : shown;
  const v = leaf.leaf!.value as LeafValue;
  if (typeof v === "number") return x;
  const m = baseNumber(leaf);
  return m === 0 ? Array.from(v, () => x) : Array.from(v, (y) => (y * x) / m);
}
