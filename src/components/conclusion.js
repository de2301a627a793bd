// The plain-Dutch conclusion that opens an intervention or uncertainty page (issue 20, point 5).
// The sentence comes from lib/analysis/conclusion.ts; this file only lays it out.
//
//   const box = conclusionBox();                 // once, right under the title (placeholder)
//   setConclusion(box, {saldo, interval, deciding, who});   // later, after the figures
import {conclusionSentence} from "../lib/analysis/conclusion.js";
import {el} from "./provenance.js";

/**
 * An empty conclusion paragraph, filled in later by `setConclusion` (so the page's figures draw
 * first and the sentence's computation never sits in the input → redraw frame).
 * @returns {HTMLElement}
 */
export function conclusionBox() {
  return el("p", {class: "conclusion", "data-conclusion": "pending", "aria-live": "polite"}, "Conclusie wordt berekend …");
}

/**
 * Write the sentence for `input` (lib/analysis/conclusion.ts ConclusionInput) into `box`.
 * @param {HTMLElement} box
 * @param {import("../lib/analysis/conclusion.js").ConclusionInput} input
 */
export function setConclusion(box, input) {
  box.textContent = conclusionSentence(input);
  box.dataset.conclusion = input.interval ? input.interval.basis : "none";
  return box;
}

/**
 * A conclusion paragraph with its sentence, for a page that has its numbers at once.
 * @param {import("../lib/analysis/conclusion.js").ConclusionInput} input
 * @returns {HTMLElement}
 */
export function conclusion(input) {
  return setConclusion(conclusionBox(), input);
}

/**
 * Run `fn` when the browser is idle (after the figures are drawn), falling back to a timeout.
 * @param {() => void} fn
 */
export function whenIdle(fn) {
  if (typeof requestIdleCallback === "function") requestIdleCallback(fn, {timeout: 1500});
  else setTimeout(fn, 50);
}

/**
 * The conclusion of an intervention page without a Monte Carlo: the tornado's range at `overrides`
 * (lib/analysis/sensitivity.ts, loaded on demand; over the slider ranges where the model states no
 * uncertainty), for intervention `scope` (or the whole model), written into `box`.
 * @param {HTMLElement} box
 * @param {import("../lib/model/compile.js").CompiledModel} model
 * @param {{overrides: Record<string, number | number[]>, saldo: number, scope?: string | null}} options
 */
export async function tornadoConclusion(box, model, {overrides, saldo, scope}) {
  const [{oneWay, sensitivityInputs}, {bandwidth, decidingInputs}] = await Promise.all([import("../lib/analysis/sensitivity.js"), import("../lib/analysis/conclusion.js")]);
  const controlRanges = sensitivityInputs(model, {overrides}).length === 0;
  let s;
  try {
    s = oneWay(model, {overrides, controlRanges});
  } catch (error) {
    // An end of an input's range where the model has no finite result (a division by an input at 0):
    // the sentence from the saldo alone, and which input's range has no bandwidth.
    setConclusion(box, {saldo});
    const moved = error && typeof error === "object" && "overrides" in error ? Object.keys(/** @type {{overrides: object}} */ (error).overrides).filter((n) => !(n in overrides)) : [];
    const which = moved.map((n) => `“${model.nodes.get(n)?.label ?? n}”`).join(", ");
    box.textContent += ` Een bandbreedte is hier niet te geven: aan een uiteinde van het bereik${which ? ` van ${which}` : ""} geeft het model geen eindige uitkomst (bijvoorbeeld een deling door nul).`;
    return box;
  }
  const t = (scope ? s.interventions.find((x) => x.scope === scope) : null) ?? s.overall;
  return setConclusion(box, {saldo, interval: bandwidth(null, t), deciding: decidingInputs(t)});
}
