// The study report (lib/report/study-report.ts) drawn as a page, and written as a Word document in
// the browser. Both read the same document model, so the page and the file show the same sections,
// rows and words. The Word writer (the `docx` package) is loaded only when the reader clicks the
// download button, so it does not weigh on the page (tests/site/js-size.test.ts).
import {el, scrollTable} from "./provenance.js";
import {badge} from "./verdictBadge.js";
import {tableCards} from "./labels.js";

/** @typedef {import("../lib/report/study-report.js").ReportDocument} ReportDocument */
/** @typedef {import("../lib/report/study-report.js").ReportBlock} ReportBlock */
/** @typedef {import("../lib/report/study-report.js").ReportCell} ReportCell */
/** @typedef {import("../lib/report/study-report.js").ReportTable} ReportTable */

/** @param {ReportCell} cell */
const cellText = (cell) => (typeof cell === "string" ? cell : cell.text);

/**
 * @param {ReportCell} cell
 * @param {{align?: "left" | "right"}} column
 */
function cellElement(cell, column) {
  const text = cellText(cell);
  /** @type {Node | string} */
  let content = text;
  if (typeof cell !== "string" && cell.verdict) content = badge(cell.verdict, text);
  else if (typeof cell !== "string" && cell.marked) content = el("strong", {class: "report-changed"}, text);
  // A long value (a series per year) wraps between its numbers; an amount never breaks.
  if (column.align === "right" && text.length > 24) content = el("span", {class: "wraps"}, content);
  return el("td", {style: {textAlign: column.align ?? "left"}}, content);
}

/** @param {ReportTable} t */
function tableElement(t) {
  const table = el(
    "table",
    {class: "report-table", "aria-label": t.caption},
    el("thead", {}, el("tr", {}, t.columns.map((c) => el("th", {style: {textAlign: c.align ?? "left"}}, c.label)))),
    el(
      "tbody",
      {},
      t.rows.map((r) => {
        const row = el("tr", {class: r.marked ? "report-row-changed" : ""}, r.cells.map((c, i) => cellElement(c, t.columns[i] ?? {})));
        if (r.key) {
          row.dataset.input = r.key;
          if (r.min !== undefined) row.dataset.min = String(r.min);
          if (r.max !== undefined) row.dataset.max = String(r.max);
          row.dataset.changed = r.marked ? "true" : "false";
        }
        return row;
      })
    )
  );
  return el("figure", {class: "report-figure"}, el("figcaption", {}, t.caption), tableCards(scrollTable(table)));
}

/** @param {ReportBlock} b */
function blockElement(b) {
  switch (b.kind) {
    case "heading":
      return el(b.level === 2 ? "h2" : "h3", b.id ? {id: b.id} : {}, b.text);
    case "paragraph":
      return el("p", {class: b.tone === "warning" ? "state-message report-warning" : b.tone === "note" ? "report-note" : ""}, b.text);
    case "list":
      return el("ul", {}, b.items.map((i) => el("li", {}, i)));
    case "table":
      return tableElement(b);
  }
}

/**
 * The report as page content (the title is the page's own h1).
 * @param {ReportDocument} doc
 */
export function reportElement(doc) {
  const article = el("article", {class: "study-report"}, el("p", {class: "report-subtitle"}, doc.subtitle), doc.blocks.map(blockElement));
  // The figures the browser test reads back from the Word file.
  article.dataset.saldi = JSON.stringify(doc.saldi.map((s) => s.text));
  return article;
}

/**
 * The report as a Word document (a Blob), built with the `docx` package, loaded here on demand.
 * @param {ReportDocument} doc
 * @param {{address?: string, footer?: string}} [options]
 */
