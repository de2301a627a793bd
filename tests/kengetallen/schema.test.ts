import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {KengetalError, loadKengetallen, type Registry} from "../../lib/io/kengetallen.js";
import {parseCpiText, parseKengetallenText} from "../../lib/kengetallen/parse.js";
import {kengetallenFileSchema} from "../../lib/schema/kengetal.js";
import {parse as parseYaml} from "yaml";
import {tempDir} from "../temp-dir.js";

const dataDir = "data/kengetallen";
// Loading all files takes about a second (several under load): load once, with a generous timeout.
let shipped: Registry;
beforeAll(() => {
  shipped = loadKengetallen(dataDir);
}, 60_000);

// A valid file; each bad-input case below changes one line of it. Line numbers matter: the
// tests assert the exact line an error points at.
const good = [
  "theme: test", // 1
  "description: Testbestand", // 2
  "kengetallen:", // 3
  "  - id: bijstand_test", // 4
  "    label: Bijstand per jaar", // 5
  "    value: 16800", // 6
  "    unit: €/jaar", // 7
  "    priceYear: 2018", // 8
  "    actor: gemeente", // 9
  "    nature: financial", // 10
  '    source: {title: Testbron, seed: "000", section: "2.1", lines: "178"}', // 11
  "    uncertainty: {type: range, low: 15000, high: 18000}", // 12
  "  - id: aandeel_test", // 13
  "    label: Aandeel", // 14
  "    value: 0.3", // 15
  "    unit: fraction", // 16
  "    nature: immaterial", // 17
  "    source: {title: Testbron}", // 18
  "    uncertainty: {type: beta, sd: 0.05}" // 19
];
const withLine = (line: number, text: string | null) => {
  const out = [...good];
  if (text === null) out.splice(line - 1, 1);
  else out[line - 1] = text;
  return out.join("\n") + "\n";
};
function problemOf(text: string, file = "test.yaml"): KengetalError {
  try {
    parseKengetallenText(text, file);
  } catch (e) {
    if (e instanceof KengetalError) return e;
    throw e;
  }
  throw new Error("expected a KengetalError, but the file parsed");
}

describe("kengetallen schema on the shipped files", () => {
  it("loadKengetallen accepts every file in data/kengetallen and data/cpi.yaml", () => {
    const registry = shipped;
    const files = readdirSync(dataDir).filter((f) => f.endsWith(".yaml"));
    expect(registry.themes.map((t) => t.file).sort()).toEqual(files.map((f) => join(dataDir, f)).sort());
    // Every record of every file is in the registry (ids are unique across files).
    const records = files.reduce((n, f) => n + (parseYaml(readFileSync(join(dataDir, f), "utf8")) as {kengetallen: unknown[]}).kengetallen.length, 0);
    expect(registry.size).toBe(records);
    expect(registry.cpi?.table).toBe("83131NED");
  });

  it("every shipped record with a seed cites a section or table and a seed line", () => {
    for (const k of shipped.list()) {
      if (!k.source.seed) continue;
      expect(k.source.section ?? k.source.table, k.id).toBeTruthy();
      expect(k.source.lines, k.id).toBeDefined();
    }
  });

  it("each money record has a price year and each non-money record has none", () => {
    for (const k of shipped.list()) {
      expect(k.priceYear !== undefined, k.id).toBe(k.unit.startsWith("€"));
    }
  });

  it("the test fixture itself is valid", () => {
    const parsed = parseKengetallenText(good.join("\n"), "test.yaml");
    expect(parsed.kengetallen.map((k) => [k.id, k.line])).toEqual([
      ["bijstand_test", 4],
      ["aandeel_test", 13]
    ]);
  });
});

