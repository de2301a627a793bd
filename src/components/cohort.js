// Cohort development per year by state (in begeleiding, aan het werk, met loonkostensubsidie,
// uitgestroomd om andere redenen …), stacked, and next to it the yearly costs of the intervention.
import * as Plot from "@observablehq/plot";
import {formatEuro, formatEuroCompact, formatNumber} from "../lib/format.js";
import {el, numbersTable} from "./provenance.js";
import {sameAs} from "./redrawn.js";

/** @typedef {import("./provenance.js").Column} Column */
/** @typedef {{id: string, label: string, values: number[]}} Series */
/** @typedef {{years: number[], states?: Series[], costs?: Series[], yearLabel?: string, stacked?: boolean}} CohortData */

const PALETTE = ["#1f5c99", "#f28e2b", "#59a14f", "#9c6ade", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#8a8f98"];

/**
 * Long rows from series: `states` and `costs` are [{id, label, values: number[]}], `years` the year
 * labels (numbers) in the same order as the values.
 * @param {number[]} years
 * @param {Series[]} series
 */
export function cohortRows(years, series) {
  return series.flatMap((s) => years.map((year, t) => ({year, t, id: s.id, label: s.label, value: s.values[t] ?? 0})));
}

/**
 * @param {CohortData} data {years: number[], states: [{id, label, values}], costs?: [{id, label, values}], yearLabel?: string,
 *   stacked?: boolean (false: states overlap and are drawn as lines)}
 * @param {{width?: number}} [options]
 */
export function cohort(data, {width = 800} = {}) {
  // Redrawn only when its data changed (src/components/redrawn.js).
  return sameAs("cohort", [data, width], () => drawCohort(data, {width}));
}

/** @param {CohortData} data @param {{width: number}} options */
function drawCohort(data, {width}) {
  const {years, states = [], costs = []} = data;
  if (!states.length) return el("p", {class: "muted"}, "Het modelbestand legt voor deze interventie geen cohortontwikkeling per jaar vast.");
  const stateRows = cohortRows(years, states);
  const costRows = cohortRows(years, costs);
  const half = costs.length ? Math.max(260, Math.floor((width - 30) / 2)) : width;
  const stateLabels = states.map((s) => s.label);
  const costLabels = costs.map((s) => s.label);
  // A year label needs about 40 px: show every k-th year so that labels never overlap.
  const every = Math.max(1, Math.ceil((years.length * 40) / Math.max(1, half - 70)));
  /** @type {import("./types.js").ScaleOptions} */
  const x = {label: data.yearLabel ?? "jaar", type: data.stacked === false ? "point" : "band", tickFormat: (y) => String(y), ticks: years.filter((_, i) => i % every === 0)};
  const stateChart = Plot.plot({
    width: half,
    height: 300,
    marginLeft: 50,
    x,
    y: {label: "personen", grid: true, tickFormat: (v) => formatNumber(v)},
    color: {domain: stateLabels, range: PALETTE, legend: true},
    marks: data.stacked === false
      ? [
          // States that overlap (e.g. at work while still in guidance) are not stacked.
          Plot.lineY(stateRows, {x: "year", y: "value", stroke: "label", strokeWidth: 2}),
          Plot.dot(stateRows, {x: "year", y: "value", fill: "label", r: 3, title: (d) => `${d.year}: ${d.label}\n${formatNumber(d.value, 1)} personen`}),
          Plot.ruleY([0])
        ]
      : [
          Plot.barY(stateRows, {x: "year", y: "value", fill: "label", order: stateLabels, title: (d) => `${d.year}: ${d.label}\n${formatNumber(d.value, 1)} personen`}),
          Plot.ruleY([0])
        ]
  });
  const costChart = costs.length
    ? Plot.plot({
        width: half,
        height: 300,
        marginLeft: 70,
        x: {...x, type: "band"},
        y: {label: "kosten per jaar (€, niet verdisconteerd)", grid: true, tickFormat: (v) => formatEuroCompact(v)},
        color: {domain: costLabels, range: PALETTE.slice().reverse(), legend: true},
        marks: [
          Plot.barY(costRows, {x: "year", y: "value", fill: "label", order: costLabels, title: (d) => `${d.year}: ${d.label}\n${formatEuro(d.value)}`}),
          Plot.ruleY([0])
        ]
      })
    : null;
  const tableRows = years.map((year, t) => {
    /** @type {Record<string, number>} */
    const r = {year};
    for (const s of states) r[`s_${s.id}`] = s.values[t] ?? 0;
    for (const c of costs) r[`c_${c.id}`] = c.values[t] ?? 0;
    return r;
  });
  const table = numbersTable(
    tableRows,
    [
      {key: "year", label: data.yearLabel ?? "jaar", format: (v) => String(v)},
      ...states.map((s) => /** @satisfies {Column} */ ({key: `s_${s.id}`, label: s.label, format: (v) => formatNumber(v, 1), align: "right"})),
      ...costs.map((c) => /** @satisfies {Column} */ ({key: `c_${c.id}`, label: `${c.label} (€)`, format: (v) => formatEuro(v), align: "right"}))
    ],
    {summary: "Cohort en kosten per jaar (tabel)", filename: "cohort.csv"}
  );
  return el(
    "div",
    {class: "cohort", "data-chart": "cohort"},
    el("div", {style: {display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(260px, 1fr))", gap: "24px"}}, el("div", {}, el("h4", {}, data.stacked === false ? "Cohort per jaar, naar situatie (situaties kunnen overlappen)" : "Cohort per jaar, naar situatie"), stateChart), costChart ? el("div", {}, el("h4", {}, "Kosten per jaar"), costChart) : ""),
    table
  );
}
