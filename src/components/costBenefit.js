// Costs against benefits per post (netto contante waarde), as in the report's "Overzicht kosten en
// baten" figures: cost posts and benefit posts in two groups, immaterial benefits (quality of life,
// MVO) visibly apart (hatched, light green as in the report), with a legend and the numbers as a table.
import * as Plot from "@observablehq/plot";
import {formatEuro, formatEuroCompact, formatNumber} from "../lib/format.js";
import {el, numbersTable} from "./provenance.js";
import {labelAxis, textWidth} from "./labels.js";
import {sameAs} from "./redrawn.js";

/** @typedef {import("../lib/finance/summary.js").Summary} Summary */
/** @typedef {"cost" | "financial" | "immaterial"} Kind */
/** @typedef {ReturnType<typeof costBenefitRows>[number]} CostBenefitRow */

/** @type {Record<Kind, {label: string, color: string}>} */
const KIND = {
  cost: {label: "Kosten", color: "#c0504d"},
  financial: {label: "Baten (financieel)", color: "#1f5c99"},
  immaterial: {label: "Baten (immaterieel, niet in financiële verhouding)", color: "#9bd18b"}
};

/**
 * Rows per post: {post, label, side, nature, kind, amount}; PM posts are listed, not drawn.
 * @param {Summary} summary
 */
export function costBenefitRows(summary) {
  return summary.posts.map((p) => ({
    post: p.post,
    label: p.label + (p.pm ? " (PM)" : ""),
    side: p.side,
    nature: p.nature,
    kind: /** @type {Kind} */ (p.side === "cost" ? "cost" : p.nature === "immaterial" ? "immaterial" : "financial"),
    pm: p.pm,
    amount: p.amount
  }));
}

/** @param {number} v */
function millions(v) {
  return formatEuroCompact(v);
}

/**
 * @param {Summary} summary a Summary (lib/finance/summary.ts) for one intervention or the total
 * @param {{width?: number, title?: string, basis?: string}} [options] width: available width; title: a heading above the chart;
 *   basis: "per deelnemer" or "totaal, …" (lib/reproduce/verdict.ts basisText), said beside the totals
 */
export function costBenefit(summary, {width = 800, title, basis} = {}) {
  // Redrawn only when what it shows changed (src/components/redrawn.js).
  const args = [summary.scope, costBenefitRows(summary), summary.costs, summary.benefits, summary.financialBenefits, summary.saldo, width, title, basis];
  return sameAs("costBenefit", args, () => drawCostBenefit(summary, {width, title, basis}));
}

