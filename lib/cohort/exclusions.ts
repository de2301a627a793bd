// The exclusion rules of cohort files, in one place for every reader (the CSV reader in
// lib/io/cohort-file.ts and any other path that reads person-level rows): the message of a bad row,
// the reason it is counted under, the summary printed instead of one line per row, the warning for
// an unknown column and the --max-excluded threshold above which a command fails instead of
// computing from what is left. Pure and browser-safe. Documented in docs/cohort.md ("Validation").

/** Default --max-excluded: a command fails when more than 5 % of the data rows are excluded. */
export const DEFAULT_MAX_EXCLUDED = 0.05;

/** Examples (with their line numbers) shown in an exclusion summary. */
export const EXCLUSION_EXAMPLES = 5;

/** One problem of one row: the field, what was expected, what was found (already quoted). */
export interface RowProblem {
  field: string;
  expected: string;
  found: string;
}

/** `file:line: field: expected ..., found ...` — the message of one problem of one row. */
export function rowMessage(file: string, line: number, p: RowProblem): string {
  return `${file}:${line}: ${p.field}: ${p.expected}, found ${p.found}`;
}

/**
 * A problem read back from its message text `field: expected ..., found ...` (the form every reader
 * writes; the SQL reader returns messages, lib/io/cohort-duckdb.ts). Text that does not have that form
 * is kept whole as the expectation of field "row".
 */
export function problemFromMessage(message: string): RowProblem {
  const m = /^([^:]+): (.*?), found (.*)$/s.exec(message);
  if (m) return {field: m[1], expected: m[2], found: m[3]};
  // The database queries' messages name no cell: `field: expected ...` (see withoutCellValues).
  const f = /^([a-z_0-9]+): (expected .*)$/s.exec(message);
  return f ? {field: f[1], expected: f[2], found: ""} : {field: "row", expected: message, found: ""};
}

/**
 * A problem as the database queries report it (lib/cohort/sql/*.sql, written by scripts/cohort-sql.ts)
 * and as `aggregate` prints it: without any cell value or id, because that output may leave a secure
 * environment. The field and what was expected stay; dates and exit types inside cross-field messages
 * become the names of the fields they came from; what was found is dropped, except a field count
 * ("3") and the line of a duplicate id's first row ("the id of line 4"). The in-process reader, which
 * reads a file the user already holds, keeps quoting the cell.
 */
export function withoutCellValues(p: RowProblem): RowProblem {
  const expected = p.expected
    .replace(/^expected a date on or after (follow_up_start|inflow_date) .*$/s, "expected a date on or after $1")
    .replace(/^expected a date within follow-up .*$/s, "expected a date within follow_up_start..follow_up_end")
    .replace(/^expected a date within (?!follow)\S*\.\..*$/s, "expected a date within exit_date..follow_up_end")
    .replace(/^expected a date YYYY-MM-DD when exit_type is .*$/s, "expected a date YYYY-MM-DD when exit_type is not none")
    .replace(/^expected hours per week > 0 when exit_type is .*$/s, "expected hours per week > 0 when exit_type is a work exit");
  const dup = /^.* also on line (\d+)$/s.exec(p.found);
  const found = p.field === "id" && dup ? `the id of line ${dup[1]}` : /^(\d+|the id of line \d+)$/.test(p.found) ? p.found : "";
  return {field: p.field, expected, found};
}

/** `file:line: field: expected ...[, found ...]` for a problem without cell values. */
export function privateRowMessage(file: string, line: number, p: RowProblem): string {
  return `${file}:${line}: ${p.field}: ${p.expected}${p.found ? `, found ${p.found}` : ""}`;
}

/** An excluded row as the database queries and `aggregate` report it: no cell value, no id. */
export function privateExcludedRow(file: string, e: ExcludedRow): ExcludedRow {
  const problems = e.problems.map(withoutCellValues);
  return {line: e.line, problems, reasons: problems.map((p) => privateRowMessage(file, e.line, p))};
}

/** The reason a problem is counted under in a summary: the field and what was expected (no value). */
export function reasonOf(p: RowProblem): string {
  return `${p.field}: ${p.expected}`;
}

/** How a found value is quoted in messages. */
export const showFound = (v: unknown): string => (v === undefined || v === null ? "nothing" : v === "" ? "blank" : JSON.stringify(v));

/** The problems of the rows that do not match the header's number of fields, or that repeat an id. */
export const fieldCountProblem = (expected: number, found: number): RowProblem => ({field: "row", expected: `expected ${expected} fields as in the header`, found: String(found)});
export const duplicateIdProblem = (id: string, firstLine: number): RowProblem => ({field: "id", expected: "expected a unique id", found: `${showFound(id)} also on line ${firstLine}`});

/** One excluded row: its 1-based line in the file (the header is line 1) and its problems. */
export interface ExcludedRow {
  line: number;
  problems: RowProblem[];
  /** One `file:line: field: expected ..., found ...` message per problem. */
  reasons: string[];
}

export interface ExclusionSummary {
  file: string;
  /** Data rows read (blank lines are not counted). */
  read: number;
  accepted: number;
  excluded: number;
  /** Columns in the header that the format does not know (kept out of the rows, but reported). */
  ignoredColumns: string[];
}

/** Warning for columns the format does not know: they are read past, never used, and named once. */
export function unknownColumnsWarning(file: string, headerLine: number, columns: string[], format: string): string {
  return `${file}:${headerLine}: header: ignored ${columns.length === 1 ? "column" : "columns"} ${columns.map((c) => `"${c}"`).join(", ")} (not a column of the ${format} format)`;
}

/**
 * The summary of the excluded rows: one head line, a count per reason (most frequent first) and the
 * first EXCLUSION_EXAMPLES messages with their line numbers — never one line per row.
 */
export function summarizeExclusions(summary: ExclusionSummary, excluded: ExcludedRow[]): string {
  const head = `${summary.file}: ${summary.accepted} of ${summary.read} rows accepted, ${summary.excluded} excluded`;
  if (!excluded.length) return head;
  const counts = new Map<string, number>();
  for (const e of excluded) for (const p of e.problems) counts.set(reasonOf(p), (counts.get(reasonOf(p)) ?? 0) + 1);
  const byCount = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const examples = excluded.flatMap((e) => e.reasons).slice(0, EXCLUSION_EXAMPLES);
  const more = excluded.reduce((n, e) => n + e.reasons.length, 0) - examples.length;
  return [
    head,
    "  problems per reason (a row can have several):",
    ...byCount.map(([reason, n]) => `    ${n}× ${reason}`),
    `  first ${examples.length === 1 ? "problem" : `${examples.length} problems`}:`,
    ...examples.map((m) => `    ${m}`),
    ...(more > 0 ? [`    … and ${more} more`] : [])
  ].join("\n");
}

/** Share of the data rows that were excluded (0 when nothing was read). */
export const excludedShare = (s: ExclusionSummary): number => (s.read === 0 ? 0 : s.excluded / s.read);

/**
 * The --max-excluded rule: null when the share of excluded rows is at most `max`, otherwise the
 * message a command fails with (exit 2), followed by the summary.
 */
export function maxExcludedProblem(summary: ExclusionSummary, max: number): string | null {
  if (excludedShare(summary) <= max) return null;
  const pct = (x: number) => `${Number((x * 100).toFixed(2))} %`;
  return `${summary.file}: ${summary.excluded} of ${summary.read} rows excluded (${pct(excludedShare(summary))}), more than --max-excluded ${pct(max)}; fix the file or raise --max-excluded`;
}
