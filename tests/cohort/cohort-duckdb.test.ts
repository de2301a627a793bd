// The DuckDB path (lib/io/cohort-duckdb.ts + lib/cohort/sql/*.sql) against the in-process path
// (lib/io/cohort-file.ts + lib/cli/cohort-records.ts): same event table, same curves, same
// excluded rows with the same messages, on the shipped cohort and on generated ones with bad rows.
import {afterAll, describe, expect, it} from "vitest";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {csvFormat} from "d3-dsv";
import {DuckDBInstance} from "@duckdb/node-api";
import {aggregateCohortFile, causesOf, CohortOptionError, eventTableSql} from "../../lib/io/cohort-duckdb.js";
import {CohortFileError, readCohortFile} from "../../lib/io/cohort-file.js";
import {privateExcludedRow} from "../../lib/cohort/exclusions.js";
import {cohortRecords} from "../../lib/cli/cohort-records.js";
import {curvesByGroup, summarizeAt} from "../../lib/cohort/curves.js";
import {curvesFromCounts, relabelExits, type EventCount} from "../../lib/cohort/event-counts.js";
import {generateSyntheticCohort} from "../../lib/cohort/synthetic.js";
import {FULL_OPTIONAL_COLUMNS, FULL_REQUIRED_COLUMNS} from "../../lib/schema/cohort.js";
import {cohortSql, durationSql} from "../../scripts/cohort-sql.js";

const dir = mkdtempSync(path.join(tmpdir(), "cohort-duckdb-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/**
 * The in-process read of a file, every row compared whatever the share excluded. One read per file
 * content: the shipped cohort is compared by four groupings, and the read does not depend on the
 * grouping (cohortRecords only reads it).
 */
const reads = new Map<string, {text: string; read: ReturnType<typeof readCohortFile>}>();
function readOnce(file: string) {
  const text = readFileSync(file, "utf8");
  const cached = reads.get(file);
  if (cached?.text === text) return cached.read;
  const read = readCohortFile(file, {maxExcluded: 1});
  reads.set(file, {text, read});
  return read;
}

/** Event table of the in-process path: records counted per (group, months, exit). */
function inProcessCounts(file: string, by: string, causes?: "detailed" | "work-other") {
  const read = readOnce(file);
  const grouped = cohortRecords(read, file, by, causes);
  if (typeof grouped === "string") throw new Error(grouped);
  const m = new Map<string, EventCount>();
  for (const r of grouped.records) {
    const key = `${r.group}\u0000${r.months}\u0000${r.exit}`;
    const cell = m.get(key);
    if (cell) cell.count++;
    else m.set(key, {group: r.group, months: r.months, exit: r.exit, count: 1});
  }
  return {read, grouped, counts: [...m.values()]};
}

const sortCounts = (c: EventCount[]) => [...c].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.months - b.months || (a.exit < b.exit ? -1 : 1)));

async function expectSamePaths(file: string, by = "group", causes?: "detailed" | "work-other") {
  const js = inProcessCounts(file, by, causes);
  const sql = await aggregateCohortFile(file, {by});
  const {causes: causeList, causeOf} = causesOf(sql.format, causes ?? "detailed");
  const counts = relabelExits(sql.counts, causeOf);
  expect(sortCounts(counts)).toEqual(sortCounts(js.counts));
  // The query names no cell value or id; otherwise the same problems on the same lines.
  expect(sql.excluded).toEqual(js.read.excluded.map((e) => privateExcludedRow(file, e)));
  expect(sql.summary).toEqual(js.read.summary);
  // Curves from the counts equal curves from the person records, to the last bit.
  const at = [1, 3, 6, 12, 24];
  const fromCounts = curvesFromCounts(counts, causeList).map((c) => summarizeAt(c, at));
  const fromRecords = curvesByGroup(js.grouped.records, js.grouped.causes).map((c) => summarizeAt(c, at));
  expect(fromCounts).toEqual(fromRecords);
  return sql;
}

const COLUMNS = [...FULL_REQUIRED_COLUMNS, ...FULL_OPTIONAL_COLUMNS];
const toCsv = (rows: Record<string, unknown>[]) =>
  csvFormat(rows.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c] ?? ""]))) as Record<string, string>[], COLUMNS);

