// The DuckDB fast path of a duration table (lib/io/cohort-duckdb.ts, fastDurationEventTable) against
// the portable query (lib/cohort/sql/duration-event-table.sql): the fast path is an optimisation, so
// on every file both give the same result to the last byte (event table, excluded rows and their
// messages, counts, and what `curves` and `aggregate` print), and it is taken exactly when no row
// fails a check. The portable path is forced with the option fastPath: false, or for the command
// line with RENDEMENT_DUCKDB_FAST_PATH=0.
import {afterAll, afterEach, describe, expect, it} from "vitest";
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {csvFormatRow, csvParseRows} from "d3-dsv";
import {DuckDBInstance} from "@duckdb/node-api";
import {aggregateCohortFile, DURATION_OUTPUT, eventTablePaths} from "../../lib/io/cohort-duckdb.js";
import {detectFormat} from "../../lib/io/cohort-file.js";
import {isEventTableHeader, readCsvHeader} from "../../lib/io/event-table-file.js";
import {durationSql} from "../../scripts/cohort-sql.js";
import {runCli} from "../cli/run.js";
import {mulberry32, mutateCsv} from "../fuzz/mutate.js";

const dir = mkdtempSync(path.join(tmpdir(), "cohort-fast-path-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
afterEach(() => {
  delete process.env.RENDEMENT_DUCKDB_FAST_PATH;
});

/** The result, or the error's class and message: either must be the same on both paths. */
async function aggregate(file: string, by: string, fastPath: boolean) {
  try {
    return {ok: await aggregateCohortFile(file, {by, fastPath})};
  } catch (error) {
    return {error: `${(error as Error).constructor.name}: ${(error as Error).message}`};
  }
}

/** Both paths on one file; returns which ran when the fast path was allowed. */
async function expectSameAggregate(file: string, by = "group") {
  const before = {...eventTablePaths};
  const fast = await aggregate(file, by, true);
  const took = {fast: eventTablePaths.fast - before.fast, portable: eventTablePaths.portable - before.portable};
  const portable = await aggregate(file, by, false);
  expect(fast, `${file} --by ${by}`).toEqual(portable);
  return {took, result: fast};
}

/** What `rendement <argv>` prints and returns, with the fast path allowed and with it switched off. */
async function expectSameCommand(argv: string[]) {
  delete process.env.RENDEMENT_DUCKDB_FAST_PATH;
  const fast = await runCli(argv);
  process.env.RENDEMENT_DUCKDB_FAST_PATH = "0";
  const portable = await runCli(argv);
  delete process.env.RENDEMENT_DUCKDB_FAST_PATH;
  expect(fast, `rendement ${argv.join(" ")}`).toEqual(portable);
  return fast;
}

/** Every person-level cohort file shipped (CSV or Parquet under data/ and tests/fixtures/), found by its header. */
function shippedCohortFiles(): {file: string; format: string}[] {
  const walk = (d: string): string[] =>
    readdirSync(d, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  const found: {file: string; format: string}[] = [];
  for (const file of [...walk("data"), ...walk("tests/fixtures")].sort()) {
    if (/\.parquet$/i.test(file)) found.push({file, format: "parquet"});
    if (!/\.csv$/i.test(file)) continue;
    const header = readCsvHeader(file);
    const format = header && !isEventTableHeader(header) ? detectFormat(header) : null;
    if (format) found.push({file, format});
  }
  return found;
}

/** A seeded duration table with the cell forms the checks accept: decimal commas, spaces, upper case, zero padding. */
function durationTable(rows: number, seed: number): string[] {
  const rand = mulberry32(seed);
  const exits = ["work", "other", "censored", "WORK", " Censored ", "Other"];
  const months = (i: number) => {
    const m = Math.floor(rand() * 60);
    return i % 11 === 10 ? `"${m},5"` : i % 13 === 0 ? ` ${m} ` : i % 17 === 0 ? `00${m}` : i % 19 === 0 ? `${m}.25` : String(m);
  };
  const lines = ["id,group,months,exit"];
  for (let i = 0; i < rows; ++i) lines.push(`P${i},${i % 23 === 0 ? " B " : "ABC"[i % 3]},${months(i)},${exits[Math.floor(rand() * exits.length)]}`);
  return lines;
}

const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

/**
 * One change to a clean table, and whether every row still passes. The fast path must be taken when
 * the query's checks pass on every row it reads: `clean`, unless `fast` says otherwise (a row of the
 * wrong width or an unterminated quote is excluded by the CSV reader, DuckDB's rejects, before the query
 * sees the rows).
 */
type Case = {name: string; clean: boolean; fast?: boolean; change: (lines: string[]) => string[]};
/** Line `row` with cell `col` set to `value` (quoted as needed). */
const setCell = (row: number, col: number, value: string) => (lines: string[]) =>
  lines.map((l, i) => (i === row ? csvFormatRow(csvParseRows(l)[0].map((c, j) => (j === col ? value : c))) : l));
const CASES: Case[] = [
  {name: "unchanged", clean: true, change: (l) => l},
  {name: "id empty", clean: false, change: setCell(5, 0, "")},
  {name: "id of spaces", clean: false, change: setCell(5, 0, "   ")},
  {name: "id repeated", clean: false, change: setCell(9, 0, "P2")},
  {name: "id repeated once trimmed", clean: false, change: setCell(9, 0, " P2 ")},
  {name: "ids that differ in case only", clean: true, change: setCell(9, 0, "p2")},
  {name: "id with spaces, unique", clean: true, change: setCell(9, 0, " Q9 ")},
  {name: "group empty", clean: false, change: setCell(4, 1, "")},
  {name: "group of spaces", clean: false, change: setCell(4, 1, "  ")},
  {name: "months empty", clean: false, change: setCell(3, 2, "")},
  {name: "months negative", clean: false, change: setCell(3, 2, "-1")},
  {name: "months not a number", clean: false, change: setCell(3, 2, "abc")},
  {name: "months with an exponent", clean: false, change: setCell(3, 2, "1e3")},
  {name: "months .5", clean: false, change: setCell(3, 2, ".5")},
  {name: "months 5.", clean: false, change: setCell(3, 2, "5.")},
  {name: "months 1.2.3", clean: false, change: setCell(3, 2, "1.2.3")},
  {name: "months 1,5 (decimal comma)", clean: true, change: setCell(3, 2, "1,5")},
  {name: "months that Number() makes Infinity", clean: false, change: setCell(3, 2, "9".repeat(400))},
  {name: "months zero-padded to 400 digits", clean: true, change: setCell(3, 2, "0".repeat(400) + "5")},
  {name: "exit empty", clean: false, change: setCell(6, 3, "")},
  {name: "exit unknown", clean: false, change: setCell(6, 3, "retired")},
  {name: "exit none (full format only)", clean: false, change: setCell(6, 3, "none")},
  {name: "a row too short", clean: false, fast: true, change: (l) => [...l.slice(0, 7), "P999,A,5", ...l.slice(7)]},
  {name: "a row too long", clean: false, fast: true, change: (l) => [...l.slice(0, 7), "P999,A,5,work,extra", ...l.slice(7)]},
  {name: "a blank line", clean: true, change: (l) => [...l.slice(0, 7), "", ...l.slice(7)]},
  {name: "a line of spaces", clean: true, change: (l) => [...l.slice(0, 7), "   ", ...l.slice(7)]},
  {name: "a quoted line break in a group", clean: true, change: setCell(8, 1, "A\nB")},
  {name: "CRLF line ends", clean: true, change: (l) => l.map((x) => `${x}\r`)},
  {name: "a byte order mark", clean: true, change: (l) => [`\uFEFF${l[0]}`, ...l.slice(1)]},
  {name: "an unterminated quote", clean: false, fast: true, change: (l) => [...l.slice(0, 7), '"P998,A,5,work', ...l.slice(7)]},
  {name: "header only", clean: true, change: (l) => l.slice(0, 1)},
  {name: "one row", clean: true, change: (l) => l.slice(0, 2)},
  {name: "one row, bad", clean: false, change: (l) => setCell(1, 2, "x")(l.slice(0, 2))},
  {name: "columns in another order, upper case, one extra", clean: true, change: (l) => l.map((x, i) => (i === 0 ? "EXIT,Months,note,GROUP,Id" : ((c) => csvFormatRow([c[3], c[2], "n", c[1], c[0]]))(csvParseRows(x)[0])))},
  {name: "every row bad", clean: false, change: (l) => l.map((x, i) => (i === 0 ? x : x.replace(/,[^,]*$/, ",retired")))},
  {name: "more than 5 % of the rows bad", clean: false, change: (l) => l.map((x, i) => (i > 0 && i % 10 === 0 ? x.replace(/,[^,]*$/, ",?") : x))}
];

describe("DuckDB fast path = portable query", () => {
  it("on every shipped cohort file (found under data/ and tests/fixtures/ by its header): the same result, and the fast path only for a clean duration table", async () => {
    const files = shippedCohortFiles();
    expect(files.map((f) => f.file)).toContain("tests/fixtures/cohort-small.csv");
    for (const {file, format} of files) {
      const {took, result} = await expectSameAggregate(file);
      const clean = "ok" in result && result.ok!.summary.excluded === 0;
      if (format === "full") expect(took.fast, file).toBe(0);
      else if (format === "duration") expect(took, file).toEqual(clean ? {fast: 1, portable: 0} : {fast: 0, portable: 1});
      if (format === "duration") {
        await expectSameCommand(["curves", file, "--json"]);
        await expectSameCommand(["curves", file, "--at", "1,2,3"]);
        await expectSameCommand(["aggregate", file]);
      }
    }
  }, 300_000);

  it("on a generated duration table and one change at a time (bad cells of each kind, repeated ids, widths, blank lines, quoting, empty, one row): the same output, and the fast path taken exactly on the clean ones", async () => {
    const base = durationTable(400, 18);
    for (const c of CASES) {
      const file = write(`case-${CASES.indexOf(c)}.csv`, c.change(base).join("\n") + "\n");
      const {took, result} = await expectSameAggregate(file);
      if ("ok" in result) expect(result.ok!.summary.excluded === 0, c.name).toBe(c.clean);
      // Taken: the portable query never ran (a file with rows of the wrong width is read twice, so
      // the fast path may run twice); not taken: the portable query gave the result.
      if (c.fast ?? c.clean) expect([took.fast > 0, took.portable], c.name).toEqual([true, 0]);
      else expect(took.portable, c.name).toBeGreaterThan(0);
      await expectSameCommand(["curves", file, "--json"]);
      await expectSameCommand(["aggregate", file, "--months", "whole"]);
    }
  }, 300_000);

  it("on every exit status alone, on --by options, and on random mutations of the shipped duration tables (tests/fuzz/mutate.ts)", async () => {
    for (const exit of ["work", "other", "censored"]) {
      const file = write(`only-${exit}.csv`, `id,group,months,exit\na,A,1,${exit}\nb,A,2,${exit}\nc,B,3,${exit.toUpperCase()}\n`);
      expect((await expectSameAggregate(file)).took).toEqual({fast: 1, portable: 0});
      await expectSameCommand(["curves", file, "--json"]);
    }
    const small = "tests/fixtures/cohort-small.csv";
    for (const by of ["group", "GROUP", "inflow_year", "sex", "months"]) {
      await expectSameAggregate(small, by.toLowerCase());
      await expectSameCommand(["curves", small, "--by", by, "--json"]);
    }
    const sources = shippedCohortFiles().filter((f) => f.format === "duration").map((f) => f.file);
    const rand = mulberry32(1804);
    for (let k = 0; k < 40; ++k) {
      const source = sources[k % sources.length];
      const {text, note} = mutateCsv(readFileSync(source, "utf8"), rand);
      const file = write(`mutated-${k}.csv`, text);
      try {
        await expectSameAggregate(file);
      } catch (error) {
        throw new Error(`mutation ${k} of ${source} (${note}): ${(error as Error).message}`);
      }
    }
  }, 300_000);

  it("hands over to the portable query when nearly every row is its own cell (months with many decimals), with the same output", async () => {
    const lines = ["id,group,months,exit", ...Array.from({length: 20_000}, (_, i) => `u${i},${"AB"[i % 2]},${i % 60}.${String(i).padStart(5, "0")},${["work", "other", "censored"][i % 3]}`)];
    const file = write("distinct-cells.csv", lines.join("\n") + "\n");
    expect((await expectSameAggregate(file)).took).toEqual({fast: 0, portable: 1});
    await expectSameCommand(["curves", file, "--json"]);
  }, 300_000);

  it("on Parquet duration tables (text and typed columns, and with a missing id): the same result, fast only when clean", async () => {
    const csv = write("for-parquet.csv", durationTable(300, 7).join("\n") + "\n");
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    const text = path.join(dir, "text.parquet");
    const typed = path.join(dir, "typed.parquet");
    const nullId = path.join(dir, "null-id.parquet");
    const read = `read_csv('${csv}', all_varchar = true, nullstr = '\u0001')`;
    await con.run(`COPY (SELECT * FROM ${read}) TO '${text}' (FORMAT parquet)`);
    await con.run(`COPY (SELECT id, "group", CAST(FLOOR(CAST(REPLACE(TRIM(months), ',', '.') AS DOUBLE)) AS INTEGER) AS months, exit FROM ${read}) TO '${typed}' (FORMAT parquet)`);
    await con.run(`COPY (SELECT CASE WHEN id = 'P7' THEN NULL ELSE id END AS id, "group", months, exit FROM ${read}) TO '${nullId}' (FORMAT parquet)`);
    con.closeSync();
    expect((await expectSameAggregate(text)).took).toEqual({fast: 1, portable: 0});
    expect((await expectSameAggregate(typed)).took).toEqual({fast: 1, portable: 0});
    expect((await expectSameAggregate(nullId)).took).toEqual({fast: 0, portable: 1});
    await expectSameCommand(["curves", text, "--json"]);
    await expectSameCommand(["aggregate", nullId]);
  }, 300_000);

  it("computes the count rows with the output expressions of the generated duration query (scripts/cohort-sql.ts)", () => {
    const sql = durationSql();
    // The generated query reads the trimmed cells (t_x = TRIM(x)); the fast path trims the cells itself.
    expect(sql).toContain(`${DURATION_OUTPUT.group_value} AS group_value`);
    expect(sql).toContain(`THEN ${DURATION_OUTPUT.duration.replace("TRIM(months)", "t_months")} END AS duration`);
    expect(sql).toContain(`THEN ${DURATION_OUTPUT.exit_label.replace("TRIM(exit)", "t_exit")} END AS exit_label`);
    expect(sql).toContain("TRIM(months) AS t_months");
    expect(sql).toContain("TRIM(exit) AS t_exit");
  });
});
