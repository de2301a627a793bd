// Inputs a reader can reach may still give no finite result (three shares at 0, a divisor at 0):
// the model then throws a NonFiniteError (lib/model/non-finite.ts) with a Dutch message. A page
// never shows Framework's English error box for it: the message stands beside the inputs and the
// last good figures stay on the page, dimmed (class `results-stale` on <body>, src/style.css).
//
//   const guard = evaluationGuard();          // once, in the cell with the inputs; display(guard.notice)
//   const run = guard.run(overrides, (o) => ({e: evaluate(model, o)}));
//   run.value.e, run.overrides                // the last good result and the inputs that gave it
//
// Before any good result (a shared address whose inputs give none), the base inputs ({}) stand in.
import {el} from "./provenance.js";

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
  const notice = el("p", {class: "evaluation-notice warning", role: "alert", "data-value": "geen-uitkomst"});
  notice.hidden = true;
  /** @param {string} text */
  const show = (text) => {
    notice.textContent = text ? `${text} Hieronder staan, gedimd, de laatste uitkomsten die wel te berekenen waren.` : "";
    notice.hidden = !text;
    if (typeof document !== "undefined") document.body.classList.toggle("results-stale", !!text);
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
