// Inputs that give no finite result: the NonFiniteError's Dutch message beside the inputs, and the
// last good figures kept, dimmed (body.results-stale), never Framework's English error box.
// guard.run(overrides, compute) → {value, overrides, failed}; before any good result, the base ({}).
import {el} from "./provenance.js";
import {pageRule} from "./pageRule.js";

// While the inputs give no result, every outermost result block that holds no input and no message is
// dimmed (inserted only then: a :has() rule costs style recalculation on every change; pageRule.js).
const STALE_RULE = `#observablehq-main :is(.card, .table-scroll, details, .big, figure, .grid):not(:has(form, .evaluation-notice)):not(:is(.card, .table-scroll, details, .big, figure, .grid):not(:has(form, .evaluation-notice)) *) {
  opacity: 0.45;
  transition: opacity 0.2s;
}`;

/**
 * @template T
 * @typedef {{value: T, overrides: Record<string, number | number[]>, failed: boolean}} GuardedRun
 */

/** @param {unknown} error */
function isNonFinite(error) {
  return !!error && typeof error === "object" && /** @type {Error} */ (error).name === "NonFiniteError" && typeof (/** @type {{messageNl?: unknown}} */ (error).messageNl) === "string";
}

export function evaluationGuard() {
  /** @type {{value: any, overrides: Record<string, number | number[]>} | null} */
  let last = null;
  const notice = el("p", {class: "evaluation-notice", role: "alert", "data-value": "geen-uitkomst"});
  notice.hidden = true;
  /** @param {string} text */
  const show = (text) => {
    notice.textContent = text ? `${text} Hieronder staan, gedimd, de laatste uitkomsten die wel te berekenen waren.` : "";
    notice.hidden = !text;
    if (typeof document !== "undefined") document.body.classList.toggle("results-stale", !!text);
    pageRule("results-stale", STALE_RULE, !!text);
  };
  return {
    notice,
    /**
     * @template T
     * @param {Record<string, number | number[]>} overrides
     * @param {(overrides: Record<string, number | number[]>) => T} compute
     * @returns {GuardedRun<T>}
     */
    run(overrides, compute) {
      try {
        const value = compute(overrides);
        last = {value, overrides};
        show("");
        return {value, overrides, failed: false};
      } catch (error) {
        if (!isNonFinite(error)) throw error;
        show(/** @type {{messageNl: string}} */ (/** @type {unknown} */ (error)).messageNl);
        if (!last) last = {value: compute({}), overrides: {}};
        return {value: last.value, overrides: last.overrides, failed: true};
      }
    }
  };
}
