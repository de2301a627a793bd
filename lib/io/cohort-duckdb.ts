// Person-level cohort files (CSV or Parquet) read and aggregated by DuckDB: the rows never become
// JavaScript objects. DuckDB reads the file (the only DuckDB-specific part: read_csv/read_parquet,
// exposed as a view named `cohort`), then the plain SQL query of lib/cohort/sql/*-event-table.sql
// validates every row with the rules of lib/schema/cohort.ts (messages without the cell: withoutCellValues in
// lib/cohort/exclusions.ts) and aggregates the valid ones to
// the event table (group, months, exit, persons). For a duration table DuckDB first tries a fast path
// (fastDurationEventTable below, DuckDB-only SQL, an optimisation): one scan that groups the file into
// its distinct cells and finds repeated ids; only when a row fails a check does the portable query run.
// Node only.
import {closeSync, openSync, readFileSync, readSync, statSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {availableParallelism, tmpdir, totalmem} from "node:os";
import {csvParseRows} from "d3-dsv";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {DAYS_PER_MONTH, DURATION_COLUMNS, EXIT_TYPES, FULL_OPTIONAL_COLUMNS, FULL_REQUIRED_COLUMNS} from "../schema/cohort-columns.js";
import {compareCounts, type EventCount} from "../cohort/event-counts.js";
import {problemFromMessage} from "../cohort/exclusions.js";
import {CohortFileError, detectFormat, type CohortFileSummary, type CohortFormat, type ExcludedRow} from "./cohort-file-base.js";


export interface AggregatedCohort {
  format: CohortFormat;
  /** The grouping column (or inflow_year / start_year). */
  by: string;
  /** Event table of the accepted rows, sorted by group, months, exit. */
  counts: EventCount[];
  excluded: ExcludedRow[];
  summary: CohortFileSummary;
}

/**
 * How often each way to the event table ran in this process (tests check that a clean duration table
 * takes the fast path and a file with one bad row the portable query).
 */
export const eventTablePaths = {fast: 0, portable: 0};

/**
 * Whether the fast path may be tried: on unless the option says otherwise or the environment has
 * RENDEMENT_DUCKDB_FAST_PATH=0 (to compare both paths on the same file, e.g. in a benchmark).
 */
const fastPathDefault = () => process.env.RENDEMENT_DUCKDB_FAST_PATH !== "0";

const SQL_DIR = fileURLToPath(new URL("../cohort/sql/", import.meta.url));

/** The SQL text of the event-table query for a format (plain SQL, see the header of the file). */
export function eventTableSql(format: CohortFormat): string {
  return readFileSync(`${SQL_DIR}${format === "full" ? "cohort" : "duration"}-event-table.sql`, "utf8");
}

/** Columns the SQL expects for a format (CSV names; `group` is `group_name` in SQL). */
export const sqlName = (c: string) => (c === "group" ? "group_name" : c);
export const ident = (c: string) => `"${c.replace(/"/g, '""')}"`;
const str = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Grouping columns derived from a date (curves by cohort). */
export const DERIVED_BY: Record<string, string> = {inflow_year: "inflow_date", start_year: "follow_up_start"};
/** Columns whose values the zod schema lower-cases, and numeric ones (grouped by their number). */
const LOWERED = new Set(["exit_type", "benefit_type", "sex", "education", "origin", "unemployment_duration", "children"]);
const NUMERIC = new Set(["hours", "age", "poor_mental_health", ...FULL_OPTIONAL_COLUMNS.filter((c) => c.startsWith("ladder_") || c.startsWith("zrm_"))]);

/** The label a group value gets on the in-process path (lib/cli/cohort-records.ts): the parsed value as text. */
function groupLabel(by: string, value: string): string {
  if (value === "(blank)") return value;
  if (LOWERED.has(by)) return value.toLowerCase();
  if (NUMERIC.has(by)) return String(Number(value.replace(",", ".")));
  return value;
}

export interface CsvLayout {
  /** 1-based line of the header. */
  headerLine: number;
  header: string[];
  /** Data records (non-blank; a record with a quoted line break counts once). */
  records: number;
  /** Lines after the header that do not start a record: blank lines and continuation lines of quoted fields. */
  skipped: number[];
  /** Blank (whitespace-only) lines, which DuckDB may report as short rows. */
  blank: Set<number>;
}

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0b || b === 0x0c;

/**
 * One pass over the bytes of a CSV file (RFC 4180 quoting), read in chunks: where the header is,
 * which lines start a record and which are blank or inside a quoted field. DuckDB numbers its rows;
 * this turns row numbers back into file lines for the messages.
 */
export function scanCsvLayout(path: string): CsvLayout {
  const skipped: number[] = [];
  const blank = new Set<number>();
  let line = 1;
  let headerLine = 0;
  let headerStart = 0;
  let headerEnd = -1;
  let records = 0;
  // 0 field start, 1 unquoted, 2 quoted, 3 quote seen inside quoted
  let state = 0;
  let lineHasContent = false;
  let inRecord = false;
  const endLine = (pos: number) => {
    if (state === 2) {
      // line break inside a quoted field: the next line continues the record
      ++line;
      skipped.push(line);
      return;
    }
    if (!inRecord && !lineHasContent) {
      if (headerLine) {
        skipped.push(line);
        blank.add(line);
      } else headerStart = pos + 1;
    } else if (!headerLine) {
      headerLine = line;
      headerEnd = pos;
    } else ++records;
    ++line;
    state = 0;
    inRecord = false;
    lineHasContent = false;
  };
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw new CohortFileError(path, [`${path}: cannot read file: ${(error as Error).message}`]);
  }
  let header: string[] = [];
  try {
    const buf = Buffer.alloc(1 << 20);
    let offset = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, offset);
      if (n === 0) break;
      let i = 0;
      if (offset === 0 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = headerStart = 3;
      for (; i < n; ++i) {
        const b = buf[i];
        if (b === 0x0a) {
          endLine(offset + i);
          continue;
        }
        if (!lineHasContent && !isSpace(b)) lineHasContent = true;
        if (state === 2) {
          if (b === 0x22) state = 3;
          continue;
        }
        if (b === 0x22) {
          state = 2;
          inRecord = true;
        } else if (b === 0x2c) {
          state = 0;
          inRecord = true;
        } else if (!isSpace(b) || state !== 0) {
          state = 1;
          inRecord = true;
        }
      }
      offset += n;
    }
    if (inRecord || lineHasContent || state === 2) endLine(offset);
    if (!headerLine) throw new CohortFileError(path, [`${path}:1: header: expected a header row, found an empty file`]);
    const head = Buffer.alloc(headerEnd - headerStart);
    readSync(fd, head, 0, head.length, headerStart);
    const text = head.toString("utf8").replace(/^\uFEFF/, "").replace(/\r$/, "");
    header = (csvParseRows(text)[0] ?? []).map((c) => c.trim().toLowerCase());
  } finally {
    closeSync(fd);
  }
  return {headerLine, header, records, skipped, blank};
}

