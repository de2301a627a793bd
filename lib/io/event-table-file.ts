// Event-table files: CSV with the columns group, months, exit, count (one row per cell), as written
// by `rendement aggregate` and read by `rendement curves`. Node only.
import {closeSync, openSync, readFileSync, readSync, writeFileSync} from "node:fs";
import {csvFormatRows, csvParseRows} from "d3-dsv";
import {CohortFileError} from "./cohort-file.js";
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

/** Read and check an event table; every problem is `file:line: field: expected ..., found ...`. */
export function readEventTable(path: string): EventCount[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new CohortFileError(path, [`${path}: cannot read file: ${(error as Error).message}`]);
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== "");
  const header = headerIndex < 0 ? [] : (csvParseRows(lines[headerIndex])[0] ?? []).map((c) => c.trim().toLowerCase());
  if (!isEventTableHeader(header))
    throw new CohortFileError(path, [`${path}:${headerIndex + 1}: header: expected the event table columns ${EVENT_TABLE_COLUMNS.join(",")}, found ${header.join(",")}`]);
  const col = Object.fromEntries(EVENT_TABLE_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof EVENT_TABLE_COLUMNS)[number], number>;
  const counts: EventCount[] = [];
  const problems: string[] = [];
  for (let i = headerIndex + 1; i < lines.length; ++i) {
    if (lines[i].trim() === "") continue;
    const line = i + 1;
    const cells = csvParseRows(lines[i])[0] ?? [];
    if (cells.length !== 4) {
      problems.push(`${path}:${line}: row: expected 4 fields as in the header, found ${cells.length}`);
      continue;
    }
    const group = cells[col.group].trim();
    const exit = cells[col.exit].trim().toLowerCase();
    const monthsText = cells[col.months].trim();
    const countText = cells[col.count].trim();
    const months = /^\d+(\.\d+)?(e[-+]?\d+)?$/i.test(monthsText) ? Number(monthsText) : NaN;
    const count = /^\d+$/.test(countText) ? Number(countText) : NaN;
    if (group === "") problems.push(`${path}:${line}: group: expected a non-empty group name, found blank`);
    if (!(months >= 0 && Number.isFinite(months))) problems.push(`${path}:${line}: months: expected a duration in months >= 0, found ${show(cells[col.months])}`);
    if (exit === "") problems.push(`${path}:${line}: exit: expected ${CENSORED} or an exit type, found blank`);
    if (!Number.isSafeInteger(count)) problems.push(`${path}:${line}: count: expected a whole number of persons >= 0, found ${show(cells[col.count])}`);
    counts.push({group, months, exit, count});
  }
  if (problems.length) throw new CohortFileError(path, problems);
  if (!counts.length) throw new CohortFileError(path, [`${path}:${headerIndex + 2}: row: expected at least one cell, found none`]);
  return counts;
}

/** Event table as CSV text (months with full precision, so curves from the file equal curves from the data). */
export function formatEventTable(counts: readonly EventCount[]): string {
  return csvFormatRows([[...EVENT_TABLE_COLUMNS], ...counts.map((c) => [c.group, String(c.months), c.exit, String(c.count)])]) + "\n";
}

export function writeEventTable(path: string, counts: readonly EventCount[]): void {
  writeFileSync(path, formatEventTable(counts));
}
