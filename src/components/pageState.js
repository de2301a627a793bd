// The page's inputs in its address (the browser side of lib/page-state.ts; docs/page-state.md).
// pageState([{input, element, shown?, model?}]) reads the address once (refusals beside their box,
// unknown keys in `notice`) and writes every change; reset() restores the base values. Also keeps
// opened <details> open across redraws (keepDetailsOpen).
import {decodeState, unknownKeysMessage, withState} from "../lib/page-state.js";
import {el} from "./provenance.js";

/** @typedef {import("../lib/page-state.js").StateInput} StateInput */
/** @typedef {import("../lib/page-state.js").StateValue} StateValue */
/** @typedef {import("./numberInput.js").NumberInput} NumberInput */
/**
 * @typedef {object} StateBinding
 * @property {StateInput} input
 * @property {NumberInput | (HTMLElement & {value: any, notice?: undefined})} element a number box, a switch, or a select of numbers
 * @property {(model: number) => number} [shown] model value → the number the element shows
 * @property {(shown: number) => number} [model] the element's number → model value
 */

/** @param {number} x */
const round12 = (x) => Number(x.toPrecision(12));

/** Percent shown ↔ fraction in the model, rounded to 12 digits (5,625 % ↔ 0.05625 exactly). */
export const percent = {
  /** @param {number} x */
  shown: (x) => round12(x * 100),
  /** @param {number} x */
  model: (x) => round12(x / 100)
};

/** Keys known to any page state on this page, and the notices that report unknown keys. */
const pageKeys = new Set();
/** @type {{notice: HTMLElement, lines: string[], unknown: string[]}[]} */
const pageNotices = [];

/** @param {{notice: HTMLElement, lines: string[], unknown: string[]}} n */
function showNotice(n) {
  const text = [...n.lines, unknownKeysMessage(n.unknown.filter((k) => !pageKeys.has(k)))].filter(Boolean).join(" ");
  n.notice.textContent = text;
  n.notice.hidden = !text;
}

/**
 * @param {StateBinding[]} bindings
 * @param {{query?: string, write?: (href: string) => void}} [options] (for tests: the address and how to write it)
 */
export function pageState(bindings, {query = location.search, write = (href) => history.replaceState(history.state, "", href)} = {}) {
  keepDetailsOpen();
  // The address accepts the box's range in model units (a value the box allows is always writable).
  const inputs = bindings.map((b) => {
    const [lo, hi] = [Number(b.element.dataset.min), Number(b.element.dataset.max)].map((x) => (b.model ? b.model(x) : x));
    return Number.isFinite(lo) && Number.isFinite(hi) ? {...b.input, min: Math.min(b.input.min, lo), max: Math.max(b.input.max, hi)} : b.input;
  });
  const shownOf = (/** @type {StateBinding} */ b, /** @type {number} */ x) => (b.shown ? b.shown(x) : x);
  const modelOf = (/** @type {StateBinding} */ b) => {
    const x = b.model ? b.model(b.element.value) : b.element.value;
    const base = b.input.base;
    // A value equal to its base up to the display rounding is the base (it leaves the address).
    return typeof base === "number" && Math.abs(x - base) <= 1e-12 * Math.max(1, Math.abs(base)) ? base : x;
  };
  // For tests and readers of the DOM: which address key a box holds, and its range in model units.
  bindings.forEach((b, k) => {
    b.element.dataset.stateKey = b.input.key;
    b.element.dataset.stateMin = String(inputs[k].min);
    b.element.dataset.stateMax = String(inputs[k].max);
  });
  const decoded = decodeState(inputs, query);
  for (const b of bindings) {
    const v = decoded.values[b.input.key];
    if (typeof v === "number") b.element.value = shownOf(b, v);
  }
  // A refusal stands beside its box (a select has none: in `notice`, with unknown keys).
  const lines = [];
  for (const r of decoded.refused) {
    const element = bindings.find((b) => b.input.key === r.key)?.element;
    if (element && typeof element.notice === "function") element.notice(r.message);
    else lines.push(r.message);
  }
  const notice = el("p", {class: "state-message", role: "status"});
  // A page may hold several states (a model's controls and the Monte Carlo settings): a key is
  // unknown only when no state of the page knows it, so every notice is redone when one registers.
  for (const b of bindings) pageKeys.add(b.input.key);
  const own = {notice, lines, unknown: decoded.unknown};
  pageNotices.push(own);
  for (const n of pageNotices) showNotice(n);

  const save = () => {
    /** @type {Record<string, StateValue>} */
    const values = {};
    for (const b of bindings) values[b.input.key] = modelOf(b);
    const href = withState(location.pathname + location.search + location.hash, inputs, values);
    if (href !== location.pathname + location.search + location.hash) write(href);
  };
  // One address write per animation frame (a dragged slider fires many inputs; replaceState costs
  // a few ms): the address follows just after the next frame is drawn (a task posted from that
  // frame's callback, so the write is not part of the frame that shows the new figures: issue 18,
  // that frame's work must end before the next vsync), or after 100 ms when no frame comes (a
  // hidden tab), and at once when the page is left.
  let scheduled = false;
  const flush = () => {
    if (!scheduled) return;
    scheduled = false;
    save();
  };
  const later = () => {
    if (scheduled) return;
    scheduled = true;
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(flush, 0));
    setTimeout(flush, 100);
  };
  if (typeof addEventListener === "function") addEventListener("pagehide", flush);
  for (const b of bindings) b.element.addEventListener("input", later);
  return {
    notice,
    /** The values in model units, by key. */
    values: () => Object.fromEntries(bindings.map((b) => [b.input.key, modelOf(b)])),
    /** Write the address now (a pending write included). */
    save() {
      scheduled = false;
      save();
    },
    /** Every input back to its base value (no event: the caller announces the change). */
    reset() {
      for (const b of bindings) {
        const base = b.input.base;
        b.element.value = shownOf(b, typeof base === "number" ? base : Math.max(...base));
      }
      notice.hidden = true;
      scheduled = false;
      save();
    }
  };
}