/**
 * The common case, checked fast (native byte search, no per-byte loop): no quote character and no
 * empty line anywhere, a header on line 1. Then every line after the header is one record, and
 * DuckDB's k-th row is on line k + 1. Returns null when the file needs the full scan.
 */
export function quickCsvLayout(path: string): CsvLayout | null {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw new CohortFileError(path, [`${path}: cannot read file: ${(error as Error).message}`]);
  }
  try {
    const buf = Buffer.alloc(1 << 20);
    let offset = 0;
    let header: string[] | null = null;
    for (;;) {
      // Two bytes of overlap so an empty line across a chunk boundary is seen.
      const start = offset === 0 ? 0 : offset - 2;
      const n = readSync(fd, buf, 0, buf.length, start);
      if (n === 0 || (offset > 0 && n <= 2)) break;
      const chunk = buf.subarray(0, n);
      if (chunk.indexOf(0x22) >= 0 || chunk.indexOf("\n\n") >= 0 || chunk.indexOf("\n\r\n") >= 0) return null;
      if (offset === 0) {
        const end = chunk.indexOf(0x0a);
        if (end < 0) return null;
        const text = chunk.subarray(0, end).toString("utf8").replace(/^\uFEFF/, "").replace(/\r$/, "");
        if (text.trim() === "") return null;
        header = (csvParseRows(text)[0] ?? []).map((c) => c.trim().toLowerCase());
      }
      offset = start + n;
    }
    return header ? {headerLine: 1, header, records: -1, skipped: [], blank: new Set()} : null;
  } finally {
    closeSync(fd);
  }
}

