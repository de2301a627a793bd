// Cohort files as Dutch spreadsheets save them (issue 20 point 8): the same cohort as a plain CSV, a
// Dutch Excel CSV (semicolons, decimal commas) and an .xlsx sheet gives identical curves, event
// tables and net effects, with the same exclusion rules, messages and 5 % limit; the commands say
// what they detected; an .xlsx without the expected columns is refused naming the column.
import {afterAll, afterEach, describe, expect, it, vi} from "vitest";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {csvFormatRows, csvParseRows, dsvFormat} from "d3-dsv";
import writeExcelFile from "write-excel-file/node";
import {main as curves} from "../../lib/cli/curves.js";
import {main as aggregate} from "../../lib/cli/aggregate.js";
import {main as netEffect} from "../../lib/cli/net-effect.js";
import {csvSeparator} from "../../lib/io/cohort-source.js";

const dir = mkdtempSync(path.join(tmpdir(), "cohort-source-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
afterEach(() => vi.restoreAllMocks());

async function run(fn: (argv: string[]) => Promise<number>, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
  vi.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  const code = await fn(argv);
  vi.restoreAllMocks();
  return {code, out: out.join("\n"), err: err.join("\n")};
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** The form of a cell, as the conversions to Dutch CSV and .xlsx below tell them apart. */
function cellForm(c: string): string {
  if (c === "") return "empty";
  if (DATE.test(c)) return "date";
  if (/^-?\d+\.\d+$/.test(c)) return `decimal with ${c.split(".")[1].length} digits`;
  if (/^0\d/.test(c)) return "leading zero";
  if (/^-?\d+$/.test(c)) return "integer";
  return "text";
}

/** The CSV as Dutch Excel writes it: semicolons, and a decimal comma in every decimal number. */
function dutch(csvText: string): string {
  const rows = csvParseRows(csvText);
  return dsvFormat(";").formatRows(rows.map((r, i) => (i === 0 ? r : r.map((c) => (/^-?\d+\.\d+$/.test(c) ? c.replace(".", ",") : c))))) + "\r\n";
}

/** The CSV as an .xlsx sheet: numbers as numbers, dates as date cells, text as text, empty cells empty. */
async function xlsx(csvText: string, file: string, extraSheet = false) {
  const rows = csvParseRows(csvText).filter((r) => !(r.length === 1 && r[0] === ""));
  const data = rows.map((r, i) =>
    r.map((c) => {
      if (i === 0) return {value: c};
      if (c === "") return null;
      if (DATE.test(c)) return {value: new Date(`${c}T00:00:00Z`), type: Date, format: "dd-mm-yyyy"};
      if (NUMBER.test(c) && !/^0\d/.test(c)) return {value: Number(c), type: Number};
      return {value: c, type: String};
    })
  );
  const sheets = extraSheet ? [{data: [[{value: "toelichting"}], [{value: "zie blad 2"}]], sheet: "Toelichting"}, {data, sheet: "Cohort"}] : [{data, sheet: "Blad1"}];
  await (writeExcelFile as unknown as (d: unknown) => {toFile(p: string): Promise<void>})(sheets).toFile(file);
}

describe("cohort files as Dutch Excel CSV and .xlsx", () => {
  it("the shipped cohort (every 8th row: every column's cell forms, every group and exit) as plain CSV, Dutch CSV and XLSX gives identical curves (curves --json, both engines), event tables (aggregate) and net effects", async () => {
    // Whether the three forms give the same result depends on the forms of the cells (decimals become
    // decimal commas, dates and numbers sheet cells), not on how many rows have them: every 8th row of
    // the shipped cohort (487 of 3890) has every form every column has in the whole file (checked
    // here), every group and every exit type. Each command on the whole file took about 1 s of CPU
    // (2,5 s for .xlsx), 12 s for the test; the whole file is read as plain CSV by cohort-duckdb,
    // cli-aggregate and cohort-postgres.test.ts.
    const shipped = csvParseRows(readFileSync("data/cohorts/synthetic-monitor.csv", "utf8")).filter((r) => !(r.length === 1 && r[0] === ""));
    const sample = [shipped[0], ...shipped.slice(1).filter((_, i) => i % 8 === 0)];
    const forms = (rows: string[][]) => new Set(rows.slice(1).flatMap((r) => r.map((c, j) => `${rows[0][j]}: ${cellForm(c)}`)));
    expect([...forms(sample)].sort()).toEqual([...forms(shipped)].sort());
    const column = (rows: string[][], name: string) => [...new Set(rows.slice(1).map((r) => r[rows[0].indexOf(name)]))].sort();
    for (const name of ["group", "exit_type"]) expect(column(sample, name)).toEqual(column(shipped, name));
    const plain = path.join(dir, "monitor.csv");
    writeFileSync(plain, csvFormatRows(sample) + "\n");
    const text = readFileSync(plain, "utf8");
    const nl = path.join(dir, "monitor-nl.csv");
    writeFileSync(nl, dutch(text));
    expect(readFileSync(nl, "utf8")).toMatch(/;\d+,\d+;/); // decimal commas are really there
    const book = path.join(dir, "monitor.xlsx");
    await xlsx(text, book, true);
    expect(csvSeparator(nl)).toBe(";");
    expect(csvSeparator(plain)).toBe(",");

    const a = await run(curves, [plain, "--json", "--at", "3,6,12,24"]);
    const b = await run(curves, [nl, "--json", "--at", "3,6,12,24"]);
    const c = await run(curves, [book, "--sheet", "Cohort", "--json", "--at", "3,6,12,24"]);
    for (const r of [a, b, c]) expect(r.code, r.err).toBe(0);
    const pa = JSON.parse(a.out);
    const pb = JSON.parse(b.out);
    const pc = JSON.parse(c.out);
    expect(pb.groups).toEqual(pa.groups);
    expect(pc.groups).toEqual(pa.groups);
    expect([pa.rowsRead, pb.rowsRead, pc.rowsRead]).toEqual([pa.rowsRead, pa.rowsRead, pa.rowsRead]);
    expect([pa.input, pb.input, pc.input]).toEqual(["csv", "dutch-csv", "xlsx"]);
    // They say what they read.
    expect(b.err).toContain(`${nl}: puntkomma als scheidingsteken en decimale komma's (Nederlandse Excel-CSV) / semicolon separator with decimal commas (Dutch Excel CSV), read as such`);
    expect(c.err).toContain(`read the .xlsx sheet "Cohort"`);
    const text2 = await run(curves, [nl]);
    expect(text2.out).toContain(`${nl} (Dutch Excel CSV: semicolons, decimal commas): full cohort, ${sample.length - 1} persons`);
    // the in-process engine reads them the same
    const js = await run(curves, [nl, "--engine", "js", "--json", "--at", "3,6,12,24"]);
    expect(JSON.parse(js.out).groups).toEqual(pa.groups);
    const jsx = await run(curves, [book, "--sheet", "2", "--engine", "js", "--json", "--at", "3,6,12,24"]);
    expect(JSON.parse(jsx.out).groups).toEqual(pa.groups);

    // aggregate: the same event table, byte for byte
    const outs = [path.join(dir, "a.csv"), path.join(dir, "b.csv"), path.join(dir, "c.csv")];
    expect((await run(aggregate, [plain, "--out", outs[0]])).code).toBe(0);
    const ab = await run(aggregate, [nl, "--out", outs[1]]);
    expect(ab.code, ab.err).toBe(0);
    expect(ab.err).toContain("Dutch Excel CSV");
    expect((await run(aggregate, [book, "--sheet", "Cohort", "--out", outs[2]])).code).toBe(0);
    expect(readFileSync(outs[1], "utf8")).toBe(readFileSync(outs[0], "utf8"));
    expect(readFileSync(outs[2], "utf8")).toBe(readFileSync(outs[0], "utf8"));

    // net-effect: the same years and shares
    const args = ["--reference", "iwi-2007-bijstand-inflow-work", "--group", "VIP", "--json"];
    const n1 = await run(netEffect, [plain, ...args]);
    const n2 = await run(netEffect, [nl, ...args]);
    const n3 = await run(netEffect, [book, "--sheet", "Cohort", ...args]);
    expect(n1.code, n1.err).toBe(0);
    const strip = (o: string) => ({...JSON.parse(o), file: undefined});
    expect(strip(n2.out)).toEqual(strip(n1.out));
    expect(strip(n3.out)).toEqual(strip(n1.out));
  }, 300_000);

  it("a Dutch duration table: decimal commas read, the same exclusions, messages and 5 % limit as the plain CSV (lines are the file's lines, sheet rows for .xlsx)", async () => {
    const rows = Array.from({length: 100}, (_, i) => [`p${i}`, i % 2 ? "A" : "B", i < 30 ? "-1" : `${(i % 24) + 1}.5`, i % 3 ? "work" : "censored"]);
    const plain = path.join(dir, "thirty.csv");
    writeFileSync(plain, `id,group,months,exit\n${rows.map((r) => r.join(",")).join("\n")}\n`);
    const nl = path.join(dir, "thirty-nl.csv");
    writeFileSync(nl, dutch(readFileSync(plain, "utf8")));
    const book = path.join(dir, "thirty.xlsx");
    await xlsx(readFileSync(plain, "utf8"), book);
    for (const [file, fn] of [
      [plain, curves],
      [nl, curves],
      [book, curves],
      [nl, aggregate],
      [book, aggregate]
    ] as const) {
      const r = await run(fn, [file]);
      expect(r.code, file).toBe(2);
      expect(r.err).toContain(`${file}: 30 of 100 rows excluded (30 %), more than --max-excluded 5 %`);
      expect(r.err).toContain(`${file}:2: months: expected a duration in months >= 0`); // no "found ...": the SQL names no cell
      expect(r.err).not.toContain("rendement-cohort-"); // never the temporary copy's name
    }
    const ok = await run(curves, [nl, "--max-excluded", "30%", "--json"]);
    const ref = await run(curves, [plain, "--max-excluded", "30%", "--json"]);
    expect(JSON.parse(ok.out).groups).toEqual(JSON.parse(ref.out).groups);
    expect(JSON.parse(ok.out).groups[0].n).toBe(35);
  }, 300_000);

  it("refuses an .xlsx without the expected columns with a Dutch/English line naming the missing column, and an unknown --sheet", async () => {
    const book = path.join(dir, "no-months.xlsx");
    await xlsx("id,group,exit\na,A,work\n", book);
    for (const fn of [curves, aggregate]) {
      const r = await run(fn, [book]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${book}:1: header: kolom "months" ontbreekt (duurtabel) / expected a column "months" (duration table format), found id,group,exit`);
    }
    const n = await run(netEffect, [book, "--reference", "iwi-2007-bijstand-inflow-work"]);
    expect(n.code).toBe(2);
    expect(n.err).toContain(`kolom "months" ontbreekt`);
    const other = path.join(dir, "other.xlsx");
    await xlsx("naam,leeftijd\nx,3\n", other);
    expect((await run(curves, [other])).err).toMatch(/header: kolommen id,group,months,exit \(duurtabel\) of .* verwacht \/ expected the duration table columns/);
    const sheet = await run(curves, [book, "--sheet", "Blad9"]);
    expect(sheet.code).toBe(2);
    expect(sheet.err).toContain(`--sheet: blad "Blad9" bestaat niet / expected a sheet of ${book} (1: "Blad1"), found "Blad9"`);
    expect((await run(curves, ["tests/fixtures/cohort-small.csv", "--sheet", "1"])).err).toContain("--sheet: only for an .xlsx file");
  }, 120_000);
});
