// Controls built from the model: every leaf (parameter) with a `control: {min, max, step}` range in
// the model file becomes a slider. The element's value is an overrides object for `evaluate`
// ({"vh.nettoEffect": 0.05, …}), so a page writes `const overrides = view(controls(model, …))`.
// Fractions are shown in percent; a series parameter is scaled as a whole (its largest value is the
// slider's value), so the profile over the years is kept. A control with range [0, 1] and step 1 is
// a switch (a checkbox). The inputs live in the page address (src/components/pageState.js).
import {numberInput} from "./numberInput.js";
import {pageState, percent, resetButton} from "./pageState.js";
import {el} from "./provenance.js";
import {baseNumber, controlLeaves, isPercentBox, overrideFor as libOverrideFor} from "../lib/model/control-values.js";

/** @typedef {import("../lib/model/compile.js").CompiledModel} CompiledModel */
/** @typedef {import("../lib/model/compile.js").GraphNode} GraphNode */
/** @typedef {import("../lib/model/compile.js").Leaf} Leaf */
/** @typedef {import("../lib/model/evaluate.js").Overrides} Overrides */
/** @typedef {import("./numberInput.js").NumberInput} NumberInput */
/** A leaf node with a control range. */
/** @typedef {GraphNode & {leaf: Leaf & {control: NonNullable<Leaf["control"]>}}} ControlLeaf */
/** The controls: a <div> whose `value` is the overrides object. */
/** @typedef {HTMLDivElement & {value: Overrides}} Controls */


// The box → override mapping lives in lib/model/control-values.ts, so that a test can compare the
// page's numbers with `rendement evaluate --set …` for the same box values.
/** @param {GraphNode} leaf */
function isFraction(leaf) {
  return isPercentBox(leaf);
}

/**
 * The override for a leaf when its slider shows `shown` (in percent for fractions).
 * @param {ControlLeaf} leaf
 * @param {number} shown
 * @returns {number | number[]}
 */
export function overrideFor(leaf, shown) {
  return /** @type {number | number[]} */ (libOverrideFor(leaf, shown));
}

/** @param {number} x */
function round(x) {
  return Number(x.toPrecision(12));
}

/**
 * One number box with a slider for a leaf; its value is what the box shows (percent for fractions).
 * @param {ControlLeaf} leaf
 * @param {{compact?: boolean}} [options]
 */
function slider(leaf, {compact = false} = {}) {
  const c = leaf.leaf.control;
  const pct = isFraction(leaf);
  const k = pct ? 100 : 1;
  const unit = pct ? "%" : leaf.unit === "fraction" ? "" : leaf.unit;
  const label = `${c.label ?? leaf.label}${unit ? ` (${unit})` : ""}${Array.isArray(leaf.leaf.value) ? " — schaalt de reeks per jaar" : ""}`;
  const base = round(baseNumber(leaf) * k);
  const [min, max] = [round(c.min * k), round(c.max * k)];
  const form = numberInput([min, max], {label, step: c.step !== undefined ? round(c.step * k) : undefined, value: Math.min(Math.max(base, min), max), scale: c.scale === "log" && min > 0 ? "log" : "linear"});
  if (compact) form.classList.add("number-input-compact");
  return {form, element: form};
}

/**
 * @param {CompiledModel} model a CompiledModel (lib/model/compile.ts)
 * @param {object} [options]
 * @param {string[]} [options.scopes] intervention ids to include ("" = study-level parameters)
 * @param {string[]} [options.names] or: exactly these leaf names, in this order
 * @param {boolean} [options.groupByScope] put a heading above each intervention's sliders
 * @param {(scope: string) => string} [options.scopeLabel] (scope) => heading text
 * @param {boolean} [options.compact] one column, labels above the sliders (for a narrow side panel)
 * @param {Record<string, {min: number, max: number, step?: number, scale?: "log"}>} [options.ranges] by leaf name (model units): a box
 *   for each of these leaves (also outside the scopes, also without a control in the model file) with this range
 *   ("Uw gemeente": lib/analysis/municipality.ts roleControlRanges)
 * @returns {Controls} an element whose `value` is an overrides object; it emits "input" on every change
 */
