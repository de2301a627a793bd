import {describe, expect, test} from "vitest";
import {readFileSync, readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import {formatQuantity, isKnownUnit, NBSP} from "../lib/format.js";

// Every `unit:` value written anywhere under data/ (kengetallen, models, printed figures).
function unitsInData(dir = "data"): Set<string> {
  const units = new Set<string>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      for (const u of unitsInData(path)) units.add(u);
    } else if (/\.ya?ml$/.test(name)) {
      for (const m of readFileSync(path, "utf8").matchAll(/^\s*unit:\s*(.+?)\s*$/gm)) {
        units.add(m[1].replace(/^"(.*)"$/, "$1").replace(/^'(.*)'$/, "$1"));
      }
    }
  }
  return units;
}

describe("formatQuantity(value, unit)", () => {
  test("formatQuantity knows every unit that occurs in data/ and never prints NaN for it", () => {
    const units = unitsInData();
    expect(units.size).toBeGreaterThan(20);
    for (const unit of units) {
      expect(isKnownUnit(unit), unit).toBe(true);
      const text = formatQuantity(12.5, unit);
      expect(text, unit).not.toMatch(/NaN|undefined/);
    }
  });
  test("formatQuantity writes money per unit as € 1.234 per cliënt", () => {
    expect(formatQuantity(1234, "€/cliënt")).toBe(`€${NBSP}1.234 per cliënt`);
    expect(formatQuantity(1234, "€/persoon/jaar")).toBe(`€${NBSP}1.234 per persoon per jaar`);
  });
  test("formatQuantity keeps the scale word of € miljoen (seed 004: € 100 miljoen, not € 100)", () => {
    expect(formatQuantity(100, "€ miljoen")).toBe(`€${NBSP}100 miljoen`);
    expect(formatQuantity(1.58, "€ miljoen")).toBe(`€${NBSP}1,58 miljoen`);
    expect(formatQuantity(2.5, "€ miljoen/jaar")).toBe(`€${NBSP}2,50 miljoen per jaar`);
  });
  test("formatQuantity reads % as percentage points and fraction as a share (11 % both ways)", () => {
    expect(formatQuantity(11, "%")).toBe("11,0%");
    expect(formatQuantity(0.11, "fraction")).toBe("11,0%");
    expect(formatQuantity(11.268, "%", {digits: 1})).toBe("11,3%");
  });
  test("formatQuantity prints ratios with two decimals and counts with a singular for 1", () => {
    expect(formatQuantity(1.31, "verhouding")).toBe("1,31");
    expect(formatQuantity(1, "maanden")).toBe(`1${NBSP}maand`);
    expect(formatQuantity(5, "maanden")).toBe(`5${NBSP}maanden`);
    expect(formatQuantity(35, "personen/fte")).toBe(`35${NBSP}personen per fte`);
    expect(formatQuantity(7.25, "jaar")).toBe(`7,3${NBSP}jaar`);
  });
  test("formatQuantity shows yes/no units as ja/nee and NaN as a dash", () => {
    expect(formatQuantity(1, "1 = ja, 0 = nee")).toBe("ja");
    expect(formatQuantity(0, "1 = ja, 0 = nee")).toBe("nee");
    expect(formatQuantity(NaN, "€")).toBe("—");
  });
  test("formatQuantity refuses a unit it does not know instead of printing a bare number", () => {
    expect(() => formatQuantity(1, "furlong")).toThrow(/unknown unit "furlong"/);
    expect(() => formatQuantity(1, "€/")).toThrow(/unknown unit/);
  });
});
