// Tornado chart of a one-way sensitivity analysis (lib/analysis/sensitivity.ts): per input a bar
// from the base saldo to the saldo at the input's low value and one to the saldo at its high value,
// largest swing on top. With the numbers as a table under the chart.
import * as Plot from "@observablehq/plot";
import {formatEuro, formatEuroCompact, formatNumber} from "../lib/format.js";
import {el, numbersTable} from "./provenance.js";
import {labelAxis, niceTicks, textWidth} from "./labels.js";

/** @typedef {import("../lib/analysis/sensitivity.js").Tornado} Tornado */

/** @param {number} x */
const value = (x) => (Math.abs(x) >= 100 ? formatNumber(x) : formatNumber(x, Math.abs(x) >= 1 ? 2 : 3));

/**
 * Tick values for the saldo axis whose labels fit the plot's width (a label and a gap per tick).
 * @param {number[]} values @param {number} plotWidth
 */
function saldoTicks(values, plotWidth) {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const widest = Math.max(textWidth(formatEuroCompact(lo)), textWidth(formatEuroCompact(hi)));
  return niceTicks(lo, hi, Math.max(2, Math.floor(plotWidth / (widest + 24))));
}

/**
 * @param {Tornado} t Tornado {label, baseSaldo, bars: [{input, label, low, high, saldoLow, saldoHigh, swing}]}
 * @param {{top?: number, width?: number}} [options] top: number of bars shown (default 15)
 */
export function tornado(t, {top = 15, width = 800} = {}) {
  const bars = t.bars.filter((b) => b.swing > 0).slice(0, top);
  if (!bars.length) return el("p", {class: "muted"}, "Geen invoer met een onzekerheid die dit saldo verandert.");
  const rows = bars.flatMap((b) => [
    {label: b.label, end: "laag", input: b.low, saldo: b.saldoLow},
    {label: b.label, end: "hoog", input: b.high, saldo: b.saldoHigh}
  ]);
  const labels = bars.map((b) => b.label);
  const {marginLeft, tickFormat, rowHeight} = labelAxis(labels, width, {cap: 360, share: 0.45});
  const chart = Plot.plot({
    width,
    height: rowHeight * bars.length + 60,
    marginLeft,
    marginRight: 20,
    x: {label: "saldo (€)", grid: true, tickFormat: (v) => formatEuroCompact(v), ticks: saldoTicks(rows.map((r) => r.saldo).concat(t.baseSaldo, 0), width - marginLeft - 20)},
    y: {label: null, domain: labels, tickFormat},
    color: {domain: ["laag", "hoog"], range: ["#c26b2c", "#1f5c99"], legend: true, tickFormat: (d) => (d === "laag" ? "invoer laag" : "invoer hoog")},
    marks: [
      Plot.barX(rows, {y: "label", x1: () => t.baseSaldo, x2: "saldo", fill: "end", fillOpacity: 0.85, title: (d) => `${d.label}\n${d.end}: ${value(d.input)} → saldo ${formatEuro(d.saldo)}`}),
      Plot.ruleX([t.baseSaldo], {stroke: "#111"}),
      Plot.ruleX([0], {stroke: "#b3261e", strokeDasharray: "4 3"})
    ]
  });
  const table = numbersTable(
    t.bars.map((b) => ({label: b.label, input: b.input, low: b.low, high: b.high, saldoLow: b.saldoLow, saldoHigh: b.saldoHigh, swing: b.swing, ratioLow: b.ratioLow, ratioHigh: b.ratioHigh})),
    [
      {key: "label", label: "invoer"},
      {key: "low", label: "laag", format: value, align: "right"},
      {key: "high", label: "hoog", format: value, align: "right"},
      {key: "saldoLow", label: "saldo bij laag", format: (v) => formatEuro(v), align: "right"},
      {key: "saldoHigh", label: "saldo bij hoog", format: (v) => formatEuro(v), align: "right"},
      {key: "swing", label: "bereik", format: (v) => formatEuro(v), align: "right"},
      {key: "ratioLow", label: "B/K laag", format: (v) => (v === null ? "—" : formatNumber(v, 2)), align: "right"},
      {key: "ratioHigh", label: "B/K hoog", format: (v) => (v === null ? "—" : formatNumber(v, 2)), align: "right"}
    ],
    {summary: "Alle invoerwaarden (tabel)", filename: `tornado-${t.scope}.csv`}
  );
  return el("div", {"data-chart": "tornado"}, chart, el("p", {class: "muted"}, `Zwarte lijn: saldo in het basisscenario (${formatEuro(t.baseSaldo)}); stippellijn: saldo nul.`), table);
}