describe("DuckDB path = in-process path", () => {
  it("on the shipped cohort data/cohorts/synthetic-monitor.csv, by group, benefit type, age and inflow year", async () => {
    const r = await expectSamePaths("data/cohorts/synthetic-monitor.csv");
    expect(r.summary.accepted).toBe(3890);
    await expectSamePaths("data/cohorts/synthetic-monitor.csv", "benefit_type");
    await expectSamePaths("data/cohorts/synthetic-monitor.csv", "age", "work-other");
    await expectSamePaths("data/cohorts/synthetic-monitor.csv", "inflow_year");
  }, 180_000);

  it("on a generated cohort with bad rows: bad dates, unknown exit codes, duplicate ids, cross-field errors, wrong widths, blank lines", async () => {
    const rows = generateSyntheticCohort({seed: 11, scale: 1}) as unknown as Record<string, unknown>[];
    const bad = rows.map((r) => ({...r}));
    bad[3].follow_up_start = "2014-02-30"; // no such day
    bad[5].exit_type = "retired"; // unknown exit code
    bad[7].id = bad[2].id; // duplicate id (line of bad[2] is reported)
    bad[9].exit_date = bad[9].exit_type === "none" ? "2014-01-01" : ""; // cross-field: exit date vs exit type
    bad[11].hours = "81";
    bad[12].age = "14";
    bad[13].zrm_housing_6 = "5,5";
    bad[14].sex = 'X"\\'; // shown JSON-escaped: "X\"\\"
    bad[15].follow_up_end = "2012-01-01"; // before the start
    bad[16].inflow_date = " 2013-01-01 "; // spaces are trimmed: fine
    bad[17].group = "";
    bad[18].ladder_0 = "2.0";
    bad[19].poor_mental_health = "-0";
    bad[20].id = "  ";
    bad[21].benefit_type = "WWB"; // case-insensitive: fine
    bad[22].hours = "12,5";
    bad[23].inflow_date = "0099-01-01"; // JavaScript's Date maps years 0–99 to 19xx: not a date
    bad[24].exit_type = "work_fulltime";
    bad[24].exit_date = bad[24].follow_up_end;
    bad[24].hours = "";
    bad[25].group = 'quote " and \\ backslash';
    let text = toCsv(bad);
    const lines = text.split("\n");
    lines.splice(30, 0, ""); // a blank line
    lines.splice(40, 0, "only,three,fields"); // wrong width
    lines.splice(50, 0, lines[50] + ",extra"); // one field too many
    text = lines.join("\n") + "\n";
    const file = path.join(dir, "generated-bad.csv");
    writeFileSync(file, text);
    const r = await expectSamePaths(file);
    expect(r.excluded.length).toBeGreaterThanOrEqual(15);
    const messages = r.excluded.flatMap((e) => e.reasons).join("\n");
    expect(messages).toContain(`${file}:5: follow_up_start: expected a date YYYY-MM-DD`);
    expect(messages).toContain(`${file}:7: exit_type: expected one of work_fulltime|work_parttime|work_subsidised|school|other|none`);
    expect(messages).toContain(`${file}:9: id: expected a unique id, found the id of line 4`);
    expect(messages).toContain(`${file}:41: row: expected ${COLUMNS.length} fields as in the header, found 3`);
    await expectSamePaths(file, "sex", "work-other");
  }, 180_000);

  it("on duration tables with bad rows (tests/fixtures/cohort-bad.csv) and on a clean one", async () => {
    const r = await expectSamePaths("tests/fixtures/cohort-bad.csv");
    expect(r.excluded.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8]);
    await expectSamePaths("tests/fixtures/cohort-small.csv");
    const file = path.join(dir, "decimal.csv");
    writeFileSync(file, "ID,Group,Months,Exit\n1,A,1.5,work\n2,A,2,other\n3,A,007,Censored\n4,A,.5,work\n5,A,5.,work\n6,A,2,3\n7,B,1,work\n8,B,1,other\n\n9,B,1,work\n");
    await expectSamePaths(file);
  }, 180_000);

  it("excludes a number whose text JavaScript reads as Infinity, with the in-process message less the cell, and keeps zero-padded ones (issue 17 case 8)", async () => {
    const T = (2n ** 1024n - 2n ** 970n).toString(); // the smallest integer Number() makes Infinity (309 digits)
    expect(Number(T)).toBe(Infinity);
    expect(Number((2n ** 1024n - 2n ** 970n - 1n).toString())).toBe(Number.MAX_VALUE);
    const below = (2n ** 1024n - 2n ** 970n - 1n).toString();
    const file = path.join(dir, "huge-months.csv");
    const rows = [
      ["h1", "A", "9".repeat(400), "work"], // Infinity: excluded
      ["h2", "A", T, "work"], // Infinity: excluded
      ["h3", "A", `"${T},5"`, "other"], // Infinity: excluded
      ["h4", "A", "0".repeat(400) + "5", "work"], // 5
      ["h5", "A", `"${"0".repeat(400)}7,25"`, "censored"], // 7.25
      ...Array.from({length: 40}, (_, i) => [`ok${i}`, i % 2 ? "A" : "B", String((i % 12) + 1), i % 3 ? "work" : "censored"])
    ];
    writeFileSync(file, `id,group,months,exit\n${rows.map((r) => r.join(",")).join("\n")}\n`);
    const r = await expectSamePaths(file);
    expect(r.excluded.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(r.excluded[0].reasons[0]).toBe(`${file}:2: months: expected a duration in months >= 0`);
    expect(r.counts.some((c) => c.months === 5 && c.group === "A")).toBe(true);
    expect(r.counts.some((c) => c.months === 7.25 && c.exit === "censored")).toBe(true);
    // 2^1024 - 2^970 - 1 is finite (Number.MAX_VALUE): accepted on both paths
    const edge = path.join(dir, "edge-months.csv");
    writeFileSync(edge, `id,group,months,exit\ne1,A,${below},censored\n${rows.slice(5).map((x) => x.join(",")).join("\n")}\n`);
    expect((await expectSamePaths(edge)).excluded).toEqual([]);
    // The full format: 400-digit hours, age and score are out of range, zero-padded ones are read.
    const cohort = generateSyntheticCohort({seed: 5, scale: 1}) as unknown as Record<string, unknown>[];
    const work = cohort.findIndex((x) => String(x.exit_type).startsWith("work"));
    cohort[work].hours = "9".repeat(400);
    cohort[1].age = "9".repeat(400);
    cohort[2].zrm_0 = "0".repeat(400) + "3";
    cohort[3].ladder_0 = "0".repeat(400) + "4";
    cohort[4].zrm_6 = `-${"9".repeat(400)}`;
    const full = path.join(dir, "huge-full.csv");
    writeFileSync(full, toCsv(cohort));
    const f = await expectSamePaths(full);
    const messages = f.excluded.flatMap((e) => e.reasons).join("\n");
    expect(messages).toContain(`:${work + 2}: hours: expected hours per week 0–80 or blank`);
    expect(messages).toContain(`:3: age: expected an age 15–70 or blank`);
    expect(messages).toContain(`:6: zrm_6: expected a ZRM score 1–5 or blank`);
    expect(f.excluded.map((e) => e.line)).not.toContain(4);
  }, 180_000);

  it("reads Parquet (typed or text columns) to the same event table as the CSV", async () => {
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    const csv = "data/cohorts/synthetic-monitor.csv";
    const parquet = path.join(dir, "monitor.parquet");
    await con.run(`COPY (SELECT * FROM read_csv('${csv}', all_varchar = true, nullstr = '\u0001')) TO '${parquet}' (FORMAT parquet)`);
    const typed = path.join(dir, "duration.parquet");
    await con.run(`COPY (SELECT id, "group", CAST(months AS INTEGER) AS months, exit FROM read_csv('tests/fixtures/cohort-small.csv')) TO '${typed}' (FORMAT parquet)`);
    con.closeSync();
    const a = await aggregateCohortFile(csv);
    const b = await aggregateCohortFile(parquet);
    expect(b.counts).toEqual(a.counts);
    expect(b.summary.read).toBe(a.summary.read);
    const c = await aggregateCohortFile("tests/fixtures/cohort-small.csv");
    const d = await aggregateCohortFile(typed);
    expect(d.counts).toEqual(c.counts);
  }, 180_000);

  it("reports file problems and --by problems as the in-process path does", async () => {
    await expect(aggregateCohortFile(path.join(dir, "missing.csv"))).rejects.toBeInstanceOf(CohortFileError);
    const noHeader = path.join(dir, "nohead.csv");
    writeFileSync(noHeader, "a,b\n1,2\n");
    await expect(aggregateCohortFile(noHeader)).rejects.toThrow(/header: expected the duration table columns id,group,months,exit/);
    await expect(aggregateCohortFile("tests/fixtures/cohort-small.csv", {by: "sex"})).rejects.toBeInstanceOf(CohortOptionError);
    await expect(aggregateCohortFile("data/cohorts/synthetic-monitor.csv", {by: "shoe_size"})).rejects.toThrow(/--by shoe_size: expected a column/);
  }, 180_000);
});

