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
