// Reads the spreadsheet CSV of lib/spreadsheet-csv.ts back into fields, for the tests (unit and
// browser) that check a download. Kept out of lib/ so that pages do not load it.
import {BOM, SEPARATOR} from "../lib/spreadsheet-csv.js";

/**
 * Read spreadsheet CSV back into fields (for tests and for checking a download): strips the BOM,
 * splits on `;` with RFC 4180 quotes. Numbers stay text.
 */
export function parseSpreadsheetCsv(text: string): string[][] {
  const s = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < s.length; ++i) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        ++i;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === SEPARATOR) {
      row.push(field);
      field = "";
    } else if (c === "\r" && s[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      ++i;
    } else field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
