// The comparison of two configurations of a model (issue 20, point 2): totals and per actor side by
// side, and a waterfall of the Shapley contributions of the changed inputs
// (lib/analysis/shapley.ts compareConfigurations; this file only lays it out).
import * as Plot from "@observablehq/plot";
import {formatEuro, formatEuroCompact, formatNumber} from "../lib/format.js";
import {el, numbersTable} from "./provenance.js";
import {tableCards} from "./labels.js";

/**
 * The waterfall: the base saldo, one step per changed input, the alternative's saldo.
 * @param {import("../lib/analysis/shapley.js").Comparison} c
 * @param {{width: number, baseLabel?: string, altLabel?: string}} options
 */
export function waterfall(c, {width, baseLabel = "uitgangswaarden", altLabel = "huidige invoer"}) {
  const steps = [];
  let at = c.base.saldo;
  steps.push({label: baseLabel, y1: 0, y2: at, kind: "totaal"});
  for (const x of c.contributions) {
    steps.push({label: x.label, y1: at, y2: at + x.value, kind: x.value >= 0 ? "hoger" : "lager"});
    at += x.value;
  }
  steps.push({label: altLabel, y1: 0, y2: c.alternative.saldo, kind: "totaal"});
  const cut = width < 640 ? 14 : 28;
  const plot = Plot.plot({
    width,
    height: 320,
    marginBottom: 90,
    marginLeft: 72,
    marginRight: 20,
    // Rotated labels reach left of their bar: on a narrow card they are cut shorter so the first one
    // stays inside the chart (the full names are in the table below and in each bar's title).
    x: {label: null, domain: steps.map((s) => s.label), tickRotate: -30, tickFormat: (d) => (d.length > cut ? `${d.slice(0, cut - 1)}…` : d)},
    y: {label: "saldo (€)", grid: true, tickFormat: (v) => formatEuroCompact(v)},
    color: {domain: ["totaal", "hoger", "lager"], range: ["#777", "#3a8f5c", "#c0504d"], legend: true},
    marks: [
      Plot.barY(steps, {x: "label", y1: "y1", y2: "y2", fill: "kind", title: (s) => `${s.label}: ${s.kind === "totaal" ? formatEuro(s.y2) : formatEuro(s.y2 - s.y1)}`}),
      Plot.ruleY([0])
    ]
  });
  // The bars' exact heights, for readers of the DOM and the browser tests (the difference is their sum).
  return el("div", {class: "waterfall", "data-bars": JSON.stringify(steps.slice(1, -1).map((x) => x.y2 - x.y1))}, plot);
}

/**
 * Totals, per actor, and the contributions, with a sentence saying exact or sampled.
 * @param {import("../lib/analysis/shapley.js").Comparison} c
 * @param {{width: number, baseLabel?: string, altLabel?: string}} options
 */
