// @ts-check
// Page-level helpers shared by the study templates (src/studies/[study]/…): rebuild the compiled model
// from the loader's JSON, and shape one evaluation into the data the components draw. Calculation
// stays in lib/; nothing here names a study.
import {rebuildModel} from "../lib/model/rebuild.js";
import {evaluate, valueOf} from "../lib/model/evaluate.js";
import {explainPost} from "../lib/model/explain.js";
import {lineResults} from "../lib/finance/summary.js";
import {actorLabel} from "../lib/schema/actors.js";
import {formatEuro, formatNumber, formatPercent} from "../lib/format.js";
import {el, postValuation} from "../components/provenance.js";
import {explainableResult} from "../components/resultProvenance.js";
import {figureNoteElement} from "../components/verdictBadge.js";
import {amountBasis, basisText, figureNote} from "../lib/reproduce/verdict.js";

// Type-checked by tsc (tsconfig.json includes src/studies/*.js with allowJs; `// @ts-check` above).
/** @typedef {import("../lib/model/compile.js").CompiledModel} CompiledModel */
/** @typedef {import("../lib/model/evaluate.js").Evaluation} Evaluation */
/** @typedef {import("../lib/finance/summary.js").Summary} Summary */
/** @typedef {import("../lib/model/rebuild.js").ModelJSON} ModelJSON */
/** @typedef {{cohort?: {stacked: boolean, states: {name: string, label: string}[]}, outflow?: {mode: "curves" | "net", unit: string, panels: {id: string, title: string, with: string, without: string | null}[]} | null}} View */

/** The compiled model of one model file of the study, rebuilt in the browser (lib/model/rebuild.ts). */
/**
 * @param {{models: Record<string, ModelJSON>}} data the study loader's JSON
 * @param {string} modelFile a model file of the study, as named in study.yaml
 * @returns {CompiledModel}
 */
export function buildModel(data, modelFile) {
  const m = data.models[modelFile];
  if (!m) throw new Error(`the study has no model file "${modelFile}" (it has ${Object.keys(data.models).join(", ")})`);
  return rebuildModel(m);
}

/**
 * One evaluation per model file of the study, for the whole-study download: the page's own model
 * (if any) with the reader's inputs, every other model file at its base values.
 * @param {{models: Record<string, ModelJSON>}} data the study loader's JSON
 * @param {{model: string, evaluation: Evaluation}} [own] the page's model file and its evaluation
 * @returns {{model: string, evaluation: Evaluation}[]}
 */
export function studyEvaluations(data, own) {
  return Object.keys(data.models).map((file) => ({model: file, evaluation: own && own.model === file ? own.evaluation : evaluate(buildModel(data, file))}));
}

/** @param {CompiledModel} model @param {string} id */
export function interventionOf(model, id) {
  const iv = model.file.interventions.find((x) => x.id === id);
  if (!iv) throw new Error(`the model has no intervention "${id}" (it has ${model.file.interventions.map((x) => x.id).join(", ")})`);
  return iv;
}

/** The page entry (item or tool) with this id; an unknown id is an error naming the known ones. */
/**
 * @template {{id: string}} T
 * @param {T[]} list @param {string} id @returns {T}
 */
export function pageOf(list, id) {
  const p = list.find((x) => x.id === id);
  if (!p) throw new Error(`no page "${id}" in this study (it has ${list.map((x) => x.id).join(", ")})`);
  return p;
}

/** A block of narrative: HTML the loader rendered from the study's Markdown (raw HTML escaped). */
/** @param {string | null | undefined} html @param {string} [className] */
export function narrative(html, className = "narrative") {
  const div = document.createElement("div");
  div.className = className;
  div.innerHTML = html ?? "";
  return div;
}

/** Year labels: calendar years when the model has a start year, else 1, 2, 3 … */
/** @param {CompiledModel} model @returns {number[]} */
export function yearLabels(model) {
  return Array.from({length: model.horizon}, (_, t) => (model.file.startYear ? model.file.startYear + t : t + 1));
}

/** @param {CompiledModel} model */
export function yearAxisLabel(model) {
  return model.file.startYear ? "jaar" : "jaar na start";
}

/** @param {Evaluation} e @param {string} name @returns {number[]} */
function series(e, name) {
  const v = valueOf(e, name);
  return typeof v === "number" ? Array.from({length: e.model.horizon}, () => v) : Array.from(v);
}

