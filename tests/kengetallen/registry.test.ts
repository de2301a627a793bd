import {readFileSync} from "node:fs";
import {beforeAll, describe, expect, it} from "vitest";
import {parse as parseYaml} from "yaml";
import {loadKengetallen, readCpi} from "../../lib/io/kengetallen.js";
import {cpiFactor, Registry, scaleUncertainty, type RegistryJSON} from "../../lib/kengetallen/registry.js";
import {isActorId} from "../../lib/schema/actors.js";

let registry: Registry;
beforeAll(() => {
  registry = loadKengetallen();
}, 60_000);

// The CPI values as written in data/cpi.yaml, read independently of the registry's parser.
const cpiRaw = parseYaml(readFileSync("data/cpi.yaml", "utf8")) as {values: {year: number; index: number; inflation?: number}[]};
const index = (year: number) => cpiRaw.values.find((v) => v.year === year)!.index;

describe("CPI series (data/cpi.yaml)", () => {
  it("covers at least 2005-2025 without gaps, with 2015 = 100", () => {
    const years = cpiRaw.values.map((v) => v.year);
    for (let y = 2005; y <= 2025; y++) expect(years).toContain(y);
    expect(index(2015)).toBe(100);
  });

  it("each index agrees with the yearly inflation written next to it (to 0,1 percentage point)", () => {
    for (let i = 1; i < cpiRaw.values.length; i++) {
      const {year, index: now, inflation} = cpiRaw.values[i];
      if (inflation === undefined) continue;
      const computed = (now / cpiRaw.values[i - 1].index - 1) * 100;
      expect(Math.abs(computed - inflation), `CPI ${year}`).toBeLessThan(0.051);
    }
  });

  it("every value states its provenance: the index is chained from rates, not (yet) a StatLine figure", () => {
    const cpi = readCpi();
    for (const v of cpi.values) expect(v.status.length).toBeGreaterThan(0);
    expect(cpi.values.filter((v) => v.year !== 2015).every((v) => /chained/.test(v.status))).toBe(true);
  });
  it("the yearly rates equal CBS's published inflation: 'Inflatie 10 procent in 2022' (2005–2022), 'Inflatie 3,3 procent in 2024' (2023–2024), release 13-1-2026 (2025)", () => {
    const published: Record<number, number> = {
      2005: 1.7, 2006: 1.1, 2007: 1.6, 2008: 2.5, 2009: 1.2, 2010: 1.3, 2011: 2.3, 2012: 2.5, 2013: 2.5, 2014: 1.0,
      2015: 0.6, 2016: 0.3, 2017: 1.4, 2018: 1.7, 2019: 2.6, 2020: 1.3, 2021: 2.7, 2022: 10.0, 2023: 3.8, 2024: 3.3, 2025: 3.3
    };
    const cpi = readCpi();
    for (const [year, rate] of Object.entries(published)) {
      expect(cpi.values.find((v) => v.year === Number(year))?.inflation, `inflation ${year}`).toBe(rate);
    }
  });
});

describe("price-year conversion", () => {
  it("value(id, {priceYear}) multiplies by CPI(to) / CPI(from): € 16.800 of 2018 in 2020", () => {
    // By hand: 16.800 × 107,50 / 103,43 = 17.461,08
    expect(registry.value("bijstand_kosten_jaar", {priceYear: 2020})).toBeCloseTo((16800 * 107.5) / 103.43, 6);
    expect(registry.value("bijstand_kosten_jaar", {priceYear: 2020})).toBeCloseTo(17461.08, 1);
  });

  it("convert(100, 2012, 2020) = 100 × CPI2020 / CPI2012 = 111,96", () => {
    expect(registry.convert(100, 2012, 2020)).toBeCloseTo((100 * index(2020)) / index(2012), 10);
    expect(registry.convert(100, 2012, 2020)).toBeCloseTo(111.956, 2);
  });

  it("crime costs of prijspeil 2015 (printed) convert to 2018 with factor 103,43 / 100", () => {
    expect(registry.value("criminaliteit_veelpleger_totaal", {priceYear: 2018})).toBeCloseTo(91600 * 1.0343, 6);
  });

  it("converting there and back returns the original amount", () => {
    for (const [a, b] of [
      [2005, 2025],
      [2012, 2020],
      [2022, 2015]
    ]) {
      expect(registry.convert(registry.convert(1234.56, a, b), b, a)).toBeCloseTo(1234.56, 9);
    }
  });

  it("conversion chains: 2010 → 2015 → 2024 equals 2010 → 2024", () => {
    expect(registry.factor(2010, 2015) * registry.factor(2015, 2024)).toBeCloseTo(registry.factor(2010, 2024), 12);
  });

  it("a non-money kengetal is returned unchanged whatever price year is asked", () => {
    expect(registry.value("aandeel_psychische_klachten", {priceYear: 2024})).toBe(0.3);
    expect(registry.value("vh_team_fte", {priceYear: 2005})).toBe(7.7);
  });

  it("get(id, {priceYear}) scales the uncertainty with the value and records the original year", () => {
    const k = registry.get("qaly_waarde", {priceYear: 2024});
    const f = index(2024) / index(2018);
    expect(k.priceYear).toBe(2024);
    expect(k.convertedFrom).toBe(2018);
    expect(k.value).toBeCloseTo(50000 * f, 6);
    expect(k.uncertainty).toMatchObject({type: "range"});
    if (k.uncertainty.type === "range") {
      expect(k.uncertainty.low).toBeCloseTo(20000 * f, 6);
      expect(k.uncertainty.high).toBeCloseTo(100000 * f, 6);
    }
    // The stored record is not modified.
    expect(registry.get("qaly_waarde").value).toBe(50000);
  });

  it("scaleUncertainty leaves relative spreads (lognormal, beta) unchanged and scales absolute ones", () => {
    expect(scaleUncertainty({type: "lognormal", cv: 0.2}, 2)).toEqual({type: "lognormal", cv: 0.2});
    expect(scaleUncertainty({type: "normal", sd: 10}, 1.5)).toEqual({type: "normal", sd: 15});
    expect(scaleUncertainty({type: "gamma", shape: 2, scale: 50}, 2)).toEqual({type: "gamma", shape: 2, scale: 100});
    expect(scaleUncertainty({type: "pert", low: 1, mode: 2, high: 4}, 3)).toEqual({type: "pert", low: 3, mode: 6, high: 12});
  });

  it("a year outside the CPI series fails with a message naming the table and the years covered", () => {
    expect(() => registry.value("bijstand_kosten_jaar", {priceYear: 1999})).toThrow(/no CPI value for 1999 in CBS table 83131NED \(data\/cpi\.yaml covers 2004–2025\)/);
  });

  it("a registry without CPI refuses conversion but still answers same-year requests", () => {
    const bare = new Registry(registry.list({theme: "waardering"}));
    expect(bare.value("bijstand_kosten_jaar", {priceYear: 2018})).toBe(16800);
    expect(() => bare.value("bijstand_kosten_jaar", {priceYear: 2020})).toThrow(/no CPI series/);
  });

  it("cpiFactor(cpi, y, y) is exactly 1", () => {
    expect(cpiFactor(readCpi(), 2019, 2019)).toBe(1);
  });
});

