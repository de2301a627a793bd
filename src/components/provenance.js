// "Waar komt dit getal vandaan": render an Explanation tree (lib/model/explain.ts) or a post's
// valuation (explainPost) as nested lists, each formula with its values filled in and each leaf
// with its source or assumption.
//
// This module also holds the small DOM helpers the other components share: `el` (create an HTML or
// SVG element), `numbersTable` (the numbers behind a chart as a <details> table with a CSV
// download) and `sourceText` (a Dutch citation of a source object). No htl: Framework 1.13 cannot
// resolve htl 1.0.0 by bare specifier, so elements are built with the DOM API.
import {formatEuro, formatNumber, formatPercent, formatQuantity, isKnownUnit, parseUnit} from "../lib/format.js";
import {formatSourceNl} from "../lib/kengetallen/describe.js";
import {rowsToSpreadsheetCsv} from "../lib/spreadsheet-csv.js";

/** @typedef {import("../lib/model/explain.js").Explanation} Explanation */
/** @typedef {import("../lib/model/explain.js").PostExplanation} PostExplanation */
/** @typedef {import("../lib/model/evaluate.js").LeafValue} LeafValue */
/** A row of a numbers table: any record; a column reads `row[key]` or `value(row)`. */
/** @typedef {Record<string, any>} Row */
/**
 * A column of a numbers table (see `numbersTable`).
 * @typedef {object} Column
 * @property {string} key
 * @property {string} [label]
 * @property {(v: any, row: Row) => string} [format]
 * @property {(row: Row) => unknown} [value]
 * @property {"left" | "right" | "center"} [align]
 * @property {(row: Row) => Node} [explain]
 */
/** Attributes of `el`: `on…` handlers, `style` as an object, true for an empty attribute; null/undefined/false are skipped. */
/** @typedef {Record<string, unknown> | null} Attributes */
/**
 * The element `el(tag)` makes: an SVG element for the SVG tags (SVG_TAGS), else the HTML element.
 * @template {string} T
 * @typedef {T extends SvgTag ? SVGElementTagNameMap[T] : T extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[T] : HTMLElement} ElementFor
 */
/** @typedef {"svg" | "g" | "rect" | "path" | "line" | "circle" | "text" | "tspan" | "defs" | "marker" | "pattern" | "title" | "polygon" | "polyline" | "ellipse" | "foreignObject"} SvgTag */

const SVG_NS = "http://www.w3.org/2000/svg";
const SVG_TAGS = new Set(["svg", "g", "rect", "path", "line", "circle", "text", "tspan", "defs", "marker", "pattern", "title", "polygon", "polyline", "ellipse", "foreignObject"]);

/**
 * Create an element: `el("div", {class: "x", onclick: f}, child, "text", [more])`. SVG tags get the
 * SVG namespace; `style` may be an object; null/undefined/false children are skipped.
 * @template {string} T
 * @param {T} tag
 * @param {Attributes} [attrs]
 * @param {...unknown} children
 * @returns {ElementFor<T>}
 */
export function el(tag, attrs = {}, ...children) {
  const node = SVG_TAGS.has(tag) ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), /** @type {EventListener} */ (v));
    else if (k === "style" && typeof v === "object") Object.assign(node.style, v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  /** @param {unknown} c */
  const add = (c) => {
    if (c === undefined || c === null || c === false) return;
    if (Array.isArray(c)) c.forEach(add);
    else node.append(c instanceof Node ? c : String(c));
  };
  children.forEach(add);
  return /** @type {ElementFor<T>} */ (/** @type {unknown} */ (node));
}

/**
 * Rows as CSV for a spreadsheet, through the one writer lib/spreadsheet-csv.ts: opens in Dutch Excel
 * (UTF-8 BOM, `;` separator, decimal comma, CRLF, RFC 4180 quoting) and neutralises text cells that
 * start with =, +, -, @, tab or CR. Raw values (`value(row)` or `row[key]`), not display text.
 * @param {Row[]} rows
 * @param {Column[]} columns
 */
export function toCsv(rows, columns) {
  return rowsToSpreadsheetCsv(rows, /** @type {any} */ (columns));
}

/** A link that downloads `rows` as JSON: the raw values (numbers as numbers), with the column labels. */
/**
 * @param {Row[] | (() => Row[])} rows the rows, or where to read them when clicked
 * @param {Column[]} columns
 * @param {string} filename
 */
