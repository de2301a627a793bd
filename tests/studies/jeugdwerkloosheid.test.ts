// Seed 001 (Meta-analyse MKBA's Jeugdwerkloosheid, Bijlage III): the ten factsheets' cost-benefit
// overviews; factsheet 1 (seed lines 100-260) as a full model of a cohort of 60 participants.
import {beforeAll, describe, expect, it} from "vitest";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {readPrinted, runChecks} from "../../lib/reproduce/run.js";
import {model, studyFiles} from "./helpers.js";

/** The ten factsheet models, factsheet n at index n − 1. */
const factsheetFiles = studyFiles("jeugdwerkloosheid", "fs*.yaml");
const factsheetModel = (n: number) => model(factsheetFiles[n - 1]);
/** Per-participant results of a factsheet, as printed.yaml's `perParticipant: true` divides (1 where the lines are already per participant). */
const factsheetResult = (n: number) => {
  const summary = summarize(evaluate(factsheetModel(n)));
  return {summary, perParticipant: (x: number) => x / (summary.participants ?? 1)};
};

const sheets = factsheetFiles.map((_, i) => i + 1);

// Loading the kengetallen registry takes seconds on a busy machine: do it once, outside the test timeouts.
beforeAll(() => {
  for (const n of sheets) factsheetModel(n);
}, 60_000);

describe("seed 001 model files (data/studies/jeugdwerkloosheid)", () => {
  it("there is one model file per factsheet, ten in all", () => {
    expect(factsheetFiles).toHaveLength(10);
  });
  it.each(sheets)("factsheet %i validates, and its saldo over actors equals the saldo", (n) => {
    const s = summarize(evaluate(factsheetModel(n)));
    expect(s.actors.reduce((a, x) => a + x.saldo, 0)).toBeCloseTo(s.saldo, 6);
  });
  it("financial ratio = (benefits − quality of life) / costs: factsheet 5 (40.560 − 540) / 6.160 = 6,50 keeps crime in", () => {
    const {summary} = factsheetResult(5);
    expect(summary.financialRatio).toBeCloseTo((40560 - 540) / 6160, 9);
    expect(summary.ratio).toBeCloseTo(40560 / 6160, 9);
  });
});

describe("factsheet 1 (Groepstraining) as a cohort model", () => {
  it("costs per participant (78.000 + 12.000 + 8.300) / 60 = 1.638,33 (printed € 1.640); benefits 3.601 (printed € 3.600)", () => {
    const {summary, perParticipant} = factsheetResult(1);
    expect(summary.participants).toBe(60);
    expect(perParticipant(summary.costs)).toBeCloseTo(98300 / 60, 9);
    expect(perParticipant(summary.benefits)).toBeCloseTo(3601, 9);
  });
  it("startkwalificatie benefit = 60 × (1 % + 1,5 %) × 69.680 = 60 × 1.742; with the indirect effect at 0 % it falls to 60 × 696,80", () => {
    const model = factsheetModel(1);
    const line = (o = {}) => summarize(evaluate(model, o)).posts.find((p) => p.post === "startkwalificaties")!.amount;
    expect(line()).toBeCloseTo(60 * 1742, 6);
    expect(line({"groepstraining.indirectStartkwalificatie": 0})).toBeCloseTo(60 * 0.01 * 69680, 6);
  });
  it("gemeente and RMC: costs 60 × 1.500 × (1 − 40 % VSV) = 54.000, benefits 60 × (500 + 452): ratio 1,06 (printed 1,1)", () => {
    const gemeente = factsheetResult(1).summary.actors.find((a) => a.actor === "gemeente")!;
    expect(gemeente.costs).toBeCloseTo(54000, 6);
    expect(gemeente.benefits).toBeCloseTo(60 * 952, 6);
    expect(gemeente.ratio).toBeCloseTo(952 / 900, 9);
  });
  it("the VSV contribution is a transfer: it moves cost from gemeente to Rijk and leaves the saldo unchanged", () => {
    const model = factsheetModel(1);
    const base = summarize(evaluate(model));
    const noVsv = summarize(evaluate(model, {"k.jw_fs1_aandeel_rijk_vsv": 0}));
    expect(noVsv.saldo).toBeCloseTo(base.saldo, 6);
    expect(noVsv.actors.find((a) => a.actor === "gemeente")!.costs).toBeCloseTo(90000, 6);
  });
});

describe("seed 001 reproduction (data/studies/jeugdwerkloosheid/printed.yaml)", () => {
  it("every printed figure matches or has a recorded explanation; factsheet 7's € 400 gap stays visible", async () => {
    const checks = await runChecks({study: "jeugdwerkloosheid"});
    expect(checks).toHaveLength(readPrinted("data/studies/jeugdwerkloosheid/printed.yaml").figures.length);
    expect(checks.filter((c) => c.verdict === "fail").map((c) => c.id)).toEqual([]);
    const fs7 = checks.find((c) => c.id === "fs7_totale_kosten")!;
    expect(fs7.verdict).toBe("report-inconsistent");
    expect(fs7.cause).toBe("fs7_kostenregels");
    // One cause, three figures: the total, the saldo and the societal ratio.
    expect(checks.filter((c) => c.cause === "fs7_kostenregels").map((c) => c.id)).toEqual(["fs7_totale_kosten", "fs7_saldo", "fs7_maatschappelijke_kb"]);
    expect(fs7.difference).toBe(-400);
  });
});
