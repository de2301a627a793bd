// Read and validate cohort files (Node only: reads from disk). Every bad row is reported as
// `file:line: field: expected ..., found ...` and excluded with its reasons; nothing is dropped silently.
import {readFileSync} from "node:fs";
import {csvParseRows} from "d3-dsv";
import {
  cohortRowSchema,
  durationRowSchema,
  DURATION_COLUMNS,
  FULL_OPTIONAL_COLUMNS,
  FULL_REQUIRED_COLUMNS,
  type CohortRow,
  type DurationRow
} from "../schema/cohort.js";

export type CohortFormat = "full" | "duration";

export interface ExcludedRow {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  /** One `file:line: field: expected ..., found ...` message per problem. */
  reasons: string[];
}

export interface CohortFileSummary {
  file: string;
  format: CohortFormat;
  /** Data lines read (blank lines are not counted). */
  read: number;
  accepted: number;
  excluded: number;
  /** Columns in the header that the format does not know (kept out of the rows, but reported). */
  ignoredColumns: string[];
}

export interface CohortFileResult<R> {
  format: CohortFormat;
  rows: R[];
  /** 1-based line of each accepted row, parallel to `rows`. */
  lines: number[];
  excluded: ExcludedRow[];
  summary: CohortFileSummary;
}

export type AnyCohortFile = ({format: "full"} & CohortFileResult<CohortRow>) | ({format: "duration"} & CohortFileResult<DurationRow>);

/** A file that cannot be used at all: unreadable, unknown header, a missing column, or no valid row. */
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

const show = (v: unknown): string => (v === undefined ? "nothing" : v === "" ? "blank" : JSON.stringify(v));

/**
 * Parse and validate CSV text. `file` is used in messages only. Throws CohortFileError when the
 * header misses a required column, the format cannot be recognised, or every data row is bad.
 */
export function parseCohortText(text: string, file: string, expect?: CohortFormat): AnyCohortFile {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== "");
  if (headerIndex < 0) throw new CohortFileError(file, [`${file}:1: header: expected a header row, found an empty file`]);
  const header = (csvParseRows(lines[headerIndex])[0] ?? []).map((c) => c.trim().toLowerCase());
  const format = expect ?? detectFormat(header);
  if (!format)
    throw new CohortFileError(file, [
      `${file}:${headerIndex + 1}: header: expected the duration table columns ${DURATION_COLUMNS.join(",")} or the full cohort columns ${FULL_REQUIRED_COLUMNS.join(",")}, found ${header.join(",")}`
    ]);
  const required: readonly string[] = format === "duration" ? DURATION_COLUMNS : FULL_REQUIRED_COLUMNS;
  const known = new Set<string>(format === "duration" ? DURATION_COLUMNS : [...FULL_REQUIRED_COLUMNS, ...FULL_OPTIONAL_COLUMNS]);
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length)
    throw new CohortFileError(
      file,
      missing.map((c) => `${file}:${headerIndex + 1}: header: expected a column "${c}" (${format === "duration" ? "duration table" : "full cohort"} format), found ${header.join(",")}`)
    );
  const dup = header.filter((c, i) => header.indexOf(c) !== i);
  if (dup.length) throw new CohortFileError(file, dup.map((c) => `${file}:${headerIndex + 1}: header: expected each column once, found "${c}" twice`));
  const ignoredColumns = header.filter((c) => !known.has(c));
  const schema = format === "duration" ? durationRowSchema : cohortRowSchema;

  const rows: (CohortRow | DurationRow)[] = [];
  const rowLines: number[] = [];
  const excluded: ExcludedRow[] = [];
  const seen = new Map<string, number>();
  let read = 0;
  for (let i = headerIndex + 1; i < lines.length; ++i) {
    if (lines[i].trim() === "") continue;
    const line = i + 1;
    ++read;
    const cells = csvParseRows(lines[i])[0] ?? [];
    if (cells.length !== header.length) {
      excluded.push({line, reasons: [`${file}:${line}: row: expected ${header.length} fields as in the header, found ${cells.length}`]});
      continue;
    }
    const raw: Record<string, string> = {};
    header.forEach((c, j) => {
      if (known.has(c)) raw[c] = cells[j];
    });
    const parsed = schema.safeParse(raw);
    const reasons: string[] = [];
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join(".") || "row";
        reasons.push(`${file}:${line}: ${field}: ${issue.message}, found ${show(raw[field])}`);
      }
    } else {
      const id = (parsed.data as {id: string}).id;
      const first = seen.get(id);
      if (first !== undefined) reasons.push(`${file}:${line}: id: expected a unique id, found ${show(id)} also on line ${first}`);
      else seen.set(id, line);
    }
    if (reasons.length) excluded.push({line, reasons});
    else {
      rows.push(parsed.data as CohortRow | DurationRow);
      rowLines.push(line);
    }
  }
  if (read === 0) throw new CohortFileError(file, [`${file}:${headerIndex + 2}: row: expected at least one data row, found none`]);
  if (rows.length === 0)
    throw new CohortFileError(file, [`${file}: every one of the ${read} data rows is invalid; first problems:`, ...excluded.slice(0, 10).flatMap((e) => e.reasons)]);
  const summary: CohortFileSummary = {file, format, read, accepted: rows.length, excluded: excluded.length, ignoredColumns};
  return {format, rows, lines: rowLines, excluded, summary} as AnyCohortFile;
}

/** Read a cohort file from disk (either format; detected from the header unless `expect` is given). */
export function readCohortFile(path: string, expect?: CohortFormat): AnyCohortFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new CohortFileError(path, [`${path}: cannot read file: ${(error as Error).message}`]);
  }
  return parseCohortText(text, path, expect);
}

/** One line per excluded row plus a count, for printing to stderr. */
export function formatExclusions(result: {excluded: ExcludedRow[]; summary: CohortFileSummary}): string {
  const s = result.summary;
  const head = `${s.file}: ${s.accepted} of ${s.read} rows accepted, ${s.excluded} excluded${s.ignoredColumns.length ? `; ignored columns: ${s.ignoredColumns.join(", ")}` : ""}`;
  return [head, ...result.excluded.flatMap((e) => e.reasons)].join("\n");
}