describe("bad kengetallen fail with file, line, field and what was expected", () => {
  it("a price year that is not an integer names file:line, record and field", () => {
    const e = problemOf(withLine(8, "    priceYear: 2012a"));
    expect(e.message).toBe('test.yaml:8: kengetallen[0].priceYear [bijstand_test]: expected integer (the price year, prijspeil), found "2012a"');
    expect([e.file, e.line, e.field]).toEqual(["test.yaml", 8, "kengetallen[0].priceYear"]);
  });

  it("a money unit without price year points at the record and says why", () => {
    const e = problemOf(withLine(8, null));
    expect(e.line).toBe(4);
    expect(e.field).toBe("kengetallen[0].priceYear");
    expect(e.message).toContain('test.yaml:4: kengetallen[0].priceYear [bijstand_test]: expected integer: unit "€/jaar" is money and needs a price year');
  });

  it("a price year on a dimensionless unit is refused", () => {
    const e = problemOf(withLine(17, "    priceYear: 2018\n    nature: immaterial"));
    expect(e.message).toContain('test.yaml:17: kengetallen[1].priceYear [aandeel_test]: expected no price year: unit "fraction" is not money');
  });

  it("an unknown actor lists the valid actor ids", () => {
    const e = problemOf(withLine(9, "    actor: ministerie"));
    expect(e.message).toMatch(/^test\.yaml:9: kengetallen\[0\]\.actor \[bijstand_test\]: expected an actor id, one of gemeente, rijk, uwv, .*, found "ministerie"$/);
  });

  it("low > high in a range names the uncertainty field", () => {
    const e = problemOf(withLine(12, "    uncertainty: {type: range, low: 18000, high: 15000}"));
    expect(e.message).toBe("test.yaml:12: kengetallen[0].uncertainty.low [bijstand_test]: expected low <= high, found low 18000 > high 15000");
  });

  it("a value outside its range is refused", () => {
    const e = problemOf(withLine(12, "    uncertainty: {type: pert, low: 17000, high: 18000}"));
    expect(e.message).toBe("test.yaml:6: kengetallen[0].value [bijstand_test]: expected low <= value <= high (pert), found 16800 outside [17000, 18000]");
  });

  it("a beta distribution is only allowed for fractions", () => {
    const e = problemOf(withLine(12, "    uncertainty: {type: beta, sd: 0.1}"));
    expect(e.message).toBe('test.yaml:12: kengetallen[0].uncertainty.type [bijstand_test]: expected unit "fraction" for a beta distribution, found unit "€/jaar"');
  });

  it("a beta sd that no beta distribution can have is refused", () => {
    const e = problemOf(withLine(19, "    uncertainty: {type: beta, sd: 0.6}"));
    expect(e.line).toBe(19);
    expect(e.message).toContain("kengetallen[1].uncertainty.sd [aandeel_test]: expected sd < sqrt(value × (1 − value)) = 0.4583");
  });

  it("a normal distribution needs exactly one of sd or se, and sd must be positive", () => {
    expect(problemOf(withLine(12, "    uncertainty: {type: normal}")).message).toContain("test.yaml:12: kengetallen[0].uncertainty [bijstand_test]: expected exactly one of sd or se");
    expect(problemOf(withLine(12, "    uncertainty: {type: normal, sd: -5}")).message).toBe(
      "test.yaml:12: kengetallen[0].uncertainty.sd [bijstand_test]: expected sd > 0, found -5"
    );
  });

  it("an unknown uncertainty type lists the valid types", () => {
    const e = problemOf(withLine(12, "    uncertainty: {type: uniform, low: 1, high: 2}"));
    expect(e.message).toBe(
      'test.yaml:12: kengetallen[0].uncertainty.type [bijstand_test]: expected an uncertainty with type one of fixed, range, normal, lognormal, beta, gamma, triangular, pert, found "uniform"'
    );
  });

  it("a value of the wrong type says what was found", () => {
    const e = problemOf(withLine(6, '    value: "16.800"'));
    expect(e.message).toBe('test.yaml:6: kengetallen[0].value [bijstand_test]: expected a number (the value), found "16.800"');
  });

  it("a misspelt field is reported as unexpected", () => {
    const e = problemOf(withLine(8, "    prijspeil: 2018"));
    expect(e.problems.map((p) => p.line)).toContain(4);
    expect(e.message).toContain('unexpected field "prijspeil"');
  });

  it("an unknown unit lists the valid units", () => {
    const e = problemOf(withLine(7, "    unit: EUR per jaar"));
    expect(e.message).toMatch(/^test\.yaml:7: kengetallen\[0\]\.unit \[bijstand_test\]: expected a unit, one of €, €\/jaar, .*found "EUR per jaar"$/);
  });

  it("a seed source without page, table or section is refused", () => {
    const e = problemOf(withLine(11, '    source: {title: Testbron, seed: "000"}'));
    expect(e.message).toBe("test.yaml:11: kengetallen[0].source [bijstand_test]: a source with a seed needs at least one of page, table or section");
  });

  it("an assumed price year needs a note", () => {
    const e = problemOf(withLine(8, "    priceYear: 2018\n    priceYearBasis: assumed"));
    expect(e.message).toContain("kengetallen[0].note [bijstand_test]: expected a note saying why the price year was assumed");
  });

  it("a fraction outside [0, 1] is refused", () => {
    const e = problemOf(withLine(15, "    value: 30").replace("{type: beta, sd: 0.05}", "{type: fixed}"));
    expect(e.message).toBe("test.yaml:15: kengetallen[1].value [aandeel_test]: expected a fraction between 0 and 1, found 30");
  });

  it("a duplicate id within one file names both lines", () => {
    const e = problemOf(withLine(13, "  - id: bijstand_test"));
    expect(e.message).toBe('test.yaml:13: kengetallen[1].id [bijstand_test]: expected a unique id, found "bijstand_test" again (first at test.yaml:4)');
  });

  it("a duplicate id across files names both files", () => {
    const dir = tempDir("kengetallen-");
    writeFileSync(join(dir, "a.yaml"), good.join("\n"));
    writeFileSync(join(dir, "b.yaml"), good.join("\n").replace("theme: test", "theme: test_b").replace("aandeel_test", "ander_id"));
    let error: unknown;
    try {
      loadKengetallen(dir, {cpiPath: null});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KengetalError);
    const message = (error as KengetalError).message;
    expect(message).toMatch(/b\.yaml:4: id \[bijstand_test\]: expected a unique id, found "bijstand_test" again \(first at .*a\.yaml:4\)/);
  });

  it("a YAML syntax error is reported with its line", () => {
    const e = problemOf(withLine(10, "    nature: [financial"));
    expect(e.field).toBe("(YAML)");
    expect(e.line).toBeGreaterThanOrEqual(10);
    expect(e.message).toMatch(/^test\.yaml:\d+: \(YAML\): expected valid YAML/);
  });

  it("the loader collects the problems of every file before failing", () => {
    const dir = tempDir("kengetallen-");
    writeFileSync(join(dir, "a.yaml"), withLine(9, "    actor: ministerie"));
    writeFileSync(join(dir, "b.yaml"), withLine(8, "    priceYear: 2012a").replace("theme: test", "theme: test_b"));
    try {
      loadKengetallen(dir, {cpiPath: null});
      expect.unreachable();
    } catch (e) {
      const problems = (e as KengetalError).problems;
      expect(problems.map((p) => [p.file.endsWith("a.yaml") ? "a" : "b", p.line, p.field])).toEqual([
        ["a", 9, "kengetallen[0].actor"],
        ["b", 8, "kengetallen[0].priceYear"]
      ]);
    }
  });

  it("the schema rejects a file without its kengetallen list", () => {
    expect(kengetallenFileSchema.safeParse({theme: "x", description: "y"}).success).toBe(false);
  });
});

