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
  return m ? {field: m[1], expected: m[2], found: m[3]} : {field: "row", expected: message, found: ""};
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
