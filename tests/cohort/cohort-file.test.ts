import {describe, expect, it} from "vitest";
import {CohortFileError, detectFormat, parseCohortText, readCohortFile} from "../../lib/io/cohort-file.js";
import {durationOf, monthsBetween, type CohortRow} from "../../lib/schema/cohort.js";
import {DEFAULT_MAX_EXCLUDED, EXCLUSION_EXAMPLES} from "../../lib/cohort/exclusions.js";

const FULL_HEADER = "id,inflow_date,group,follow_up_start,follow_up_end,exit_type,exit_date,hours,benefit_type";

describe("readCohortFile", () => {
  it("reads the minimal duration table and detects its format from the header", () => {
    const r = readCohortFile("tests/fixtures/cohort-small.csv");
    expect(r.format).toBe("duration");
    expect(r.rows).toHaveLength(10);
    expect(r.excluded).toEqual([]);
    expect(r.summary).toMatchObject({read: 10, accepted: 10, excluded: 0});
  });

  it("reads the full cohort format with optional repeated measures", () => {
    const r = readCohortFile("tests/fixtures/cohort-small-full.csv");
    expect(r.format).toBe("full");
    const p01 = r.rows[0] as CohortRow;
    expect(p01).toMatchObject({id: "p01", exit_type: "work_parttime", hours: 16, ladder_0: 2, ladder_6: 5, zrm_6: 3.9});
  });

  it("reports every bad row as file:line: field: expected ..., found ... and drops none silently", () => {
    const r = readCohortFile("tests/fixtures/cohort-bad.csv", {maxExcluded: 1});
    expect(r.summary).toMatchObject({read: 7, accepted: 1, excluded: 6});
    expect(r.rows.length + r.excluded.length).toBe(r.summary.read);
    const reasons = r.excluded.map((e) => e.reasons.join(" | "));
    expect(reasons).toEqual([
      'tests/fixtures/cohort-bad.csv:3: months: expected a duration in months >= 0, found "-1"',
      "tests/fixtures/cohort-bad.csv:4: group: expected a non-empty group name, found blank",
      'tests/fixtures/cohort-bad.csv:5: exit: expected one of work|other|censored, found "retired"',
      'tests/fixtures/cohort-bad.csv:6: id: expected a unique id, found "x1" also on line 2',
      'tests/fixtures/cohort-bad.csv:7: months: expected a duration in months >= 0, found "abc"',
      "tests/fixtures/cohort-bad.csv:8: row: expected 4 fields as in the header, found 3"
    ]);
  });
});

describe("parseCohortText", () => {
  it("checks cross-field rules of the full format on the field concerned", () => {
    const text = [
      FULL_HEADER,
      "a,2014-01-01,X,2014-01-01,2014-12-31,work_fulltime,2015-02-01,36,wwb",
      "b,2014-01-01,X,2014-01-01,2014-12-31,work_parttime,2014-03-01,,wwb",
      "c,2014-01-01,X,2014-01-01,2014-02-30,none,,,wwb",
      "d,2014-01-01,X,2014-06-01,2014-01-01,none,,,wwb",
      "e,2014-01-01,X,2014-01-01,2014-12-31,none,2014-05-01,,wwb",
      "f,2014-01-01,X,2014-01-01,2014-12-31,none,,,pension",
      "g,2014-01-01,X,2014-01-01,2014-12-31,none,,,wwb"
    ].join("\n");
    const r = parseCohortText(text, "in.csv", {maxExcluded: 1});
    expect(r.rows.map((x) => x.id)).toEqual(["g"]);
    expect(r.excluded.map((e) => e.reasons)).toEqual([
      ['in.csv:2: exit_date: expected a date within follow-up 2014-01-01..2014-12-31, found "2015-02-01"'],
      ["in.csv:3: hours: expected hours per week > 0 when exit_type is work_parttime, found blank"],
      ['in.csv:4: follow_up_end: expected a date YYYY-MM-DD, found "2014-02-30"'],
      ['in.csv:5: follow_up_end: expected a date on or after follow_up_start 2014-06-01, found "2014-01-01"'],
      ['in.csv:6: exit_date: expected blank when exit_type is none, found "2014-05-01"'],
      ['in.csv:7: benefit_type: expected one of wwb|wajong|wia|ww|other|none, found "pension"']
    ]);
  });

  it("treats a header that misses a required column as an error naming the column", () => {
    expect(() => parseCohortText("id,group,months\n1,A,3\n", "m.csv", "duration")).toThrow(/m\.csv:1: header: expected a column "exit"/);
    expect(() => parseCohortText("id,inflow_date,group,follow_up_start,exit_type\n", "f.csv")).toThrow(/expected a column "follow_up_end"/);
  });

  it("treats a file whose rows are all bad as an error", () => {
    expect(() => parseCohortText("id,group,months,exit\n1,A,x,work\n2,A,3,maybe\n", "bad.csv")).toThrow(CohortFileError);
  });

  it("reports unknown columns in the summary instead of dropping them silently", () => {
    const r = parseCohortText("id,group,months,exit,postcode\n1,A,3,work,2511\n", "p.csv");
    expect(r.summary.ignoredColumns).toEqual(["postcode"]);
    expect(r.warnings).toEqual(['p.csv:1: header: ignored column "postcode" (not a column of the duration table format)']);
    expect(r.rows[0]).toEqual({id: "1", group: "A", months: 3, exit: "work"});
  });

  it("refuses an unrecognisable header", () => {
    expect(detectFormat(["a", "b"])).toBeNull();
    expect(() => parseCohortText("a,b\n1,2\n", "x.csv")).toThrow(/x\.csv:1: header: expected the duration table columns/);
  });
});

