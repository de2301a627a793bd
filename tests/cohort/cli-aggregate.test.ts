import {afterAll, afterEach, describe, expect, it, vi} from "vitest";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
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
});