/** @param {Summary} summary @param {{width: number, title?: string, basis?: string}} options */
function drawCostBenefit(summary, {width, title, basis}) {
  const rows = costBenefitRows(summary);
  const drawn = rows.filter((r) => !r.pm && Math.abs(r.amount) > 0.5);
  const hatchId = `hatch-${Math.random().toString(36).slice(2, 8)}`;
  const labels = drawn.map((r) => r.label);
  // Costs point left, benefits right: one bar per post, costs against benefits.
  /** @param {CostBenefitRow} d */
  const signed = (d) => (d.side === "cost" ? -d.amount : d.amount);
  // Category margin measured from the labels (wrapped, never clipped); the room for the amounts
  // beside the bars shrinks with the chart, so the plot area never gets a negative width.
  const axis = labelAxis(labels, width, {cap: 280, share: 0.4, minRow: 26});
  const marginRight = Math.min(80, Math.max(60, Math.round(width * 0.12)));
  const plotWidth = width - axis.marginLeft - marginRight;
  const inset = Math.max(0, Math.min(70, Math.floor(plotWidth * 0.2)));
  // A cost's amount is written left of its bar, with room for the widest one (11 px text) between
  // the longest cost bar and the post names, so the two never overlap. Where that room would take
  // more than 45 % of the plot (a phone), the amounts of costs go right of the zero line instead:
  // a post has one bar, so that side of a cost's row is empty.
  const costText = Math.ceil(Math.max(0, ...drawn.filter((d) => d.side === "cost").map((d) => textWidth(millions(d.amount)) * 1.1 + 6)));
  const costsRight = costText > Math.floor(plotWidth * 0.45);
  const insetLeft = costsRight ? inset : Math.max(inset, costText);
  const chart = Plot.plot({
    width,
    height: Math.max(160, axis.rowHeight * drawn.length + 60),
    marginLeft: axis.marginLeft,
    marginRight,
    x: {label: "← kosten · baten → (netto contante waarde)", grid: true, tickFormat: (v) => millions(Math.abs(v)), insetLeft, insetRight: inset},
    y: {label: null, domain: labels, tickFormat: axis.tickFormat},
    marks: [
      () => {
        // A hatch pattern for immaterial posts, referenced by the bars below.
        const defs = document.createElementNS("http://www.w3.org/2000/svg", "defs");
        defs.innerHTML = `<pattern id="${hatchId}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="${KIND.immaterial.color}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#3d7a2e" stroke-width="2"/></pattern>`;
        return defs;
      },
      .../** @type {Kind[]} */ (Object.keys(KIND)).map((kind) =>
        Plot.barX(
          drawn.filter((d) => d.kind === kind),
          {
            x: signed,
            y: "label",
            fill: kind === "immaterial" ? `url(#${hatchId})` : KIND[kind].color,
            stroke: kind === "immaterial" ? "#3d7a2e" : null,
            title: /** @param {CostBenefitRow} d */ (d) => `${d.label}\n${KIND[d.kind].label}: ${formatEuro(d.amount)}`
          }
        )
      ),
      Plot.text(drawn, {x: signed, y: "label", text: (d) => millions(d.amount), textAnchor: "start", fontSize: 11, filter: (d) => d.side !== "cost", dx: 3}),
      Plot.text(drawn, {x: costsRight ? () => 0 : signed, y: "label", text: (d) => millions(d.amount), textAnchor: costsRight ? "start" : "end", fontSize: 11, filter: (d) => d.side === "cost", dx: costsRight ? 3 : -3}),
      Plot.ruleX([0])
    ]
  });
  const legend = el(
    "div",
    {class: "cb-legend", style: {display: "flex", gap: "1.2rem", flexWrap: "wrap", fontSize: "12px", margin: "0.3rem 0"}},
    Object.entries(KIND).map(([k, v]) =>
      el(
        "span",
        {style: {display: "inline-flex", alignItems: "center", gap: "0.35rem"}},
        el("span", {style: {display: "inline-block", width: "16px", height: "11px", background: k === "immaterial" ? `repeating-linear-gradient(45deg, ${v.color} 0 3px, #3d7a2e 3px 5px)` : v.color}}),
        v.label
      )
    )
  );
  const pm = rows.filter((r) => r.pm);
  const totals = el(
    "p",
    {class: "cb-totals"},
    `${basis ? `${basis[0].toUpperCase()}${basis.slice(1)}: kosten` : "Kosten"} ${formatEuro(summary.costs)}; baten ${formatEuro(summary.benefits)}, waarvan financieel ${formatEuro(summary.financialBenefits)} en immaterieel ${formatEuro(summary.benefits - summary.financialBenefits)}. `,
    `Saldo ${formatEuro(summary.saldo)}.`,
    pm.length ? ` Pro memorie (niet gewaardeerd): ${pm.map((r) => r.label.replace(" (PM)", "")).join(", ")}.` : ""
  );
  const table = numbersTable(
    rows,
    [
      {key: "label", label: "post"},
      {key: "side", label: "kant", format: (v) => (v === "cost" ? "kosten" : "baten")},
      {key: "nature", label: "aard", format: (v) => (v === "immaterial" ? "immaterieel" : "financieel")},
      {key: "amount", label: "NCW (€)", format: (v) => formatEuro(v), align: "right"}
    ],
    {summary: `Kosten en baten per post${basis ? `, ${basis}` : ""} (tabel)`, filename: `kosten-baten-${summary.scope}.csv`}
  );
  return el("div", {class: "cost-benefit", "data-chart": "kosten-baten"}, title ? el("h3", {}, title) : "", legend, chart, totals, table);
}
