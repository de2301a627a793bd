// The generated event-table SQL (lib/cohort/sql/*.sql, from scripts/cohort-sql.ts) uses only the
// functions, types and keywords of the allowed list in docs/cohort.md ("SQL that runs on every
// engine"), each documented by DuckDB, PostgreSQL, Spark SQL and Trino.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {eventTableSql} from "../../lib/io/cohort-duckdb.js";
import {cohortSql, durationSql} from "../../scripts/cohort-sql.js";

interface Allowed {
  words: Set<string>;
  types: Set<string>;
  functions: Set<string>;
  rows: {name: string; kind: string; links: string[]}[];
}

function allowedList(): Allowed {
  const doc = readFileSync("docs/cohort.md", "utf8");
  const start = doc.indexOf("#### SQL that runs on every engine");
  const end = doc.indexOf("\nOperators:", start);
  expect(start, "docs/cohort.md has the section 'SQL that runs on every engine'").toBeGreaterThan(0);
  const rows = doc
    .slice(start, end)
    .split("\n")
    .filter((l) => l.startsWith("| `"))
    .map((l) => {
      const cells = l.split(" | ").map((c) => c.replace(/^\| |\s*\|$/g, ""));
      return {name: cells[0], kind: cells[1], links: cells.slice(2).map((c) => (c.match(/\]\((https:\/\/[^)]+)\)/) ?? [])[1] ?? "")};
    });
  const words = new Set<string>();
  const types = new Set<string>();
  const functions = new Set<string>();
  for (const r of rows) {
    const names = [...r.name.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    for (const n of names) {
      for (const w of n.match(/\b[A-Z][A-Z_]*\b/g) ?? []) words.add(w);
      if (r.kind === "type") types.add(n);
      else if (r.kind !== "keyword") functions.add(n.match(/^[A-Z_]+/)![0]);
    }
  }
  return {words, types, functions, rows};
}

/** The SQL without comment lines and with every string literal emptied. */
const code = (sql: string) =>
  sql
    .split("\n")
    .filter((l) => !l.trimStart().startsWith("--"))
    .join("\n")
    .replace(/'(?:[^']|'')*'/g, "''");

/** Everything in the SQL outside the allowed list: unknown keywords, functions and types. */
function outsideList(sql: string, allowed: Allowed): string[] {
  const body = code(sql);
  const problems: string[] = [];
  for (const w of new Set(body.match(/\b[A-Z][A-Z_0-9]*\b/g) ?? [])) if (!allowed.words.has(w)) problems.push(`keyword or name ${w}`);
  for (const m of body.matchAll(/\b([A-Za-z_][A-Za-z_0-9]*)\s*\(/g)) {
    const name = m[1];
    const keywordBeforeParen = ["AS", "IN", "AND", "OR", "NOT", "WHEN", "THEN", "ELSE", "OVER", "FROM", "BY"].includes(name);
    const typeWithSize = [...allowed.types].some((t) => t.startsWith(`${name}(`));
    if (!keywordBeforeParen && !typeWithSize && !allowed.functions.has(name)) problems.push(`function ${name}`);
  }
  for (const m of body.matchAll(/\bAS\s+([A-Z]+(?:\(\d+,\s*\d+\))?)/g)) if (!allowed.types.has(m[1])) problems.push(`type ${m[1]}`);
  return [...new Set(problems)];
}

describe("the event-table SQL keeps to the allowed list of docs/cohort.md", () => {
  it("every row of the list links to the documentation of DuckDB, PostgreSQL, Spark SQL and Trino", () => {
    const {rows} = allowedList();
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const r of rows) {
      expect(r.links, r.name).toHaveLength(4);
      expect(r.links[0], r.name).toMatch(/^https:\/\/duckdb\.org\/docs\//);
      expect(r.links[1], r.name).toMatch(/^https:\/\/www\.postgresql\.org\/docs\/15\//);
      expect(r.links[2], r.name).toMatch(/^https:\/\/spark\.apache\.org\/docs\//);
      expect(r.links[3], r.name).toMatch(/^https:\/\/trino\.io\/docs\//);
    }
  });

  it("the committed files are the generator's output (regenerate with npx tsx scripts/cohort-sql.ts)", () => {
    expect(eventTableSql("full")).toBe(cohortSql());
    expect(eventTableSql("duration")).toBe(durationSql());
  });

  it("the generated SQL of both formats uses no function, type or keyword outside the list (no DOUBLE, no float type at all)", () => {
    const allowed = allowedList();
    for (const format of ["full", "duration"] as const) {
      expect(outsideList(eventTableSql(format), allowed), format).toEqual([]);
      expect(code(eventTableSql(format))).not.toMatch(/\bDOUBLE\b|\bREAL\b|\bFLOAT\b|\d[eE]\d|BETWEEN\s+''/);
    }
  });

  it("the check rejects what the list leaves out: DOUBLE, DOUBLE PRECISION, TRY_CAST, regexp_matches, a DuckDB cast, an unlisted decimal", () => {
    const allowed = allowedList();
    const base = "SELECT CAST(x AS BIGINT) FROM cohort";
    expect(outsideList(base, allowed)).toEqual([]);
    expect(outsideList("SELECT CAST(x AS DOUBLE) FROM cohort", allowed)).toContain("type DOUBLE");
    expect(outsideList("SELECT CAST(x AS DOUBLE PRECISION) FROM cohort", allowed)).toContain("keyword or name PRECISION");
    expect(outsideList("SELECT TRY_CAST(x AS BIGINT) FROM cohort", allowed)).toContain("function TRY_CAST");
    expect(outsideList("SELECT regexp_matches(x, 'a') FROM cohort", allowed)).toContain("function regexp_matches");
    expect(outsideList("SELECT CAST(x AS DECIMAL(10, 2)) FROM cohort", allowed)).toContain("type DECIMAL(10, 2)");
    expect(outsideList("SELECT FLOOR(x) FROM cohort", allowed)).toContain("function FLOOR");
  });

  it("reads only the relation named cohort, and has no backslash, quoted identifier or DuckDB-only syntax", () => {
    for (const format of ["full", "duration"] as const) {
      const body = code(eventTableSql(format));
      expect(body).not.toMatch(/::|\\|"|`|\bGROUP BY ALL\b|\bQUALIFY\b|\bEXCLUDE\b/i);
      const tables = [...body.matchAll(/(?<!LEADING '' )\bFROM\s+(\w+)/g)].map((m) => m[1]);
      expect(tables.filter((t) => !["src", "flagged", "crossed", "checked", "marked", "refined", "sorted"].includes(t))).toEqual(["cohort"]);
    }
  });
});
