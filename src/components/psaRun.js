// The Monte Carlo analysis on a pool of Web Workers, for any page that shows a PSA.
//
//   const runner = psaRunner({workerUrl, file, registry});          // once per model
//   const psaRun = Generators.observe(runner.run({draws, seed}));   // one run per setting
//   psaStatus(psaRun, into)                                         // progress, cancel button, timing (in place)
//   const psa = Generators.observe(runner.shown);                   // the result to draw: changes only when a run finishes
//
// The pool (lib/analysis/psa-pool.ts) starts one worker per core (navigator.hardwareConcurrency)
// from the bundle src/workers/psa.js and merges the chunks in chunk order, so the numbers equal
// `rendement psa` for the same seed. While a new run computes, the previous result stays visible,
// dimmed; "Annuleren" stops the workers and keeps the previous result.
//
// The result's charts and tables hang on `runner.shown`, not on the run's progress: a value of a
// page cell makes every cell that reads it run again, so charts drawn from `psaRun` were redrawn on
// each progress message (about ten per run), which cost the main thread 130–320 ms per run (frame
// bench, 8 December 2026). The dimming is done in place as well: psaStatus writes the run's state on
// its element (`data-state`), and src/style.css dims every `.psa-result` on the page while that
// state is not "done".
import {runPsaPool, CancelledError, requestTransferables} from "../lib/analysis/psa-pool.js";
import {formatNumber} from "../lib/format.js";
import {el} from "./provenance.js";

/** @typedef {import("../lib/analysis/psa.js").PsaResult} PsaResult */
/** @typedef {import("../lib/analysis/psa-pool.js").PoolWorker} PoolWorker */
/** @typedef {import("../lib/analysis/worker-entry.js").PsaRequest} PsaRequest */
/** @typedef {{draws: number, seed: number, workers: number, previous: PsaResult | null}} RunBase */
/**
 * One state of a run, as `run()` reports it.
 * @typedef {(RunBase & {status: "running", done: number, total: number, cancel: () => void})
 *   | (RunBase & {status: "done", result: PsaResult, milliseconds: number})
 *   | (RunBase & {status: "cancelled", message: string})
 *   | (RunBase & {status: "error", message: string})} PsaRun
 */

/**
 * A PoolWorker (lib/analysis/psa-pool.ts) around a module Web Worker; `url` is the worker bundle.
 * @param {string | URL} url
 * @returns {() => PoolWorker}
 */
export function webWorkerFactory(url) {
  return () => {
    const w = new Worker(url, {type: "module"});
    return {
      post: (m) => w.postMessage(m, requestTransferables(m)),
      onMessage: (listener) => (w.onmessage = (e) => listener(e.data)),
      onError: (listener) => (w.onerror = (e) => listener(new Error(e.message || "de rekenhulp (Web Worker) gaf een fout"))),
      terminate: () => w.terminate()
    };
  };
}

/** The draw counts a reader can choose on an uncertainty page; the default is 10.000. */
export const DRAW_CHOICES = [1000, 10000, 50000, 100000];
export const DEFAULT_DRAWS = 10000;
/** Bounds of the reserved address key `draws`. */
export const ADDRESS_DRAWS = {min: 1, max: 1000000};

/**
 * The draw count asked for by the reserved address key `draws` (`onzekerheid.html?draws=200`), used
 * by the browser tests to keep each page's Monte Carlo short; null when absent or not a whole number
 * from 1 to 1.000.000 (then the page starts with its default).
 * @param {string} [search] the address's query string (default: this page's)
 * @returns {number | null}
 */
export function drawsFromAddress(search = typeof location !== "undefined" ? location.search : "") {
  const raw = new URLSearchParams(search).get("draws");
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return n >= ADDRESS_DRAWS.min && n <= ADDRESS_DRAWS.max ? n : null;
}

/**
 * The choices of the draw-count select and its start value: the address's count (when valid) joins
 * the usual choices and is chosen.
 * @param {string} [search]
 * @returns {{choices: number[], value: number}}
 */
export function drawSetting(search) {
  const asked = drawsFromAddress(search);
  if (asked === null) return {choices: DRAW_CHOICES, value: DEFAULT_DRAWS};
  return {choices: [...new Set([...DRAW_CHOICES, asked])].sort((a, b) => a - b), value: asked};
}

/** The number of workers to start: one per logical core the browser reports (at least 1). */
export function defaultWorkers() {
  const n = typeof navigator !== "undefined" ? navigator.hardwareConcurrency : 1;
  return Math.max(1, Math.min(16, Number.isInteger(n) && n > 0 ? n : 1));
}

/**
 * A runner for one model. `run({draws, seed})` gives a function for Generators.observe; its values
 * are {status: "running", done, total, draws, seed, workers, previous, cancel}, then
 * {status: "done", result, milliseconds, …}, {status: "cancelled", previous, …} or
 * {status: "error", message, previous, …}. `previous` is the last finished result (or null).
 * `shown`, also for Generators.observe, gives the result to draw: the last finished result (null
 * before the first), and each new one when its run finishes (the same moment as the run's "done").
 * A cancelled or failed run leaves it as it was.
 * @param {{workerUrl: string | URL, file: PsaRequest["file"], registry: PsaRequest["registry"], workers?: number, create?: () => PoolWorker}} options
 * @returns {{run: (settings: Pick<PsaRequest, "draws" | "seed" | "overrides" | "qalyValue">) => (notify: (run: PsaRun) => void) => () => void, shown: (notify: (result: PsaResult | null) => void) => () => void}}
 */
