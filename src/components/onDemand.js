// Sections of an intervention page whose code loads when the reader opens them (a dynamic import
// inside this module, so tests/site/js-size.test.ts counts it as on demand, not as the page's
// opening JavaScript): "Uw gemeente" (./municipality.js) and the comparison picker (./compare.js).
// Each is a <details> made once per page; `update(…)` passes the page's current inputs, which the
// section gets as soon as its code has loaded.
import {el} from "./provenance.js";
import {COMPARE_KEY} from "../lib/page-state.js";

/**
 * "Uw gemeente", folded; it opens by itself when the address already holds one of the roles' inputs.
 * @param {import("../lib/analysis/roles.js").InterventionRoles} roles
 * @param {{controls: HTMLElement, ranges: Record<string, {min: number, max: number, step?: number, scale?: "log"}>, labels: Record<string, string>}} options
 */
export function municipalitySection(roles, options) {
  const details = /** @type {HTMLDetailsElement} */ (el("details", {class: "municipality-section"}, el("summary", {}, "Vul de cijfers van uw gemeente in")));
  /** @type {any} */
  let view = null;
  /** @type {[Record<string, number | number[]>, () => Promise<any>] | null} */
  let last = null;
  let loading = false;
  const inputs = roles.roles.map((r) => r.input).filter((x) => x !== null);
  details.addEventListener("toggle", async () => {
    if (!details.open || view || loading) return;
    loading = true;
    const {municipality} = await import("./municipality.js");
    view = municipality(roles, options);
    details.append(view);
    if (last) view.update(...last);
  });
  return Object.assign(details, {
    /**
     * @param {Record<string, number | number[]>} overrides
     * @param {() => Promise<any>} compute
     */
    update(overrides, compute) {
      last = [overrides, compute];
      if (view) view.update(overrides, compute);
      else if (!details.open && inputs.some((name) => name in overrides)) details.open = true;
    }
  });
}

/**
 * The comparison picker, folded; ./compare.js (and through it the Shapley code) loads on the first open.
 * @param {{model: import("../lib/model/compile.js").CompiledModel, input: import("../lib/analysis/content-hash.js").HashInput, whenIdle: (fn: () => void) => void, width: () => number}} options
 */
export function compareSection(options) {
  const details = /** @type {HTMLDetailsElement} */ (el("details", {class: "compare"}, el("summary", {}, "Vergelijk twee instellingen: het rapport, een scenario, een bestand of uw invoer")));
  /** @type {any} */
  let picker = null;
  /** @type {Record<string, number | number[]> | null} */
  let last = null;
  let loading = false;
  const open = async () => {
    if (!details.open || picker || loading) return;
    loading = true;
    const {comparePicker} = await import("./compare.js");
    picker = comparePicker({...options, details});
    picker.update(last ?? {});
  };
  details.addEventListener("toggle", open);
  // A shared link with a comparison in its address (compare=<left>~<right>) opens it at once.
  if (new URLSearchParams(location.search).has(COMPARE_KEY)) {
    details.open = true;
    open();
  }
  return Object.assign(details, {
    /** @param {Record<string, number | number[]>} overrides */
    update(overrides) {
      last = overrides;
      picker?.update(overrides);
    }
  });
}
