// Value of information on an uncertainty page (issue 20, point 3): EVPI from the Monte Carlo result
// (lib/analysis/voi.ts evpiSummary, part of every PsaResult) and EVPPI per uncertain input and group,
// computed in a Web Worker (lib/analysis/worker-entry.ts, message {type: "evppi"}) after the main run.
import {formatEuro, formatNumber, formatPercent} from "../lib/format.js";
import {el, numbersTable} from "./provenance.js";

/** The Dutch line for a model without uncertain inputs (no value of information, never an error). */
export const NO_VOI_NL = "Dit model heeft (bij deze instellingen) geen onzekere invoer met een verdeling; een waarde van informatie (EVPI of EVPPI) is daarom niet te berekenen. Geef invoerwaarden in het modelbestand een onzekerheid (uncertainty:) om die te krijgen.";

/** @param {number | null | undefined} v */
const perText = (v) => (v === null || v === undefined ? "—" : formatEuro(v, {digits: Math.abs(v) < 10 ? 2 : 0}));

/**
 * EVPI for society and per actor, for the cohort and per participant.
 * @param {import("../lib/analysis/voi.js").Evpi | null} evpi
 * @returns {HTMLElement}
 */
export function evpiTable(evpi) {
  if (!evpi) return el("p", {class: "note", "data-voi": "none"}, NO_VOI_NL);
  const rows = [{label: "Maatschappelijk saldo (alle belanghebbenden)", ...evpi.society}, ...evpi.actors.map((a) => ({label: a.label, cohort: a.cohort, perParticipant: a.perParticipant}))];
  return el(
    "div",
    {"data-voi": "evpi"},
    el("div", {class: "grid grid-cols-2"},
      el("div", {class: "card"}, el("h2", {}, "EVPI, hele cohort (samenleving)"), el("span", {class: "big", "data-value": "evpi"}, formatEuro(evpi.society.cohort))),
      el("div", {class: "card"}, el("h2", {}, "EVPI per deelnemer"), el("span", {class: "big"}, perText(evpi.society.perParticipant)), evpi.participants ? el("h3", {}, `bij ${formatNumber(evpi.participants)} deelnemers`) : el("h3", {}, "het model telt geen deelnemers"))
    ),
    numbersTable(
      rows,
      [
        {key: "label", label: "vanuit het oogpunt van"},
        {key: "cohort", label: "EVPI, cohort", format: (v) => formatEuro(v), align: "right"},
        {key: "perParticipant", label: "EVPI per deelnemer", format: perText, align: "right"}
      ],
      {summary: "EVPI per belanghebbende (tabel)", filename: "evpi.csv", open: true}
    )
  );
}

/**
 * EVPPI rows (inputs, then groups) as a table.
 * @param {import("../lib/analysis/voi.js").EvppiResult} r
 */
export function evppiTable(r) {
  const rows = [...r.inputs.map((x) => ({...x, kind: "invoer"})), ...r.groups.map((x) => ({...x, kind: "groep"}))];
  return numbersTable(
    rows,
    [
      {key: "label", label: "invoer of groep"},
      {key: "kind", label: "soort"},
      {key: "cohort", label: "EVPPI, cohort", format: (v) => formatEuro(v), align: "right"},
      {key: "perParticipant", label: "per deelnemer", format: perText, align: "right"},
      {key: "share", label: "deel van de EVPI", format: (v) => formatPercent(v), align: "right"}
    ],
    {summary: `EVPPI per onzekere invoer (${formatNumber(r.draws)} trekkingen)`, filename: "evppi.csv", open: true}
  );
}

/**
 * A panel that computes EVPPI in its own Web Worker when `start` is called with a request; a new
 * request stops the previous computation. The panel element stays the same.
 * @param {{workerUrl: string | URL}} options
 */
export function evppiPanel({workerUrl}) {
  const element = el("div", {"data-voi": "evppi"}, el("p", {class: "muted"}, "De EVPPI wordt berekend zodra de Monte Carlo-analyse klaar is."));
  /** @type {Worker | null} */
  let worker = null;
  /** @type {string | null} */
  let key = null;
  /** @param {...Node} children */
  const show = (...children) => element.replaceChildren(...children);
  return {
    element,
    /** @param {import("../lib/analysis/worker-entry.js").PsaRequest} request */
    start(request) {
      const k = `${request.file.id}:${request.draws}:${request.seed}`; // a new model (page select), draw count or seed restarts it
      if (k === key) return;
      key = k;
      worker?.terminate();
      const w = (worker = new Worker(workerUrl, {type: "module"}));
      show(el("p", {class: "muted"}, `EVPPI wordt berekend (${formatNumber(request.draws)} trekkingen, op de achtergrond) …`));
      w.onmessage = (e) => {
        const m = e.data;
        if (worker !== w) return;
        if (m.type === "progress") show(el("p", {class: "muted"}, `EVPPI wordt berekend: ${formatNumber(m.done)} van ${formatNumber(m.total)} trekkingen …`));
        else if (m.type === "error") {
          show(el("p", {class: "note"}, m.message.startsWith("geen waarde van informatie") ? NO_VOI_NL : `De EVPPI kon niet worden berekend: ${m.message}`));
          w.terminate();
        } else if (m.type === "evppi") {
          const r = m.evppi;
          show(
            el("p", {}, `Berekend uit ${formatNumber(r.draws)} trekkingen in ${formatNumber(m.milliseconds / 1000, 1)} s, met niet-parametrische regressie (Strong, Oakley & Brennan 2014; P-splines). Een EVPPI draagt Monte Carlo-ruis: kleine waarden zijn niet van nul te onderscheiden.`),
            evppiTable(r)
          );
          w.terminate();
        }
      };
      w.onerror = (e) => show(el("p", {class: "note"}, `De EVPPI kon niet worden berekend: ${e.message || "fout in de rekenhulp"}`));
      w.postMessage({type: "evppi", request});
    },
    stop() {
      worker?.terminate();
      worker = null;
      key = null;
    }
  };
}
