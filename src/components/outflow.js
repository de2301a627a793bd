// Outflow to work with the intervention against the nulalternatief over time, the gain between the
// curves shaded (the report's colours: orange = met interventie, blue = nulalternatief, grey = winst).
import * as Plot from "@observablehq/plot";
import {formatNumber, formatPercent} from "../lib/format.js";
import {el, numbersTable} from "./provenance.js";
import {sameAs} from "./redrawn.js";

/** @typedef {import("./provenance.js").Column} Column */
/** @typedef {{id: string, title: string, with: number[], without: number[]}} Panel */
/** @typedef {{xs: number[], xLabel?: string, unit: string, mode?: "curves" | "net", panels: Panel[]}} OutflowData */

const WITH = "#f28e2b";
const WITHOUT = "#4e79a7";

/**
 * Rows {x, with, without, gain} for one panel.
 * @param {Panel} panel
 * @param {number[]} xs
 */
export function outflowRows(panel, xs) {
  return xs.map((x, i) => {
    const w = panel.with[i] ?? 0;
    const o = panel.without[i] ?? 0;
    return {x, with: w, without: o, gain: w - o};
  });
}

/**
 * @param {OutflowData | null | undefined} data {xs: number[], xLabel?: string, unit: "fraction" | "personen", panels: [{id, title, with: number[], without: number[]}]}
 * @param {{width?: number}} [options]
 */
export function outflow(data, {width = 800} = {}) {
  // Redrawn only when its data changed (src/components/redrawn.js).
  return sameAs("outflow", [data, width], () => drawOutflow(data, {width}));
}

/** @param {OutflowData | null | undefined} data @param {{width: number}} options */
function drawOutflow(data, {width}) {
  if (!data?.panels?.length) return el("p", {class: "muted"}, "Het modelbestand legt voor deze interventie geen uitstroomcurve tegenover het nulalternatief vast.");
  /** @type {(v: number) => string} */
  const fmt = data.unit === "fraction" ? (v) => formatPercent(v, 0) : (v) => formatNumber(v);
  /** @type {(v: number) => string} */
  const fmtExact = data.unit === "fraction" ? (v) => formatPercent(v, 1) : (v) => formatNumber(v, 1);
  const panelWidth = data.panels.length > 1 ? Math.max(280, Math.floor((width - 30 * (data.panels.length - 1)) / data.panels.length) - 2) : width;
  // Mode "net": the model gives only the net effect; the nulalternatief is the zero line.
  const net = data.mode === "net";
  const nullLabel = net ? "nulalternatief (geen extra uitstroom)" : "nulalternatief";
  const withLabel = net ? "met interventie (extra boven nulalternatief)" : "met interventie";
  const charts = data.panels.map((panel) => {
    const rows = outflowRows(panel, data.xs);
    const long = rows.flatMap((r) => [
      {x: r.x, series: withLabel, value: r.with},
      {x: r.x, series: nullLabel, value: r.without}
    ]);
    const chart = Plot.plot({
      width: panelWidth,
      height: 280,
      marginLeft: 50,
      x: {label: data.xLabel ?? "jaar", ticks: Math.max(2, Math.floor((panelWidth - 70) / 50)), tickFormat: (v) => (Number.isInteger(v) ? String(v) : formatNumber(v, 1))},
      y: {label: data.unit === "fraction" ? "aandeel uitgestroomd naar werk" : net ? "extra personen aan het werk" : "personen aan het werk", grid: true, tickFormat: fmt},
      color: {domain: [withLabel, nullLabel, "winst"], range: [WITH, WITHOUT, "#bbbbbb"], legend: true},
      marks: [
        Plot.areaY(rows, {x: "x", y1: "without", y2: "with", fill: "#bbbbbb", fillOpacity: 0.6, title: (d) => `winst: ${fmtExact(d.gain)}`}),
        Plot.lineY(long, {x: "x", y: "value", stroke: "series", strokeWidth: 2.2}),
        Plot.dot(long, {x: "x", y: "value", fill: "series", r: 2.5, title: (d) => `${d.x}: ${d.series} ${fmtExact(d.value)}`}),
        Plot.ruleY([0])
      ]
    });
    return {panel, rows, chart};
  });
  const tableRows = data.xs.map((x, i) => {
    /** @type {Record<string, number>} */
    const r = {x};
    for (const {panel, rows} of charts) {
      r[`${panel.id}_with`] = rows[i].with;
      r[`${panel.id}_without`] = rows[i].without;
      r[`${panel.id}_gain`] = rows[i].gain;
    }
    return r;
  });
  const table = numbersTable(
    tableRows,
    [
      {key: "x", label: data.xLabel ?? "jaar", format: (v) => String(v)},
      ...charts.flatMap(({panel}) => /** @satisfies {Column[]} */ ([
        {key: `${panel.id}_with`, label: `${panel.title}: met interventie`, format: fmtExact, align: "right"},
        {key: `${panel.id}_without`, label: `${panel.title}: nulalternatief`, format: fmtExact, align: "right"},
        {key: `${panel.id}_gain`, label: `${panel.title}: winst`, format: fmtExact, align: "right"}
      ]))
    ],
    {summary: "Uitstroom per jaar (tabel)", filename: "uitstroom.csv"}
  );
  return el(
    "div",
    {class: "outflow", "data-chart": "uitstroom"},
    el("div", {style: {display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(260px, 1fr))", gap: "24px"}}, charts.map(({panel, chart}) => el("div", {}, el("h4", {}, panel.title), chart))),
    table
  );
}
