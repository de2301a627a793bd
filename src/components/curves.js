// Curve charts for cohort monitoring: one line per group with a pointwise confidence band.
// (data, options) => SVG element. Suppressed points (value null) leave a gap in line and band.
import * as Plot from "@observablehq/plot";
import {formatPercent} from "../lib/format.js";

/**
 * @param {{group: string, month: number, value: number|null, lower: number|null, upper: number|null}[]} points
 * @param {{width?: number, yLabel?: string, yDomain?: [number, number], height?: number}} options
 */
export function curveChart(points, {width = 640, height = 320, yLabel = "", yDomain} = {}) {
  const defined = points.filter((d) => d.value !== null);
  return Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: {label: "Maanden sinds start", grid: true},
    y: {label: yLabel, domain: yDomain, grid: true, tickFormat: (d) => formatPercent(d, 0)},
    color: {legend: true, label: "Groep"},
    marks: [
      Plot.areaY(points, {
        x: "month",
        y1: (d) => (d.value === null ? NaN : d.lower),
        y2: (d) => (d.value === null ? NaN : d.upper),
        fill: "group",
        fillOpacity: 0.15,
        curve: "step-after"
      }),
      Plot.lineY(points, {x: "month", y: (d) => (d.value === null ? NaN : d.value), stroke: "group", strokeWidth: 2, curve: "step-after"}),
      Plot.tip(
        defined,
        Plot.pointerX({
          x: "month",
          y: "value",
          stroke: "group",
          title: (d) =>
            `${d.group}, maand ${d.month}: ${formatPercent(d.value, 1)}` +
            (d.lower !== null && d.upper !== null ? ` (95%-BI ${formatPercent(d.lower, 1)}–${formatPercent(d.upper, 1)})` : "")
        })
      )
    ]
  });
}

/**
 * Indicator (observed / expected) per group as a dot with its interval; 1 = as expected.
 * @param {{group: string, indicator: number, lower: number|null, upper: number|null}[]} rows
 * @param {{width?: number}} [options]
 */
export function indicatorChart(rows, {width = 640} = {}) {
  return Plot.plot({
    width,
    height: 60 + 40 * rows.length,
    marginLeft: 90,
    x: {label: "Effectindicator (geobserveerd / verwacht)", grid: true, tickFormat: (d) => d.toLocaleString("nl-NL")},
    y: {label: null},
    marks: [
      Plot.ruleX([1], {stroke: "currentColor", strokeDasharray: "4,3"}),
      Plot.ruleY(rows, {y: "group", x1: "lower", x2: "upper", strokeWidth: 2}),
      Plot.dot(rows, {y: "group", x: "indicator", r: 5, fill: "currentColor"}),
      Plot.text(rows, {y: "group", x: "indicator", text: (d) => d.indicator.toLocaleString("nl-NL", {maximumFractionDigits: 2, minimumFractionDigits: 2}), dy: -12})
    ]
  });
}