export function jsonLink(rows, columns, filename) {
  const a = el("a", {href: "#", download: filename, class: "json-download"}, `Downloaden als JSON (${filename})`);
  a.addEventListener("click", () => {
    const data = {columns: columns.map((c) => ({key: c.key, label: c.label ?? c.key})), rows: rowsOf(rows).map((r) => Object.fromEntries(columns.map((c) => [c.key, typeof c.value === "function" ? c.value(r) : r[c.key] ?? null])))};
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], {type: "application/json"}));
    a.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  return a;
}

/**
 * The Excel display format for a column, from how the page formats its first number: amounts
 * ("€ 1.234") as euro, percentages as percent (of a fraction, or of a number already in percent),
 * other numbers with thousands grouping. Excel shows these with the reader's own separators (a Dutch
 * Excel writes € 1.234,5); the cell holds the number itself.
 */
/**
 * @param {Column} column
 * @param {Row[]} rows
 * @returns {string | undefined}
 */
export function xlsxFormat(column, rows) {
  const r = rows.find((row) => typeof (typeof column.value === "function" ? column.value(row) : row[column.key]) === "number");
  if (!r) return undefined;
  const v = typeof column.value === "function" ? column.value(r) : r[column.key];
  const text = String(column.format ? column.format(v, r) : "");
  const decimals = /,\d/.test(text) ? "." + "0".repeat((text.match(/,(\d+)/) ?? ["", "00"])[1].length) : "";
  if (/^€/.test(text.trim())) return `[$€-413] #,##0${decimals}`;
  if (/%$/.test(text.trim())) return Math.abs(v) <= 1.5 && Math.abs(v * 100 - parseFloat(text.replace(/\./g, "").replace(",", "."))) < 1 ? `0${decimals || ".0"}%` : `0${decimals || ".0"}"%"`;
  return "#,##0.###";
}

/** The rows as XLSX cells: a header row, then numbers as numbers (with a display format) and text as text. */
/**
 * @param {Row[]} rows
 * @param {Column[]} columns
 * @returns {import("./types.js").SheetData}
 */
export function xlsxData(rows, columns) {
  const formats = columns.map((c) => xlsxFormat(c, rows));
  /** @type {import("./types.js").SheetRow} */
  const header = columns.map((c) => ({value: c.label ?? c.key, fontWeight: "bold"}));
  const body = rows.map((r) =>
    columns.map((c, i) => {
      const v = typeof c.value === "function" ? c.value(r) : r[c.key];
      if (typeof v === "number" && Number.isFinite(v)) return {value: v, type: Number, format: formats[i]};
      if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) return null;
      return {value: Array.isArray(v) ? v.join("; ") : String(v), type: String};
    })
  );
  return [header, ...body];
}

/**
 * A button that downloads `rows` as XLSX. The XLSX writer (write-excel-file) is loaded only when
 * clicked, so it does not weigh on the page.
 */
/**
 * @param {Row[] | (() => Row[])} rows the rows, or where to read them when clicked
 * @param {Column[]} columns
 * @param {string} filename
 */
