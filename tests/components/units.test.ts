// Units at component level: formatValue (src/components/provenance.js), which every provenance
// panel and the Aannames table use, goes through formatQuantity (lib/format.ts) for every unit the
// model files declare.
import {describe, expect, test} from "vitest";
import {readFileSync, readdirSync, existsSync} from "node:fs";
import {join} from "node:path";
import {parse} from "yaml";
import {NBSP} from "../../lib/format.js";

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const load = (name: string): Promise<Any> => import(`../../src/components/${name}.js`);

/** Every `unit:` string anywhere in the model files under data/studies. */
function modelUnits(): string[] {
  const units = new Set<string>();
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") {
      for (const [k, v] of Object.entries(x)) {
        if (k === "unit" && typeof v === "string") units.add(v);
        else walk(v);
      }
    }
  };
  for (const study of readdirSync("data/studies")) {
    const dir = join("data/studies", study);
    for (const f of existsSync(dir) ? readdirSync(dir) : []) if (/model.*\.ya?ml$/.test(f)) walk(parse(readFileSync(join(dir, f), "utf8")));
  }
  return [...units].sort();
}

describe("formatValue(value, unit): a model value with its unit, Dutch", () => {
  test("euro per year, shares, persons, months (singular at 1), QALY", async () => {
    const {formatValue} = await load("provenance");
    expect(formatValue(16800, "€/jaar")).toBe(`€${NBSP}16.800 per jaar`);
    expect(formatValue(12.5, "€/uur")).toBe(`€${NBSP}12,50 per uur`);
    expect(formatValue(0.04, "fraction")).toBe("4%");
    expect(formatValue(0.045, "fraction")).toBe("4,5%");
    expect(formatValue(230, "personen")).toBe(`230${NBSP}personen`);
    expect(formatValue(1, "maanden")).toBe(`1${NBSP}maand`);
    expect(formatValue(0.25, "QALY")).toBe(`0,250${NBSP}QALY`);
  });
  test("a series: constant → '(elk jaar)', otherwise per year with the word 'jaar', never code like j0", async () => {
    const {formatValue} = await load("provenance");
    expect(formatValue([0.1, 0.1, 0.1], "fraction")).toBe("10% (elk jaar)");
    expect(formatValue([100, 200], "personen")).toBe(`jaar 0: 100${NBSP}personen; jaar 1: 200${NBSP}personen`);
  });
  test("every unit declared in data/studies/*/model*.yaml is known to formatQuantity (so no number loses its unit)", async () => {
    const {isKnownUnit} = await import("../../lib/format.js");
    const units = modelUnits();
    expect(units.length).toBeGreaterThan(3);
    expect(units.filter((u) => !isKnownUnit(u))).toEqual([]);
  });
});

describe("formatQuantity with a model switch (unit 0/1)", () => {
  test("a 0/1 switch reads ja/nee, not '1 per 1'", async () => {
    const {formatQuantity} = await import("../../lib/format.js");
    expect(formatQuantity(1, "0/1")).toBe("ja");
    expect(formatQuantity(0, "0/1")).toBe("nee");
  });
});

describe("toCsv(rows, columns): the CSV behind every table, for Dutch Excel (lib/spreadsheet-csv.ts)", () => {
  test("BOM, CRLF line ends, `;` separator, a header of labels, numbers with a decimal comma, quotes doubled, fields with `;`, quote or line break quoted, formula text neutralised", async () => {
    const {toCsv} = await load("provenance");
    const rows = [
      {post: "Uitkering, bijstand", value: 1234.5},
      {post: 'de "extra" baan', value: -0.25},
      {post: "twee\nregels", value: null},
      {post: "=1+1", value: -3}
    ];
    expect(toCsv(rows, [{key: "post", label: "post"}, {key: "value", label: "NCW (€)"}])).toBe(
      '\uFEFFpost;NCW (€)\r\nUitkering, bijstand;1234,5\r\n"de ""extra"" baan";-0,25\r\n"twee\nregels";\r\n\'=1+1;-3\r\n'
    );
  });
});
