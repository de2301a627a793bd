// Charts of a probabilistic sensitivity analysis (PsaResult from lib/analysis/psa.ts): the
// distribution of the saldo (histogram with the 95 % band and the mean) and acceptability curves
// (the probability of a positive saldo against the QALY value or the discount rate).
import * as Plot from "@observablehq/plot";
import {formatEuro, formatEuroCompact, formatNumber, formatPercent} from "../lib/format.js";
import {el} from "./provenance.js";
import {labelAxis, niceTicks} from "./labels.js";

/** @typedef {import("../lib/analysis/psa.js").PsaResult} PsaResult */
/** @typedef {import("../lib/analysis/psa.js").AcceptabilityCurve} AcceptabilityCurve */
/** @typedef {import("../lib/analysis/psa.js").Stats} Stats */

/**
 * Histogram of the saldo over the draws, the 2,5–97,5 % band shaded, the mean and zero marked.
 * @param {PsaResult} result
 * @param {{width?: number}} [options]
 */
export function psaHistogram(result, {width = 800} = {}) {
  const s = result.saldo;
  const lo = s.percentiles.p2_5;
  const hi = s.percentiles.p97_5;
  const chart = Plot.plot({
    width,
    height: 300,
    marginLeft: 60,
    x: {label: "saldo (€)", tickFormat: (v) => formatEuroCompact(v), ticks: Math.max(2, Math.floor(width / 110))},
    y: {label: "aantal trekkingen", grid: true, tickFormat: (v) => formatNumber(v)},
    marks: [
      Plot.rectX([{x1: lo, x2: hi}], {x1: "x1", x2: "x2", y1: 0, y2: Math.max(...result.histogram.map((b) => b.count)), fill: "#9bb7d4", fillOpacity: 0.3}),
      Plot.rectY(result.histogram, {x1: "x0", x2: "x1", y: "count", fill: (d) => (d.x1 <= 0 ? "#c26b2c" : "#1f5c99"), inset: 0.5, title: (d) => `${formatEuro(d.x0)} tot ${formatEuro(d.x1)}: ${formatNumber(d.count)} trekkingen`}),
      Plot.ruleX([0], {stroke: "#b3261e", strokeDasharray: "4 3"}),
      Plot.ruleX([s.mean], {stroke: "#111", strokeWidth: 2}),
      Plot.ruleY([0])
    ]
  });
  return el(
    "div",
    {"data-chart": "psa-histogram"},
    chart,
    el("p", {class: "muted"}, `Zwarte lijn: gemiddeld saldo ${formatEuro(s.mean)}. Lichtblauw: 95%-interval van ${formatEuro(lo)} tot ${formatEuro(hi)}. Oranje: trekkingen met een negatief saldo.`)
  );
}

/**
 * Percentile band per scope (intervention or actor): 2,5–97,5 % and 25–75 %, the median as a tick.
 * @param {{label: string, saldo: Stats, probPositive: number}[]} rows
 * @param {{width?: number, name?: string}} [options]
 */
export function psaBands(rows, {width = 800, name = "psa-banden"} = {}) {
  const labels = rows.map((r) => r.label);
  const {marginLeft, tickFormat, rowHeight} = labelAxis(labels, width, {cap: 300, share: 0.4, minRow: 34});
  // Tick values chosen here: round numbers at least 80 px apart, and at least two of them, so a
  // narrow card shows a scale (Plot's own choice showed only "€ 0" there).
  const lo = Math.min(0, ...rows.map((r) => r.saldo.percentiles.p2_5));
  const hi = Math.max(0, ...rows.map((r) => r.saldo.percentiles.p97_5));
  const chart = Plot.plot({
    width,
    height: rowHeight * rows.length + 50,
    marginLeft,
    marginRight: 30,
    // At least three ticks, so a narrow card still shows a scale and not only "€ 0".
    x: {label: "saldo (€)", grid: true, tickFormat: (v) => formatEuroCompact(v), ticks: niceTicks(lo, hi, Math.floor((width - marginLeft - 30) / 80))},
    y: {label: null, domain: labels, tickFormat},
    marks: [
      Plot.ruleY(rows, {y: "label", x1: (d) => d.saldo.percentiles.p2_5, x2: (d) => d.saldo.percentiles.p97_5, stroke: "#9bb7d4", strokeWidth: 8}),
      Plot.ruleY(rows, {y: "label", x1: (d) => d.saldo.percentiles.p25, x2: (d) => d.saldo.percentiles.p75, stroke: "#1f5c99", strokeWidth: 8}),
      Plot.tickX(rows, {y: "label", x: (d) => d.saldo.percentiles.p50, stroke: "#111", strokeWidth: 2, title: (d) => `${d.label}\nmediaan ${formatEuro(d.saldo.percentiles.p50)}\n95%: ${formatEuro(d.saldo.percentiles.p2_5)} tot ${formatEuro(d.saldo.percentiles.p97_5)}\nP(saldo > 0) = ${formatPercent(d.probPositive)}`}),
      Plot.ruleX([0], {stroke: "#b3261e", strokeDasharray: "4 3"})
    ]
  });
  return el("div", {"data-chart": name}, chart);
}

/**
 * Acceptability curve: P(saldo > 0) against the value of one input.
 * @param {AcceptabilityCurve} curve {input, label, base, method, points: [{x, probPositive}]}
 * @param {{width?: number, name?: string, format?: (v: number) => string, xLabel?: string}} [options] format: tick format of the input (default Dutch number)
 */
export function acceptability(curve, {width = 800, name = "aanvaardbaarheid", format = (v) => formatNumber(v), xLabel = curve.label} = {}) {
  const chart = Plot.plot({
    width,
    height: 260,
    marginLeft: 55,
    x: {label: xLabel, tickFormat: format, ticks: Math.max(2, Math.floor(width / 110))},
    y: {label: "kans op positief saldo", domain: [0, 1], grid: true, tickFormat: (v) => formatPercent(v, 0)},
    marks: [
      Plot.ruleY([0.5], {stroke: "#999", strokeDasharray: "2 3"}),
      Plot.ruleX([curve.base], {stroke: "#111", strokeDasharray: "4 3"}),
      Plot.line(curve.points, {x: "x", y: "probPositive", stroke: "#1f5c99", strokeWidth: 2}),
      Plot.dot(curve.points, {x: "x", y: "probPositive", fill: "#1f5c99", r: 3, title: (d) => `${xLabel}: ${format(d.x)}\nkans op positief saldo: ${formatPercent(d.probPositive)}`})
    ]
  });
  return el("div", {"data-chart": name}, chart, el("p", {class: "muted"}, `Stippellijn: de waarde in het model (${format(curve.base)}).`));
}
