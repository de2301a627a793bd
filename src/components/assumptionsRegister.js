// The ranked assumptions register (lib/analysis/assumptions-register.ts) as a table: one row per
// input, largest influence first.
import {formatEuro, formatNumber} from "../lib/format.js";
import {formatValue, numbersTable} from "./provenance.js";

const ORIGIN = {source: "bron", assumption: "aanname", none: "—"};

/**
 * @param {import("../lib/analysis/assumptions-register.js").AssumptionsRegister} register
 * @param {{filename?: string}} [options]
 */
export function registerTable(register, {filename = "aannameregister.csv"} = {}) {
  const rows = register.rows.map((r, i) => ({
    rank: i + 1,
    label: r.label,
    input: r.input,
    value: formatValue(r.value, r.unit),
    origin: ORIGIN[r.origin],
    text: [r.text, ...r.register.map((e) => `register: ${e.what}`)].filter(Boolean).join("; "),
    range: r.range ? `${formatValue(r.range.low, r.unit)} tot ${formatValue(r.range.high, r.unit)} (${r.range.basis === "control" ? "schuifregelaar" : r.range.type})` : "geen bereik opgegeven",
    swing: r.influence ? r.influence.swing : null,
    flips: r.influence ? (r.influence.signFlips ? "ja" : "nee") : "—"
  }));
  return numbersTable(
    rows,
    [
      {key: "rank", label: "#", format: (v) => formatNumber(v), align: "right"},
      {key: "label", label: "invoer"},
      // Left-aligned text, not a number cell: a series ("jaar 0: 2,9%; jaar 1: …") wraps between its years.
      {key: "value", label: "waarde"},
      {key: "origin", label: "herkomst"},
      {key: "text", label: "bron of aanname"},
      {key: "range", label: "bereik"},
      {key: "swing", label: "zwaai in saldo", format: (v) => (v === null ? "—" : formatEuro(v)), align: "right"},
      {key: "flips", label: "saldo wisselt van teken"}
    ],
    {summary: `Aannameregister, gerangschikt naar invloed (${formatNumber(rows.length)} invoerwaarden)`, filename, open: true}
  );
}