/** Cohort states (from the loader's view) and the yearly costs per cost post of one intervention. */
/** @param {Evaluation} e @param {Summary} summary @param {View | null | undefined} view */
export function cohortData(e, summary, view) {
  const states = (view?.cohort?.states ?? []).map((s) => ({id: s.name, label: s.label, values: series(e, s.name)}));
  const costs = summary.posts
    .filter((p) => p.side === "cost" && p.perYear.some((v) => Math.abs(v) > 0.5))
    .map((p) => ({id: p.post, label: p.label, values: p.perYear.map((v) => -v)}));
  return {years: yearLabels(e.model), yearLabel: yearAxisLabel(e.model), stacked: view?.cohort?.stacked ?? false, states, costs};
}

/**
 * Outflow with and without the intervention, from the loader's view: pairs of quantities, or (mode
 * "net") the net effect alone, drawn against the nulalternatief as the zero line.
 */
/** @param {Evaluation} e @param {View | null | undefined} view */
export function outflowData(e, view) {
  const o = view?.outflow;
  const zero = Array.from({length: e.model.horizon}, () => 0);
  const panels = (o?.panels ?? []).map((p) => ({id: p.id, title: p.title, with: series(e, p.with), without: p.without ? series(e, p.without) : zero}));
  return {xs: yearLabels(e.model), xLabel: yearAxisLabel(e.model), unit: o?.unit ?? "personen", mode: o?.mode ?? "curves", panels};
}

/** What a click on a post node of the effect scheme shows: the valuation of each post it names. */
/** @param {Evaluation} e @param {string} scope */
export function valuationOf(e, scope) {
  const pv = new Map(lineResults(e).filter((l) => l.intervention === scope).map((l) => [`${l.flow}|${l.actor}`, l.presentValue]));
  /** @param {{id: string, label: string, posts?: string[]}} node */
  return (node) => {
    const posts = node.posts?.length ? node.posts : e.model.posts.has(node.id) ? [node.id] : [];
    if (!posts.length) return el("p", {}, `"${node.label}" is in het model niet aan een kosten- of batenpost gekoppeld (niet gewaardeerd of PM).`);
    // postValuation (a JS component) declares its options only through a default `{}`: pass them untyped.
    /** @type {any} */
    const options = {presentValues: pv, actorLabel: (/** @type {string} */ a) => actorLabel(a, e.model.file.actors)};
    return el("div", {}, posts.map((p) => postValuation(explainPost(e, p, scope), options)));
  };
}

/** @param {number | null | undefined} r */
function ratioText(r) {
  return r === null || r === undefined ? "—" : formatNumber(r, 1);
}

/**
 * A printed figure linked to a page result (the loader's `items[].printed`): the result key and the
 * verdict of the figure's Reproductie row.
 * @typedef {{computed: string, verdict: import("../lib/reproduce/verdict.js").PageVerdict | null}} PrintedLink
 */

/**
 * Headline figures of a summary as cards. With the evaluation `e`, every figure (ratios, saldo,
 * costs, benefits, the gemeente's saldo) is a button that shows how it was computed. Each card says
 * what it says about the report (lib/reproduce/verdict.ts): beside a figure with a printed
 * counterpart its verdict, linked to the Reproductie row, while the inputs are the report's, and
 * "rapport: <waarde>" once the reader moved one; on a page without any printed counterpart, that the
 * figures are Rendement's own valuation. The saldo states "per deelnemer" or "totaal".
 * @param {Summary} summary
 * @param {Evaluation} [e]
 * @param {{printed?: PrintedLink[], own?: boolean, atReport?: boolean, amountsPerParticipant?: boolean, depth?: number}} [options]
 *   printed: the page's printed links to these results; own: the report prints none of the page's
 *   results (default: no printed links); atReport: inputs at the report's values; depth: folders to the site root
 */
