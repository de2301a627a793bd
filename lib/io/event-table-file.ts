// Event-table files: CSV with the columns group, months, exit, count (one row per cell), as written
// by `rendement aggregate` and read by `rendement curves`. Node only.
import {closeSync, openSync, readSync, writeFileSync} from "node:fs";
import {readTextFile} from "./read-file.js";
import {csvFormatRows, csvParseRows} from "d3-dsv";
import {CohortFileError, csvRowsWithLines} from "./cohort-file-base.js";
import {CENSORED, type EventCount} from "../cohort/event-counts.js";

export const EVENT_TABLE_COLUMNS = ["group", "months", "exit", "count"] as const;

/** An event table is recognised by its header: exactly the columns group, months, exit, count (any order, any case). */
export function isEventTableHeader(header: string[]): boolean {
  const h = header.map((c) => c.trim().toLowerCase()).sort();
  return h.length === 4 && [...EVENT_TABLE_COLUMNS].sort().every((c, i) => h[i] === c);
}

/** The first non-blank line of a CSV file as column names (lower case), without reading the whole file. */
export function readCsvHeader(path: string): string[] | null {
  let text: string;
  try {
    const fd = openSync(path, "r");
    try {
      const buf = Buffer.alloc(65536);
      text = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString("utf8");
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  const line = text.replace(/^\uFEFF/, "").split(/\r?\n/).find((l) => l.trim() !== "");
  return line === undefined ? null : (csvParseRows(line)[0] ?? []).map((c) => c.trim().toLowerCase());
}

const show = (v: string) => (v === "" ? "blank" : JSON.stringify(v));

/**
 * A group name that a spreadsheet may run as a formula (CSV injection): it starts with =, +, -, @, a
 * tab or a carriage return. The event table is an interchange file that leaves a secure environment
 * and is opened in spreadsheets, so such names are refused on both sides (never prefixed or quoted
 * away: a prefix that a reader strips could silently turn one group into another).
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function unsafeGroupMessage(group: string): string | null {
  return FORMULA_START.test(group)
    ? `expected a group name that does not start with =, +, -, @, a tab or a carriage return (a spreadsheet may run it as a formula), found ${show(group)}`
    : null;
}

/** Lines a parsed row spans beyond its first: the line breaks inside its quoted fields. */

/** Read and check an event table; every problem is `file:line: field: expected ..., found ...`. */
export function readEventTable(path: string): EventCount[] {
  let text: string;
  try {
    text = readTextFile(path);
  } catch (error) {
    throw new CohortFileError(path, [`${path}: cannot read file: ${(error as Error).message}`]);
  }
  // RFC 4180 over the whole text, so a quoted line break inside a group name stays in its cell.
  const {rows: parsed, startLine} = csvRowsWithLines(text);
  const blank = (cells: string[]) => cells.length === 1 && cells[0].trim() === "";
  const headerIndex = parsed.findIndex((cells) => !blank(cells));
  const header = headerIndex < 0 ? [] : parsed[headerIndex].map((c) => c.trim().toLowerCase());
  const headerLine = headerIndex < 0 ? 1 : startLine[headerIndex];
  if (!isEventTableHeader(header))
    throw new CohortFileError(path, [`${path}:${headerLine}: header: expected the event table columns ${EVENT_TABLE_COLUMNS.join(",")}, found ${header.join(",")}`]);
  const col = Object.fromEntries(EVENT_TABLE_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof EVENT_TABLE_COLUMNS)[number], number>;
  const counts: EventCount[] = [];
  const problems: string[] = [];
  for (let i = headerIndex + 1; i < parsed.length; ++i) {
    const cells = parsed[i];
    if (blank(cells)) continue;
    const line = startLine[i];
    if (cells.length !== 4) {
      problems.push(`${path}:${line}: row: expected 4 fields as in the header, found ${cells.length}`);
      continue;
    }
    const rawGroup = cells[col.group];
    const group = rawGroup.replace(/^ +| +$/g, "");
    const exit = cells[col.exit].trim().toLowerCase();
    const monthsText = cells[col.months].trim();
    const countText = cells[col.count].trim();
    const months = /^\d+(\.\d+)?(e[-+]?\d+)?$/i.test(monthsText) ? Number(monthsText) : NaN;
    const count = /^\d+$/.test(countText) ? Number(countText) : NaN;
    if (group.trim() === "") problems.push(`${path}:${line}: group: expected a non-empty group name, found blank`);
    else {
      const unsafe = unsafeGroupMessage(group);
      if (unsafe) problems.push(`${path}:${line}: group: ${unsafe}`);
    }
    if (!(months >= 0 && Number.isFinite(months))) problems.push(`${path}:${line}: months: expected a duration in months >= 0, found ${show(cells[col.months])}`);
    if (exit === "") problems.push(`${path}:${line}: exit: expected ${CENSORED} or an exit type, found blank`);
    if (!Number.isSafeInteger(count)) problems.push(`${path}:${line}: count: expected a whole number of persons >= 0, found ${show(cells[col.count])}`);
    counts.push({group, months, exit, count});
  }
  if (problems.length) throw new CohortFileError(path, problems);
  if (!counts.length) throw new CohortFileError(path, [`${path}:${headerLine + 1}: row: expected at least one cell, found none`]);
  return counts;
}

/** Event table as CSV text (months with full precision, so curves from the file equal curves from the data). */
export function formatEventTable(counts: readonly EventCount[]): string {
  for (const c of counts) {
    const unsafe = unsafeGroupMessage(c.group);
    if (unsafe) throw new CohortFileError("event table", [`group: ${unsafe}`]);
  }
  return csvFormatRows([[...EVENT_TABLE_COLUMNS], ...counts.map((c) => [c.group, String(c.months), c.exit, String(c.count)])]) + "\n";
}

export function writeEventTable(path: string, counts: readonly EventCount[]): void {
  writeFileSync(path, formatEventTable(counts));
}
