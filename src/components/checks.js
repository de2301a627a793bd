// The reproduction table: every printed figure beside what Rendement computes, with its basis
// (onafhankelijk / kalibratie / invoer), the difference (and in %), the printed precision, a coloured
// verdict and the Dutch explanation; plus counts per basis × verdict and per study.
// Values are shown with their unit by formatQuantity (lib/format.ts).
import {formatQuantity, formatNumber} from "../lib/format.js";
import {BASIS_LABEL, BASIS_MEANING} from "../lib/reproduce/labels.js";
import {el, numbersTable, csvLink} from "./provenance.js";
import {VERDICT, badge, figureNoteElement} from "./verdictBadge.js";

export {VERDICT, badge, figureNoteElement};


/**
 * A Dutch list: "a", "a en b", "a, b en c".
 * @param {string[]} items
 */
function listNl(items) {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} en ${items[items.length - 1]}`;
}
/** @typedef {import("../lib/reproduce/checks.js").Check} Check */
/** @typedef {import("../lib/reproduce/checks.js").Verdict} Verdict */
/** @typedef {import("../lib/schema/printed.js").Basis} Basis */

/** @type {Record<string, {label: string, meaning: string}>} */
export const BASIS = Object.fromEntries(/** @type {Basis[]} */ (Object.keys(BASIS_LABEL)).map((k) => [k, {label: BASIS_LABEL[k], meaning: BASIS_MEANING[k]}]));

/**
 * A value in the check's unit with `digits` decimals of the stored value (never negative); a fraction
 * is shown in %, so 0,09 with two decimals is "9%".
 * @param {number | null | undefined} v
 * @param {string} unit
 * @param {number} [digits]
 */
export function formatCheckValue(v, unit, digits = 0) {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return formatQuantity(v, unit, {digits: Math.max(0, unit === "fraction" ? digits - 2 : digits)});
}

/**
 * Count of checks per verdict.
 * @param {Pick<Check, "verdict">[]} checks
 * @returns {Record<string, number>}
 */
export function verdictCounts(checks) {
  const counts = Object.fromEntries(Object.keys(VERDICT).map((k) => [k, 0]));
  for (const c of checks) counts[c.verdict] = (counts[c.verdict] ?? 0) + 1;
  return counts;
}

/**
 * The headline and a line of badges over the independent checks only ("Modelberekeningen uit
 * onafhankelijke invoer die kloppen: 105 van 126: 105 klopt · …"), then how many calibration and input checks are
 * shown apart: they are never counted as a match.
 * @param {Pick<Check, "verdict" | "basis">[]} checks
 */
export function verdictSummary(checks) {
  const independent = checks.filter((c) => (c.basis ?? "independent") === "independent");
  const counts = verdictCounts(independent);
  const apart = Object.keys(BASIS).filter((b) => b !== "independent").map((b) => /** @type {[string, number]} */ ([b, checks.filter((c) => c.basis === b).length])).filter(([, n]) => n > 0);
  return el(
    "p",
    {class: "verdict-summary"},
    el("strong", {}, `Modelberekeningen uit onafhankelijke invoer die kloppen: ${counts.match} van ${independent.length}`),
    ": ",
    Object.entries(VERDICT).map(([k, v], i) => [i ? " · " : "", badge(k, `${counts[k]} ${v.label}`)]),
    apart.length ? `. Daarnaast ${listNl(apart.map(([b, n]) => `${n} ${BASIS[b].label}controles`))}, apart getoond en niet als ‘klopt’ meegeteld.` : ""
  );
}

/**
 * Counts per study × basis × verdict as a table (a basis without checks in a study is left out).
 * @param {Pick<Check, "verdict" | "basis" | "study">[]} checks
 */
export function countsTable(checks) {
  const studies = [...new Set(checks.map((c) => c.study))];
  const verdicts = Object.keys(VERDICT);
  const num = {textAlign: "right"};
  const rows = [];
  for (const s of [...studies, null]) {
    for (const b of Object.keys(BASIS)) {
      const cs = checks.filter((c) => (s === null || c.study === s) && c.basis === b);
      if (!cs.length) continue;
      const counts = verdictCounts(cs);
      rows.push(
        el(
          "tr",
          {class: s === null ? "total" : ""},
          el("td", {}, s === null ? el("strong", {}, "alle studies") : s),
          el("td", {title: BASIS[b].meaning}, BASIS[b].label),
          verdicts.map((v) => el("td", {style: num}, counts[v] ? formatNumber(counts[v], 0) : "·")),
          el("td", {style: num}, formatNumber(cs.length, 0))
        )
      );
    }
  }
  const head = el("tr", {}, el("th", {}, "Studie"), el("th", {}, "Basis"), verdicts.map((v) => el("th", {style: num}, badge(v))), el("th", {style: num}, "Totaal"));
  return scrollTable(el("table", {class: "counts-table"}, el("thead", {}, head), el("tbody", {}, rows)));
}

/**
 * A wide table in a horizontally scrolling box with a sticky first column (local until a shared component exists).
 * @param {Node} table
 */
export function scrollTable(table) {
  const style = el(
    "style",
    {},
    `.scroll-table{overflow-x:auto;max-width:100%}.scroll-table table{border-collapse:separate;border-spacing:0;max-width:none}
