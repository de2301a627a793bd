// The reproduction table: every printed figure beside what Rendement computes, with the difference,
// the tolerance (and why), a coloured verdict and the explanation; plus a summary count.
import {formatEuro, formatNumber, formatPercent} from "../lib/format.js";
import {el, numbersTable, csvLink} from "./provenance.js";

export const VERDICT = {
  match: {label: "klopt", color: "#2e7d32", background: "#e3f3e4"},
  explained: {label: "verklaard verschil", color: "#8a5a00", background: "#fff1d6"},
  fail: {label: "wijkt af", color: "#b3261e", background: "#fbe3e1"}
};

/** A value in the check's unit, Dutch style. */
export function formatCheckValue(v, unit) {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  if (unit.startsWith("€")) return formatEuro(v, {digits: Math.abs(v) < 100 && !Number.isInteger(v) ? 2 : 0});
  if (unit === "fraction" || unit === "%") return formatPercent(v, 1);
  const digits = Number.isInteger(v) ? 0 : Math.abs(v) < 10 ? 2 : 1;
  return `${formatNumber(v, digits)}${unit && !["ratio", "verhouding", "aantal"].includes(unit) ? ` ${unit}` : ""}`;
}

/** Count of checks per verdict. */
export function verdictCounts(checks) {
  const counts = {match: 0, explained: 0, fail: 0};
  for (const c of checks) counts[c.verdict] = (counts[c.verdict] ?? 0) + 1;
  return counts;
}

/** A summary line of badges: "12 klopt · 2 verklaard verschil · 0 wijkt af". */
export function verdictSummary(checks) {
  const counts = verdictCounts(checks);
  return el(
    "p",
    {class: "verdict-summary"},
    `${checks.length} controles: `,
    Object.entries(VERDICT).map(([k, v], i) => [i ? " · " : "", badge(k, `${counts[k]} ${v.label}`)])
  );
}

export function badge(verdict, text = VERDICT[verdict]?.label ?? verdict) {
  const v = VERDICT[verdict] ?? {color: "#333", background: "#eee"};
  return el("span", {class: `verdict verdict-${verdict}`, "data-verdict": verdict, style: {color: v.color, background: v.background, padding: "0 0.4em", borderRadius: "3px", fontWeight: 600, whiteSpace: "nowrap"}}, text);
}

/**
 * @param checks Check[] (lib/reproduce/checks.ts)
 * @param options.showStudy include the study column
 */
export function checksTable(checks, {showStudy = true} = {}) {
  // The verdict comes right after the numbers, so it is visible without scrolling sideways.
  const head = ["Grootheid", "Rapport", "Rendement", "Verschil", "Oordeel", "Tolerantie", "Toelichting", "Bron"];
  if (showStudy) head.unshift("Studie");
  const num = {textAlign: "right", whiteSpace: "nowrap"};
  const rows = checks.map((c) =>
    el(
      "tr",
      {"data-verdict": c.verdict, "data-check": `${c.study}/${c.id}`},
      showStudy ? el("td", {}, c.study) : "",
      el("td", {}, c.quantity, c.reconstructed ? el("span", {title: "Berekend met gereconstrueerde invoer (zie het aannameregister)", class: "muted"}, " (reconstructie)") : ""),
      el("td", {style: num}, formatCheckValue(c.printed, c.unit)),
      el("td", {style: num}, formatCheckValue(c.computed, c.unit)),
      el("td", {style: num}, c.difference === null ? "—" : formatCheckValue(c.difference, c.unit)),
      el("td", {}, badge(c.verdict)),
      el("td", {style: {...num, fontSize: "12px"}, title: c.toleranceWhy}, `± ${formatCheckValue(c.tolerance, c.unit)}`, el("div", {class: "muted", style: {fontSize: "11px", whiteSpace: "normal", textAlign: "left", minWidth: "10em"}}, c.toleranceWhy)),
      el("td", {style: {fontSize: "12px", minWidth: "14em"}}, c.explanation),
      el("td", {class: "muted", style: {fontSize: "11px"}}, c.source)
    )
  );
  const table = el("table", {class: "checks-table", style: {maxWidth: "none", width: "100%", fontSize: "13px"}}, el("thead", {}, el("tr", {}, head.map((h) => el("th", {}, h)))), el("tbody", {}, rows));
  const columns = [
    {key: "study", label: "study"},
    {key: "id", label: "id"},
    {key: "quantity", label: "quantity"},
    {key: "source", label: "source"},
    {key: "printed", label: "printed"},
    {key: "computed", label: "computed"},
    {key: "difference", label: "difference"},
    {key: "unit", label: "unit"},
    {key: "tolerance", label: "tolerance"},
    {key: "toleranceWhy", label: "tolerance_why"},
    {key: "verdict", label: "verdict"},
    {key: "explanation", label: "explanation"},
    {key: "reconstructed", label: "reconstructed"}
  ];
  return el("div", {class: "checks"}, el("div", {style: {overflowX: "auto"}}, table), el("p", {}, csvLink(checks, columns, "reproductie.csv")));
}

export {numbersTable};
