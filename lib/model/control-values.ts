// From what a page's number boxes show to the overrides `evaluate` gets (browser-safe): the one
// mapping that src/components/controls.js uses, so that a test can put the page's numbers and the
// command line's `--set` side by side (tests/fuzz/page-equals-cli.test.ts).
//
// - A box shows a fraction in percent (0,25 → 25); every other unit as it is.
// - A series input has one box: its largest value (by magnitude). Moving the box scales the whole
//   series, so the profile over the years is kept (a series of zeros becomes the value in every year).
// - Only boxes that differ from the model's value become overrides (as the page does).
import type {CompiledModel, GraphNode} from "./compile.js";
import type {LeafValue, Overrides} from "./evaluate.js";
import type {ModelFile, Parameter} from "../schema/model.js";

/** A leaf with a control range (a page shows a box and slider for it). */
export type ControlLeaf = GraphNode & {leaf: NonNullable<GraphNode["leaf"]> & {control: NonNullable<NonNullable<GraphNode["leaf"]>["control"]>}};

/** Leaves with a control range, optionally only those in the given scopes ("" = study level). */
export function controlLeaves(model: CompiledModel, {scopes}: {scopes?: string[]} = {}): ControlLeaf[] {
  return model.leaves.filter((l) => l.leaf?.control && (!scopes || scopes.includes(l.scope ?? ""))) as ControlLeaf[];
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

/**
 * The overrides a page evaluates with when its boxes show `shown` (leaf name → shown value): one per
 * box that differs from the model's value, as `controls()` reads them.
 */
export function overridesFromShown(model: CompiledModel, shown: Record<string, number>): Overrides {
  const out: Overrides = {};
  for (const [name, value] of Object.entries(shown)) {
    const leaf = model.nodes.get(name);
    if (!leaf?.leaf) throw new Error(`"${name}" is not an input of ${model.file.id}`);
    if (Number.isFinite(value) && Math.abs(value - shownBase(leaf)) > 1e-12) out[name] = overrideFor(leaf, value);
  }
  return out;
}

/**
 * The same overrides as `rendement evaluate` options: `--set name=value` per override (a series as
 * `[v1,v2,…]`), numbers written so that they read back exactly. With the model, an input in
 * `fraction` is written as the page shows it, in percent (`110%`): a page box may hold a share
 * above 100 % where the model's range allows it (a cost level of 120 %), which the command line
 * accepts only as a percentage.
 */
export function setArguments(overrides: Overrides, model?: CompiledModel): string[] {
  return Object.entries(overrides).flatMap(([name, v]) => {
    const percent = model?.nodes.get(name)?.unit === "fraction";
    const text = (x: number) => (percent ? `${roundShown(x * 100)}%` : String(x));
    return ["--set", `${name}=${typeof v === "number" ? text(v) : `[${Array.from(v).map(text).join(",")}]`}`];
  });
}

/**
 * A page needs inputs to move. For an intervention whose parameters have no control range at all,
 * the page gives every single-number parameter one: 0 to twice the value (a fraction: 0 to 100 %;
 * a negative value: twice the value to 0). Only ranges are added; values and formulas stay the
 * model's. Returns the model file as the page compiles it.
 */
export function withDerivedControls(file: ModelFile, interventions: ReadonlySet<string>): ModelFile {
  if (!interventions.size) return file;
  return {
    ...file,
    interventions: file.interventions.map((iv) =>
      !interventions.has(iv.id)
        ? iv
        : {
            ...iv,
            parameters: (iv.parameters ?? []).map((p: Parameter) => {
              if (p.control || typeof p.value !== "number" || p.value === 0) return p;
              const v = p.value;
              const [min, max] = p.unit === "fraction" ? [0, 1] : v > 0 ? [0, 2 * v] : [2 * v, 0];
              const step = p.unit === "fraction" ? 0.01 : Math.pow(10, Math.floor(Math.log10(Math.abs(max - min))) - 2);
              return {...p, control: {min, max, step}};
            })
          }
    )
  };
}

/** Interventions whose parameters have no control range (a page derives them: `withDerivedControls`). */
export function interventionsWithoutControls(file: ModelFile): Set<string> {
  return new Set(file.interventions.filter((iv) => !(iv.parameters ?? []).some((p) => p.control)).map((iv) => iv.id));
}