describe("CPI file validation", () => {
  it("years out of order are refused with their line", () => {
    const text = [
      "title: CPI",
      "table: 83131NED",
      "base: 2015=100",
      "values:",
      "  - {year: 2015, index: 100, status: base}",
      "  - {year: 2014, index: 99.4, status: test}"
    ].join("\n");
    expect(() => parseCpiText(text, "cpi.yaml")).toThrow("cpi.yaml:6: values[1].year: expected years in increasing order without repeats, found 2014 after 2015");
  });

  it("a CPI value without provenance status is refused", () => {
    const text = ["title: CPI", "table: 83131NED", "base: 2015=100", "values:", "  - {year: 2015, index: 100}"].join("\n");
    expect(() => parseCpiText(text, "cpi.yaml")).toThrow(/cpi\.yaml:5: values\[0\]\.status: expected a provenance status/);
  });
});

describe("docs/kengetallen.md", () => {
  it("the complete example record in the documentation is valid and matches the shipped record's value and source", () => {
    const doc = readFileSync("docs/kengetallen.md", "utf8");
    const block = doc.split("## A complete example")[1].split("```yaml")[1].split("```")[0];
    const parsed = parseKengetallenText(`theme: doc\ndescription: example\nkengetallen:\n${block}`, "docs/kengetallen.md");
    const example = parsed.kengetallen[0];
    const record = shipped.get(example.id);
    expect([example.value, example.unit, example.priceYear, example.source.lines]).toEqual([record.value, record.unit, record.priceYear, record.source.lines]);
    expect(example.uncertainty).toEqual(record.uncertainty);
  });
});