/** Header checks with the messages of lib/io/cohort-file.ts. */
export function checkHeader(header: string[], headerLine: number, file: string, expect?: CohortFormat): {format: CohortFormat; known: Set<string>; ignoredColumns: string[]} {
  const format = expect ?? detectFormat(header);
  if (!format)
    throw new CohortFileError(file, [
      `${file}:${headerLine}: header: expected the duration table columns ${DURATION_COLUMNS.join(",")} or the full cohort columns ${FULL_REQUIRED_COLUMNS.join(",")}, found ${header.join(",")}`
    ]);
  const required: readonly string[] = format === "duration" ? DURATION_COLUMNS : FULL_REQUIRED_COLUMNS;
  const known = new Set<string>(format === "duration" ? DURATION_COLUMNS : [...FULL_REQUIRED_COLUMNS, ...FULL_OPTIONAL_COLUMNS]);
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length)
    throw new CohortFileError(
      file,
      missing.map((c) => `${file}:${headerLine}: header: expected a column "${c}" (${format === "duration" ? "duration table" : "full cohort"} format), found ${header.join(",")}`)
    );
  const dup = header.filter((c, i) => header.indexOf(c) !== i);
  if (dup.length) throw new CohortFileError(file, dup.map((c) => `${file}:${headerLine}: header: expected each column once, found "${c}" twice`));
  return {format, known, ignoredColumns: header.filter((c) => !known.has(c))};
}

export function checkBy(by: string, format: CohortFormat, present: Set<string>, file: string): string | null {
  if (format === "duration") return by === "group" ? null : `--by ${by}: the duration table (${file}) only has the column "group"`;
  if (DERIVED_BY[by] || present.has(by)) return null;
  return `--by ${by}: expected a column of ${file}, found none named "${by}"`;
}

/** An unusable option (e.g. --by a column the file does not have); the message names it. */
export class CohortOptionError extends Error {}

const isParquet = (path: string) => /\.parquet$/i.test(path);

let instance: Promise<DuckDBInstance> | undefined;
/** CSV files smaller than this are read on one thread. */
const SMALL_CSV_BYTES = 64 * 2 ** 20;

/**
 * DuckDB's memory limit: `mib`, or its default (80 % of RAM) for null. A small duration table is held
 * to 3 × its size (at least 64 MiB): DuckDB then keeps fewer buffers (a million rows: ~200 MB peak
 * instead of ~260 MB). The full format (57 text columns through the window) needs more than that
 * and keeps the default.
 */
async function setMemoryLimit(con: DuckDBConnection, mib: number | null): Promise<void> {
  await con.run(`SET memory_limit = '${mib ?? Math.floor((0.8 * totalmem()) / 2 ** 20)}MiB'`);
}
async function connect(bytes: number, parquet: boolean): Promise<DuckDBConnection> {
  // Spilled data (if a memory limit is reached) goes to the system temp folder, not the working folder.
  instance ??= DuckDBInstance.create(":memory:", {temp_directory: tmpdir()});
  const con = await (await instance).connect();
  // DuckDB would rewrite the duplicate-id window as a self-join, which reads and checks the file twice.
  await con.run(`SET disabled_optimizers = 'window_self_join'`);
  // A million-row CSV (about 20 MB) takes the same CPU time on one thread as on two, in 190–200 MB
  // peak instead of 260–300 MB (measured here); larger files and Parquet use every core.
  const small = !parquet && bytes < SMALL_CSV_BYTES;
  await con.run(`SET threads = ${small ? 1 : Math.max(1, availableParallelism())}`);
  await setMemoryLimit(con, null);
  return con;
}

/**
 * Read a person-level cohort file (CSV or Parquet) with DuckDB, validate each row and aggregate the
 * valid ones to the event table per value of `by`. Throws CohortFileError for an unusable file
 * (as readCohortFile does) and CohortOptionError for a `by` the file cannot give.
 */
