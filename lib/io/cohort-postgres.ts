// A person-level cohort that lives in a PostgreSQL database, validated and aggregated inside the
// server: the generated query of lib/cohort/sql/*-event-table.sql runs unchanged over a temporary
// view named `cohort` on the relation (the only PostgreSQL-specific SQL here), and only its result
// comes back: the event table (group, duration, exit, persons) and one message per excluded row.
// Person rows never leave the server. Node only.
//
// Connection: a postgres:// URL (--connection) or libpq's environment variables (PGHOST, PGPORT,
// PGDATABASE, PGUSER, PGPASSWORD), which the `pg` client reads itself.
import pg from "pg";
import {DURATION_COLUMNS, FULL_OPTIONAL_COLUMNS, FULL_REQUIRED_COLUMNS} from "../schema/cohort.js";
import {CohortFileError, type CohortFormat} from "./cohort-file.js";
import {
  checkBy,
  checkHeader,
  collectEventTable,
  CohortOptionError,
  DERIVED_BY,
  eventTableSql,
  finish,
  ident,
  sqlName,
  type AggregatedCohort,
  type EventTableSqlRow
} from "./cohort-duckdb.js";

export interface PostgresSource {
  /** postgres://user[:password]@host:port/database; absent: PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD. */
  connection?: string;
  /** The relation (table or view), optionally schema-qualified: cohort, monitor.cohort_2024. */
  table: string;
}

/** A relation name as SQL: each dot-separated part quoted as an identifier (so no SQL gets in). */
export function relationSql(table: string): string {
  const parts = table.split(".");
  if (parts.length > 2 || parts.some((p) => p.trim() === ""))
    throw new CohortOptionError(`--table: expected a relation name such as cohort or schema.cohort, found "${table}"`);
  return parts.map((p) => ident(p.trim())).join(".");
}

/** The connection as it may be shown: without a password. */
export function connectionLabel(connection: string | undefined): string {
  if (!connection) {
    const e = process.env;
    return `${e.PGUSER ?? "(user)"}@${e.PGHOST ?? "localhost"}:${e.PGPORT ?? "5432"}/${e.PGDATABASE ?? e.PGUSER ?? "(database)"}`;
  }
  try {
    const u = new URL(connection);
    u.password = "";
    return u.toString();
  } catch {
    return "(the --connection URL)";
  }
}

/** What the database said, on one line, with the connection (never its password). */
function serverProblem(source: PostgresSource, error: unknown): CohortFileError {
  const e = error as {code?: string; message?: string};
  const text = (e.message ?? String(error)).split("\n")[0];
  return new CohortFileError(source.table, [`--engine postgres: ${connectionLabel(source.connection)}: ${text}${e.code ? ` (${e.code})` : ""}`]);
}

/**
 * Validate and aggregate the relation `source.table` inside the server: the same checks, messages and
 * event table as aggregateCohortFile for a CSV file. Messages name the relation and the row: the
 * relation's column `line` when it has one (an integer, e.g. the line of the file it was loaded
 * from), otherwise the row's number in the server's scan order (ROW_NUMBER() OVER ()), which is not
 * stable between runs.
 */
export async function aggregatePostgres(source: PostgresSource, {by = "group", expect}: {by?: string; expect?: CohortFormat} = {}): Promise<AggregatedCohort> {
  const relation = relationSql(source.table);
  const label = source.table;
  const client = new pg.Client(source.connection ? {connectionString: source.connection} : {});
  try {
    await client.connect();
  } catch (error) {
    throw serverProblem(source, error);
  }
  try {
    let fields: string[];
    try {
      fields = (await client.query(`SELECT * FROM ${relation} LIMIT 0`)).fields.map((f) => f.name);
    } catch (error) {
      throw serverProblem(source, error);
    }
    const header = fields.map((c) => c.trim().toLowerCase());
    const lineColumn = header.indexOf("line");
    const cellColumns = header.filter((_, i) => i !== lineColumn);
    const {format, known, ignoredColumns} = checkHeader(cellColumns, 1, label, expect);
    const byProblem = checkBy(by, format, new Set(cellColumns.filter((c) => known.has(c))), label);
    const sourceName = new Map(header.map((h, i) => [h, fields[i]]));
    // Typed columns become text as a CSV cell would be (DATE → YYYY-MM-DD under DateStyle ISO); NULL is an empty cell.
    const cell = (c: string) => (sourceName.has(c) && c !== "line" ? `COALESCE(CAST(${ident(sourceName.get(c)!)} AS TEXT), '')` : "CAST(NULL AS TEXT)");
    const wanted = format === "duration" ? [...DURATION_COLUMNS] : [...FULL_REQUIRED_COLUMNS, ...FULL_OPTIONAL_COLUMNS];
    const byExpr = byProblem ? "CAST(NULL AS TEXT)" : DERIVED_BY[by] ? `SUBSTR(TRIM(${cell(DERIVED_BY[by])}), 1, 4)` : cell(by);
    const line = lineColumn >= 0 ? `CAST(${ident(fields[lineColumn])} AS BIGINT)` : "ROW_NUMBER() OVER () + 1";
    let rows: EventTableSqlRow[];
    let read: number;
    try {
      await client.query("SET DateStyle = 'ISO, YMD'");
      await client.query(
        `CREATE TEMP VIEW cohort AS SELECT ${line} AS line, ${byExpr} AS by_value, ${wanted.map((c) => `${cell(c)} AS ${sqlName(c)}`).join(", ")} FROM ${relation}`
      );
      read = Number((await client.query(`SELECT COUNT(*) AS n FROM ${relation}`)).rows[0].n);
      if (read === 0) throw new CohortFileError(label, [`${label}: row: expected at least one row, found none`]);
      rows = (await client.query(eventTableSql(format))).rows as EventTableSqlRow[];
      await client.query("DROP VIEW cohort");
    } catch (error) {
      if (error instanceof CohortFileError) throw error;
      throw serverProblem(source, error);
    }
    const result = collectEventTable(rows, label, format, by);
    return finish(result, label, format, by, read, ignoredColumns, byProblem);
  } finally {
    await client.end().catch(() => undefined);
  }
}