export function keyFigures(summary, e, {printed = [], own = printed.length === 0, atReport = true, amountsPerParticipant = false, depth = 2} = {}) {
  const gemeente = summary.actors.find((a) => a.actor === "gemeente");
  const basis = amountBasis(summary.participants, amountsPerParticipant);
  const perParticipant = basis.kind === "per-participant";
  /** @param {string[]} keys result keys, first found wins */
  const note = (...keys) => {
    if (own) return figureNoteElement(figureNote(null, {atReport}), {depth});
    const link = keys.map((k) => printed.find((p) => p.computed === k)).find((p) => p && p.verdict);
    return link?.verdict ? figureNoteElement(figureNote(link.verdict, {atReport}), {depth}) : "";
  };
  /** @param {string} text @param {import("../lib/finance/explain-result.js").ResultMeasure} measure @param {string} title @param {any} [actor] */
  const figure = (text, measure, title, actor) => (e && text !== "—" ? explainableResult(text, e, summary.scope, measure, {actor, title}) : text);
  /** @param {string} title @param {string | Node} value @param {any} notes @param {string} key @param {any} [verdict] */
  const card = (title, value, notes, key, verdict) =>
    el("div", {class: "card"}, el("h2", {}, title), el("span", {class: "big", "data-value": key}, value), verdict ? el("div", {class: "figure-notes", "data-for": key}, verdict) : "", notes ? el("p", {class: "muted"}, notes) : "");
  const perPerson = basis.kind === "total" && basis.participants ? summary.saldo / basis.participants : null;
  return el(
    "div",
    {class: "grid grid-cols-4 key-figures", "data-basis": basis.kind},
    card("Maatschappelijke verhouding", figure(ratioText(summary.ratio), "ratio", "Maatschappelijke baten-kostenverhouding"), ["baten ", figure(formatEuro(summary.benefits), "benefits", "Baten (NCW)"), " / kosten ", figure(formatEuro(summary.costs), "costs", "Kosten (NCW)"), `, ${basisText(basis)} (${summary.ratio === null ? "—" : formatNumber(summary.ratio, 2)})`, summary.costs === 0 ? ". Het model kent geen kosten voor deze interventie" : ""], "ratio", note("ratio")),
    card("Financiële verhouding", figure(ratioText(summary.financialRatio), "financialRatio", "Financiële baten-kostenverhouding"), `zonder immateriële baten (${summary.financialRatio === null ? "—" : formatNumber(summary.financialRatio, 2)})`, "financialRatio", note("financialRatio")),
    card(
      `Saldo (NCW), ${basisText(basis)}`,
      figure(formatEuro(summary.saldo), "saldo", "Saldo (NCW)"),
      [perPerson !== null ? `per deelnemer ${formatEuro(perPerson)}; ` : "", `discontovoet ${formatPercent(summary.discountRate, 2)}, ${summary.horizon} jaar`],
      "saldo",
      // A total's verdict is the total's; a page whose amounts are per participant also carries the per-participant figure's.
      perParticipant ? note("saldo", "saldoPerParticipant") : [note("saldo"), perPerson !== null && printed.some((p) => p.computed === "saldoPerParticipant") ? [" per deelnemer: ", note("saldoPerParticipant")] : ""]
    ),
    card(
      `Saldo gemeente, ${basisText(basis)}`,
      gemeente ? figure(formatEuro(gemeente.saldo), "actorSaldo", "Saldo gemeente", "gemeente") : "—",
      // The cost per participant, with the verdict of its printed counterpart right after it.
      summary.costPerParticipant !== null || perParticipant
        ? ["kosten per deelnemer ", figure(formatEuro(summary.costPerParticipant ?? summary.costs), summary.costPerParticipant !== null ? "costPerParticipant" : "costs", "Kosten per deelnemer"), !own && printed.some((p) => p.computed === "costPerParticipant" || (perParticipant && p.computed === "costs")) ? [" ", note("costPerParticipant", "costs")] : ""]
        : "",
      "saldoGemeente",
      own ? note() : ""
    )
  );
}

/**
 * The report's printed societal ratio per scenario, from the printed figures the loader passed on:
 * figures with a scenario whose unit or name says ratio (verhouding), not the financial one.
 */
/**
 * @param {{scenario?: string | null, unit: string, quantity: string, printed: number}[] | null | undefined} printed
 * @returns {Record<string, number>}
 */
export function printedScenarioRatios(printed) {
  /** @type {Record<string, number>} */
  const out = {};
  for (const f of printed ?? []) {
    if (!f.scenario) continue;
    const text = `${f.unit} ${f.quantity}`.toLowerCase();
    if (!/ratio|verhouding/.test(text) || /financ|verandering|verschil/.test(text)) continue;
    out[f.scenario] = f.printed;
  }
  return out;
}