export async function aggregateCohortFile(
  path: string,
  {by = "group", expect, fastPath = fastPathDefault()}: {by?: string; expect?: CohortFormat; /** try the fast path first (default: yes) */ fastPath?: boolean} = {}
): Promise<AggregatedCohort> {
  let bytes: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error("not a file");
    bytes = stat.size;
  } catch (error) {
    throw new CohortFileError(path, [`${path}: cannot read file: ${(error as Error).message}`]);
  }
  const con = await connect(bytes, isParquet(path));
  try {
    return isParquet(path) ? await fromParquet(con, path, by, fastPath, expect) : await fromCsv(con, path, by, fastPath, expect);
  } finally {
    con.closeSync();
  }
}

async function fromCsv(con: DuckDBConnection, path: string, by: string, fastPath: boolean, expect?: CohortFormat): Promise<AggregatedCohort> {
  let layout = quickCsvLayout(path) ?? scanCsvLayout(path);
  const {format, known, ignoredColumns} = checkHeader(layout.header, layout.headerLine, path, expect);
  const bytes = statSync(path).size;
  if (format === "duration" && bytes < SMALL_CSV_BYTES) await setMemoryLimit(con, Math.max(64, Math.ceil((3 * bytes) / 2 ** 20)));
  const byProblem = checkBy(by, format, new Set(layout.header.filter((c) => known.has(c))), path);
  const noRows = () => new CohortFileError(path, [`${path}:${layout.headerLine + 1}: row: expected at least one data row, found none`]);
  if (layout.records === 0) throw new CohortFileError(path, [`${path}:${layout.headerLine + 1}: row: expected at least one data row, found none`]);

  // Column names are our own (the header's, lower-cased), so DuckDB does not sniff anything.
  const cols = layout.header.map((c, i) => (c === "" ? `column_${i}` : c));
  const columns = `{${cols.map((c) => `${str(c)}: 'VARCHAR'`).join(", ")}}`;
  const readCsv =
    `read_csv(${str(path)}, header = true, skip = ${layout.headerLine - 1}, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
    `columns = ${columns}, nullstr = '\u0001', store_rejects = true, rejects_table = 'cohort_rejects', rejects_scan = 'cohort_reject_scans')`;
  const present = new Set(layout.header);
  const byExpr = byProblem ? "CAST(NULL AS VARCHAR)" : DERIVED_BY[by] ? `SUBSTR(TRIM(${ident(DERIVED_BY[by])}), 1, 4)` : ident(by);
  const wanted = format === "duration" ? [...DURATION_COLUMNS] : [...FULL_REQUIRED_COLUMNS, ...FULL_OPTIONAL_COLUMNS];
  const select = wanted.map((c) => (present.has(c) ? `${ident(c)} AS ${sqlName(c)}` : `CAST(NULL AS VARCHAR) AS ${sqlName(c)}`)).join(", ");
  const view = (lineExpr: string, from: string) => con.run(`CREATE OR REPLACE TEMP VIEW cohort AS SELECT ${lineExpr} AS line, ${byExpr} AS by_value, ${select} FROM ${from}`);
  const header = Array.from({length: layout.headerLine}, (_, i) => i + 1);

  // Rows of the wrong width. DuckDB reports one reject per missing or extra field ("Found: 3", "Found: 4", ...
  // for a short row; "Found: 5", "Found: 6" for a long one): the first of a short row, the last of a long one.
  const readRejects = async () => {
    const rows = (
      await con.runAndReadAll(
        `SELECT CAST(line AS DOUBLE) AS line, MAX(error_type) AS error_type, CASE WHEN MAX(error_type) = 'MISSING COLUMNS' THEN MIN(TRY_CAST(NULLIF(regexp_extract(error_message, 'Found: (\\d+)', 1), '') AS INTEGER)) ELSE MAX(TRY_CAST(NULLIF(regexp_extract(error_message, 'Found: (\\d+)', 1), '') AS INTEGER)) END AS found,
           MIN(error_message) AS error_message FROM cohort_rejects GROUP BY line ORDER BY line`
      )
    ).getRowObjectsJS() as {line: number; error_type: string; found: number | null; error_message: string}[];
    await con.run(`DROP TABLE IF EXISTS cohort_rejects; DROP TABLE IF EXISTS cohort_reject_scans`);
    return rows;
  };

  // The usual file has no blank lines, no line breaks inside fields and no rows of the wrong width:
  // then the k-th row DuckDB reads is on line k + header, and one pass over the file does it all.
  if (layout.skipped.length === 0) {
    await view(`ROW_NUMBER() OVER () + ${header.length}`, readCsv);
    // The fast path (a duration table) reads the file once; when a row fails a check, the portable
    // query reads it again for the messages. A row of the wrong width found by the first read goes
    // straight to the exact numbering below, which reads the file once more anyway.
    const fast = fastPath && format === "duration" ? await fastEventTable(con, path, format, by, []) : GAVE_UP;
    let result = fast === GAVE_UP ? null : fast;
    let rejects = fast === GAVE_UP ? [] : await readRejects();
    if (!result && rejects.length === 0) {
      result = await portableEventTable(con, path, format, by, []);
      rejects = await readRejects();
    }
    await con.run(`DROP VIEW cohort`);
    if (result && rejects.length === 0) {
      const records = result.counts.reduce((s, c) => s + c.count, 0) + result.excluded.length;
      if (records === 0) throw noRows();
      return finish(result, path, format, by, records, ignoredColumns, byProblem);
    }
    // A row of the wrong width (or a line of spaces): number the rows from the exact layout.
    if (layout.records < 0) layout = scanCsvLayout(path);
    if (layout.records === 0) throw noRows();
  }

  // Otherwise: read the rows once into a table, learn which lines DuckDB rejected, and number the rows.
  await con.run(`CREATE OR REPLACE TEMP TABLE cohort_rows AS SELECT ROW_NUMBER() OVER () AS k, * FROM ${readCsv}`);
  const rejects = (await readRejects()).filter((r) => !layout.blank.has(r.line));
  const excluded: ExcludedRow[] = [];
  const skipLines = [...header, ...layout.skipped];
  for (const r of rejects) {
    skipLines.push(r.line);
    const what =
      r.error_type === "MISSING COLUMNS" || r.error_type === "TOO MANY COLUMNS"
        ? `row: expected ${cols.length} fields as in the header, found ${r.found}`
        : `row: expected a CSV record as in RFC 4180, found ${r.error_message}`;
    excluded.push({line: r.line, problems: [problemFromMessage(what)], reasons: [`${path}:${r.line}: ${what}`]});
  }
  // Line of the k-th accepted row: k plus the skipped lines before it. Skipped line j (1-based, in
  // order) has g_j = s_j - j accepted rows before it, so row k comes after every skipped line with g_j < k.
  skipLines.sort((a, b) => a - b);
  const offsets = skipLines.map((s, j) => s - (j + 1));
  await con.run(`CREATE OR REPLACE TEMP TABLE cohort_skips (g BIGINT, before BIGINT)`);
  const pairs: string[] = [];
  for (let j = 0; j < offsets.length; ++j) if (j === offsets.length - 1 || offsets[j + 1] !== offsets[j]) pairs.push(`(${offsets[j]}, ${j + 1})`);
  for (let i = 0; i < pairs.length; i += 1000) await con.run(`INSERT INTO cohort_skips VALUES ${pairs.slice(i, i + 1000).join(", ")}`);
  await view(`k + COALESCE((SELECT MAX(before) FROM cohort_skips WHERE g < k), 0)`, "cohort_rows");
  const result = await runEventTable(con, path, format, by, excluded, fastPath);
  await con.run(`DROP VIEW cohort; DROP TABLE cohort_rows; DROP TABLE cohort_skips`);
  return finish(result, path, format, by, layout.records, ignoredColumns, byProblem);
}

async function fromParquet(con: DuckDBConnection, path: string, by: string, fastPath: boolean, expect?: CohortFormat): Promise<AggregatedCohort> {
  let described: {column_name: string}[];
  try {
    described = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${str(path)})`)).getRowObjectsJS() as {column_name: string}[];
  } catch (error) {
    throw new CohortFileError(path, [`${path}: cannot read Parquet file: ${(error as Error).message.split("\n")[0]}`]);
  }
  const names = described.map((d) => d.column_name);
  const header = names.map((c) => c.trim().toLowerCase());
  const {format, known, ignoredColumns} = checkHeader(header, 1, path, expect);
  const byProblem = checkBy(by, format, new Set(header.filter((c) => known.has(c))), path);
  const source = new Map(header.map((h, i) => [h, names[i]]));
  // Typed columns become text as a CSV cell would be (DATE → YYYY-MM-DD); a NULL is an empty cell.
  const cell = (c: string) => (source.has(c) ? `COALESCE(CAST(${ident(source.get(c)!)} AS VARCHAR), '')` : `CAST(NULL AS VARCHAR)`);
  const wanted = format === "duration" ? [...DURATION_COLUMNS] : [...FULL_REQUIRED_COLUMNS, ...FULL_OPTIONAL_COLUMNS];
  const byExpr = byProblem ? "CAST(NULL AS VARCHAR)" : DERIVED_BY[by] ? `SUBSTR(TRIM(${cell(DERIVED_BY[by])}), 1, 4)` : cell(by);
  await con.run(
    `CREATE OR REPLACE TEMP VIEW cohort AS SELECT file_row_number + 1 AS line, ${byExpr} AS by_value, ${wanted.map((c) => `${cell(c)} AS ${sqlName(c)}`).join(", ")} ` +
      `FROM read_parquet(${str(path)}, file_row_number = true)`
  );
  const rows = Number(((await con.runAndReadAll(`SELECT CAST(COUNT(*) AS DOUBLE) AS n FROM read_parquet(${str(path)})`)).getRowObjectsJS()[0] as {n: number}).n);
  if (rows === 0) throw new CohortFileError(path, [`${path}:1: row: expected at least one data row, found none`]);
  const result = await runEventTable(con, path, format, by, [], fastPath);
  await con.run(`DROP VIEW cohort`);
  return finish(result, path, format, by, rows, ignoredColumns, byProblem);
}

