// Who pays, who gains: per actor the costs (left), the benefits (right) and the saldo (a tick),
// as diverging bars in netto contante waarde, with the numbers as a table.
import * as Plot from "@observablehq/plot";
import {formatEuro, formatEuroCompact, formatNumber} from "../lib/format.js";
import {el, numbersTable} from "./provenance.js";
import {payback, paybackText} from "../lib/finance/payback.js";
import {labelAxis} from "./labels.js";
import {sameAs} from "./redrawn.js";

/** @typedef {import("../lib/finance/summary.js").Summary} Summary */
/** @typedef {import("../lib/finance/summary.js").ActorResult} ActorResult */

/** @param {number} v */
function short(v) {
  return formatEuroCompact(v);
}

/**
 * Long rows for the chart: one cost and one benefit segment per actor.
 * @param {Summary} summary
 */
export function actorRows(summary) {
  return summary.actors
    .slice()
    .sort((a, b) => b.saldo - a.saldo)
    .flatMap((a) => [
      {actor: a.actor, label: a.label, part: "kosten", value: -a.costs, saldo: a.saldo},
      {actor: a.actor, label: a.label, part: "baten", value: a.benefits, saldo: a.saldo}
    ]);
}

/**
 * @param {Summary} summary a Summary (lib/finance/summary.ts)
 * @param {{width?: number, payback?: import("../lib/finance/payback.js").PaybackRule, basis?: string}} [options]
 *   payback: the page's extrapolation rule (a study item's `payback`), the same as in its other
 *   payback figures; basis: "per deelnemer" or "totaal, …" for the amounts
 */
export function actors(summary, {width = 800, payback: rule = {extendYears: 0}, basis} = {}) {
  // Redrawn only when what it shows changed (src/components/redrawn.js).
  return sameAs("actors", [summary.scope, summary.actors, width, rule, basis], () => drawActors(summary, {width, payback: rule, basis}));
}

/** @param {Summary} summary @param {{width: number, payback: any, basis?: string}} options */
function drawActors(summary, {width, payback: rule, basis}) {
  const rows = actorRows(summary);
  const order = [...new Set(rows.map((r) => r.label))];
  const axis = labelAxis(order, width, {cap: 160, share: 0.3});
  const saldi = summary.actors.slice().sort((a, b) => b.saldo - a.saldo);
  const chart = Plot.plot({
    width,
    height: Math.max(40, axis.rowHeight) * order.length + 70,
    marginLeft: axis.marginLeft,
    marginRight: 120,
    x: {label: "← betaalt · ontvangt → (netto contante waarde)", grid: true, tickFormat: (v) => short(v), insetLeft: 10, insetRight: 10},
    y: {label: null, domain: order, tickFormat: axis.tickFormat},
    color: {domain: ["kosten", "baten"], range: ["#c0504d", "#1f5c99"], legend: true, tickFormat: (v) => (v === "kosten" ? "kosten (betaalt)" : "baten (ontvangt)")},
    marks: [
      Plot.barX(rows, {x: "value", y: "label", fill: "part", fillOpacity: 0.75, title: (d) => `${d.label}\n${d.part}: ${formatEuro(Math.abs(d.value))}`}),
      Plot.tickX(saldi, {x: "saldo", y: "label", stroke: "#111", strokeWidth: 3, title: (d) => `${d.label}\nsaldo: ${formatEuro(d.saldo)}`}),
      Plot.text(saldi, {y: "label", text: (d) => `saldo ${short(d.saldo)}`, frameAnchor: "right", textAnchor: "start", dx: 8, fontSize: 11, fontWeight: "bold", fill: (d) => (d.saldo < 0 ? "#b3261e" : "#111")}),
      Plot.ruleX([0])
    ]
  });
  const table = numbersTable(
    saldi,
    [
      {key: "label", label: "actor"},
      {key: "costs", label: "kosten (€)", format: (v) => formatEuro(v), align: "right"},
      {key: "benefits", label: "baten (€)", format: (v) => formatEuro(v), align: "right"},
      {key: "saldo", label: "saldo (€)", format: (v) => formatEuro(v), align: "right"},
      {key: "payback", label: "terugverdientijd", value: (a) => payback(a.perYear, rule).years, format: (v, a) => paybackText(payback(a.perYear, rule)), align: "right"}
    ],
    {summary: `Kosten, baten en saldo per actor${basis ? ` (${basis})` : ""} (tabel)`, filename: `actoren-${summary.scope}.csv`}
  );
  return el(
    "div",
    {class: "actors", "data-chart": "actoren"},
    chart,
    el("p", {class: "muted"}, "Overdrachten (uitkering, belasting, loonkostensubsidie) zijn voor de één een kost en voor de ander een baat; in het maatschappelijk saldo vallen ze tegen elkaar weg."),
    table
  );
}