export function xlsxButton(rows, columns, filename) {
  const button = el("button", {type: "button", class: "xlsx-download"}, `Downloaden als Excel (${filename})`);
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const {default: writeXlsxFile} = await import("write-excel-file/browser");
      const blob = await writeXlsxFile(xlsxData(rowsOf(rows), columns)).toBlob();
      const url = URL.createObjectURL(blob);
      const a = el("a", {href: url, download: filename});
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

/**
 * @param {Row[] | (() => Row[])} rows
 * @returns {Row[]}
 */
const rowsOf = (rows) => (typeof rows === "function" ? rows() : rows);

/** A link that downloads `rows` as CSV (built as a Blob when clicked). */
/**
 * @param {Row[] | (() => Row[])} rows the rows, or where to read them when clicked
 * @param {Column[]} columns
 * @param {string} filename
 */
export function csvLink(rows, columns, filename) {
  const a = el("a", {href: "#", download: filename, class: "csv-download"}, `Downloaden als CSV (${filename})`);
  a.addEventListener("click", () => {
    const blob = new Blob([toCsv(rowsOf(rows), columns)], {type: "text/csv;charset=utf-8"});
    const url = URL.createObjectURL(blob);
    a.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  return a;
}

/**
 * A result number the reader can click to see how it was computed: a button showing `content`
 * that opens a dialog with `render()` (normally `postValuation(explainPost(e, post, scope))` or
 * `provenance(explain(e, name))`: formula, quantities, kengetallen with source and price year).
 * Use it for every result number on a page: cards, table cells, cockpit cells.
 * @param {unknown} content
 * @param {() => unknown} render
 * @param {{title?: string}} [options]
 */
export function explainable(content, render, {title = "Hoe is dit getal berekend?"} = {}) {
  const button = el("button", {type: "button", class: "explainable", title: "Klik om te zien hoe dit getal is berekend"}, content);
  button.addEventListener("click", () => {
    const close = el("button", {type: "button", class: "explain-close"}, "Sluiten");
    const dialog = el("dialog", {class: "explain-dialog", "aria-label": title}, el("div", {class: "explain-dialog-head"}, el("strong", {}, title || "Hoe is dit getal berekend?"), close), render());
    close.addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
  });
  return button;
}

/**
 * The numbers behind a chart: a collapsible table plus CSV and JSON downloads.
 * `columns`: [{key, label, format?, value?, align?, explain?}]; `format` turns a value into Dutch
 * text; `explain(row)` makes each number of that column clickable (see `explainable`).
 * The element's `update(rows)` shows new rows in place (a slider move changes the text of the cells,
 * not the table: no new elements, no new layout of the page); the downloads and the explanations
 * always use the rows shown last.
 * @param {Row[]} rows
 * @param {Column[]} columns
 * @param {{summary?: string, filename?: string, open?: boolean}} [options]
 * @returns {HTMLDetailsElement & {update: (rows: Row[]) => void}}
 */
export function numbersTable(rows, columns, {summary = "Cijfers bij deze grafiek", filename = "cijfers.csv", open = false} = {}) {
  let current = rows;
  /** @type {{td: HTMLTableCellElement, shown: unknown}[][]} */
  let cells = [];
  /**
   * What cell (row k, column c) shows: a clickable number reads its row when clicked.
   * @param {number} k
   * @param {Column} c
   */
  const content = (k, c) => {
    const r = current[k];
    const v = typeof c.value === "function" ? c.value(r) : r[c.key];
    const text = c.format ? c.format(v, r) : v ?? "";
    return {v, text, button: typeof c.explain === "function" && typeof v === "number"};
  };
  /** @param {number} k */
  const row = (k) =>
    el(
      "tr",
      {},
      columns.map((c, i) => {
        const {v, text, button} = content(k, c);
        const r = current[k];
        const shown = button ? explainable(text, () => /** @type {(row: Row) => Node} */ (c.explain)(current[k]), {title: `${r.label ?? ""}${c.label ? ` — ${c.label}` : ""}`}) : text;
        // A number is never split across two lines: a wide table scrolls sideways instead.
        return el("td", {style: {textAlign: c.align ?? (typeof v === "number" ? "right" : "left"), ...(typeof v === "number" ? {whiteSpace: "nowrap"} : {}), ...(i === 0 ? {minWidth: "7em"} : {})}}, shown);
      })
    );
  const tbody = el("tbody", {});
  const fill = () => {
    const trs = current.map((_, k) => row(k));
    tbody.replaceChildren(...trs);
    cells = trs.map((tr, k) => Array.from(tr.children, (td, i) => ({td: /** @type {HTMLTableCellElement} */ (td), shown: content(k, columns[i]).text})));
  };
  fill();
  const table = el("table", {class: "numbers-table", style: {maxWidth: "none", fontSize: "13px"}}, el("thead", {}, el("tr", {}, columns.map((c) => el("th", {style: {textAlign: c.align ?? "left"}}, c.label ?? c.key)))), tbody);
  const details = /** @type {HTMLDetailsElement & {update: (rows: Row[]) => void}} */ (
    el("details", {class: "numbers", open}, el("summary", {}, summary), scrollTable(table), el("p", {class: "downloads"}, csvLink(() => current, columns, filename), " · ", jsonLink(() => current, columns, filename.replace(/\.csv$/, "") + ".json"), " · ", xlsxButton(() => current, columns, filename.replace(/\.csv$/, "") + ".xlsx")))
  );
  details.update = (next) => {
    const sameShape = next.length === current.length;
    current = next;
    if (!sameShape) {
      fill();
      return;
    }
    cells.forEach((line, k) =>
      line.forEach((cell, i) => {
        const {text, button} = content(k, columns[i]);
        if (text === cell.shown) return;
        cell.shown = text;
        const first = cell.td.firstElementChild;
        // Text in place where the cell holds text (or a clickable number's button holding text); anything else is redrawn.
        if (typeof text === "string" && button && first instanceof HTMLButtonElement && first.classList.contains("explainable")) first.textContent = text;
        else if (typeof text === "string" && !button && !first) cell.td.textContent = text;
        else cell.td.replaceWith((cell.td = /** @type {HTMLTableCellElement} */ (/** @type {HTMLElement} */ (row(k).children[i]))));
      })
    );
  };
  return details;
}

/**
 * A wide table in its own horizontal scroll box, first column sticky (CSS `.table-scroll` in
 * src/style.css): the page never grows wider than the screen. Use it for every hand-built table.
 * @param {Node} table
 */
export function scrollTable(table) {
  return el("div", {class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Tabel, opzij te schuiven"}, table);
}

/** A Dutch citation of a source: a registry/model source object, a plain title, or nothing. */
/**
 * @param {unknown} source
 * @returns {string}
 */
export function sourceText(source) {
  if (!source) return "";
  if (typeof source === "string") return source;
  if (typeof source === "object" && /** @type {{title?: unknown}} */ (source).title) {
    const cited = /** @type {import("../lib/schema/kengetal.js").Source & {note?: string}} */ (source);
    try {
      const s = formatSourceNl(cited);
      return cited.seed ? `${s} (seed ${cited.seed}${cited.note ? `; ${cited.note}` : ""})` : cited.note ? `${s}; ${cited.note}` : s;
    } catch {
      return cited.title;
    }
  }
  return JSON.stringify(source);
}

/**
 * A value with its unit, Dutch style, through lib/format.ts formatQuantity: "€ 16.800 per jaar",
 * "4%", "230 personen", "1 maand". Amounts under € 100 with cents keep 2 decimals, shares keep a
 * decimal only when they have one. A series shows "(elk jaar)" when constant, else its first years.
 * A unit formatQuantity does not know is printed after the number as written.
 * @param {LeafValue | Float64Array} value
 * @param {string} [unit]
 * @returns {string}
 */
export function formatValue(value, unit = "") {
  /** @param {number} v */
  const one = (v) => {
    const base = unit ? parseUnit(unit).base : "";
    const digits =
      base === "€" ? (Math.abs(v) < 100 && !Number.isInteger(v) ? 2 : 0)
      : base === "fraction" ? (Math.abs(v * 100 - Math.round(v * 100)) > 1e-9 ? 1 : 0)
      : base === "€ miljoen" || base === "%" ? undefined
      : Number.isInteger(v) ? 0 : Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 1 ? 2 : 3;
    if (unit && isKnownUnit(unit)) return formatQuantity(v, unit, {digits});
    return `${formatNumber(v, digits ?? 2)}${unit ? ` ${unit}` : ""}`;
  };
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const arr = Array.from(value);
    const same = arr.every((x) => x === arr[0]);
    if (same) return `${one(arr[0])} (elk jaar)`;
    const shown = arr.slice(0, 8).map((x, t) => `jaar ${t}: ${one(x)}`).join("; ");
    return arr.length > 8 ? `${shown}; …` : shown;
  }
  return one(value);
}

/** Dutch-formatted numbers inside a filled-in formula ("12.5 * 16800" → "12,5 × 16.800"). */
/** @param {string | undefined} text */
export function dutchFormula(text) {
  if (!text) return "";
  return text
    .replace(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi, (m) => {
      const x = Number(m);
      if (!Number.isFinite(x)) return m;
      const digits = Number.isInteger(x) ? 0 : Math.min(4, Math.max(0, 4 - Math.floor(Math.log10(Math.abs(x)) + 1)));
      return formatNumber(x, digits).replace(/(,\d*?)0+$/, "$1").replace(/,$/, "");
    })
    .replace(/\s\*\s/g, " × ")
    .replace(/\s\/\s/g, " ∕ ");
}

/** @type {Record<string, string>} */
const kindLabel = {parameter: "parameter", kengetal: "kengetal", setting: "instelling", quantity: "grootheid", flow: "geldstroom"};

/** @param {LeafValue} value */
function total(value) {
  return Array.isArray(value) ? value.reduce((a, b) => a + b, 0) : value;
}

/** One node of an Explanation tree as a list item, recursing into its inputs. */
/**
 * @param {Explanation} x
 * @param {number} depth
 * @returns {HTMLLIElement}
 */
function explanationItem(x, depth) {
  const head = el(
    "div",
    {class: "prov-head"},
    el("strong", {}, x.label),
    " ",
    el("span", {class: "muted"}, `(${kindLabel[x.kind] ?? x.kind} ${x.name})`),
    ": ",
    Array.isArray(x.value) && x.year !== undefined
      ? [formatValue(x.value[x.year], x.unit), ` in jaar ${x.year}`, x.kind === "flow" || x.unit === "€" ? `; totaal over de looptijd ${formatValue(total(x.value), x.unit)}` : ""]
      : formatValue(x.value, x.unit)
  );
  const body = [];
  if (x.formula) {
    body.push(el("div", {class: "prov-formula"}, el("code", {}, x.formula)));
    if (x.filled) body.push(el("div", {class: "prov-formula"}, "= ", el("code", {}, dutchFormula(x.filled)), x.year !== undefined ? el("span", {class: "muted"}, ` (jaar ${x.year})`) : ""));
  }
  if (x.kind !== "quantity" && x.kind !== "flow") {
    if (x.source) body.push(el("div", {class: "prov-source"}, "Bron: ", sourceText(x.source)));
    if (x.assumption) body.push(el("div", {class: "prov-assumption"}, "Aanname: ", x.assumption));
    if (x.priceFactor && x.priceFactor !== 1) body.push(el("div", {class: "muted"}, `Omgerekend van prijspeil ${x.priceYear} met CPI-factor ${formatNumber(x.priceFactor, 4)}`));
  }
  if (x.repeated) body.push(el("div", {class: "muted"}, "(hierboven al uitgelegd)"));
  const children = !x.repeated && x.inputs?.length ? el("ul", {class: "prov-inputs"}, x.inputs.map((i) => explanationItem(i, depth + 1))) : null;
  return el("li", {class: `prov-node prov-${x.kind}`}, head, body, children);
}

/** Render an Explanation tree (from `explain(e, name)`). */
/** @param {Explanation} explanation */
export function provenance(explanation) {
  return el("div", {class: "provenance"}, el("ul", {class: "prov-root"}, explanationItem(explanation, 0)));
}

/**
 * Render a post's valuation (from `explainPost(e, post, scope)`): each line (flow per actor) with its
 * present value, formula and filled formula, then every kengetal and parameter behind the post.
 * `presentValues`: optional map flow id → present value of the line (signed for the actor).
 * @param {PostExplanation} px
 * @param {{presentValues?: Map<string, number>, actorLabel?: (actor: string) => string}} [options]
 */
export function postValuation(px, {presentValues, actorLabel = (a) => a} = {}) {
  const lines = px.lines.map((l) => {
    const x = l.explanation;
    const pv = presentValues?.get?.(`${l.flow}|${l.actor}`);
    return el(
      "li",
      {},
      el("strong", {}, l.label),
      ` — ${actorLabel(l.actor)} ${l.sign < 0 ? "betaalt" : "ontvangt"}`,
      pv !== undefined ? ` (contante waarde ${formatEuro(Math.abs(pv))})` : "",
      el("div", {class: "prov-formula"}, "Formule: ", el("code", {}, x.formula ?? "")),
      x.filled ? el("div", {class: "prov-formula"}, `Ingevuld${x.year !== undefined ? ` (jaar ${x.year})` : ""}: `, el("code", {}, dutchFormula(x.filled)), " = ", formatValue(Array.isArray(x.value) ? x.value[x.year ?? 0] : x.value, "€")) : "",
      x.inputs?.length ? el("details", {}, el("summary", {}, "Volledige afleiding"), provenance(x)) : ""
    );
  });
  const leaves = px.leaves.map((k) =>
    el(
      "li",
      {},
      el("strong", {}, k.label),
      " ",
      el("span", {class: "muted"}, `(${kindLabel[k.kind] ?? k.kind} ${k.name})`),
      `: ${formatValue(k.value, k.unit)}`,
      k.source ? el("div", {class: "prov-source"}, "Bron: ", sourceText(k.source)) : "",
      k.assumption ? el("div", {class: "prov-assumption"}, "Aanname: ", k.assumption) : ""
    )
  );
  return el(
    "div",
    {class: "provenance post-valuation"},
    el("h4", {}, `Waardering: ${px.label}`),
    px.lines.length ? el("ol", {}, lines) : el("p", {class: "muted"}, "Deze post heeft bij deze interventie geen geldstromen (PM of niet gewaardeerd)."),
    px.leaves.length ? [el("p", {}, el("strong", {}, "Kengetallen en parameters achter deze post")), el("ul", {}, leaves)] : ""
  );
}