export function comparisonView(c, {width, baseLabel = "uitgangswaarden", altLabel = "huidige invoer"}) {
  if (!c.changed.length) return el("p", {class: "muted", "data-compare": "same"}, `${altLabel[0].toUpperCase()}${altLabel.slice(1)} is gelijk aan ${baseLabel.toLowerCase()}: er is geen verschil om te verklaren.`);
  const method =
    c.method === "exact"
      ? `Exact: Shapley-waarden over alle ${formatNumber(2 ** c.changed.length)} combinaties van de ${formatNumber(c.changed.length)} gewijzigde invoerwaarden (${formatNumber(c.evaluations)} doorrekeningen). De bijdragen tellen op tot het verschil en hangen niet af van de volgorde.`
      : `Geschat: Shapley-waarden uit ${formatNumber(c.permutations ?? 0)} willekeurige volgordes (startgetal ${c.seed}) van de ${formatNumber(c.changed.length)} gewijzigde invoerwaarden; de bijdragen tellen op tot het verschil, elke bijdrage heeft een standaardfout.`;
  const totals = [
    {label: "Kosten", base: c.base.costs, alt: c.alternative.costs, diff: c.difference.costs},
    {label: "Baten", base: c.base.benefits, alt: c.alternative.benefits, diff: c.difference.benefits},
    {label: "Saldo hele model (samenleving)", base: c.base.saldo, alt: c.alternative.saldo, diff: c.difference.saldo},
    ...(c.base.interventions.length > 1 ? c.base.interventions.map((iv, i) => ({label: `Saldo ${iv.label}`, base: iv.saldo, alt: c.alternative.interventions[i].saldo, diff: c.difference.interventions[i].saldo})) : []),
    ...c.base.actors.map((a, i) => ({label: `Saldo ${a.label}`, base: a.saldo, alt: c.alternative.actors[i].saldo, diff: c.difference.actors[i].saldo}))
  ];
  const eur = (/** @type {number} */ v) => formatEuro(v);
  return el(
    "div",
    {"data-compare": c.method, "data-difference": String(c.difference.saldo)},
    tableCards(numbersTable(
      totals,
      [
        {key: "label", label: ""},
        {key: "base", label: baseLabel, format: eur, align: "right"},
        {key: "alt", label: altLabel, format: eur, align: "right"},
        {key: "diff", label: "verschil", format: eur, align: "right"}
      ],
      {summary: `${baseLabel} en ${altLabel} naast elkaar (tabel)`, filename: "vergelijking.csv", open: true}
    )),
    el("h3", {}, "Waar komt het verschil in saldo vandaan?"),
    el("p", {class: "muted", "data-compare-method": c.method}, method),
    waterfall(c, {width, baseLabel, altLabel}),
    numbersTable(
      c.contributions.map((x) => ({label: x.label, value: x.value, se: x.standardError})),
      [
        {key: "label", label: "gewijzigde invoer"},
        {key: "value", label: "bijdrage aan het verschil in saldo", format: eur, align: "right"},
        ...(c.method === "sampled" ? [{key: "se", label: "standaardfout", format: (/** @type {number | null} */ v) => (v === null ? "—" : formatEuro(v)), align: /** @type {"right"} */ ("right")}] : [])
      ],
      {summary: "Bijdrage per gewijzigde invoer (tabel)", filename: "bijdragen.csv"}
    )
  );
}

export const COMPARE_SUMMARY = "Vergelijk twee instellingen: het rapport, een scenario, een bestand of uw invoer";

/**
 * The comparison picker (issue 20, point 2): two configurations side by side, each chosen from the
 * report's base, a named scenario of the model, a settings file loaded here, and the current
 * settings (lib/analysis/configurations.ts); totals, per actor and the waterfall for the pair. Made
 * once per page; `update(current)` passes the page's current inputs. The Shapley code and the
 * settings-file reader load when the reader opens the comparison.
 * @param {object} options
 * @param {import("../lib/model/compile.js").CompiledModel} options.model
 * @param {import("../lib/analysis/content-hash.js").HashInput} options.input what the settings file's version is computed over
 * @param {(fn: () => void) => void} options.whenIdle
 * @param {() => number} options.width
 * @param {HTMLDetailsElement} [options.details] fill this (open) details element rather than a new one (src/components/onDemand.js)
 */