/** The event table of the relation `cohort`: the fast path when allowed and every row passes, else the portable query. */
async function runEventTable(con: DuckDBConnection, path: string, format: CohortFormat, by: string, excluded: ExcludedRow[], fastPath: boolean) {
  const fast = fastPath ? await fastEventTable(con, path, format, by, excluded) : GAVE_UP;
  return fast && fast !== GAVE_UP ? fast : await portableEventTable(con, path, format, by, excluded);
}

/** The portable query (lib/cohort/sql/*-event-table.sql) on the relation `cohort`. */
async function portableEventTable(con: DuckDBConnection, path: string, format: CohortFormat, by: string, excluded: ExcludedRow[]) {
  ++eventTablePaths.portable;
  const rows = (await con.runAndReadAll(eventTableSql(format))).getRowObjectsJS() as unknown as EventTableSqlRow[];
  return collectEventTable(rows, path, format, by, excluded);
}

/** The fast path did not read the whole file (see fastDurationEventTable). */
const GAVE_UP = Symbol("gave up");

/**
 * The fast path's result; null when it read the file and a row fails a check; GAVE_UP when it does
 * not apply (not a duration table) or gave up before the end of its scan.
 */
async function fastEventTable(con: DuckDBConnection, path: string, format: CohortFormat, by: string, excluded: ExcludedRow[]) {
  if (format !== "duration") return GAVE_UP;
  const rows = await fastDurationEventTable(con);
  if (rows === null || rows === GAVE_UP) return rows;
  ++eventTablePaths.fast;
  return collectEventTable(rows, path, format, by, excluded);
}

