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
 * One Web Worker per page for the conclusions' tornados (src/workers/psa.js, lib/analysis/worker-entry.ts
 * `type: "tornado"`): a tornado is many model evaluations (tens of ms), so it never runs on the page's
 * thread while the reader moves a slider. One request at a time; a request made while the worker
 * computes waits, and a newer one replaces it (its promise gets null).
 * @param {string} url the worker bundle
 * @param {import("../lib/model/rebuild.js").ModelJSON} modelJson
 */
function tornadoWorker(url, modelJson) {
  const worker = new Worker(url, {type: "module"});
  let id = 0;
  let sentModel = false;
  /** @type {{id: number, resolve: (reply: any) => void} | null} */
  let busy = null;
  /** @type {{message: object, resolve: (reply: any) => void} | null} */
  let waiting = null;
  /** @param {{message: object, resolve: (reply: any) => void}} job */
  const send = (job) => {
    const message = {...job.message, id: ++id, ...(sentModel ? {} : {model: modelJson})};
    sentModel = true;
    busy = {id, resolve: job.resolve};
    worker.postMessage(message);
  };
  worker.onmessage = (event) => {
    if (!busy || event.data?.id !== busy.id) return;
    const done = busy;
    busy = null;
    done.resolve(event.data);
    if (waiting) {
      const next = waiting;
      waiting = null;
      send(next);
    }
  };
  worker.onerror = () => {
    const failed = {type: "tornado-error", message: "de rekenhulp (Web Worker) gaf een fout", overrides: null};
    busy?.resolve(failed);
    waiting?.resolve(failed);
    busy = waiting = null;
  };
  /**
   * @param {Record<string, number | number[]>} overrides
   * @param {string | null} scope
   * @returns {Promise<import("../lib/analysis/worker-entry.js").TornadoReply | null>}
   */
  return (overrides, scope) =>
    new Promise((resolve) => {
      const job = {message: {type: "tornado", overrides, scope}, resolve};
      if (!busy) return send(job);
      waiting?.resolve(null);
      waiting = job;
    });
}

/** @type {WeakMap<object, ReturnType<typeof tornadoWorker>>} */
const workers = new WeakMap();

/**
 * The conclusion of an intervention page without a Monte Carlo: the tornado's range at `overrides`
 * (lib/analysis/sensitivity.ts `conclusionTornado`: over the slider ranges where the model states no
 * uncertainty), for intervention `scope` (or the whole model), written into `box`. With `worker`
 * (the worker bundle's address and the model's file and registry) it is computed in a Web Worker,
 * else here. Nothing is written when `box.token` changed meanwhile (the reader moved an input).
 * @param {HTMLElement & {token?: unknown}} box
 * @param {import("../lib/model/compile.js").CompiledModel} model
 * @param {{overrides: Record<string, number | number[]>, saldo: number, scope?: string | null, worker?: {url: string, model: import("../lib/model/rebuild.js").ModelJSON} | null}} options
 */
export async function tornadoConclusion(box, model, {overrides, saldo, scope, worker = null}) {
  const token = box.token;
  const conclusionModule = import("../lib/analysis/conclusion.js");
  /** @type {import("../lib/analysis/sensitivity.js").Tornado | null} */
  let t = null;
  /** @type {string[]} */
  let failed = [];
  let error = false;
  if (worker && typeof Worker === "function") {
    let run = workers.get(worker.model);
    if (!run) workers.set(worker.model, (run = tornadoWorker(worker.url, worker.model)));
    const reply = await run(overrides, scope ?? null);
    if (reply === null) return box; // a newer request replaced this one
    if (reply.type === "tornado") t = reply.tornado;
    else [error, failed] = [true, reply.overrides ?? []];
  } else {
    const {conclusionTornado} = await import("../lib/analysis/sensitivity.js");
    try {
      t = conclusionTornado(model, {overrides, scope});
    } catch (e) {
      error = true;
      failed = e && typeof e === "object" && "overrides" in e ? Object.keys(/** @type {{overrides: object}} */ (e).overrides) : [];
    }
  }
  const {bandwidth, decidingInputs, noBandwidthSentence} = await conclusionModule;
  if (box.token !== token) return box;
  if (error || !t) {
    // An end of an input's range where the model has no finite result (a division by an input at 0):
    // the sentence from the saldo alone, and which input's range has no bandwidth.
    const moved = failed.filter((n) => !(n in overrides));
    box.textContent = noBandwidthSentence(saldo, moved.map((n) => model.nodes.get(n)?.label ?? n));
    box.dataset.conclusion = "none";
    return box;
  }
  return setConclusion(box, {saldo, interval: bandwidth(null, t), deciding: decidingInputs(t)});
}