/**
 * The reset button every page with inputs has: puts the inputs back and announces one change on
 * `target` (the view the page reads).
 * @param {{reset: () => void}} state
 * @param {EventTarget | EventTarget[]} targets the view(s) the page reads
 */
export function resetButton(state, targets) {
  const button = el("button", {type: "button", class: "reset-controls"}, "Terug naar de uitgangswaarden");
  button.addEventListener("click", () => {
    state.reset();
    for (const t of Array.isArray(targets) ? targets : [targets]) t.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return button;
}

// A redrawn <details> gets the open state the reader chose for the one it replaces (same summary
// text and position).

let watching = false;
/** @type {Map<string, boolean>} */
const chosen = new Map();

/** @param {HTMLDetailsElement} d */
function detailsKey(d) {
  const text = d.querySelector(":scope > summary")?.textContent?.trim() ?? "";
  const same = Array.from(document.querySelectorAll("details")).filter((x) => (x.querySelector(":scope > summary")?.textContent?.trim() ?? "") === text);
  return `${text}\u0000${same.indexOf(d)}`;
}

export function keepDetailsOpen() {
  if (watching || typeof document === "undefined" || typeof MutationObserver === "undefined") return;
  watching = true;
  // A reader's click toggles a summary: remember the state it leaves.
  document.addEventListener(
    "click",
    (event) => {
      const summary = /** @type {Element | null} */ (event.target instanceof Element ? event.target.closest("summary") : null);
      const d = summary?.parentElement;
      if (!(d instanceof HTMLDetailsElement)) return;
      setTimeout(() => chosen.set(detailsKey(d), d.open), 0);
    },
    true
  );
  new MutationObserver((records) => {
    if (!chosen.size) return;
    for (const r of records) {
      for (const n of Array.from(r.addedNodes)) {
        if (!(n instanceof Element)) continue;
        const all = n instanceof HTMLDetailsElement ? [n] : Array.from(n.querySelectorAll("details"));
        for (const d of all) {
          const open = chosen.get(detailsKey(d));
          if (open !== undefined && d.open !== open) d.open = open;
        }
      }
    }
  }).observe(document.documentElement, {childList: true, subtree: true});
}
