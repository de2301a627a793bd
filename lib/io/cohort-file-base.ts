// The parts of reading a cohort file that every reader shares and that need no zod: the format of a
// header, the error for an unusable file, RFC 4180 rows with their lines, and the exclusion rules a
// command applies to what a reader returned (CSV in process, DuckDB, a database server).
// lib/io/cohort-file.ts re-exports all of it beside the in-process reader (zod), which the DuckDB
// path of `rendement curves` and `rendement aggregate` does not load.
import {csvParseRows} from "d3-dsv";
import {maxExcludedProblem, summarizeExclusions, unknownColumnsWarning, type ExcludedRow, type ExclusionSummary} from "../cohort/exclusions.js";

export type CohortFormat = "full" | "duration";

export type {ExcludedRow} from "../cohort/exclusions.js";
export type CohortFileSummary = ExclusionSummary & {format: CohortFormat};

/** A file that cannot be used at all: unreadable, unknown header, a missing column, no valid row, or too many excluded rows. */
export class CohortFileError extends Error {
  readonly file: string;
  readonly problems: string[];
  constructor(file: string, problems: string[]) {
    super(problems.join("\n"));
    this.name = "CohortFileError";
    this.file = file;
    this.problems = problems;
  }
}

/**
 * Which format a header belongs to: `exit_type` or `follow_up_start` → full cohort; otherwise
 * `months` or `exit` → duration table (a missing column of the detected format is then reported).
 */
export function detectFormat(header: string[]): CohortFormat | null {
  const h = new Set(header.map((c) => c.trim().toLowerCase()));
  if (h.has("exit_type") || h.has("follow_up_start")) return "full";
  if (h.has("months") || h.has("exit")) return "duration";
  return null;
}

/** Lines a parsed row spans beyond its first: the line breaks inside its quoted fields. */
const innerLineBreaks = (cells: string[]): number => {
  let n = 0;
  for (const c of cells) if (c.includes("\n") || c.includes("\r")) n += c.match(/\r\n|\r|\n/g)!.length;
  return n;
};

/**
 * CSV rows by RFC 4180 over the whole text (a quoted line break stays in its cell; a leading BOM is
 * dropped), with the 1-based line on which each row starts, for `file:line` messages.
 */
export function csvRowsWithLines(text: string): {rows: string[][]; startLine: number[]} {
  const rows = csvParseRows(text.replace(/^\uFEFF/, ""));
  const startLine: number[] = [];
  let next = 1;
  for (const cells of rows) {
    startLine.push(next);
    next += 1 + innerLineBreaks(cells);
  }
  return {rows, startLine};
}

/** What a command prints on stderr after reading: the unknown-column warning and the exclusion summary (empty when neither). */
export function formatExclusions(result: {excluded: ExcludedRow[]; summary: CohortFileSummary; warnings?: string[]}): string {
  return [...(result.warnings ?? []), ...(result.excluded.length ? [summarizeExclusions(result.summary, result.excluded)] : [])].join("\n");
}

/**
 * The exclusion rules every command applies to what a reader returned (CSV in process, DuckDB, a
 * database server): more than `maxExcluded` of the rows excluded throws CohortFileError with the
 * --max-excluded message, the unknown-column warning and the summary; otherwise returns the notes a
 * command prints on stderr (empty when there are none). `headerLine` is where the unknown columns are.
 */
export function applyExclusionRules(
  result: {excluded: ExcludedRow[]; summary: CohortFileSummary; warnings?: string[]},
  maxExcluded: number,
  headerLine = 1
): string {
  const {summary} = result;
  const warnings =
    result.warnings ?? (summary.ignoredColumns.length ? [unknownColumnsWarning(summary.file, headerLine, summary.ignoredColumns, summary.format === "duration" ? "duration table" : "full cohort")] : []);
  const tooMany = maxExcludedProblem(summary, maxExcluded);
  if (tooMany) throw new CohortFileError(summary.file, [tooMany, ...warnings, summarizeExclusions(summary, result.excluded)]);
  return formatExclusions({...result, warnings});
}
