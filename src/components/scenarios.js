// Benefit/cost ratio and saldo per scenario (basisscenario first), with the break-even line at 1 and,
// where the report prints a ratio for the scenario, that printed value as a marker.
import * as Plot from "@observablehq/plot";
import {formatEuro, formatNumber} from "../lib/format.js";
import {el, numbersTable} from "./provenance.js";
import {labelAxis, tableCards} from "./labels.js";
import {sameAs} from "./redrawn.js";

/** @typedef {import("../lib/analysis/scenarios.js").ScenarioResult} ScenarioResult */
/** @typedef {import("../lib/analysis/scenarios.js").ScopedScenarioResult} ScopedScenarioResult */

/**
 * Rows per scenario for one scope (an intervention id, or "total"), from runScenarios or from
 * runScenariosFor of that scope.
 * @param {(ScenarioResult | ScopedScenarioResult)[]} results
 * @param {string} [scope]
 */
export function scenarioRows(results, scope = "total") {
  return results.map((r) => {
    const s = "summary" in r ? (r.summary.scope === scope ? r.summary : undefined) : scope === "total" ? r.total : r.interventions.find((x) => x.scope === scope);
    return {
      id: r.id,
      label: r.label,
      description: r.description ?? "",
      ratio: s?.ratio ?? null,
      financialRatio: s?.financialRatio ?? null,
      saldo: s?.saldo ?? null,
      saldoGemeente: s?.actors.find((a) => a.actor === "gemeente")?.saldo ?? null
    };
  });
}

/**
 * @param {(ScenarioResult | ScopedScenarioResult)[]} results from runScenarios, or runScenariosFor of `scope` (lib/analysis/scenarios.ts)
 * @param {{scope?: string, width?: number, printed?: Record<string, number>}} [options] scope: intervention id or "total";
 *   printed: optional {scenarioId: printed societal ratio}
 */
export function scenarios(results, {scope = "total", width = 800, printed = {}} = {}) {
  // Redrawn only when what it shows changed (src/components/redrawn.js).
  return sameAs("scenarios", [scenarioRows(results, scope), width, printed], () => drawScenarios(results, {scope, width, printed}));
}

/** @param {any[]} results @param {{scope: string, width: number, printed: Record<string, number>}} options */
function drawScenarios(results, {scope, width, printed}) {
  const rows = scenarioRows(results, scope);
  // Only scenarios that change this scope's result are drawn (a scenario of another intervention
  // leaves it as it is); all rows stay in the table.
  /** @param {ReturnType<typeof scenarioRows>[number]} r */
  const changes = (r) => /** @type {("ratio" | "financialRatio" | "saldo")[]} */ (["ratio", "financialRatio", "saldo"]).some((k) => r[k] !== null && rows[0][k] !== null && Math.abs(r[k] - rows[0][k]) > 1e-9 * Math.max(1, Math.abs(rows[0][k])));
  const relevant = rows.filter((r, i) => i === 0 || changes(r));
  const shown = relevant.length ? relevant : rows;
  const long = shown.flatMap((r) => [
    {label: r.label, kind: "maatschappelijk", value: r.ratio},
    {label: r.label, kind: "financieel", value: r.financialRatio}
  ]).filter((d) => d.value !== null);
  const printedRows = shown.filter((r) => printed[r.id] !== undefined).map((r) => ({label: r.label, value: printed[r.id]}));
  const labels = shown.map((r) => r.label);
  // The axis holds every drawn ratio and printed figure, also a negative ratio.
  const drawnValues = [...long.map((d) => /** @type {number} */ (d.value)), ...printedRows.map((d) => d.value)];
  const axis = labelAxis(labels, width, {cap: 320, share: 0.4});
  const chart = Plot.plot({
    width,
    height: Math.max(44, axis.rowHeight + 8) * shown.length + 70,
    marginLeft: axis.marginLeft,
    marginRight: 50,
    x: {label: "baten-kostenverhouding", grid: true, domain: [Math.min(0, ...drawnValues) * 1.08, Math.max(2, ...drawnValues) * 1.08], tickFormat: (v) => formatNumber(v, 1)},
    y: {axis: null, domain: ["maatschappelijk", "financieel"]},
    fy: {label: null, domain: labels, padding: 0.15, tickFormat: axis.tickFormat},
    color: {domain: ["maatschappelijk", "financieel", "rapport (maatschappelijk)"], range: ["#1f5c99", "#9bb7d4", "#111"], legend: true},
    marks: [
      Plot.barX(long, {x: "value", y: "kind", fy: "label", fill: "kind", title: (d) => `${d.label}\n${d.kind}: ${formatNumber(d.value, 2)}`}),
      // Beside the bar's end; a negative ratio's bar points left, and its value goes right of zero.
      Plot.text(long, {x: (d) => Math.max(0, d.value), y: "kind", fy: "label", text: (d) => formatNumber(d.value, 2), dx: 9, textAnchor: "start", fontSize: 10}),
      Plot.dot(printedRows, {x: "value", y: () => "maatschappelijk", fy: "label", symbol: "diamond", r: 5, fill: "#111", title: (d) => `rapport: ${formatNumber(d.value, 1)}`}),
      Plot.ruleX([1], {stroke: "#b3261e", strokeDasharray: "4 3"}),
      Plot.ruleX([0])
    ]
  });
  const table = tableCards(numbersTable(
    rows.map((r) => ({...r, printed: printed[r.id] ?? null})),
    [
      {key: "label", label: "scenario"},
      {key: "ratio", label: "maatschappelijke B/K-verhouding", format: (v) => (v === null ? "—" : formatNumber(v, 2)), align: "right"},
      {key: "printed", label: "rapport", format: (v) => (v === null ? "" : formatNumber(v, 1)), align: "right"},
      {key: "financialRatio", label: "financiële B/K-verhouding", format: (v) => (v === null ? "—" : formatNumber(v, 2)), align: "right"},
      {key: "saldo", label: "saldo (€)", format: (v) => (v === null ? "—" : formatEuro(v)), align: "right"},
      {key: "saldoGemeente", label: "saldo gemeente (€)", format: (v) => (v === null ? "—" : formatEuro(v)), align: "right"},
      {key: "description", label: "toelichting"}
    ],
    {summary: "Scenario's (tabel)", filename: `scenarios-${scope}.csv`}
  ));
  return el(
    "div",
    {class: "scenarios", "data-chart": "scenarios"},
    chart,
    el("p", {class: "muted"}, "De stippellijn ligt bij 1: daar wegen de baten precies op tegen de kosten. ", printedRows.length ? "Een ruit is de verhouding die het rapport noemt." : "", shown.length < rows.length ? ` Scenario's die voor deze interventie niets veranderen staan alleen in de tabel.` : ""),
    table
  );
}
