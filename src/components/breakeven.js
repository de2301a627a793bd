// Break-even chart: the saldo against one input (saldoCurve from lib/analysis/breakeven.ts), with
// the zero line and the break-even value (breakEven) marked where the saldo crosses zero.
import * as Plot from "@observablehq/plot";
import {formatEuro, formatEuroCompact, formatNumber} from "../lib/format.js";
import {el} from "./provenance.js";

/**
 * @typedef {import("../lib/analysis/breakeven.js").SaldoCurvePoint} SaldoCurvePoint
 * @typedef {{key: string, label: string, value: (point: SaldoCurvePoint) => number}} Series
 */
/**
 * @param {{label: string, points: SaldoCurvePoint[]}} curve {label, points: [{x, saldo, actors, interventions}]}
 * @param {object} [options]
 * @param {number} [options.width]
 * @param {number | null} [options.breakEven] the input value at which the saldo is zero (or null)
 * @param {number | null} [options.base] the input's value in the model (a dotted line), or null
 * @param {(v: number) => string} [options.format] tick format of the input
 * @param {Series[]} [options.series] extra lines: [{key, label, value: (point) => number}]
 */
export function breakevenChart(curve, {width = 800, breakEven = null, base = null, format = (v) => formatNumber(v), series = []} = {}) {
  /** @type {Series[]} */
  const lines = [{key: "totaal", label: "saldo totaal", value: (p) => p.saldo}, ...series];
  const xs = curve.points.map((p) => p.x);
  const rightHalf = breakEven !== null && breakEven > (Math.min(...xs) + Math.max(...xs)) / 2;
  const rows = lines.flatMap((s) => curve.points.map((p) => ({x: p.x, saldo: s.value(p), series: s.label})));
  const chart = Plot.plot({
    width,
    height: 320,
    marginLeft: 80,
    marginRight: 36,
    // The input's name can be a sentence: it is written under the chart (HTML wraps it), not as an
    // axis label that would run off the chart's left edge.
    x: {label: null, tickFormat: format, ticks: Math.max(2, Math.floor((width - 116) / 110))},
    y: {label: "saldo (€)", grid: true, tickFormat: (v) => formatEuroCompact(v)},
    color: {legend: lines.length > 1, domain: lines.map((s) => s.label)},
    marks: [
      Plot.ruleY([0], {stroke: "#b3261e", strokeDasharray: "4 3"}),
      base === null ? null : Plot.ruleX([base], {stroke: "#999", strokeDasharray: "2 3"}),
      Plot.line(rows, {x: "x", y: "saldo", stroke: "series", strokeWidth: (d) => (d.series === "saldo totaal" ? 2.5 : 1.5)}),
      breakEven === null ? null : Plot.dot([{x: breakEven}], {x: "x", y: () => 0, r: 6, fill: "#b3261e", title: (d) => `break-even: ${format(d.x)}`}),
      breakEven === null ? null : Plot.text([{x: breakEven}], {x: "x", y: () => 0, text: (d) => `saldo nul bij ${format(d.x)}`, dy: -14, dx: rightHalf ? -6 : 6, textAnchor: rightHalf ? "end" : "start", fontWeight: "bold"})
    ]
  });
  return el("div", {"data-chart": "breakeven"}, chart, el("p", {class: "muted", style: {margin: "0.2rem 0 0", fontSize: "13px"}}, `Horizontaal: ${curve.label}.`));
}
