// Read and validate cohort files (Node only: reads from disk). Every bad row is reported as
// `file:line: field: expected ..., found ...` and excluded with its reasons; nothing is dropped silently.
// The exclusion rules (messages, summary, --max-excluded) live in lib/cohort/exclusions.ts.
import {readTextFile} from "./read-file.js";
import {applyExclusionRules, CohortFileError, csvRowsWithLines, detectFormat, formatExclusions, type CohortFileSummary, type CohortFormat} from "./cohort-file-base.js";
import {
  DEFAULT_MAX_EXCLUDED,
  duplicateIdProblem,
  fieldCountProblem,
  maxExcludedProblem,
  rowMessage,
  showFound,
  summarizeExclusions,
  unknownColumnsWarning,
  type ExcludedRow,
  type RowProblem
} from "../cohort/exclusions.js";
import {
  cohortRowSchema,
  durationRowSchema,
  DURATION_COLUMNS,
  FULL_OPTIONAL_COLUMNS,
  FULL_REQUIRED_COLUMNS,
  type CohortRow,
  type DurationRow
} from "../schema/cohort.js";

// The zod-free parts (lib/io/cohort-file-base.ts), for the importers of this module.
export {applyExclusionRules, CohortFileError, csvRowsWithLines, detectFormat, formatExclusions, type CohortFileSummary, type CohortFormat};
export type {ExcludedRow} from "../cohort/exclusions.js";

export interface CohortFileResult<R> {
  format: CohortFormat;
  rows: R[];
  /** 1-based line of each accepted row, parallel to `rows`. */
  lines: number[];
  excluded: ExcludedRow[];
  summary: CohortFileSummary;
  /** Warnings that do not exclude anything (unknown columns), one line each. */
  warnings: string[];
}

export type AnyCohortFile = ({format: "full"} & CohortFileResult<CohortRow>) | ({format: "duration"} & CohortFileResult<DurationRow>);



const isBlank = (cells: string[]) => cells.length === 1 && cells[0].trim() === "";

export interface CohortReadOptions {
  /** The format to expect; detected from the header when absent. */
  expect?: CohortFormat;
  /** Largest share of excluded data rows before the file is refused (default DEFAULT_MAX_EXCLUDED; 1 accepts any). */
  maxExcluded?: number;
}

/**
 * Parse (RFC 4180, d3-dsv: quoted fields, quoted line breaks, "" for a quote) and validate CSV text.
 * `file` is used in messages only; line numbers are the file's lines, also after a quoted line break.
 * Throws CohortFileError when the header misses a required column, the format cannot be recognised,
 * every data row is bad, or more than `maxExcluded` of the rows are excluded.
 */
export function parseCohortText(text: string, file: string, options: CohortFormat | CohortReadOptions = {}): AnyCohortFile {
  const {expect, maxExcluded = DEFAULT_MAX_EXCLUDED} = typeof options === "string" ? {expect: options} : options;
  const {rows: parsed, startLine} = csvRowsWithLines(text);
  const headerIndex = parsed.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0) throw new CohortFileError(file, [`${file}:1: header: expected a header row, found an empty file`]);
  const headerLine = startLine[headerIndex];
  const header = parsed[headerIndex].map((c) => c.trim().toLowerCase());
  const format = expect ?? detectFormat(header);
  if (!format)
    throw new CohortFileError(file, [
      `${file}:${headerLine}: header: expected the duration table columns ${DURATION_COLUMNS.join(",")} or the full cohort columns ${FULL_REQUIRED_COLUMNS.join(",")}, found ${header.join(",")}`
    ]);
  const formatName = format === "duration" ? "duration table" : "full cohort";
  const required: readonly string[] = format === "duration" ? DURATION_COLUMNS : FULL_REQUIRED_COLUMNS;
  const known = new Set<string>(format === "duration" ? DURATION_COLUMNS : [...FULL_REQUIRED_COLUMNS, ...FULL_OPTIONAL_COLUMNS]);
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length)
    throw new CohortFileError(
      file,
      missing.map((c) => `${file}:${headerLine}: header: expected a column "${c}" (${formatName} format), found ${header.join(",")}`)
    );
  const dup = header.filter((c, i) => header.indexOf(c) !== i);
  if (dup.length) throw new CohortFileError(file, dup.map((c) => `${file}:${headerLine}: header: expected each column once, found "${c}" twice`));
  const ignoredColumns = header.filter((c) => !known.has(c));
  const warnings = ignoredColumns.length ? [unknownColumnsWarning(file, headerLine, ignoredColumns, formatName)] : [];
  const schema = format === "duration" ? durationRowSchema : cohortRowSchema;

  const rows: (CohortRow | DurationRow)[] = [];
  const rowLines: number[] = [];
  const excluded: ExcludedRow[] = [];
  const seen = new Map<string, number>();
  let read = 0;
  const exclude = (line: number, problems: RowProblem[]) => excluded.push({line, problems, reasons: problems.map((p) => rowMessage(file, line, p))});
  for (let i = headerIndex + 1; i < parsed.length; ++i) {
    const cells = parsed[i];
    if (isBlank(cells)) continue;
    const line = startLine[i];
    ++read;
    if (cells.length !== header.length) {
      exclude(line, [fieldCountProblem(header.length, cells.length)]);
      continue;
    }
    const raw: Record<string, string> = {};
    header.forEach((c, j) => {
      if (known.has(c)) raw[c] = cells[j];
    });
    const result = schema.safeParse(raw);
    const problems: RowProblem[] = [];
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.map(String).join(".") || "row";
        problems.push({field, expected: issue.message, found: showFound(raw[field])});
      }
    } else {
      const id = (result.data as {id: string}).id;
      const first = seen.get(id);
      if (first !== undefined) problems.push(duplicateIdProblem(id, first));
      else seen.set(id, line);
    }
    if (problems.length) exclude(line, problems);
    else {
      rows.push(result.data as CohortRow | DurationRow);
      rowLines.push(line);
    }
  }
  if (read === 0) throw new CohortFileError(file, [`${file}:${headerLine + 1}: row: expected at least one data row, found none`]);
  const summary: CohortFileSummary = {file, format, read, accepted: rows.length, excluded: excluded.length, ignoredColumns};
  if (rows.length === 0) throw new CohortFileError(file, [`${file}: every one of the ${read} data rows is invalid`, summarizeExclusions(summary, excluded)]);
  const tooMany = maxExcludedProblem(summary, maxExcluded);
  if (tooMany) throw new CohortFileError(file, [tooMany, ...warnings, summarizeExclusions(summary, excluded)]);
  return {format, rows, lines: rowLines, excluded, summary, warnings} as AnyCohortFile;
}

/** Read a cohort file from disk (either format; detected from the header unless `expect` is given). */
export function readCohortFile(path: string, options: CohortFormat | CohortReadOptions = {}): AnyCohortFile {
  let text: string;
  try {
    text = readTextFile(path);
  } catch (error) {
    throw new CohortFileError(path, [`${path}: cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
  }
  return parseCohortText(text, path, options);
}