describe("durationOf", () => {
  it("durationOf(row) measures months as days / 30.4375 from follow_up_start and censors at follow_up_end", () => {
    const r = readCohortFile("tests/fixtures/cohort-small-full.csv").rows as CohortRow[];
    expect(durationOf(r[0])).toEqual({months: 89 / 30.4375, exit: "work_parttime"});
    expect(durationOf(r[0], "work-other").exit).toBe("work");
    expect(durationOf(r[2], "work-other").exit).toBe("other");
    expect(durationOf(r[1])).toEqual({months: 365 / 30.4375, exit: "censored"});
    expect(monthsBetween("2014-01-01", "2015-01-01")).toBeCloseTo(365 / 30.4375, 12);
  });
});

describe("RFC 4180 cohort CSV (issue 11, case 10)", () => {
  it("a quoted line break stays inside its field, and later rows keep the line numbers of the file", () => {
    // Line 3 opens a quoted group name that ends on line 4; the next row is line 5, and its bad exit
    // is reported on line 5 (the old line-by-line reader split the row in two and counted wrongly).
    const text = 'id,group,months,exit\n1,A,3,work\n2,"A\nB",4,work\n3,A,5,"cen""sored"\n4,A,1,censored\n';
    const r = parseCohortText(text, "q.csv", {maxExcluded: 1});
    expect(r.rows.map((x) => x.group)).toEqual(["A", "A\nB", "A"]);
    expect(r.lines).toEqual([2, 3, 6]);
    expect(r.excluded.map((e) => e.reasons)).toEqual([['q.csv:5: exit: expected one of work|other|censored, found "cen\\"sored"']]);
  });

  it("an escaped quote and a comma inside quotes are one field; CRLF line ends count as one line", () => {
    const r = parseCohortText('id,group,months,exit\r\n"a,1","say ""hi""",2,work\r\n\r\nb,X,1,other\r\n', "c.csv");
    expect(r.rows.map((x) => [x.id, x.group])).toEqual([["a,1", 'say "hi"'], ["b", "X"]]);
    expect(r.lines).toEqual([2, 4]);
  });

  it(`refuses a file with more than --max-excluded of its rows excluded (default ${DEFAULT_MAX_EXCLUDED * 100} %), with a summary instead of one line per row`, () => {
    const rows = Array.from({length: 500}, (_, i) => `p${i},A,${i % 2 ? "x" : "3"},${i % 2 ? "work" : "maybe"}`);
    const text = ["id,group,months,exit", "ok,A,2,work", ...rows].join("\n");
    let error: unknown;
    try {
      parseCohortText(text, "big.csv");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CohortFileError);
    const message = (error as Error).message;
    expect(message.split("\n")[0]).toBe("big.csv: 500 of 501 rows excluded (99.8 %), more than --max-excluded 5 %; fix the file or raise --max-excluded");
    expect(message).toContain("250× exit: expected one of work|other|censored");
    expect(message).toContain("250× months: expected a duration in months >= 0");
    expect(message).toContain("big.csv:3: exit: expected one of work|other|censored, found \"maybe\"");
    expect(message).toContain("… and 495 more");
    expect(message.split("\n").length).toBeLessThan(EXCLUSION_EXAMPLES + 10);
  });

  it("accepts excluded rows up to the threshold: 1 bad row of 20 is 5 %, not more", () => {
    const rows = Array.from({length: 19}, (_, i) => `p${i},A,${i + 1},work`);
    const r = parseCohortText(["id,group,months,exit", ...rows, "bad,A,-1,work"].join("\n"), "t.csv");
    expect(r.summary).toMatchObject({read: 20, accepted: 19, excluded: 1});
    expect(() => parseCohortText(["id,group,months,exit", ...rows.slice(1), "bad,A,-1,work"].join("\n"), "t.csv")).toThrow(/1 of 19 rows excluded \(5.26 %\)/);
  });

  it("a bad date is reported on its own field only, never inside another field's cross-field rule (found by tests/fuzz)", () => {
    const text = [FULL_HEADER, "a,2014-01-01,X,NaN,2014-12-31,none,,,wwb", "b,2014-01-01,X,2014-01-01,2014-12-31,none,,,wwb"].join("\n");
    const r = parseCohortText(text, "d.csv", {maxExcluded: 1});
    expect(r.excluded.map((e) => e.reasons)).toEqual([['d.csv:2: follow_up_start: expected a date YYYY-MM-DD, found "NaN"']]);
  });
});
