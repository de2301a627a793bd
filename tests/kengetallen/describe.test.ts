import {beforeAll, describe, expect, it} from "vitest";
import {loadKengetallen, type Registry} from "../../lib/io/kengetallen.js";
import {describeKengetal, formatEuroNl, formatSourceNl, formatValueNl} from "../../lib/kengetallen/describe.js";
import type {Kengetal} from "../../lib/schema/kengetal.js";

let registry: Registry;
beforeAll(() => {
  registry = loadKengetallen();
}, 60_000);

describe("describeKengetal", () => {
  it("describeKengetal writes value, unit, price year and source in Dutch with Dutch number format", () => {
    expect(describeKengetal(registry.get("bijstand_kosten_jaar"))).toBe(
      "€ 16.800 per jaar (prijspeil 2018, aangenomen) — bron: LPBL, MKBA re-integratie Zoetermeer, § 2.1, regels 178, 217"
    );
  });

  it("describeKengetal names a printed price year without 'aangenomen' and adds a range", () => {
    const k: Kengetal = {
      id: "x",
      label: "x",
      value: 1234,
      unit: "€/jaar",
      priceYear: 2012,
      source: {title: "Zoetermeer MKBA", page: 14, table: "2.3"},
      nature: "financial",
      uncertainty: {type: "range", low: 1000, high: 1500.5}
    };
    expect(describeKengetal(k)).toBe("€ 1.234 per jaar (prijspeil 2012; bandbreedte € 1.000 – € 1.500,50) — bron: Zoetermeer MKBA, p. 14, tabel 2.3");
  });

  it("describeKengetal without uncertainty gives the plain form '€ 1.234 per jaar (prijspeil 2012) — bron: ...'", () => {
    const k: Kengetal = {id: "x", label: "x", value: 1234, unit: "€/jaar", priceYear: 2012, source: {title: "Zoetermeer MKBA", page: 14, table: "2.3"}, nature: "financial", uncertainty: {type: "fixed"}};
    expect(describeKengetal(k)).toBe("€ 1.234 per jaar (prijspeil 2012) — bron: Zoetermeer MKBA, p. 14, tabel 2.3");
  });

  it("describeKengetal writes fractions as percentages with a decimal comma and no price year", () => {
    expect(describeKengetal(registry.get("vp_jobcoach_max_aandeel_jaar2"))).toMatch(/^7,5% — bron: Monitor Voorbeeldprojecten/);
  });

  it("describeKengetal keeps a figure reference and a single seed line", () => {
    expect(describeKengetal(registry.get("zorgprofiel_overige_hh_top_wmo"))).toBe(
      "€ 30.600 per jaar (prijspeil 2018, aangenomen) — bron: LPBL, MKBA re-integratie Zoetermeer, § 2.2, figuur 2.1, regel 314"
    );
  });

  it("formatValueNl covers non-money units", () => {
    expect(formatValueNl(7.7, "fte")).toBe("7,7 fte");
    expect(formatValueNl(0.191, "QALY/jaar")).toBe("0,191 QALY per jaar");
    expect(formatValueNl(35, "deelnemers/fte")).toBe("35 deelnemers per fte");
    expect(formatValueNl(400000, "personen")).toBe("400.000 personen");
  });

  it("formatEuroNl shows cents only when there are any, and a minus sign before the euro sign", () => {
    expect(formatEuroNl(1238.94)).toBe("€ 1.238,94");
    expect(formatEuroNl(8.8)).toBe("€ 8,80");
    expect(formatEuroNl(2500000)).toBe("€ 2.500.000");
    expect(formatEuroNl(-49)).toBe("−€ 49");
  });

  it("formatSourceNl writes section names that are not numbers as printed", () => {
    expect(formatSourceNl({title: "T", section: "Bijlage 2", table: "Inzet regulier NAB", lines: "2760"})).toBe("T, Bijlage 2, tabel Inzet regulier NAB, regel 2760");
  });

  it("every shipped kengetal can be described", () => {
    for (const k of registry.list()) expect(describeKengetal(k), k.id).toMatch(/ — bron: .+/);
  });
});
