// Seed 004 (Rekenkamercommissie Leiden 2014): Leidse Kracht break-even (Deel B §2.6, seed lines
// 2057-2073), Bijlage B effect estimate (lines 5460-5529), forecast of new target groups (ch. 4-5).
import {beforeAll, describe, expect, it} from "vitest";
import {evaluate, valueOf} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {breakEven} from "../../lib/analysis/breakeven.js";
import {readPrinted, runChecks} from "../../lib/reproduce/run.js";
import {defaultRegistry} from "../../lib/io/study.js";
import {computeFigure, model} from "./helpers.js";

const leidenFiles = {
  leidseKracht: "data/studies/leiden/leidse-kracht.yaml",
  effect: "data/studies/leiden/effect-instrumenten.yaml",
  prognose: "data/studies/leiden/nieuwe-doelgroepen.yaml",
  begroting: "data/studies/leiden/begroting.yaml"
} as const;
const leidenModel = (which: keyof typeof leidenFiles) => model(leidenFiles[which]);
/** The break-even printed.yaml declares for lk_breakeven_maanden (lk.maandenSneller on the gemeente's saldo). */
const leidseKrachtBreakEven = () => computeFigure("leiden", "lk_breakeven_maanden");

// Loading the kengetallen registry takes seconds on a busy machine: do it once, outside the test timeouts.
beforeAll(() => {
  for (const which of Object.keys(leidenFiles) as (keyof typeof leidenFiles)[]) leidenModel(which);
}, 60_000);

const q = (which: keyof typeof leidenFiles, name: string, overrides = {}) => valueOf(evaluate(leidenModel(which), overrides), name) as number;

describe("seed 004 model files (data/studies/leiden)", () => {
  it.each(Object.keys(leidenFiles) as (keyof typeof leidenFiles)[])("%s validates and compiles against the kengetallen registry", (which) => {
    expect(() => leidenModel(which)).not.toThrow();
  });

  it.each(Object.keys(leidenFiles) as (keyof typeof leidenFiles)[])("%s: the saldo over actors equals the saldo", (which) => {
    const s = summarize(evaluate(leidenModel(which)));
    expect(s.actors.reduce((a, x) => a + x.saldo, 0)).toBeCloseTo(s.saldo, 6);
  });
});

describe("Leidse Kracht break-even (§2.6)", () => {
  it("costs € 511.000 + 160 × € 1.800 = € 799.000, i.e. 634 months of the € 1.260 gross benefit", () => {
    expect(q("leidseKracht", "lk.kostenTotaal")).toBe(799_000);
    expect(q("leidseKracht", "lk.brutoUitkering")).toBeCloseTo(1260, 9);
    expect(q("leidseKracht", "lk.maandenUitkering")).toBeCloseTo(799_000 / 1260, 9);
  });

  it("breakEven on the gemeente's saldo gives 799.000 / (160 × 1.260) = 3,96 months (printed 4), equal to the closed form", () => {
    const months = leidseKrachtBreakEven()!;
    expect(months).toBeCloseTo(799_000 / (160 * 1260), 6);
    expect(months).toBeCloseTo(q("leidseKracht", "lk.maandenPerPersoon"), 6);
    expect(Math.round(months)).toBe(4);
    const s = summarize(evaluate(leidenModel("leidseKracht"), {"lk.maandenSneller": months}));
    expect(s.actors.find((a) => a.actor === "gemeente")!.saldo).toBeCloseTo(0, 3);
  });

  it("a higher bonus raises the break-even: every € 100 more per placement needs 100 / 1.260 months more", () => {
    const model = leidenModel("leidseKracht");
    const base = breakEven(model, "lk.maandenSneller", {actor: "gemeente"}).value!;
    const more = breakEven(model, "lk.maandenSneller", {actor: "gemeente", overrides: {"lk.bonusPerPlaatsing": 1900}}).value!;
    expect(more - base).toBeCloseTo(100 / 1260, 6);
  });

  it("placement must follow about half a week after assignment (24,7 − 17,2 − 7); the report's rounded chain says 1 week", () => {
    expect(q("leidseKracht", "lk.plaatsingNaToewijzing")).toBeCloseTo(24.7 - (799_000 / (160 * 1260)) * 52 / 12 - 7, 9);
  });
});

describe("Bijlage B effect estimate", () => {
  it("102/100 × 3 = 3,06 and 561/100 × 11,1 = 62,27: 65,33 more in work after 2 years (printed 65,4 = 3,1 + 62,3)", () => {
    const total = q("effect", "scholing.extraWerkNa2Jaar") + q("effect", "matching.extraWerkNa2Jaar");
    expect(total).toBeCloseTo(65.331, 9);
    expect(Math.round(q("effect", "scholing.extraWerkNa2Jaar") * 10) / 10 + Math.round(q("effect", "matching.extraWerkNa2Jaar") * 10) / 10).toBeCloseTo(65.4, 9);
  });
  it("561 × 4,2 = 2.356,2 months of benefit saved by matching; scholing saves none", () => {
    expect(q("effect", "matching.maandenBespaard")).toBeCloseTo(2356.2, 9);
    expect(q("effect", "scholing.maandenBespaard")).toBe(0);
  });
});

describe("forecast of the new target groups (ch. 4) and placement gap (ch. 5)", () => {
  it("139 × 57 % × 95 % = 75,3 short term; 139 × 94 % × 95 % = 124,1 long term", () => {
    expect(q("prognose", "prognose.wajongProfielKort")).toBeCloseTo(139 * 0.57 * 0.95, 9);
    expect(q("prognose", "prognose.wajongProfielLang")).toBeCloseTo(139 * 0.94 * 0.95, 9);
  });
  it("placement gap: 135,3 − 40 % × 135,3 − 15 − 15 = 51,2 ('ruim 50')", () => {
    const group = q("prognose", "prognose.nieuweDoelgroepKort");
    expect(q("prognose", "prognose.restgroep")).toBeCloseTo(group * 0.6 - 30, 9);
    expect(q("prognose", "prognose.restgroep")).toBeGreaterThan(50);
  });
});

describe("budget Tabel 2.1", () => {
  it("the eleven budget lines add up to the printed column totals (k.leiden_begroting_totaal_<year>) in every year 2014-2018", () => {
    const e = evaluate(leidenModel("begroting"));
    const totals = valueOf(e, "begroting.totaal") as Float64Array;
    const printed = [2014, 2015, 2016, 2017, 2018].map((y) => defaultRegistry().get(`leiden_begroting_totaal_${y}`).value);
    totals.forEach((v, t) => expect(v).toBeCloseTo(printed[t], 3));
  });
  it("Leidse Kracht is 0,8 / (26,2 − 17,4 − 1,4 − 0,3) = 11,3 % of the budget apart from Wsw and beschut werken in 2015", () => {
    const share = valueOf(evaluate(leidenModel("begroting")), "begroting.aandeelLeidseKracht") as Float64Array;
    expect(share[1]).toBeCloseTo(0.8 / 7.1, 9);
  });
});

describe("seed 004 reproduction (data/studies/leiden/printed.yaml)", () => {
  it("every printed figure matches or has a recorded explanation", async () => {
    const checks = await runChecks({study: "leiden"});
    expect(checks.length).toBe(readPrinted("data/studies/leiden/printed.yaml").figures.length);
    expect(checks.filter((c) => c.verdict === "fail").map((c) => c.id)).toEqual([]);
  });
});
