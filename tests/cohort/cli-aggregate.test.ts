import {afterAll, afterEach, describe, expect, it, vi} from "vitest";
import {existsSync, linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {main as aggregate} from "../../lib/cli/aggregate.js";
import {main as curves} from "../../lib/cli/curves.js";
import {readEventTable} from "../../lib/io/event-table-file.js";

const dir = mkdtempSync(path.join(tmpdir(), "aggregate-"));
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

describe("rendement aggregate", () => {
  it("writes an event table whose every cell has at least 10 persons and states what was merged (shipped cohort)", async () => {
    const out = path.join(dir, "events.csv");
    const {code, err} = await run(aggregate, ["data/cohorts/synthetic-monitor.csv", "--out", out]);
    expect(code).toBe(0);
    const counts = readEventTable(out);
    expect(Math.min(...counts.map((c) => c.count))).toBeGreaterThanOrEqual(10);
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(3890);
    expect(new Set(counts.map((c) => c.exit))).toEqual(new Set(["work", "other", "censored"]));
    expect(err).toMatch(/group VIP: 600 persons, \d+ cells merged into \d+/);
    const report = JSON.parse(readFileSync(`${out}.disclosure.json`, "utf8"));
    expect(report.minCell).toBe(10);
    expect(report.groups.map((g: {group: string}) => g.group)).toEqual(["ExIT", "IPS-NHN", "Regulier", "VIP"]);
    // No person-level field reaches the output: no id, no date.
    const text = readFileSync(out, "utf8");
    expect(text).not.toMatch(/S\d{5}|\d{4}-\d{2}-\d{2}/);
  }, 60_000);

  it("suppresses groups under --min-cell and says so", async () => {
    const {code, out, err} = await run(aggregate, ["tests/fixtures/cohort-small.csv"]);
    expect(code).toBe(0);
    expect(out.trim()).toBe("group,months,exit,count");
    expect(err).toContain("group A: suppressed (6 persons, fewer than 10)");
  }, 60_000);

  it("with --min-cell 1 --months exact, curves from the event table equal curves from the person-level file", async () => {
    const out = path.join(dir, "exact.csv");
    expect((await run(aggregate, ["data/cohorts/synthetic-monitor.csv", "--min-cell", "1", "--months", "exact", "--causes", "detailed", "--out", out])).code).toBe(0);
    const a = await run(curves, [out, "--json", "--at", "1,3,6,12,24"]);
    const b = await run(curves, ["data/cohorts/synthetic-monitor.csv", "--json", "--at", "1,3,6,12,24"]);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.out).format).toBe("event-table");
    expect(JSON.parse(a.out).groups).toEqual(JSON.parse(b.out).groups);
  }, 60_000);

  it("refuses bad options and bad event tables with exit code 2 and a file:line message", async () => {
    expect((await run(aggregate, ["tests/fixtures/cohort-small.csv", "--min-cell", "0"])).code).toBe(2);
    expect((await run(aggregate, ["tests/fixtures/cohort-small.csv", "--causes", "detailed"])).err).toMatch(/only distinguishes work and other/);
    const bad = path.join(dir, "bad-events.csv");
    writeFileSync(bad, "group,months,exit,count\nA,1,work,12\nA,-1,work,3\nA,2,work,x\n");
    const r = await run(curves, [bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}:3: months: expected a duration in months >= 0, found "-1"`);
    expect(r.err).toContain(`${bad}:4: count: expected a whole number of persons >= 0, found "x"`);
  }, 60_000);

  it("applies --max-excluded (default 5 %) as curves does: a file with 30 % bad rows gives no event table, exit 2", async () => {
    // 100 rows, 30 with a negative duration (hand-built): 30 % > 5 %.
    const rows = Array.from({length: 100}, (_, i) => `p${i},G,${i < 30 ? -1 : (i % 24) + 1},${i % 3 ? "work" : "censored"}`);
    const file = path.join(dir, "thirty-percent-bad.csv");
    writeFileSync(file, `id,group,months,exit\n${rows.join("\n")}\n`);
    const out = path.join(dir, "thirty.events.csv");
    const r = await run(aggregate, [file, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}: 30 of 100 rows excluded (30 %), more than --max-excluded 5 %`);
    expect(existsSync(out)).toBe(false);
    // the same message as curves gives for the same file
    const c = await run(curves, [file]);
    expect(c.code).toBe(2);
    expect(c.err).toContain(`${file}: 30 of 100 rows excluded (30 %), more than --max-excluded 5 %`);
    // raised limit: written, and the summary names the excluded rows
    const ok = await run(aggregate, [file, "--max-excluded", "30%", "--min-cell", "1", "--out", out]);
    expect(ok.code).toBe(0);
    expect(ok.err).toContain(`${file}: 70 of 100 rows accepted, 30 excluded`);
    expect(readEventTable(out).reduce((s, c) => s + c.count, 0)).toBe(70);
    expect((await run(aggregate, [file, "--max-excluded", "2"])).err).toMatch(/--max-excluded: expected a share of the rows from 0 to 1/);
  }, 60_000);

  it("refuses an --out that is its input (same path, another spelling, a symbolic or hard link) with exit 2 and leaves the file as it was", async () => {
    const file = path.join(dir, "persons.csv");
    const text = readFileSync("tests/fixtures/cohort-small.csv", "utf8");
    writeFileSync(file, text);
    const sym = path.join(dir, "sym.csv");
    symlinkSync(file, sym);
    const hard = path.join(dir, "hard.csv");
    linkSync(file, hard);
    for (const out of [file, path.join(dir, ".", "..", path.basename(dir), "persons.csv"), path.relative(process.cwd(), file), sym, hard]) {
      const r = await run(aggregate, [file, "--min-cell", "1", "--out", out]);
      expect(r.code, out).toBe(2);
      expect(r.err).toMatch(/--out: .* is the input file/);
      expect(readFileSync(file, "utf8")).toBe(text);
    }
    // the disclosure report written beside the output must not hit the input either
    const viaReport = path.join(dir, "report-victim.csv.disclosure.json");
    writeFileSync(viaReport, text);
    const r2 = await run(aggregate, [viaReport, "--min-cell", "1", "--out", path.join(dir, "report-victim.csv")]);
    expect(r2.code).toBe(2);
    expect(readFileSync(viaReport, "utf8")).toBe(text);
  }, 60_000);

  it("event table round trip: every group name is read back by curves exactly as written; names a spreadsheet runs as formulas are refused on both sides, never rewritten (issue 17 case 11)", async () => {
    // Names that must survive: commas, quotes, an apostrophe first, a line break inside, inner spaces, non-ASCII.
    const names = ["Regulier", "a,b", 'quote " in', "'apostrophe", "line\nbreak", "één  twee", "x=y", "10+"];
    const rows = names.flatMap((g, k) => Array.from({length: 12}, (_, i) => [`${k}-${i}`, g, String((i % 6) + 1), i % 2 ? "work" : "censored"]));
    const file = path.join(dir, "names.csv");
    writeFileSync(file, `id,group,months,exit\n${rows.map((r) => r.map((c) => (/[,"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n")}\n`);
    const out = path.join(dir, "names.events.csv");
    for (const engine of ["duckdb"]) {
      const r = await run(aggregate, [file, "--min-cell", "1", "--months", "exact", "--out", out]);
      expect(r.code, engine + r.err).toBe(0);
      expect([...new Set(readEventTable(out).map((c) => c.group))].sort()).toEqual([...names].sort());
      const fromTable = JSON.parse((await run(curves, [out, "--json"])).out);
      const fromPersons = JSON.parse((await run(curves, [file, "--json"])).out);
      expect(fromTable.groups.map((g: {group: string}) => g.group)).toEqual(fromPersons.groups.map((g: {group: string}) => g.group));
      expect(fromTable.groups).toEqual(fromPersons.groups);
    }
    // Formula starts: aggregate refuses to write them, and curves refuses them in an event table.
    for (const bad of ["=1+1", "+31 6", "-A", "@SUM(A1)", "\tTab", "\rCR"]) {
      const persons = path.join(dir, "formula.csv");
      const quoted = `"${bad.replace(/"/g, '""')}"`;
      writeFileSync(persons, `id,group,months,exit\n${Array.from({length: 12}, (_, i) => `p${i},${quoted},${i + 1},work`).join("\n")}\n`);
      const target = path.join(dir, "formula.events.csv");
      rmSync(target, {force: true});
      const r = await run(aggregate, [persons, "--min-cell", "1", "--out", target]);
      expect(r.code, bad).toBe(2);
      expect(r.err).toContain(`group: expected a group name that does not start with =, +, -, @, a tab or a carriage return (a spreadsheet may run it as a formula), found ${JSON.stringify(bad)}`);
      expect(existsSync(target)).toBe(false);
      const table = path.join(dir, "hand-made.events.csv");
      writeFileSync(table, `group,months,exit,count\n${quoted},1,work,12\n`);
      const c = await run(curves, [table]);
      expect(c.code).toBe(2);
      expect(c.err).toContain(`${table}:2: group: expected a group name that does not start with`);
    }
    // a hand-made table with a tab or CR first is refused too (no trimming makes it pass silently)
    const table = path.join(dir, "tab.events.csv");
    writeFileSync(table, `group,months,exit,count\n"\tA",1,work,12\n"\rB",1,work,12\n`);
    const c = await run(curves, [table]);
    expect(c.code).toBe(2);
    expect(c.err).toContain(`${table}:2: group: expected a group name that does not start with`);
    expect(c.err).toContain(`${table}:3: group: expected a group name that does not start with`);
  }, 120_000);
});