export function psaRunner({workerUrl, file, registry, workers = defaultWorkers(), create = webWorkerFactory(workerUrl)}) {
  /** @type {PsaResult | null} */
  let previous = null;
  /** @type {Set<(result: PsaResult | null) => void>} */
  const watchers = new Set();
  return {
    shown: (notify) => {
      watchers.add(notify);
      notify(previous);
      return () => void watchers.delete(notify);
    },
    run: ({draws, seed, overrides, qalyValue}) => (notify) => {
      const base = {draws, seed, workers};
      const t0 = performance.now();
      const pool = runPsaPool({file, registry, draws, seed, overrides, qalyValue}, {
        workers,
        create,
        onProgress: (done, total) => notify({...base, status: "running", done, total, previous, cancel: pool.cancel})
      });
      notify({...base, status: "running", done: 0, total: draws, previous, cancel: () => pool.cancel()});
      pool.result.then(
        (result) => {
          previous = result;
          notify({...base, status: "done", result, previous: result, milliseconds: performance.now() - t0});
          for (const watch of watchers) watch(result);
        },
        (error) => notify({...base, status: error instanceof CancelledError ? "cancelled" : "error", message: error.message, previous})
      );
      return () => pool.cancel();
    }
  };
}

/**
 * Progress bar with "Annuleren" while running; afterwards the draws, seed, workers, time and any excluded draws.
 * The run's status is written as `data-state` ("running", "done", "cancelled", "error"): while it is
 * not "done", src/style.css dims the page's `.psa-result` blocks (the previous result, shown meanwhile),
 * and while it is "running" they carry aria-busy="true" (else "false").
 * With `into` (an element from an earlier call), that element is updated IN PLACE and returned: while
 * a run progresses, the progress bar, its text and the "Annuleren" button stay the same elements
 * (only their text and value change), so a click is never lost to a redraw. `psaStatus(null)` gives
 * an empty element to update.
 * @param {PsaRun | null} run
 * @param {HTMLElement & {psaCancel?: () => void}} [into]
 * @returns {HTMLElement}
 */
export function psaStatus(run, into) {
  const root = /** @type {HTMLElement & {psaCancel?: () => void}} */ (into ?? el("div", {class: "psa-status"}));
  if (run === null) return root;
  // The page's `.psa-result` blocks are dimmed while this is not "done" (src/style.css), and marked
  // busy for assistive technology while a run computes (they hold the previous result meanwhile).
  root.dataset.state = run.status;
  const busy = String(run.status === "running");
  for (const block of root.ownerDocument.querySelectorAll(".psa-result")) if (block.getAttribute("aria-busy") !== busy) block.setAttribute("aria-busy", busy);
  if (run.status === "running") {
    root.psaCancel = run.cancel;
    let progress = /** @type {HTMLProgressElement | null} */ (root.querySelector(":scope > .psa-progress > progress"));
    let text = /** @type {HTMLElement | null} */ (root.querySelector(":scope > .psa-progress .psa-progress-text"));
    if (!progress || !text) {
      progress = /** @type {HTMLProgressElement} */ (el("progress", {style: {width: "100%"}}));
      text = el("span", {class: "psa-progress-text"});
      const button = el("button", {type: "button", class: "psa-cancel"}, "Annuleren");
      button.addEventListener("click", () => root.psaCancel?.());
      root.replaceChildren(el("div", {class: "psa-progress"}, progress, el("p", {class: "muted"}, text, " ", button)));
    }
    progress.max = run.total;
    progress.value = run.done;
    text.textContent = `Bezig: ${formatNumber(run.done)} van ${formatNumber(run.total)} trekkingen, verdeeld over ${formatNumber(run.workers)} ${run.workers === 1 ? "rekenhulp" : "rekenhulpen"}${run.previous ? "; hieronder staat nog de vorige uitkomst" : ""}…`;
    return root;
  }
  root.psaCancel = undefined;
  root.replaceChildren(finished(run));
  return root;
}

/**
 * The status of a run that no longer runs.
 * @param {Exclude<PsaRun, {status: "running"}>} run
 */
function finished(run) {
  /** @param {PsaResult} r */
  const about = (r) => `${formatNumber(run.draws)} trekkingen met seed ${run.seed}, ${formatNumber(r.inputs.length)} onzekere invoerwaarden`;
  /** @param {PsaResult} r */
  const excluded = (r) =>
    r.nonFinite > 0
      ? el("p", {class: "warning", "data-value": "psa-niet-eindig"}, `Let op: ${formatNumber(r.nonFinite)} van de ${formatNumber(r.draws)} trekkingen gaven geen eindig saldo of geen eindige verhouding (niet te berekenen of oneindig). Ze tellen niet mee in de uitkomsten hieronder.`)
      : null;
  if (run.status === "cancelled") return el("p", {class: "muted"}, run.previous ? "Berekening geannuleerd; hieronder staat de vorige uitkomst." : "Berekening geannuleerd.");
  if (run.status === "error") return el("p", {class: "warning"}, `De berekening is mislukt: ${run.message}`);
  return el("div", {}, el("p", {class: "muted"}, `${about(run.result)}; berekend in ${formatNumber(run.milliseconds / 1000, 1)} s met ${formatNumber(run.workers)} ${run.workers === 1 ? "rekenhulp" : "rekenhulpen"} (Web Workers).`), excluded(run.result));
}
