import {describe, expect, test} from "vitest";
import fc from "fast-check";
import {formatEuro, formatNumber, formatPercent, NBSP} from "../lib/format.js";

// Reads a Dutch-formatted number back: "1.234,5" → 1234.5.
function parseDutch(s: string): number {
  return Number(s.replace(/[€%\s\u00A0]/g, "").replace(/\./g, "").replace(",", "."));
}

describe("formatEuro(x, {digits})", () => {
  test("formatEuro writes € 1.234 with a no-break space and a thousands point", () => {
    expect(formatEuro(1234)).toBe(`€${NBSP}1.234`);
    expect(formatEuro(1234567)).toBe(`€${NBSP}1.234.567`);
  });
  test("formatEuro rounds to whole euros by default, half away from zero", () => {
    expect(formatEuro(1234.5)).toBe(`€${NBSP}1.235`);
    expect(formatEuro(1234.49)).toBe(`€${NBSP}1.234`);
    expect(formatEuro(-1234.5)).toBe(`€${NBSP}-1.235`);
  });
  test("formatEuro with digits 2 prints cents with a decimal comma", () => {
    expect(formatEuro(1234.5, {digits: 2})).toBe(`€${NBSP}1.234,50`);
  });
  test("formatEuro puts the minus after the euro sign (€ -1.234), as Intl nl-NL does", () => {
    expect(formatEuro(-1234)).toBe(`€${NBSP}-1.234`);
  });
  test("formatEuro shows no sign for a value that rounds to zero", () => {
    expect(formatEuro(-0.4)).toBe(`€${NBSP}0`);
    expect(formatEuro(-0)).toBe(`€${NBSP}0`);
  });
  test("formatEuro shows NaN as a dash and infinities as ∞", () => {
    expect(formatEuro(NaN)).toBe("—");
    expect(formatEuro(Infinity)).toBe("∞");
    expect(formatEuro(-Infinity)).toBe("-∞");
  });
  test("formatEuro rejects a negative or fractional digits option", () => {
    expect(() => formatEuro(1, {digits: -1})).toThrow(/digits/);
    expect(() => formatEuro(1, {digits: 1.5})).toThrow(/digits/);
  });
  test("formatEuro read back equals the amount rounded to whole euros", () => {
    fc.assert(
      fc.property(fc.integer({min: -1e12, max: 1e12}), (cents) => {
        const x = cents / 100;
        const back = parseDutch(formatEuro(x));
        // Intl rounds half away from zero (halfExpand), hence sign × round(|x|).
        const expected = Math.sign(x) * Math.round(Math.abs(x));
        return back === expected || (back === 0 && expected === 0); // -0 reads back as 0
      })
    );
  });
});

describe("formatNumber(x, digits)", () => {
  test("formatNumber(1.25, 1) is 1,3 (decimal comma, half away from zero)", () => {
    expect(formatNumber(1.25, 1)).toBe("1,3");
    expect(formatNumber(-1.25, 1)).toBe("-1,3");
  });
  test("formatNumber groups thousands with a point from 1.000 on", () => {
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(1000)).toBe("1.000");
    expect(formatNumber(1234567.25, 1)).toBe("1.234.567,3");
  });
  test("formatNumber pads to exactly the requested number of decimals", () => {
    expect(formatNumber(2, 2)).toBe("2,00");
    expect(formatNumber(0.191, 3)).toBe("0,191");
  });
  test("formatNumber shows no sign for a value that rounds to zero", () => {
    expect(formatNumber(-0.04, 1)).toBe("0,0");
  });
  test("formatNumber shows NaN as a dash", () => {
    expect(formatNumber(NaN, 1)).toBe("—");
  });
  test("formatNumber read back is within half a unit of the last decimal", () => {
    fc.assert(
      fc.property(fc.double({min: -1e9, max: 1e9, noNaN: true}), fc.integer({min: 0, max: 4}), (x, digits) => {
        const back = parseDutch(formatNumber(x, digits));
        return Math.abs(back - x) <= 0.5 * 10 ** -digits * (1 + 1e-9) + Math.abs(x) * 1e-15;
      })
    );
  });
});

describe("formatPercent(x, digits)", () => {
  test("formatPercent takes a fraction: 0.0225 with 2 digits is 2,25%", () => {
    expect(formatPercent(0.0225, 2)).toBe("2,25%");
  });
  test("formatPercent uses one decimal by default", () => {
    expect(formatPercent(0.191)).toBe("19,1%");
    expect(formatPercent(1)).toBe("100,0%");
  });
  test("formatPercent shows no sign for a value that rounds to zero", () => {
    expect(formatPercent(-0.00001)).toBe("0,0%");
  });
});
