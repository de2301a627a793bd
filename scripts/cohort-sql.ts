// Writes lib/cohort/sql/{cohort,duration}-event-table.sql: the validation and aggregation of a
// person-level cohort to its event table, as ONE plain SQL query per format. The queries are
// generated here (the full format has 57 columns, each with the same kind of check) and committed;
// tests/cohort/event-table-sql.test.ts checks that the committed files equal this output.
//
//   npx tsx scripts/cohort-sql.ts          (rewrite the files)
//
// The SQL sticks to what DuckDB, PostgreSQL, Trino and Spark SQL share: the functions and types
// listed in docs/cohort.md ("SQL that runs on every engine"), each with each engine's documentation;
// tests/cohort/event-table-sql.test.ts rejects any other function or type in the generated text.
// No float type (DOUBLE is DuckDB/Spark/Trino, DOUBLE PRECISION PostgreSQL): range checks cast to
// DECIMAL(38, 18), day counts use integer arithmetic, and a duration table's months come back as the
// cell's text (dot decimal), which the caller reads with JavaScript's Number() as the in-process reader
// does. No regular expressions (their functions differ), no backslashes in literals (Spark reads them
// as escapes), no reserved words as column names, no casts to text (Spark wants VARCHAR(n) or STRING,
// Trino VARCHAR), no comparison of single characters by range (BETWEEN '0' AND '9' follows the
// collation in PostgreSQL), no number cast before its text is known to fit (a cast of 400 digits gives
// infinity in DuckDB and an error in PostgreSQL).
// Every message is the one lib/schema/cohort.ts (zod) gives, so both paths print the same lines.
import {writeFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {
  BENEFIT_TYPES,
  CHILDREN,
  DURATION_EXITS,
  EDUCATION_LEVELS,
  EXIT_TYPES,
  MEASURE_MONTHS,
  ORIGINS,
  UNEMPLOYMENT_DURATIONS,
  ZRM_DOMAINS
} from "../lib/schema/cohort.js";

type Check =
  | {kind: "nonEmpty"; what: string}
  | {kind: "date"; required: boolean}
  | {kind: "enum"; values: readonly string[]; required: boolean}
  | {kind: "number"; lo: number; hi: number; what: string}
  | {kind: "integer"; lo: number; hi: number; what: string};

/** The SQL column of a CSV column (`group` is reserved in SQL, so the relation calls it group_name). */
export const sqlColumn = (c: string) => (c === "group" ? "group_name" : c);

const FULL: [string, Check][] = [
  ["id", {kind: "nonEmpty", what: "a non-empty pseudonymous id"}],
  ["inflow_date", {kind: "date", required: true}],
  ["group", {kind: "nonEmpty", what: "a non-empty group name"}],
  ["follow_up_start", {kind: "date", required: true}],
  ["follow_up_end", {kind: "date", required: true}],
  ["exit_type", {kind: "enum", values: EXIT_TYPES, required: true}],
  ["exit_date", {kind: "date", required: false}],
  ["hours", {kind: "number", lo: 0, hi: 80, what: "hours per week 0–80 or blank"}],
  ["benefit_type", {kind: "enum", values: BENEFIT_TYPES, required: true}],
  ["age", {kind: "integer", lo: 15, hi: 70, what: "an age 15–70 or blank"}],
  ["sex", {kind: "enum", values: ["f", "m"], required: false}],
  ["education", {kind: "enum", values: EDUCATION_LEVELS, required: false}],
  ["origin", {kind: "enum", values: ORIGINS, required: false}],
  ["unemployment_duration", {kind: "enum", values: UNEMPLOYMENT_DURATIONS, required: false}],
  ["children", {kind: "enum", values: CHILDREN, required: false}],
  ["poor_mental_health", {kind: "integer", lo: 0, hi: 1, what: "0 or 1 or blank"}],
  ["trajectory_date", {kind: "date", required: false}],
  ["job_end_date", {kind: "date", required: false}],
  ...MEASURE_MONTHS.map((m): [string, Check] => [`ladder_${m}`, {kind: "integer", lo: 1, hi: 6, what: "a ladder rung 1–6 or blank"}]),
  ...MEASURE_MONTHS.map((m): [string, Check] => [`zrm_${m}`, {kind: "number", lo: 1, hi: 5, what: "a ZRM score 1–5 or blank"}]),
  ...ZRM_DOMAINS.flatMap((d) => MEASURE_MONTHS.map((m): [string, Check] => [`zrm_${d}_${m}`, {kind: "number", lo: 1, hi: 5, what: "a ZRM score 1–5 or blank"}]))
];

const DURATION: [string, Check][] = [
  ["id", {kind: "nonEmpty", what: "a non-empty pseudonymous id"}],
  ["group", {kind: "nonEmpty", what: "a non-empty group name"}],
  ["months", {kind: "number", lo: 0, hi: Infinity, what: "a duration in months >= 0"}],
  ["exit", {kind: "enum", values: DURATION_EXITS, required: true}]
];

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const t = (c: string) => `t_${c}`; // trimmed value


const blank = (c: string) => `(${t(c)} IS NULL OR ${t(c)} = '')`;
const DIGITS = "'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'";
/** One character is an ASCII digit (a list, not BETWEEN: a range of text follows the collation in PostgreSQL). */
const isDigit = (x: string) => `(POSITION(${x} IN '0123456789') > 0)`;
/** Only digits (true for ''); strings of one or two characters are checked without TRANSLATE, which is slow in DuckDB. */
const digitsOnly = (x: string) =>
  `(CASE WHEN LENGTH(${x}) = 1 THEN ${isDigit(x)} WHEN LENGTH(${x}) = 2 THEN ${isDigit(`SUBSTR(${x}, 1, 1)`)} AND ${isDigit(`SUBSTR(${x}, 2, 1)`)} ELSE TRANSLATE(${x}, '0123456789', '') = '' END)`;
/**
 * /^\d+([.,]\d+)?$/ on x (non-null, trimmed), as a CASE: engines evaluate the branches of a CASE
 * only for the rows that reach them, while AND/OR in a projection may evaluate every operand.
 */
const decimalSyntax = (x: string) =>
  `(CASE WHEN LENGTH(${x}) = 0 THEN FALSE WHEN NOT ${isDigit(`SUBSTR(${x}, 1, 1)`)} THEN FALSE WHEN NOT ${isDigit(`SUBSTR(${x}, LENGTH(${x}), 1)`)} THEN FALSE ` +
  `WHEN LENGTH(${x}) <= 2 THEN ${digitsOnly(x)} ELSE TRANSLATE(${x}, '0123456789', '') IN ('', '.', ',') END)`;
/** x without its leading zeros. */
const noLeadingZeros = (x: string) => `TRIM(LEADING '0' FROM ${x})`;
/**
 * The smallest integer that JavaScript's Number() rounds to Infinity: 2^1024 - 2^970 (309 digits;
 * from there on a double rounds up past Number.MAX_VALUE). A fraction never reaches it on its own.
 */
export const INFINITE_FROM = ((1n << 1024n) - (1n << 970n)).toString();
/**
 * x (non-null, trimmed, already /^\d+([.,]\d+)?$/) is a finite double in JavaScript: tested on the
 * text, before any CAST. With z = x without leading zeros, the integer part has 309 digits or more
 * when z's first 309 characters are all digits; it is infinite when they are at least INFINITE_FROM or
 * a 310th digit follows.
 */
const finiteNumber = (x: string) => {
  const z = noLeadingZeros(x);
  const n = INFINITE_FROM.length;
  return `(CASE WHEN LENGTH(${z}) < ${n} THEN TRUE WHEN TRANSLATE(SUBSTR(${z}, 1, ${n}), '0123456789', '') <> '' THEN TRUE WHEN SUBSTR(${z}, 1, ${n}) >= ${lit(INFINITE_FROM)} THEN FALSE WHEN LENGTH(${z}) = ${n} THEN TRUE ELSE NOT ${isDigit(`SUBSTR(${z}, ${n + 1}, 1)`)} END)`;
};
/** Digits a bounded check (hours, scores, ages, rungs: all below 10^15) can take before its cast: more are out of range. */
const BOUNDED_DIGITS = 15;
/** Strip one leading minus sign. */
const unsigned = (x: string) => `CASE WHEN SUBSTR(${x}, 1, 1) = '-' THEN SUBSTR(${x}, 2) ELSE ${x} END`;
const dateSyntax = (x: string) =>
  `(LENGTH(${x}) = 10 AND SUBSTR(${x}, 5, 1) = '-' AND SUBSTR(${x}, 8, 1) = '-' AND ${[1, 2, 3, 4, 6, 7, 9, 10].map((i) => isDigit(`SUBSTR(${x}, ${i}, 1)`)).join(" AND ")})`;
const yearOf = (x: string) => `CAST(SUBSTR(${x}, 1, 4) AS INTEGER)`;
const monthOf = (x: string) => `CAST(SUBSTR(${x}, 6, 2) AS INTEGER)`;
const dayOf = (x: string) => `CAST(SUBSTR(${x}, 9, 2) AS INTEGER)`;
/** A real calendar date YYYY-MM-DD with year >= 100 (JavaScript's Date.UTC maps years 0–99 to 19xx). */
const isCalendarDate = (x: string) => {
  const y = yearOf(x);
  const m = monthOf(x);
  const d = dayOf(x);
  return `(CASE WHEN ${dateSyntax(x)} THEN ${y} >= 100 AND ${m} BETWEEN 1 AND 12 AND ${d} >= 1 AND ${d} <= CASE WHEN ${m} = 2 THEN CASE WHEN (MOD(${y}, 4) = 0 AND MOD(${y}, 100) <> 0) OR MOD(${y}, 400) = 0 THEN 29 ELSE 28 END WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END ELSE FALSE END)`;
};
/**
 * floor(a / k) for a >= 0 and k > 0, exact in every engine: (a - MOD(a, k)) / k divides exactly, so it
 * does not matter that `/` on integers truncates (PostgreSQL, Trino) or gives a float (DuckDB, Spark).
 */
const floorDiv = (a: string, k: number) => `((${a} - MOD(${a}, ${k})) / ${k})`;
/** Day number of a valid date with year >= 100 (days from civil, March-based year), exact: only differences are used. */
const dayNumber = (x: string) => {
  const y = `(${yearOf(x)} - CASE WHEN ${monthOf(x)} <= 2 THEN 1 ELSE 0 END)`;
  const mp = `MOD(${monthOf(x)} + 9, 12)`;
  return `(365 * ${y} + ${floorDiv(y, 4)} - ${floorDiv(y, 100)} + ${floorDiv(y, 400)} + ${floorDiv(`(153 * ${mp} + 2)`, 5)} + ${dayOf(x)})`;
};
/** The exact decimal type of range checks: 20 integer and 18 fraction digits (cast only after a text test of its size). */
const DECIMAL = "DECIMAL(38, 18)";

/** SQL condition that the cell of column c fails its check. */
function bad(c: string, check: Check): string {
  const v = t(c);
  switch (check.kind) {
    case "nonEmpty":
      return blank(c);
    case "date":
      return check.required ? `(${blank(c)} OR NOT ${isCalendarDate(v)})` : `(NOT ${blank(c)} AND NOT ${isCalendarDate(v)})`;
    case "enum": {
      const inList = `LOWER(${v}) IN (${check.values.map(lit).join(", ")})`;
      return check.required ? `(${blank(c)} OR NOT ${inList})` : `(NOT ${blank(c)} AND NOT ${inList})`;
    }
    case "number": {
      // months: /^\d+([.,]\d+)?$/ and required; the others /^-?\d+([.,]\d+)?$/, blank allowed.
      // A value JavaScript's Number() makes infinite fails as in the in-process reader; the text is
      // tested before any CAST (case 8 of issue 17).
      const signed = check.hi !== Infinity;
      const u = `(${unsigned(v)})`;
      const syntax = signed ? decimalSyntax(u) : decimalSyntax(v);
      if (!signed) return `(CASE WHEN ${blank(c)} THEN TRUE WHEN NOT ${syntax} THEN TRUE ELSE NOT ${finiteNumber(v)} END)`;
      // Bounded (0–80, 1–5): 16 or more integer digits are out of range without a cast.
      const z = noLeadingZeros(u);
      const value = `CAST(REPLACE(${v}, ',', '.') AS ${DECIMAL})`;
      const range = `${value} < ${check.lo} OR ${value} > ${check.hi}`;
      return `(NOT ${blank(c)} AND CASE WHEN NOT ${syntax} THEN TRUE WHEN LENGTH(${z}) > ${BOUNDED_DIGITS} AND TRANSLATE(SUBSTR(${z}, 1, ${BOUNDED_DIGITS + 1}), '0123456789', '') = '' THEN TRUE ELSE ${range} END)`;
    }
    case "integer": {
      const u = `(${unsigned(v)})`;
      const syntax = `(LENGTH(${u}) > 0 AND ${digitsOnly(u)})`;
      const value = `CAST(${v} AS BIGINT)`;
      return `(NOT ${blank(c)} AND CASE WHEN NOT ${syntax} THEN TRUE WHEN LENGTH(${noLeadingZeros(u)}) > ${BOUNDED_DIGITS} THEN TRUE ELSE ${value} < ${check.lo} OR ${value} > ${check.hi} END)`;
    }
  }
}

function message(c: string, check: Check): string {
  switch (check.kind) {
    case "nonEmpty":
      return `expected ${check.what}`;
    case "date":
      return "expected a date YYYY-MM-DD";
    case "enum":
      return `expected one of ${check.values.join("|")}`;
    case "number":
    case "integer":
      return `expected ${check.what}`;
  }
}

/**
 * `field: message` followed by a line break, when the condition holds. Never the cell: the query's
 * result is what leaves the database (or the secure environment), so no message quotes a cell value
 * or an id (docs/cohort.md, "What leaves the database"); the in-process reader keeps quoting.
 */
const reason = (field: string, condition: string, text: string) => `CASE WHEN ${condition} THEN ${lit(`${field}: ${text}`)} || CHR(10) ELSE '' END`;
/** A cross-field check: its condition (a BOOLEAN column) and its message. */
type Cross = {field: string; condition: string; text: string}; // text: plain, never a cell

function header(format: string, columns: string[], durationDoc: string): string {
  return `-- Event table of a person-level cohort (${format}), with the row-level validation of
-- lib/schema/cohort.ts. Generated by scripts/cohort-sql.ts; do not edit by hand.
--
-- Input: a relation named cohort with one row per data row of the file:
--   line      BIGINT   line (or row) number used in messages
--   by_value  VARCHAR  the value to group by (e.g. group_name, or SUBSTR(inflow_date, 1, 4))
--   ${columns.map(sqlColumn).join(", ")}
--            VARCHAR  the cells as read (empty cell = '', absent optional column = NULL);
--            the column "group" is called group_name here (GROUP is a reserved word).
-- Output: one row per excluded row   (kind = 'excluded', line, message: one "field: problem" per line;
--                                     a duplicate id's message ends "found the id of line " + first_line;
--                                     no message contains a cell value or an id)
--         and the event table         (kind = 'count', group_value, duration, exit_label, persons)
--         where exit_label is 'censored' or the exit, and duration is the time to exit or censoring:
--         ${durationDoc}
-- Plain SQL shared by DuckDB, PostgreSQL, Trino and Spark SQL (the allowed list is in docs/cohort.md).
`;
}

function select(columns: [string, Check][]): string {
  const lines = ["    line,", "    by_value,"];
  for (const [c] of columns) lines.push(`    TRIM(${sqlColumn(c)}) AS ${t(c)},`);
  lines[lines.length - 1] = lines[lines.length - 1].replace(/,$/, "");
  return lines.join("\n");
}

const flag = (c: string) => `bad_${c}`;

/** One CASE per column in a CONCAT (n-ary in all three engines; a long || chain slows planners down). */
const reasonList = (parts: string[]) => (parts.length === 1 ? parts[0] : `CONCAT(\n      ${parts.join(",\n      ")}\n    )`);

/**
 * The query: src (cells, trimmed cells) → flagged (one BOOLEAN per failed check) → checked (which
 * kind of check failed; cross-field checks count only when every cell is fine, as in zod) → marked
 * (first line of each valid id) → refined (the messages) → one GROUP BY that yields the excluded rows
 * (one group per line) and the event table. Each step reads the previous one once, so no engine has
 * to copy a CTE.
 * PostgreSQL inlines a CTE read once into the next step and substitutes its expressions wherever a
 * column is referenced, so without a barrier every check of flagged was evaluated again in base_bad,
 * in failed and in each message (EXPLAIN ANALYZE: 11 s of 11 s in the projection of the window in
 * marked, 3.890 rows). A window function keeps PostgreSQL from pulling a subquery up, so flagged
 * carries one (id_rows, the number of rows with the same trimmed id, partitioned like marked's window
 * so the sort is shared); the checks are then computed once per row. DuckDB, Trino and Spark SQL
 * compute the same result. Only the full format needs it (`barrier`); the duration table's four
 * checks are cheap, and a second window would cost DuckDB time on a million rows.
 */
function query(columns: [string, Check][], extra: {flags?: string[]; cross?: Cross[]; duration: string; exitLabel: string; barrier?: boolean}): string {
  const cross = extra.cross ?? [];
  const flags = [
    ...columns.map(([c, check]) => `    ${bad(c, check)} AS ${flag(c)}`),
    ...(extra.flags ?? []).map((f) => `    ${f}`)
  ];
  const anyBad = columns.map(([c]) => flag(c)).join(" OR ");
  const base = columns.map(([c, check]) => reason(c, flag(c), message(c, check)));
  const crossFlags = cross.map((x, i) => `    ${x.condition} AS cross_${i + 1}`);
  const crossReasons = cross.map((x, i) => reason(x.field, `cross_${i + 1}`, x.text));
  const anyCross = cross.length ? cross.map((_, i) => `cross_${i + 1}`).join(" OR ") : "FALSE";
  // flagged passes on only the trimmed cells the later steps read (the id, the dates of the
  // cross-field checks and the duration), so the windows sort narrow rows.
  const later = [t("id"), ...cross.map((x) => x.condition), extra.duration, extra.exitLabel].join(" ");
  const kept = columns.map(([c]) => t(c)).filter((tc) => new RegExp(`\\b${tc}\\b`).test(later));
  return `
WITH src AS (
  SELECT
${select(columns)}
  FROM cohort
),
flagged AS (
  SELECT
    line,
    by_value,
${kept.map((k) => `    ${k},`).join("\n")}
${extra.barrier ? `    COUNT(*) OVER (PARTITION BY ${t("id")}) AS id_rows,\n` : ""}${flags.join(",\n")}
  FROM src
),
crossed AS (
  SELECT
    flagged.*,
    ${anyBad} AS base_bad${crossFlags.length ? ",\n" + crossFlags.join(",\n") : ""}
  FROM flagged
),
checked AS (
  SELECT
    crossed.*,
    CASE WHEN base_bad THEN 'base' WHEN ${anyCross} THEN 'cross' ELSE '' END AS failed
  FROM crossed
),
marked AS (
  SELECT
    checked.*,
    MIN(CASE WHEN failed = '' THEN line END) OVER (PARTITION BY ${t("id")}) AS id_first
  FROM checked
),
refined AS (
  SELECT
    line,
    failed,
    id_first,
    CASE
      WHEN failed = 'base' THEN ${reasonList(base)}
      WHEN failed = 'cross' THEN ${cross.length ? reasonList(crossReasons) : "''"}
      ELSE ''
    END AS reasons,
    CASE WHEN by_value IS NULL OR TRIM(by_value) = '' THEN '(blank)' ELSE TRIM(by_value) END AS group_value,
    CASE WHEN failed = '' THEN ${extra.duration} END AS duration,
    CASE WHEN failed = '' THEN ${extra.exitLabel} END AS exit_label
  FROM marked
),
sorted AS (
  SELECT
    CASE WHEN failed = '' AND line = id_first THEN 'count' ELSE 'excluded' END AS kind,
    CASE WHEN failed = '' AND line = id_first THEN CAST(NULL AS BIGINT) ELSE line END AS line,
    CASE
      WHEN failed <> '' THEN reasons
      WHEN line = id_first THEN NULL
      ELSE 'id: expected a unique id, found the id of line '
    END AS message,
    CASE WHEN failed = '' AND line <> id_first THEN id_first END AS first_line,
    CASE WHEN failed = '' AND line = id_first THEN group_value END AS group_value,
    CASE WHEN failed = '' AND line = id_first THEN duration END AS duration,
    CASE WHEN failed = '' AND line = id_first THEN exit_label END AS exit_label
  FROM refined
)
SELECT kind, line, message, first_line, group_value, duration, exit_label, COUNT(*) AS persons
FROM sorted
GROUP BY kind, line, message, first_line, group_value, duration, exit_label
`;
}

export function durationSql(): string {
  const cols = DURATION;
  return `${header("minimal duration table: id, group, months, exit", cols.map(([c]) => c), "the months cell as text with a dot decimal (read it with a float parser)")}${query(cols, {
    duration: `REPLACE(${t("months")}, ',', '.')`,
    exitLabel: `LOWER(${t("exit")})`
  })}`;
}

export function cohortSql(): string {
  const cols = FULL;
  const fs = t("follow_up_start");
  const fe = t("follow_up_end");
  const ed = t("exit_date");
  const et = "exit_kind";
  const isWork = "is_work";
  const jd = t("job_end_date");
  const td = t("trajectory_date");
  const extraFlags = [
    `LOWER(${t("exit_type")}) AS exit_kind`,
    `SUBSTR(LOWER(${t("exit_type")}), 1, 4) = 'work' AS is_work`,
    // Guarded so the cast never sees a bad cell (cross-field checks only count when every cell is fine).
    `CASE WHEN ${bad("hours", FULL.find(([c]) => c === "hours")![1])} OR ${blank("hours")} THEN NULL ELSE CAST(REPLACE(${t("hours")}, ',', '.') AS ${DECIMAL}) END AS hours_value`
  ];
  const cross: Cross[] = [
    {field: "follow_up_end", condition: `${fe} < ${fs}`, text: "expected a date on or after follow_up_start"},
    {field: "exit_date", condition: `${et} = 'none' AND NOT ${blank("exit_date")}`, text: "expected blank when exit_type is none"},
    {field: "exit_date", condition: `${et} <> 'none' AND ${blank("exit_date")}`, text: "expected a date YYYY-MM-DD when exit_type is not none"},
    {
      field: "exit_date",
      condition: `${et} <> 'none' AND NOT ${blank("exit_date")} AND (${ed} < ${fs} OR ${ed} > ${fe})`,
      text: "expected a date within follow_up_start..follow_up_end"
    },
    {field: "hours", condition: `${isWork} AND (hours_value IS NULL OR hours_value <= 0)`, text: "expected hours per week > 0 when exit_type is a work exit"},
    {field: "job_end_date", condition: `NOT ${blank("job_end_date")} AND NOT ${isWork}`, text: "expected blank unless exit_type is a work exit"},
    {
      field: "job_end_date",
      condition: `NOT ${blank("job_end_date")} AND ${isWork} AND NOT ${blank("exit_date")} AND (${jd} < ${ed} OR ${jd} > ${fe})`,
      text: "expected a date within exit_date..follow_up_end"
    },
    {
      field: "trajectory_date",
      condition: `NOT ${blank("trajectory_date")} AND ${td} < ${t("inflow_date")}`,
      text: "expected a date on or after inflow_date"
    }
  ];
  const censored = `${et} = 'none' OR ${blank("exit_date")}`;
  const end = `CASE WHEN ${censored} THEN ${fe} ELSE ${ed} END`;
  const days = `CAST(${dayNumber(end)} - ${dayNumber(fs)} AS BIGINT)`;
  return `${header("full cohort format of docs/cohort.md", cols.map(([c]) => c), "whole days (BIGINT); months are days / 30.4375 (lib/schema/cohort.ts)")}${query(cols, {
    flags: extraFlags,
    cross,
    barrier: true,
    duration: days,
    exitLabel: `CASE WHEN ${censored} THEN 'censored' ELSE ${et} END`
  })}`;
}

export const FULL_SQL_COLUMNS = FULL.map(([c]) => c);
export const DURATION_SQL_COLUMNS = DURATION.map(([c]) => c);

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = fileURLToPath(new URL("../lib/cohort/sql/", import.meta.url));
  writeFileSync(`${dir}cohort-event-table.sql`, cohortSql());
  writeFileSync(`${dir}duration-event-table.sql`, durationSql());
  console.log(`wrote ${dir}cohort-event-table.sql and duration-event-table.sql`);
}