describe("Registry lookups and listing", () => {
  it("get(id) returns the record with its theme, file and line", () => {
    const k = registry.get("wml_bruto_jaar_zoetermeer");
    expect(k.value).toBe(22500);
    expect(k.theme).toBe("waardering");
    expect(k.file).toBe("data/kengetallen/waardering.yaml");
    expect(readFileSync(k.file!, "utf8").split("\n")[k.line! - 1]).toContain("id: wml_bruto_jaar_zoetermeer");
  });

  it("an unknown id fails and suggests the nearest ids", () => {
    expect(() => registry.get("bijstand_kosten_jr")).toThrow('unknown kengetal "bijstand_kosten_jr"; did you mean "bijstand_kosten_jaar"?');
    expect(() => registry.get("zzz")).toThrow(/^unknown kengetal "zzz"$/);
  });

  it("list filters by theme, actor and seed together", () => {
    const zvw = registry.list({theme: "zoetermeer_zorgconsumptie", actor: "zorgverzekeraar"});
    expect(zvw).toHaveLength(12); // one ZVW cell per household type × problem level
    expect(zvw.every((k) => k.dimensions?.financier === "zvw")).toBe(true);
    const seed002 = registry.list({seed: "002"});
    expect(seed002.length).toBeGreaterThan(0);
    expect(seed002.every((k) => k.theme === "voorbeeldprojecten")).toBe(true);
    expect(registry.list({seed: "000"}).length).toBe(registry.list({theme: "zoetermeer"}).length + registry.list({theme: "waardering"}).length + 84);
  });

  it("every seed is represented and every actor used is a known actor id", () => {
    for (const seed of ["000", "001", "002", "003", "004"] as const) expect(registry.list({seed}).length, seed).toBeGreaterThan(0);
    for (const k of registry.list()) if (k.actor) expect(isActorId(k.actor)).toBe(true);
  });

  it("toJSON / fromJSON round-trips through plain JSON text", () => {
    const json = JSON.parse(JSON.stringify(registry)) as RegistryJSON;
    const back = Registry.fromJSON(json);
    expect(back.size).toBe(registry.size);
    expect(back.ids()).toEqual(registry.ids());
    expect(back.get("qaly_waarde")).toEqual(registry.get("qaly_waarde"));
    expect(back.value("bijstand_kosten_jaar", {priceYear: 2020})).toBe(registry.value("bijstand_kosten_jaar", {priceYear: 2020}));
    expect(back.themes).toEqual(registry.themes);
  });

  it("fromJSON refuses an object that is not a serialised registry", () => {
    expect(() => Registry.fromJSON({format: "x"} as unknown as RegistryJSON)).toThrow(/expected a kengetallen registry in format "rendement-kengetallen@1", found "x"/);
  });

  it("the registry constructor refuses duplicate ids and names both places", () => {
    const k = registry.get("bijstand_kosten_jaar");
    expect(() => new Registry([k, {...k, file: "other.yaml", line: 9}])).toThrow(
      'other.yaml:9: id [bijstand_kosten_jaar]: expected a unique id, found "bijstand_kosten_jaar" again (first at data/kengetallen/waardering.yaml:' + k.line + ")"
    );
  });
});
