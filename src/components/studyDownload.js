// Download the whole study (lib/finance/study-export.ts): inputs, results per post, actor and year,
// and totals, as one CSV for Dutch Excel (lib/spreadsheet-csv.ts: BOM, `;`, decimal comma, a first column `tabel`), JSON (the three tables)
// or XLSX (one sheet per table; the writer is loaded only when clicked, as in provenance.js). The
// export code itself also loads on the first click (an item page's opening JavaScript has a budget,
// tests/site/js-size.test.ts).
import {el, toCsv} from "./provenance.js";

const exporter = () => import("../lib/finance/study-export.js");

/** @typedef {import("../lib/finance/study-export.js").StudyExport} StudyExport */
/** @typedef {import("../lib/finance/study-export.js").SheetCell} SheetCell */

/**
 * Start a download of `blob` under `filename`.
 * @param {Blob} blob
 * @param {string} filename
 */
function save(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = el("a", {href: url, download: filename});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Three buttons that download the whole study. `evaluations()` gives, when clicked, one evaluation
 * per model file of the study ({model, evaluation}), the page's own model with the reader's inputs.
 * `name`: the file name without extension; `meta`: what the JSON says about the study.
 * @param {() => Parameters<typeof import("../lib/finance/study-export.js").studyExport>[0]} evaluations
 * @param {{name?: string, meta?: Record<string, unknown>}} [options]
 */
export function studyDownloads(evaluations, {name = "studie", meta = {}} = {}) {
  const tables = async () => (await exporter()).studyExport(evaluations());
  /**
   * @param {string} label
   * @param {string} format
   * @param {() => void | Promise<void>} make
   */
  const button = (label, format, make) => {
    const b = el("button", {type: "button", class: "study-download", "data-format": format}, label);
    b.addEventListener("click", async () => {
      b.disabled = true;
      try {
        await make();
      } finally {
        b.disabled = false;
      }
    });
    return b;
  };
  const csv = button("CSV", "csv", async () => {
    const {studyExportLong} = await exporter();
    const {columns, rows} = studyExportLong(await tables());
    save(new Blob([toCsv(rows, columns)], {type: "text/csv;charset=utf-8"}), `${name}.csv`);
  });
  const json = button("JSON", "json", async () => {
    const {exportColumns, exportTableNames} = await exporter();
    const x = await tables();
    const out = {
      ...meta,
      tabellen: Object.fromEntries(
        /** @type {[keyof StudyExport, string][]} */ (Object.entries(exportTableNames)).map(([key, table]) => [table, {kolommen: exportColumns[key].map((c) => ({naam: c.key, omschrijving: c.label})), rijen: x[key]}])
      )
    };
    save(new Blob([JSON.stringify(out, null, 1)], {type: "application/json"}), `${name}.json`);
  });
  const xlsx = button("Excel (XLSX)", "xlsx", async () => {
    const {studyExportSheets} = await exporter();
    const sheets = studyExportSheets(await tables());
    const {default: writeXlsxFile} = await import("write-excel-file/browser");
    /**
     * @param {SheetCell} c
     * @returns {import("./types.js").SheetRow[number]}
     */
    const cell = (c) => (c === null ? null : c.kind === "number" ? {value: c.value, type: Number, format: c.format} : c.bold ? {value: c.value, type: String, fontWeight: "bold"} : {value: c.value, type: String});
    const blob = await writeXlsxFile(sheets.map((s) => ({data: s.rows.map((r) => r.map(cell)), sheet: s.sheet, stickyRowsCount: 1}))).toBlob();
    save(blob, `${name}.xlsx`);
  });
  return el(
    "div",
    {class: "study-downloads downloads"},
    el("strong", {}, "Hele studie downloaden: "),
    csv, " ", json, " ", xlsx,
    el("p", {class: "muted"}, "Alle invoer (uitgangswaarde, eenheid, bron, prijspeil en de waarde die u hier instelde), de bedragen per post, belanghebbende en jaar (niet verdisconteerd en als contante waarde) en de totalen. De CSV is één bestand met een kolom “tabel” (invoer, resultaten, totalen), voor Nederlandse Excel: puntkomma tussen de velden, komma als decimaalteken; het Excel-bestand heeft een werkblad per tabel.")
  );
}
