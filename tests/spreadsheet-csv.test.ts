import {describe, expect, test} from "vitest";
import fc from "fast-check";
import {BOM, neutralizeCell, rowsToSpreadsheetCsv, spreadsheetCsv, spreadsheetField} from "../lib/spreadsheet-csv.js";
import {parseSpreadsheetCsv} from "./spreadsheet-csv-read.js";

describe("neutralizeCell: a text cell that a spreadsheet would evaluate gets a leading ' (issue 17, case 11)", () => {
  test.each([
    ["=HYPERLINK(\"http://x\",\"klik\")", "'=HYPERLINK(\"http://x\",\"klik\")"],
    ["+31 6 1234", "'+31 6 1234"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tverborgen", "'\tverborgen"],
    ["\rregel", "'\rregel"],
    ["-", "'-"]
  ])("%j → %j", (text, expected) => {
    expect(neutralizeCell(text)).toBe(expected);
  });
  test.each(["Uitkering", "", "a=b", " =1", "—", "-12", "-1,5", "+3.25", "-2e5"])("%j stays as it is (no trigger, or a plain number)", (text) => {
    expect(neutralizeCell(text)).toBe(text);
  });
  test("a negative number stays a number with a decimal comma, never prefixed", () => {
    expect(spreadsheetField(-1234.5)).toBe("-1234,5");
    expect(spreadsheetField(-0)).toBe("0");
  });
  test("property: no written text field starts with = + - @ tab or CR unless it is a plain number", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = neutralizeCell(s);
        return !/^[=+\-@\t\r]/.test(out) || /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/.test(out);
      }),
      {numRuns: 500}
    );
  });
});

describe("spreadsheetCsv: opens in Dutch Excel (issue 19)", () => {
  test("UTF-8 BOM, `;` separator, decimal comma, CRLF, no sep= line", () => {
    const text = spreadsheetCsv(["post", "NCW (€)"], [["Uitkering; bijstand", 0.125], ["re-integratie", 1e-7]]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).not.toMatch(/sep=/);
    expect(text).toBe(`${BOM}post;NCW (€)\r\n"Uitkering; bijstand";0,125\r\nre-integratie;1e-7\r\n`);
  });
  test("non-finite numbers are empty cells, null and undefined too", () => {
    expect(spreadsheetCsv(["a", "b", "c"], [[Number.NaN, null, undefined]])).toBe(`${BOM}a;b;c\r\n;;\r\n`);
  });
  test("property: every row round-trips through parseSpreadsheetCsv (text neutralised, numbers with a decimal comma)", () => {
    const cell = fc.oneof(fc.string(), fc.double({noNaN: true, noDefaultInfinity: true}), fc.integer());
    fc.assert(
      fc.property(fc.array(fc.array(cell, {minLength: 2, maxLength: 2}), {maxLength: 6}), (rows) => {
        const back = parseSpreadsheetCsv(spreadsheetCsv(["x", "y"], rows));
        expect(back[0]).toEqual(["x", "y"]);
        expect(back.slice(1)).toEqual(rows.map((r) => r.map((v) => (typeof v === "number" ? String(v).replace(".", ",") : neutralizeCell(v)))));
      }),
      {numRuns: 300}
    );
  });
  test("rowsToSpreadsheetCsv reads `value(row)` before `row[key]` and labels before keys", () => {
    const text = rowsToSpreadsheetCsv([{a: 1.5, b: "=x"}], [{key: "a", label: "A"}, {key: "b"}, {key: "c", label: "dubbel", value: (r) => (r.a as number) * 2}]);
    expect(text).toBe(`${BOM}A;b;dubbel\r\n1,5;'=x;3\r\n`);
  });
});