/** Give up the fast path when the distinct cells number more than this and more than a quarter of the rows. */
const MAX_FAST_CELLS = 10_000;

/**
 * The output columns of the duration query's count rows, as lib/cohort/sql/duration-event-table.sql
 * computes them from the cells (t_x there is TRIM(x)); tests/cohort/cohort-fast-path.test.ts checks
 * that the generated query has these expressions.
 */
export const DURATION_OUTPUT = {
  group_value: `CASE WHEN by_value IS NULL OR TRIM(by_value) = '' THEN '(blank)' ELSE TRIM(by_value) END`,
  duration: `REPLACE(TRIM(months), ',', '.')`,
  exit_label: `LOWER(TRIM(exit))`
};

/**
 * The fast path of a duration table: an optimisation in DuckDB-only SQL (GROUPING SETS, temporary
 * tables), never needed for a correct result; it gives the rows the portable query would give when
 * every row passes, and null otherwise (then the caller runs the portable query for the messages).
 *
 * The portable query spends most of its time on checks of every cell of every row (TRIM, digit
 * tests), on a window over the million ids, and on numbering and messages (docs/cohort.md, issue 18).
 * Here one scan of `cohort` groups the rows two ways at once:
 *   - by the cells as read (by_value, group, months, exit), with the number of rows of each: a few
 *     hundred distinct cells where the file has a million rows;
 *   - by the trimmed id, keeping only an id that is empty, missing or on more than one row.
 * Every row passes exactly when no id is kept and every distinct cell passes the portable query's own
 * checks: the duration query's checks of group, months and exit look at the row's cells only, so the
 * portable query itself is run on the distinct cells (a unique made-up id and line each) and must
 * exclude none; its id checks (non-empty, unique after TRIM) are the grouping by id. Then the event
 * table is the distinct cells' output columns (DURATION_OUTPUT) summed, which equals the portable
 * query's count rows.
 */