export function controls(model, {scopes, names, groupByScope = false, scopeLabel = (s) => s || "Studie", compact = false, ranges = {}} = {}) {
  let leaves = controlLeaves(model, {scopes, names, ranges});
  if (names) leaves = /** @type {ControlLeaf[]} */ (names.map((n) => leaves.find((l) => l.name === n)).filter(Boolean));
  // Compact (a narrow column): each label above its slider, one column. Otherwise a grid of sliders.
  const root = /** @type {Controls} */ (
    el("div", {
      class: "model-controls",
      style: compact
        ? {display: "grid", gridTemplateColumns: "1fr"}
        : {display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(330px, 100%), 1fr))", columnGap: "1.5rem", alignItems: "end"}
    })
  );
  if (!leaves.length) {
    root.append(el("p", {class: "muted"}, "Het modelbestand geeft voor deze invoer geen schuifregelaars (control-bereik) op."));
    root.value = {};
    return root;
  }
  /** @type {Map<string, {leaf: ControlLeaf, input: NumberInput}>} */
  const inputs = new Map();
  const groups = groupByScope ? [...new Set(leaves.map((l) => l.scope ?? ""))] : [null];
  for (const g of groups) {
    const own = g === null ? leaves : leaves.filter((l) => (l.scope ?? "") === g);
    if (g !== null) root.append(el("h4", {style: {gridColumn: "1 / -1", marginBottom: 0}}, scopeLabel(g)));
    for (const leaf of own) {
      const {form: input, element} = slider(leaf, {compact});
      element.dataset.leaf = leaf.name;
      element.title = `${leaf.name} — ${leaf.leaf.source ? "bron" : "aanname"}`;
      inputs.set(leaf.name, {leaf, input});
      root.append(element);
    }
  }
  const read = () => {
    /** @type {Overrides} */
    const out = {};
    for (const [name, {leaf, input}] of inputs) {
      const shown = input.value;
      const base = round(baseNumber(leaf) * (isFraction(leaf) ? 100 : 1));
      if (Number.isFinite(shown) && Math.abs(shown - base) > 1e-12) out[name] = overrideFor(leaf, shown);
    }
    return out;
  };
  // Every changed input lives in the address in model units (pageState.js, docs/page-state.md).
  const state = pageState(
    [...inputs.values()].map(({leaf, input}) => ({
      input: {key: leaf.name, label: leaf.leaf.control.label ?? leaf.label, min: leaf.leaf.control.min, max: leaf.leaf.control.max, base: baseNumber(leaf), unit: leaf.unit},
      element: input,
      ...(isFraction(leaf) ? percent : {})
    }))
  );
  if (!state.notice.hidden) root.prepend(state.notice);
  state.notice.style.gridColumn = "1 / -1";
  root.value = read();
  root.dataset.overrides = JSON.stringify(root.value);
  // The page's "input" at most once per animation frame, and only when the overrides changed: the
  // first change of a frame is passed on at once (no added latency); further changes in the same
  // frame (a dragged slider fires many) are folded into one event at the next frame.
  let emittedThisFrame = false;
  let pending = false;
  const emit = () => {
    const value = read();
    const json = JSON.stringify(value);
    if (json === root.dataset.overrides) return;
    root.value = value;
    root.dataset.overrides = json;
    emittedThisFrame = true;
    requestAnimationFrame(() => {
      emittedThisFrame = false;
      if (pending) {
        pending = false;
        emit();
      }
    });
    root.dispatchEvent(new Event("input", {bubbles: true}));
  };
  root.addEventListener("input", (event) => {
    if (event.target === root) return;
    event.stopPropagation();
    if (emittedThisFrame) pending = true;
    else emit();
  });
  const reset = resetButton(
    {
      reset() {
        state.reset();
        root.value = read();
        root.dataset.overrides = JSON.stringify(root.value);
      }
    },
    root
  );
  Object.assign(reset.style, {gridColumn: "1 / -1", justifySelf: "start", marginTop: "0.5rem"});
  root.append(
    reset,
    el("p", {class: "muted", style: {gridColumn: "1 / -1", fontSize: "13px", margin: "0.25rem 0 0"}}, "Gewijzigde waarden staan in het adres van deze pagina: wie de link opent, ziet dezelfde invoer.")
  );
  return root;
}