.scroll-table th:first-child,.scroll-table td:first-child{position:sticky;left:0;background:var(--theme-background,#fff);z-index:1;box-shadow:1px 0 0 #ddd}`
  );
  return el("div", {class: "scroll-table"}, style, table);
}

/**
 * @param {Check[]} checks Check[] (lib/reproduce/checks.ts)
 * @param {{showStudy?: boolean}} [options] showStudy: include the study column
 */
export function checksTable(checks, {showStudy = true} = {}) {
  // The quantity comes first (sticky while scrolling sideways), the verdict right after the numbers.
  const head = ["Grootheid", "Basis", "Rapport", "Rendement", "Verschil", "Oordeel", "Gedrukte precisie", "Toelichting", "Bron"];
  if (showStudy) head.splice(1, 0, "Studie");
  const num = {textAlign: "right", whiteSpace: "nowrap"};
  const rows = checks.map((c) =>
    el(
      "tr",
      {"data-verdict": c.verdict, "data-basis": c.basis, "data-check": `${c.study}/${c.id}`, id: `${c.study}--${c.id}`},
      el("td", {style: {minWidth: "14em"}}, c.quantity, c.reconstructed ? el("span", {title: "Berekend met gereconstrueerde invoer (zie het aannameregister)", class: "muted"}, " (reconstructie)") : ""),
      showStudy ? el("td", {}, c.study) : "",
      el("td", {title: BASIS[c.basis]?.meaning ?? ""}, BASIS[c.basis]?.label ?? c.basis, c.calibratedInputs?.length ? el("div", {class: "muted", style: {fontSize: "11px"}}, `gekalibreerd: ${c.calibratedInputs.join(", ")}`) : ""),
      el("td", {style: num}, formatCheckValue(c.printed, c.unit, c.decimals)),
      el("td", {style: num}, formatCheckValue(c.computed, c.unit, c.decimals + 1)),
      el("td", {style: num}, c.difference === null ? "—" : formatCheckValue(c.difference, c.unit, c.decimals + 1), c.gapPercent === null ? "" : el("div", {class: "muted", style: {fontSize: "11px"}}, `${formatNumber(c.gapPercent, 1)}%`)),
      el("td", {}, badge(c.verdict), c.restsOnAssumption ? el("div", {class: "muted", style: {fontSize: "11px"}}, "rust op een aanname") : ""),
      el("td", {style: {...num, fontSize: "12px"}}, c.rounding === "truncate" ? `afgekapt: +${formatCheckValue(c.printedPrecision, c.unit, c.decimals)}` : `± ${formatCheckValue(c.printedPrecision, c.unit, c.decimals + 1)}`, c.verdict === "close" ? el("div", {class: "muted", style: {fontSize: "11px", whiteSpace: "normal", textAlign: "left", minWidth: "12em"}}, `ruimer: ± ${formatCheckValue(c.tolerance, c.unit, c.decimals + 1)}`, c.tolerantieWaarom ? ` (${c.tolerantieWaarom})` : "") : ""),
      el("td", {style: {fontSize: "12px", minWidth: "30em"}}, c.cause ? el("div", {class: "muted", style: {fontSize: "11px"}}, "oorzaak: ", el("a", {href: `#oorzaak-${c.study}-${c.cause}`}, c.cause)) : "", c.explanation),
      el("td", {class: "muted", style: {fontSize: "11px", minWidth: "10em"}}, c.source)
    )
  );
  const table = el("table", {class: "checks-table", style: {width: "100%", fontSize: "13px"}}, el("thead", {}, el("tr", {}, head.map((h) => el("th", {}, h)))), el("tbody", {}, rows));
  const columns = ["study", "id", "quantity", "source", "basis", "printed", "computed", "difference", "gapPercent", "unit", "decimals", "printedPrecision", "tolerance", "verdict", "cause", "restsOnAssumption", "explanation", "reconstructed"].map((k) => ({key: k, label: k}));
  return el("div", {class: "checks"}, scrollTable(table), el("p", {}, csvLink(checks, columns, "reproductie.csv")));
}

export {numbersTable};