export async function reportDocx(doc, {address = "", footer = ""} = {}) {
  const docx = await import("docx");
  const {Document, Packer, Paragraph, TextRun, Table, TableRow, TableCell, HeadingLevel, WidthType, AlignmentType, ShadingType, PageOrientation, Footer, PageNumber} = docx;
  const FONT = "Calibri";
  /** @param {string} text @param {{bold?: boolean, italics?: boolean, color?: string, size?: number}} [o] */
  const run = (text, o = {}) => new TextRun({text, font: FONT, size: o.size ?? 20, bold: o.bold, italics: o.italics, color: o.color});
  /** @type {any[]} */
  const children = [
    new Paragraph({heading: HeadingLevel.TITLE, children: [run(doc.title, {size: 36, bold: true})]}),
    new Paragraph({spacing: {after: 200}, children: [run(doc.subtitle, {italics: true})]})
  ];
  if (address) children.push(new Paragraph({spacing: {after: 200}, children: [run(`Adres met deze invoer: ${address}`, {size: 16, color: "555555"})]}));
  const MARK = "FFF2A8";
  for (const b of doc.blocks) {
    if (b.kind === "heading") {
      children.push(new Paragraph({heading: b.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, spacing: {before: 240, after: 120}, children: [run(b.text, {bold: true, size: b.level === 2 ? 28 : 24})]}));
    } else if (b.kind === "paragraph") {
      children.push(new Paragraph({spacing: {after: 120}, children: [run(b.text, {bold: b.tone === "note", color: b.tone === "warning" ? "8A1C1C" : undefined})]}));
    } else if (b.kind === "list") {
      for (const i of b.items) children.push(new Paragraph({bullet: {level: 0}, children: [run(i)]}));
    } else {
      children.push(new Paragraph({spacing: {before: 120, after: 60}, children: [run(b.caption, {bold: true, size: 18})]}));
      const cell = (/** @type {ReportCell} */ c, /** @type {{align?: string}} */ col, /** @type {{header?: boolean, marked?: boolean}} */ o = {}) =>
        new TableCell({
          shading: o.header ? {type: ShadingType.CLEAR, fill: "E8EEF5", color: "auto"} : o.marked ? {type: ShadingType.CLEAR, fill: MARK, color: "auto"} : undefined,
          margins: {top: 40, bottom: 40, left: 80, right: 80},
          children: [new Paragraph({alignment: col.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run(cellText(c), {size: 17, bold: o.header || (typeof c !== "string" && (c.marked || !!c.verdict))})]})]
        });
      children.push(
        new Table({
          width: {size: 100, type: WidthType.PERCENTAGE},
          rows: [
            new TableRow({tableHeader: true, children: b.columns.map((c) => cell(c.label, c, {header: true}))}),
            ...b.rows.map((r) => new TableRow({cantSplit: true, children: r.cells.map((c, i) => cell(c, b.columns[i] ?? {}, {marked: r.marked}))}))
          ]
        })
      );
    }
  }
  if (footer) children.push(new Paragraph({spacing: {before: 360}, children: [run(footer, {size: 16, color: "555555"})]}));
  const document = new Document({
    creator: "Rendement",
    title: doc.title,
    description: doc.subtitle,
    styles: {default: {document: {run: {font: FONT}}}},
    // A4 portrait (twips), 2 cm margins; every page says what it is and its number.
    sections: [
      {
        properties: {page: {size: {orientation: PageOrientation.PORTRAIT, width: 11906, height: 16838}, margin: {top: 1134, bottom: 1134, left: 1134, right: 1134}}},
        footers: {default: new Footer({children: [new Paragraph({alignment: AlignmentType.CENTER, children: [new TextRun({font: FONT, size: 16, color: "555555", children: [`${doc.title} · pagina `, PageNumber.CURRENT, " van ", PageNumber.TOTAL_PAGES]})]})]})},
        children
      }
    ]
  });
  return Packer.toBlob(document);
}

/**
 * The buttons above the report: print (A4) and download as Word (.docx).
 * @param {() => ReportDocument} current the report at the page's current address
 * @param {{footer?: string}} [options]
 */
export function reportActions(current, {footer = ""} = {}) {
  const print = el("button", {type: "button", class: "report-print"}, "Afdrukken (A4)");
  print.addEventListener("click", () => window.print());
  const word = el("button", {type: "button", class: "report-docx"}, "Downloaden als Word-document (.docx)");
  const status = el("span", {class: "muted report-status", role: "status"});
  word.addEventListener("click", async () => {
    word.disabled = true;
    status.textContent = "Het Word-document wordt gemaakt…";
    try {
      const doc = current();
      const blob = await reportDocx(doc, {address: location.href, footer});
      const url = URL.createObjectURL(blob);
      const a = el("a", {href: url, download: `${doc.filename}.docx`});
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      status.textContent = "";
    } catch (error) {
      status.textContent = `Het Word-document kon niet worden gemaakt: ${/** @type {Error} */ (error).message}`;
    } finally {
      word.disabled = false;
    }
  });
  return el("p", {class: "report-actions"}, print, " ", word, " ", status);
}