async function fastDurationEventTable(con: DuckDBConnection): Promise<EventTableSqlRow[] | null | typeof GAVE_UP> {
  try {
    await con.run(
      `CREATE OR REPLACE TEMP TABLE cohort_cells AS
       SELECT GROUPING(t_id) = 1 AS is_cell, by_value, group_name, months, exit, COUNT(*) AS persons
       FROM (SELECT TRIM(id) AS t_id, by_value, group_name, months, exit FROM cohort)
       GROUP BY GROUPING SETS ((by_value, group_name, months, exit), (t_id))
       HAVING GROUPING(t_id) = 1 OR COUNT(*) > 1 OR t_id IS NULL OR t_id = ''`
    );
  } catch (error) {
    // Nearly as many distinct cells as rows (months with many decimals) can exceed the memory limit
    // of a small file: the portable query, which does not group them, reads the file instead.
    if (!/^Out of Memory Error/.test((error as Error).message)) throw error;
    await con.run(`DROP TABLE IF EXISTS cohort_cells; DROP TABLE IF EXISTS cohort_rejects; DROP TABLE IF EXISTS cohort_reject_scans`);
    return GAVE_UP;
  }
  try {
    // Checking many distinct cells costs as much as the portable query on the file: then the fast
    // path only adds to the work (and a bad row would have both run), so hand over at once.
    const size = (
      await con.runAndReadAll(`SELECT CAST(COUNT(*) AS DOUBLE) AS cells, CAST(COALESCE(SUM(persons), 0) AS DOUBLE) AS rows FROM cohort_cells WHERE is_cell`)
    ).getRowObjectsJS()[0] as {cells: number; rows: number};
    if (size.cells > MAX_FAST_CELLS && size.cells > size.rows / 4) return null;
    const sql = eventTableSql("duration");
    const start = sql.indexOf("WITH src AS (");
    if (start < 0) throw new Error("duration-event-table.sql: expected it to start with WITH src AS (");
    // The portable query on the distinct cells: the relation `cohort` becomes a CTE over them.
    const onCells =
      `${sql.slice(0, start)}WITH cohort AS (SELECT ROW_NUMBER() OVER () AS line, by_value, CAST(ROW_NUMBER() OVER () AS VARCHAR) AS id, group_name, months, exit ` +
      `FROM cohort_cells WHERE is_cell),\nsrc AS (${sql.slice(start + "WITH src AS (".length)}`;
    const verdict = (
      await con.runAndReadAll(
        `SELECT CAST((SELECT COUNT(*) FROM cohort_cells WHERE NOT is_cell) AS DOUBLE) AS ids, ` +
          `CAST((SELECT COUNT(*) FROM (${onCells}) AS q WHERE kind <> 'count') AS DOUBLE) AS failed`
      )
    ).getRowObjectsJS()[0] as {ids: number; failed: number};
    if (verdict.ids > 0 || verdict.failed > 0) return null;
    const {group_value, duration, exit_label} = DURATION_OUTPUT;
    return (
      await con.runAndReadAll(
        `SELECT 'count' AS kind, CAST(NULL AS BIGINT) AS line, CAST(NULL AS VARCHAR) AS message, CAST(NULL AS BIGINT) AS first_line, ` +
          `${group_value} AS group_value, ${duration} AS duration, ${exit_label} AS exit_label, CAST(SUM(persons) AS BIGINT) AS persons ` +
          `FROM cohort_cells WHERE is_cell GROUP BY ALL`
      )
    ).getRowObjectsJS() as unknown as EventTableSqlRow[];
  } finally {
    await con.run(`DROP TABLE IF EXISTS cohort_cells`);
  }
}

