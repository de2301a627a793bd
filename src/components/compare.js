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
  return Plot.plot({
    width,
    height: 320,
    marginBottom: 90,
    marginLeft: 72,
    marginRight: 20,
    x: {label: null, domain: steps.map((s) => s.label), tickRotate: -30, tickFormat: (d) => (d.length > 28 ? `${d.slice(0, 27)}…` : d)},
    y: {label: "saldo (€)", grid: true, tickFormat: (v) => formatEuroCompact(v)},
    color: {domain: ["totaal", "hoger", "lager"], range: ["#777", "#3a8f5c", "#c0504d"], legend: true},
    marks: [
      Plot.barY(steps, {x: "label", y1: "y1", y2: "y2", fill: "kind", title: (s) => `${s.label}: ${s.kind === "totaal" ? formatEuro(s.y2) : formatEuro(s.y2 - s.y1)}`}),
      Plot.ruleY([0])
    ]
  });
}

/**
 * Totals, per actor, and the contributions, with a sentence saying exact or sampled.
 * @param {import("../lib/analysis/shapley.js").Comparison} c
 * @param {{width: number}} options
 */
export function comparisonView(c, {width}) {
  if (!c.changed.length) return el("p", {class: "muted", "data-compare": "same"}, "De huidige invoer is gelijk aan de uitgangswaarden van het rapport: er is geen verschil om te verklaren.");
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
    {"data-compare": c.method},
    tableCards(numbersTable(
      totals,
      [
        {key: "label", label: ""},
        {key: "base", label: "uitgangswaarden", format: eur, align: "right"},
        {key: "alt", label: "huidige invoer", format: eur, align: "right"},
        {key: "diff", label: "verschil", format: eur, align: "right"}
      ],
      {summary: "Uitgangswaarden en huidige invoer naast elkaar (tabel)", filename: "vergelijking.csv", open: true}
    )),
    el("h3", {}, "Waar komt het verschil in saldo vandaan?"),
    el("p", {class: "muted", "data-compare-method": c.method}, method),
    waterfall(c, {width}),
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

/**
 * Compare `alternative` with the model's own values (lib/analysis/shapley.ts, loaded on demand) and
 * lay the comparison out.
 * @param {import("../lib/model/compile.js").CompiledModel} model
 * @param {Record<string, number | number[]>} alternative
 * @param {{width: number}} options
 */
export async function compareWithBase(model, alternative, {width}) {
  const {compareConfigurations} = await import("../lib/analysis/shapley.js");
  return comparisonView(compareConfigurations(model, {}, alternative), {width});
}