describe("the event-table SQL files", () => {
  it("are the output of scripts/cohort-sql.ts (regenerate with npx tsx scripts/cohort-sql.ts)", () => {
    expect(eventTableSql("full")).toBe(cohortSql());
    expect(eventTableSql("duration")).toBe(durationSql());
  });

  it("keep to the SQL that DuckDB, Trino and Spark share: no DuckDB-only syntax, regular expressions, backslashes, casts to text or quoted identifiers", () => {
    for (const format of ["full", "duration"] as const) {
      const body = eventTableSql(format)
        .split("\n")
        .filter((l) => !l.startsWith("--"))
        .join("\n");
      expect(body).not.toMatch(/::|\\|"[a-z_]+"|`|\bregexp_\w*|\brlike\b|\btry_cast\b|\bdate_diff\b|\bdatediff\b|\bstrftime\b|\blist_\w+|\bstring_split\b|\bAS\s+(VARCHAR|STRING|TEXT)\b|\bGROUP BY ALL\b|\bQUALIFY\b|\bEXCLUDE\b|\bread_csv\b|\bread_parquet\b/i);
      // Reads only the relation named cohort.
      expect([...body.matchAll(/(?<!LEADING '0' )\bFROM\s+(\w+)/gi)].map((m) => m[1]).filter((t) => !["src", "flagged", "crossed", "checked", "refined", "marked", "sorted"].includes(t))).toEqual(["cohort"]);
    }
  });
});