/** One row of the event-table query as any client returns it (numbers may come as bigint or as text). */
export interface EventTableSqlRow {
  kind: string;
  line: bigint | number | string | null;
  message: string | null;
  first_line: bigint | number | string | null;
  group_value: string | null;
  /** Duration table: the months cell as text (dot decimal); full format: whole days. */
  duration: bigint | number | string | null;
  exit_label: string | null;
  persons: bigint | number | string | null;
}

/**
 * The excluded rows and the event table from the rows of the query (DuckDB, PostgreSQL or any other
 * engine): months as the in-process reader computes them (Number() of the cell's text, or days /
 * 30.4375), group labels as the in-process path writes them, cells of equal months merged.
 * `excluded` may already hold rows the reader itself rejected.
 */
export function collectEventTable(rows: EventTableSqlRow[], path: string, format: CohortFormat, by: string, excluded: ExcludedRow[] = []) {
  const merged = new Map<string, EventCount>();
  for (const r of rows) {
    if (r.kind === "excluded") {
      const line = Number(r.line);
      const reasons = r.message!.replace(/\n$/, "").split("\n");
      if (r.first_line !== null) reasons[reasons.length - 1] += String(r.first_line);
      excluded.push({line, problems: reasons.map(problemFromMessage), reasons: reasons.map((m) => `${path}:${line}: ${m}`)});
    } else {
      const group = groupLabel(by, r.group_value!);
      const months = format === "full" ? Number(r.duration) / DAYS_PER_MONTH : Number(r.duration);
      if (!Number.isFinite(months) || months < 0) throw new Error(`event-table query: a duration of ${String(r.duration)} passed the checks`);
      const key = `${group}\u0000${months}\u0000${r.exit_label}`;
      const cell = merged.get(key);
      if (cell) cell.count += Number(r.persons);
      else merged.set(key, {group, months, exit: r.exit_label!, count: Number(r.persons)});
    }
  }
  excluded.sort((a, b) => a.line - b.line);
  const counts = [...merged.values()].sort(compareCounts);
  return {counts, excluded};
}

export function finish(
  result: {counts: EventCount[]; excluded: ExcludedRow[]},
  path: string,
  format: CohortFormat,
  by: string,
  read: number,
  ignoredColumns: string[],
  byProblem: string | null
): AggregatedCohort {
  const accepted = result.counts.reduce((s, c) => s + c.count, 0);
  // An unterminated quote makes the layout scan see one long record where DuckDB rejects a line and
  // reads on: every row is then either accepted or excluded, so count them (read >= both together).
  read = Math.max(read, accepted + result.excluded.length);
  if (accepted === 0)
    throw new CohortFileError(path, [`${path}: every one of the ${read} data rows is invalid; first problems:`, ...result.excluded.slice(0, 10).flatMap((e) => e.reasons)]);
  if (byProblem) throw new CohortOptionError(byProblem);
  return {
    format,
    by,
    counts: result.counts,
    excluded: result.excluded,
    summary: {file: path, format, read, accepted, excluded: result.excluded.length, ignoredColumns}
  };
}

/** The exit causes of a format (status codes 1..K in this order) and how exits map onto them. */
export function causesOf(format: CohortFormat, mode: "detailed" | "work-other"): {causes: string[]; causeOf: (exit: string) => string} {
  if (format === "duration" || mode === "work-other")
    return {causes: ["work", "other"], causeOf: (e) => (e === "censored" ? e : format === "duration" ? e : e.startsWith("work") ? "work" : "other")};
  return {causes: EXIT_TYPES.filter((t) => t !== "none"), causeOf: (e) => e};
}
