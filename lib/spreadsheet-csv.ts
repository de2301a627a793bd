// CSV for spreadsheets (browser-safe): the one writer behind every CSV download a reader opens in
// Excel (tables under a chart, the whole-study download, the kengetallen register).
//
// - Dutch Excel opens it as it is: a UTF-8 byte-order mark, `;` between fields, a decimal comma in
//   numbers (no thousands grouping), CRLF line ends, RFC 4180 quoting (a field with `;`, `"`, CR or
//   LF is quoted, quotes doubled). No `sep=` line: with one, Excel ignores the BOM and misreads é, €.
// - Formula injection (issue 17, case 11): a text cell that starts with `=`, `+`, `-`, `@`, a tab or
//   a CR is prefixed with `'`, so a spreadsheet shows it as text and never evaluates it. Numbers are
//   never touched: a negative number stays a number (-1,5), and so does text that is a plain number.
//
// Interchange files that Rendement reads back (the aggregate event table) are not written here.

/** The UTF-8 byte-order mark that makes Excel read the file as UTF-8. */
export const BOM = "\uFEFF";
export const SEPARATOR = ";";

const PLAIN_NUMBER = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/;

/**
 * A text cell made safe for a spreadsheet: a leading `=`, `+`, `-`, `@`, tab or CR gets a `'` in
 * front (OWASP "CSV injection"); a text that is a plain number ("-12", "+3,5") is left as it is.
 */
export function neutralizeCell(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text)) return text;
  if (PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/** A number as Dutch Excel reads it: decimal comma, no grouping, full precision ("-1234,5"). */
export function spreadsheetNumber(v: number): string {
  return Number.isFinite(v) ? String(v).replace(".", ",") : "";
}

/** One field: numbers with a decimal comma, text neutralised and quoted when needed; null/undefined empty. */
export function spreadsheetField(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return spreadsheetNumber(v);
  const s = neutralizeCell(Array.isArray(v) ? v.join("; ") : String(v));
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A header and rows of fields as spreadsheet CSV text (with the BOM, CRLF after every line). */
export function spreadsheetCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const line = (fields: readonly unknown[]) => fields.map(spreadsheetField).join(SEPARATOR);
  return BOM + [line(header), ...rows.map(line)].join("\r\n") + "\r\n";
}

/** A column of a table: its key in the row, its header label, or a function giving the raw value. */
export interface CsvColumn<R> {
  key: string;
  label?: string;
  value?: (row: R) => unknown;
}

/** Rows of objects as spreadsheet CSV, one column per `columns` entry (raw values, not display text). */
export function rowsToSpreadsheetCsv<R extends Record<string, unknown>>(rows: readonly R[], columns: readonly CsvColumn<R>[]): string {
  return spreadsheetCsv(
    columns.map((c) => c.label ?? c.key),
    rows.map((r) => columns.map((c) => (typeof c.value === "function" ? c.value(r) : r[c.key])))
  );
}
