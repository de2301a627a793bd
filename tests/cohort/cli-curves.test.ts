import {afterEach, describe, expect, it, vi} from "vitest";
import {writeFileSync} from "node:fs";
import path from "node:path";
import {main} from "../../lib/cli/curves.js";
import {tempDir} from "../temp-dir.js";

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
  return main(argv).then((code) => ({code, out: out.join("\n"), err: err.join("\n")}));
}
afterEach(() => vi.restoreAllMocks());

describe("rendement curves", () => {
  it("prints KM and CIF per group of tests/fixtures/cohort-small.csv with hand-derived values", async () => {
    // Group A (6 persons): work at 1; other at 2 and a censoring at 2; two work at 3; censored at 5.
    //   S(1) = 5/6; S(2) = 5/6·4/5 = 2/3; S(3) = 2/3·1/3 = 2/9.
    //   F_work(3) = 1/6 + S(2)·2/3 = 11/18; F_other(3) = S(1)·1/5 = 1/6; 2/9 + 11/18 + 1/6 = 1.
    // Group B (4 persons): other at 1; work at 2; at 4 one work and one censoring.
    //   S(4) = 3/4·2/3·1/2 = 1/4; F_work(4) = 3/4·1/3 + 1/2·1/2 = 1/2; F_other = 1/4.
    const {code, out} = await run(["tests/fixtures/cohort-small.csv", "--at", "3,4", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const [A, B] = json.groups;
    expect(A.group).toBe("A");
    expect(A.rows[0].survival.estimate).toBeCloseTo(2 / 9, 12);
    expect(A.rows[0].cif.work.estimate).toBeCloseTo(11 / 18, 12);
    expect(A.rows[0].cif.other.estimate).toBeCloseTo(1 / 6, 12);
    expect(B.rows[1].survival.estimate).toBeCloseTo(1 / 4, 12);
    expect(B.rows[1].cif.work.estimate).toBeCloseTo(1 / 2, 12);
    // Greenwood log-scale lower limit for A at month 1 is checked in the text output below.
  }, 60_000);

  it("prints a text table with the 95% CI of the Kaplan–Meier curve (log scale, as survfit)", async () => {
    // S(1) = 5/6, se(log S) = sqrt(1/(6·5)); lower = 5/6·exp(−1.96·0.18257) = 0.583.
    const {code, out} = await run(["tests/fixtures/cohort-small.csv", "--at", "1"]);
    expect(code).toBe(0);
    expect(out).toMatch(/group = A {2}\(n = 6\)/);
    expect(out).toMatch(/ 1 +6 +0\.833 \(0\.583–1\.000\)/);
  }, 60_000);

  it("groups the full format by any column with --by and uses the detailed exit types", async () => {
    const {code, out} = await run(["tests/fixtures/cohort-small-full.csv", "--by", "benefit_type", "--at", "12", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.groups.map((g: {group: string}) => g.group)).toEqual(["none", "wajong", "wwb"]);
    expect(json.groups[0].causes).toEqual(["work_fulltime", "work_parttime", "work_subsidised", "school", "other"]);
  }, 60_000);

  it("groups by inflow cohort with --by inflow_year (derived from inflow_date)", async () => {
    const {code, out} = await run(["tests/fixtures/cohort-small-full.csv", "--by", "inflow_year", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out).groups.map((g: {group: string; n: number}) => [g.group, g.n])).toEqual([["2014", 6]]);
  }, 60_000);

  it("exits with 2 and a file:line message on a bad file, and reports excluded rows on stderr", async () => {
    const dir = tempDir("curves-");
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, "id,group,months\n1,A,3\n");
    const r1 = await run([bad]);
    expect(r1.code).toBe(2);
    expect(r1.err).toContain(`${bad}:1: header: expected a column "exit"`);
    // 6 of 7 rows bad: more than the default --max-excluded 5 %, so curves fails instead of
    // computing from the one row left (issue 11, case 10); with --max-excluded 100% it computes.
    const r2 = await run(["tests/fixtures/cohort-bad.csv"]);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain("rendement curves: tests/fixtures/cohort-bad.csv: 6 of 7 rows excluded (85.71 %), more than --max-excluded 5 %");
    expect(r2.out).toBe("");
    const r2b = await run(["tests/fixtures/cohort-bad.csv", "--max-excluded", "100%"]);
    expect(r2b.code).toBe(0);
    expect(r2b.err).toContain("1 of 7 rows accepted, 6 excluded");
    const r3 = await run(["tests/fixtures/cohort-small.csv", "--by", "age"]);
    expect(r3.code).toBe(2);
    const r4 = await run(["tests/fixtures/cohort-small.csv", "--at", "x"]);
    expect(r4.code).toBe(2);
  }, 60_000);
});
