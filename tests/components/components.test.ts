// Pure data-shaping helpers of the site components (src/components/*.js): layout columns of the
// effect scheme, slider overrides, scenario rows, cost/benefit rows and verdict counts.
import {existsSync, readdirSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {loadStudy} from "../../lib/io/study.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {runScenarios, runScenariosFor} from "../../lib/analysis/scenarios.js";

// The components are plain JavaScript (Framework serves them as they are); load them untyped.
type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const load = (name: string): Promise<Any> => import(`../../src/components/${name}.js`);

describe("effectScheme columns(scheme)", () => {
  test("puts activities in column 0, direct effects from column 1 on, and every post in the last column", async () => {
    const {columns} = await load("effectScheme");
    const scheme = {
      nodes: [
        {id: "a", type: "activity", label: "a"},
        {id: "A", type: "direct", label: "A"},
        {id: "m1", type: "intermediate", label: "m1"},
        {id: "m2", type: "intermediate", label: "m2"},
        {id: "p", type: "post", label: "p"},
        {id: "q", type: "post", label: "q"}
      ],
      edges: [
        {from: "a", to: "A"},
        {from: "A", to: "m1"},
        {from: "m1", to: "m2"},
        {from: "m2", to: "p"},
        // an activity straight to a cost post, and a cycle between two intermediates
        {from: "a", to: "q"},
        {from: "m2", to: "m1"}
      ]
    };
    const c = columns(scheme);
    expect(Object.fromEntries(c)).toEqual({a: 0, A: 1, m1: 2, m2: 3, p: 4, q: 4});
  });

  test("on the Zoetermeer model's schemes: activities left, posts right, every post node names known posts", async () => {
    const {columns} = await load("effectScheme");
    const model = loadStudy("data/studies/zoetermeer/model.yaml");
    const schemes = model.file.interventions.filter((iv) => iv.effectScheme);
    expect(schemes.map((iv) => iv.id)).toEqual(["vh", "wa", "nab"]);
    for (const iv of schemes) {
      const scheme = iv.effectScheme!;
      const c: Map<string, number> = columns(scheme);
      const last = Math.max(...c.values());
      for (const n of scheme.nodes) {
        if (n.type === "activity") expect(c.get(n.id), `${iv.id}.${n.id}`).toBe(0);
        if (n.type === "post") expect(c.get(n.id), `${iv.id}.${n.id}`).toBe(last);
        if (n.type !== "activity" && n.type !== "post") expect(c.get(n.id)!, `${iv.id}.${n.id}`).toBeGreaterThan(0);
        for (const p of n.posts ?? []) expect(model.posts.has(p), `${iv.id}.${n.id} → post ${p}`).toBe(true);
      }
    }
  });

  test("foldColumns(columns, max): activities stay in column 0, posts go to column max − 1, effects keep their order up to column max − 2; unchanged when the scheme fits or fewer than 4 columns fit", async () => {
    const {foldColumns} = await load("effectScheme");
    const c = new Map(Object.entries({a: 0, A: 1, m1: 2, m2: 3, m3: 4, p: 5, q: 5}));
    expect(Object.fromEntries(foldColumns(c, 4))).toEqual({a: 0, A: 1, m1: 2, m2: 2, m3: 2, p: 3, q: 3});
    expect(Object.fromEntries(foldColumns(c, 5))).toEqual({a: 0, A: 1, m1: 2, m2: 3, m3: 3, p: 4, q: 4});
    // six columns fit six columns (0 … 5): the same map, not a copy
    expect(foldColumns(c, 6)).toBe(c);
    expect(foldColumns(c, 3)).toBe(c);
  });

  test("columnsThatFit(width): columns of 124 units with 24 between and 8 at each side, at the smallest readable scale (10/11)", async () => {
    const {columnsThatFit} = await load("effectScheme");
    // 670 px (a card at 1280 px) = 737 units: 5 columns take 5 × 124 + 4 × 24 + 16 = 732 units, 6 take 880.
    expect(columnsThatFit(670)).toBe(5);
    expect(columnsThatFit((880 * 10) / 11)).toBe(6);
    expect(columnsThatFit((880 * 10) / 11 - 1)).toBe(5);
    // a phone card (326 px): 2 columns, too few to fold (the scheme pans instead)
    expect(columnsThatFit(326)).toBe(2);
  });

  test("on every study's schemes, a folded scheme never sends a link to a column further left than the full scheme does", async () => {
    const {columns, foldColumns} = await load("effectScheme");
    const models = readdirSync("data/studies").map((study) => `data/studies/${study}/model.yaml`).filter((file) => existsSync(file));
    expect(models.length).toBeGreaterThan(0);
    for (const file of models) {
      for (const iv of loadStudy(file).file.interventions.filter((x) => x.effectScheme)) {
        const full: Map<string, number> = columns(iv.effectScheme);
        for (const max of [4, 5, 6]) {
          const folded: Map<string, number> = foldColumns(full, max);
          expect(Math.max(...folded.values()), `${iv.id} folded to ${max}`).toBeLessThanOrEqual(max - 1);
          for (const e of iv.effectScheme!.edges) {
            if (full.get(e.to)! > full.get(e.from)!) expect(folded.get(e.to)!, `${iv.id} ${e.from} → ${e.to} in ${max}`).toBeGreaterThanOrEqual(folded.get(e.from)!);
          }
        }
      }
    }
  });

  test("wrap(text, max) breaks between words and keeps every word", async () => {
    const {wrap} = await load("effectScheme");
    const lines: string[] = wrap("Kans op uitstroom naar (deeltijd)werk, opleiding, vrijwilligerswerk", 20);
    expect(lines.join(" ")).toBe("Kans op uitstroom naar (deeltijd)werk, opleiding, vrijwilligerswerk");
    expect(lines.every((l) => l.length <= 20 || !l.includes(" "))).toBe(true);
  });
});

describe("controls overrideFor(leaf, shown)", () => {
  test("reads fractions in percent and scales a series as a whole, keeping its profile", async () => {
    const {overrideFor} = await load("controls");
    const scalar = {unit: "fraction", leaf: {value: 0.04}};
    expect(overrideFor(scalar, 6)).toBeCloseTo(0.06, 12);
    const series = {unit: "fraction", leaf: {value: [0.02, 0.04, 0.04]}};
    const out = overrideFor(series, 8);
    expect(out.map((x: number) => Number(x.toFixed(12)))).toEqual([0.04, 0.08, 0.08]);
    expect(overrideFor({unit: "€/jaar", leaf: {value: 9000}}, 7000)).toBe(7000);
  });
});

describe("scenarioRows(results, scope) and costBenefitRows(summary)", () => {
  const model = loadStudy("data/studies/zoetermeer/investering-per-deelnemer.yaml");

  test("seed 000 §6.2: 5 % more outflow to unsubsidised work adds € 115.000 to the gemeente's saldo", async () => {
    const {scenarioRows} = await load("scenarios");
    const rows = scenarioRows(runScenarios(model), "traject");
    expect(rows.map((r: Any) => r.id)).toEqual(["basis", "ook_regulier_werk"]);
    expect(rows[1].saldoGemeente - rows[0].saldoGemeente).toBeCloseTo(115000, 6);
  });

  test("on every study's model and intervention, the rows of runScenariosFor(scope) are those of runScenarios for that scope (also on top of moved inputs)", async () => {
    const {scenarioRows} = await load("scenarios");
    const models = readdirSync("data/studies").map((study) => `data/studies/${study}/model.yaml`).filter((file) => existsSync(file));
    expect(models.length).toBeGreaterThan(0);
    let compared = 0;
    for (const file of models) {
      const m = loadStudy(file);
      if (!m.file.scenarios.length) continue;
      // A moved input under the scenarios: the first parameter at 1,1 times its value.
      const leaf = [...m.nodes.values()].find((n) => n.leaf && typeof n.leaf.value === "number" && n.leaf.value !== 0);
      const bases = [{}, leaf ? {[leaf.name]: (leaf.leaf!.value as number) * 1.1} : {}];
      for (const base of bases) {
        const all = runScenarios(m, base);
        for (const iv of m.file.interventions) {
          expect(scenarioRows(runScenariosFor(m, iv.id, base), iv.id), `${file} ${iv.id}`).toEqual(scenarioRows(all, iv.id));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  test("cost rows add up to the summary's costs; immaterial benefit posts are their own kind", async () => {
    const {costBenefitRows} = await load("costBenefit");
    const zoetermeer = loadStudy("data/studies/zoetermeer/model.yaml");
    const s = summarize(evaluate(zoetermeer), "vh");
    const rows = costBenefitRows(s);
    const costs = rows.filter((r: Any) => r.kind === "cost").reduce((a: number, r: Any) => a + r.amount, 0);
    expect(costs).toBeCloseTo(s.costs, 6);
    const immaterial = rows.filter((r: Any) => r.kind === "immaterial").map((r: Any) => r.post);
    expect(immaterial).toEqual(zoetermeer.file.posts.filter((p) => p.side === "benefit" && p.nature === "immaterial").map((p) => p.id));
    expect(rows.filter((r: Any) => r.kind === "immaterial").reduce((a: number, r: Any) => a + r.amount, 0)).toBeCloseTo(s.benefits - s.financialBenefits, 6);
  });
});

describe("checks verdictCounts(checks)", () => {
  test("counts every verdict, zero for absent ones", async () => {
    const {verdictCounts} = await load("checks");
    expect(verdictCounts([{verdict: "match"}, {verdict: "match"}, {verdict: "model-gap"}])).toEqual({match: 2, close: 0, "report-inconsistent": 0, "model-gap": 1, fail: 0});
  });
});

describe("checks formatCheckValue(value, unit, decimals): the reproduction page shows each value with its unit (formatQuantity)", () => {
  const NBSP = "\u00a0";
  test("a percentage is not multiplied by 100, € miljoen and per-units stay", async () => {
    const {formatCheckValue} = await load("checks");
    expect(formatCheckValue(11, "%", 0)).toBe("11%");
    expect(formatCheckValue(0.0889, "fraction", 3)).toBe("8,9%");
    expect(formatCheckValue(0.09, "fraction", 2)).toBe("9%");
    expect(formatCheckValue(250, "€ miljoen/jaar", 0)).toBe(`€${NBSP}250 miljoen per jaar`);
    expect(formatCheckValue(7931, "€/cliënt", 0)).toBe(`€${NBSP}7.931 per cliënt`);
    expect(formatCheckValue(1310, "€/persoon/jaar", -1)).toBe(`€${NBSP}1.310 per persoon per jaar`);
    expect(formatCheckValue(null, "€", 0)).toBe("—");
  });
  test("every unit used in a study's printed.yaml is known to formatQuantity", async () => {
    const {formatCheckValue} = await load("checks");
    const {readAllPrinted} = await import("../../lib/io/printed-file.js");
    for (const {printed} of readAllPrinted()) for (const f of printed.figures) expect(() => formatCheckValue(f.printed, f.unit, f.decimals), `${f.id}: ${f.unit}`).not.toThrow();
  });
});
