// Number boxes and compact chart money: parseDutchNumber, formatInputNumber, formatEuroCompact (lib/format.ts).
import {describe, expect, test} from "vitest";
import fc from "fast-check";
import {formatEuroCompact, formatInputNumber, parseDutchNumber, NBSP} from "../lib/format.js";

describe("parseDutchNumber(text): what a reader types in a number box", () => {
  test("a decimal comma is a decimal: 3,5 → 3.5, 0,25 → 0.25, ,5 → 0.5", () => {
    expect(parseDutchNumber("3,5")).toBe(3.5);
    expect(parseDutchNumber("0,25")).toBe(0.25);
    expect(parseDutchNumber(",5")).toBe(0.5);
  });
  test("a plain decimal point is accepted too: 3.5 → 3.5", () => {
    expect(parseDutchNumber("3.5")).toBe(3.5);
  });
  test("a dot before groups of three digits is a Dutch thousands point: 1.000 → 1000, 1.234,5 → 1234.5", () => {
    expect(parseDutchNumber("1.000")).toBe(1000);
    expect(parseDutchNumber("12.345.678")).toBe(12345678);
    expect(parseDutchNumber("1.234,5")).toBe(1234.5);
  });
  test("spaces, a leading € and a trailing % are ignored; the minus may be − or -", () => {
    expect(parseDutchNumber(" 2,25 % ")).toBe(2.25);
    expect(parseDutchNumber("€ 1.500")).toBe(1500);
    expect(parseDutchNumber("−2,5")).toBe(-2.5);
    expect(parseDutchNumber("-460")).toBe(-460);
  });
  test("what is not one number is NaN, never another value", () => {
    for (const s of ["", "-", ",", "abc", "3,5,1", "1e3", "1.23,4", "12.34.5", "3,5x", "1,2.3"]) {
      expect(parseDutchNumber(s), s).toBeNaN();
    }
  });
  test("reads back what formatInputNumber writes, for any number", () => {
    fc.assert(
      fc.property(fc.double({min: -1e9, max: 1e9, noNaN: true}), (x) => {
        const y = Number(x.toPrecision(12));
        const back = parseDutchNumber(formatInputNumber(y));
        return Math.abs(back - y) <= Math.abs(y) * 1e-10 + 1e-10;
      })
    );
  });
});

describe("formatInputNumber(x): the text in a number box", () => {
  test("decimal comma, thousands points, only the decimals the number has", () => {
    expect(formatInputNumber(3.5)).toBe("3,5");
    expect(formatInputNumber(2250)).toBe("2.250");
    expect(formatInputNumber(300000000)).toBe("300.000.000");
    expect(formatInputNumber(-1234567.25)).toBe("-1.234.567,25");
    expect(formatInputNumber(2.25)).toBe("2,25");
    expect(formatInputNumber(0.1 + 0.2)).toBe("0,3");
    expect(formatInputNumber(-4)).toBe("-4");
  });
});

describe("formatEuroCompact(x): one money format for chart axes", () => {
  test("under € 1 miljoen written out in euro, with a thousands point", () => {
    expect(formatEuroCompact(250_000)).toBe(`€${NBSP}250.000`);
    expect(formatEuroCompact(-12_500)).toBe(`€${NBSP}-12.500`);
    expect(formatEuroCompact(0)).toBe(`€${NBSP}0`);
  });
  test("from € 1 miljoen on in mln with at most one decimal, never k", () => {
    expect(formatEuroCompact(1_000_000)).toBe(`€${NBSP}1${NBSP}mln`);
    expect(formatEuroCompact(1_500_000)).toBe(`€${NBSP}1,5${NBSP}mln`);
    expect(formatEuroCompact(-2_040_000)).toBe(`€${NBSP}-2${NBSP}mln`);
    expect(formatEuroCompact(3e9)).toBe(`€${NBSP}3000${NBSP}mln`.replace("3000", "3.000"));
  });
  test("999.999,6 rounds up into mln rather than printing € 1.000.000", () => {
    expect(formatEuroCompact(999_999.6)).toBe(`€${NBSP}1${NBSP}mln`);
  });
  test("not-a-number is a dash", () => {
    expect(formatEuroCompact(NaN)).toBe("—");
  });
});
