import {describe, expect, it} from "vitest";
import {checkOptions, parseNumber, parseSetValue} from "../../lib/cli/args.js";

describe("the command line's number grammar", () => {
  it("accepts a dot decimal with optional sign, exponent and _ between digits", () => {
    expect(["12", "-0.5", "+3", ".25", "1e6", "2.5E-3", "10_000", "1."].map(parseNumber)).toEqual([12, -0.5, 3, 0.25, 1e6, 0.0025, 10000, 1]);
  });
  it("refuses hex, a decimal comma, blank, Infinity and values that overflow", () => {
    for (const t of ["0x10", "0,05", "", " ", "Infinity", "NaN", "1e999", "1_", "_1", "1..2", "--1", "5%"]) expect(parseNumber(t), t).toBeUndefined();
  });
});

describe("--set name=value (issue 11, case 3)", () => {
  it("a number, a percentage and a bracketed series", () => {
    expect(parseSetValue("a.b=0.2")).toMatchObject({name: "a.b", value: 0.2, percent: false});
    expect(parseSetValue("a=75%")).toMatchObject({value: 0.75, percent: true});
    expect(parseSetValue("a=[0.05,0.04, 0.02]")).toMatchObject({value: [0.05, 0.04, 0.02]});
    expect(parseSetValue("a=[5%,4%]")).toMatchObject({value: [0.05, 0.04], percent: true});
  });
  it("an empty element, a trailing comma, a blank value and an empty series are refused, not read as 0", () => {
    expect(() => parseSetValue("a=[0.1,,0.2]")).toThrow(/a: .*found an empty element 2/);
    expect(() => parseSetValue("a=[0.1,]")).toThrow(/no trailing comma/);
    expect(() => parseSetValue("a=")).toThrow(/found a blank value/);
    expect(() => parseSetValue("a= ")).toThrow(/found a blank value/);
    expect(() => parseSetValue("a=[]")).toThrow(/empty series/);
  });
  it("0,05 is refused with the advice to use a dot, never read as the series [0, 5]", () => {
    expect(() => parseSetValue("iv.nettoEffect=0,05")).toThrow('--set iv.nettoEffect: found "0,05"; use a dot as decimal separator (0.05)');
    expect(() => parseSetValue("a=0.1,0.2")).toThrow("write a series in brackets ([0.1,0.2])");
    expect(() => parseSetValue("a=[0,05]")).not.toThrow(); // in brackets the comma separates elements
  });
  it("0x10, a missing bracket and mixed percentages are refused", () => {
    expect(() => parseSetValue("a=0x10")).toThrow(/found "0x10"/);
    expect(() => parseSetValue("a=[0.1,0.2")).toThrow(/needs both brackets/);
    expect(() => parseSetValue("a=[5%,0.04]")).toThrow(/every element as a percentage or none/);
    expect(() => parseSetValue("=1")).toThrow(/expected name=value/);
  });
});

describe("checkOptions", () => {
  const spec = {flags: ["--json"], values: ["--set", "--by"], repeatable: ["--set"]};
  it("returns the positional arguments; a value may be negative", () => {
    expect(checkOptions("x", ["f.yaml", "--by", "-1", "--json", "--set", "a=1", "--set", "b=2"], spec)).toEqual(["f.yaml"]);
  });
  it("refuses an unknown option listing the accepted ones, a missing value and a repeated option", () => {
    expect(() => checkOptions("evaluate", ["f", "--jsno"], spec)).toThrow("unknown option --jsno; rendement evaluate accepts --json, --set name=value, --by column");
    expect(() => checkOptions("x", ["-j"], spec)).toThrow(/unknown option -j/);
    expect(() => checkOptions("x", ["f", "--by"], spec)).toThrow("--by expects a value, found nothing");
    expect(() => checkOptions("x", ["f", "--by", "--json"], spec)).toThrow("--by expects a value, found the option --json");
    expect(() => checkOptions("x", ["--json", "--json"], spec)).toThrow("--json is given twice");
  });
});