export function comparePicker({model, input, whenIdle, width, details: into}) {
  /** @type {Record<string, number | number[]>} */
  let current = {};
  /** @type {{name: string, overrides: Record<string, number | number[]>} | null} */
  let file = null;
  const box = el("div", {class: "card compare-result"});
  const message = el("div", {class: "settings-message", "aria-live": "polite"});
  const pickA = /** @type {HTMLSelectElement} */ (el("select", {"data-compare-pick": "a"}));
  const pickB = /** @type {HTMLSelectElement} */ (el("select", {"data-compare-pick": "b"}));
  const load = /** @type {HTMLInputElement} */ (el("input", {type: "file", accept: ".yaml,.yml,text/yaml,application/yaml", "data-compare-file": "", "aria-label": "Instellingenbestand om mee te vergelijken"}));
  const content = [el("div", {class: "compare-picks"}, el("label", {}, "Links: ", pickA), " ", el("label", {}, "Rechts: ", pickB), " ", el("label", {}, "Bestand om mee te vergelijken: ", load)), message, box];
  const details = into ?? /** @type {HTMLDetailsElement} */ (el("details", {class: "compare"}, el("summary", {}, COMPARE_SUMMARY)));
  details.append(...content);
  /** @type {Promise<any> | null} */
  let libs = null;
  const lib = () =>
    (libs ??= Promise.all([import("../lib/analysis/shapley.js"), import("../lib/analysis/configurations.js")]).then(([a, b]) => ({...a, ...b})));
  /**
   * The page address with the pair (or without it: null), written only when it changes.
   * @param {(href: string, pair: {a: string, b: string} | null) => string} withComparePair
   * @param {{a: string, b: string} | null} pair
   */
  const writePair = (withComparePair, pair) => {
    const here = location.pathname + location.search + location.hash;
    const next = withComparePair(here, pair);
    if (next !== here) history.replaceState(history.state, "", next);
  };
  let token = 0;
  // The pair the address asks for (compare=<left>~<right>), applied at the first drawing.
  let fromAddress = true;
  const draw = async () => {
    const mine = ++token;
    const {compareConfigurations, configurations, comparePairFromQuery, withComparePair} = await lib();
    const list = configurations(model, {current, file});
    const asked = fromAddress ? comparePairFromQuery(location.search, list) : null;
    fromAddress = false;
    if (asked?.message) message.replaceChildren(el("p", {class: "evaluation-notice", "data-compare-refused": ""}, asked.message));
    // The options follow the list (a loaded file adds one); the choice is kept where it still exists.
    for (const [pick, fallback, wanted] of /** @type {[HTMLSelectElement, string, string | undefined][]} */ ([[pickA, "base", asked?.a], [pickB, "current", asked?.b]])) {
      const was = wanted ?? (pick.value || fallback);
      pick.replaceChildren(...list.map((/** @type {{id: string, label: string}} */ c) => el("option", {value: c.id}, c.label)));
      pick.value = list.some((/** @type {{id: string}} */ c) => c.id === was) ? was : fallback;
    }
    const a = list.find((/** @type {{id: string}} */ c) => c.id === pickA.value);
    const b = list.find((/** @type {{id: string}} */ c) => c.id === pickB.value);
    if (mine !== token) return;
    // The address holds the pair while the comparison is open, so a shared link reopens it.
    writePair(withComparePair, {a: a.id, b: b.id});
    try {
      box.replaceChildren(comparisonView(compareConfigurations(model, a.overrides, b.overrides), {width: width(), baseLabel: a.label, altLabel: b.label}));
    } catch (error) {
      box.replaceChildren(el("p", {class: "evaluation-notice"}, `Deze twee instellingen zijn niet te vergelijken: ${/** @type {any} */ (error)?.messageNl ?? /** @type {Error} */ (error).message}`));
    }
  };
  const redraw = () => {
    if (details.open) whenIdle(draw);
    // Folded: the comparison leaves the address.
    else if (libs) lib().then(({withComparePair}) => details.open || writePair(withComparePair, null));
  };
  details.addEventListener("toggle", redraw);
  pickA.addEventListener("change", redraw);
  pickB.addEventListener("change", redraw);
  load.addEventListener("change", async () => {
    const f = load.files?.[0];
    if (!f) return;
    try {
      const [{readSettings}, {modelVersion}] = await Promise.all([import("../lib/analysis/settings-file.js"), import("../lib/analysis/content-hash.js")]);
      const loaded = readSettings(await f.text(), f.name, model, modelVersion(input));
      file = {name: f.name, overrides: loaded.overrides};
      message.replaceChildren(...[`Geladen om mee te vergelijken: ${f.name}.`, ...loaded.notices].map((t) => el("p", {class: "note"}, t)));
      pickB.value = "file";
      redraw();
    } catch (error) {
      message.replaceChildren(el("p", {class: "evaluation-notice", "data-settings": "refused"}, `Dit bestand is niet geladen: ${/** @type {Error} */ (error).message}`));
    }
    load.value = "";
  });
  return Object.assign(details, {
    /** @param {Record<string, number | number[]>} overrides the page's current inputs */
    update(overrides) {
      current = overrides;
      redraw();
    }
  });
}
