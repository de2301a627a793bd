import {describe, expect, it} from "vitest";
import {oneWay, sensitivityInputs} from "../../lib/analysis/sensitivity.js";
import {Z975} from "../../lib/analysis/distributions.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize, summarizeAll} from "../../lib/finance/summary.js";
import {loadFixture} from "../model/helpers.js";

const model = loadFixture("tests/fixtures/model-linear.yaml");
const result = oneWay(model);

describe("oneWay on tests/fixtures/model-linear.yaml", () => {
  it("varies every leaf with an uncertainty other than fixed, and only those", () => {
    expect(result.inputs.map((i) => i.name).sort()).toEqual(["a.begeleiding", "a.kostenPerDeelnemer", "a.loon", "a.uitkering", "a.zorg", "b.aandeel", "b.kosten", "qalyWaarde", "qolRate"]);
    expect(result.evaluations).toBe(1 + 2 * 9);
  });
  it("the tornado's low/high bars equal separate evaluations of the model", () => {
    for (const bar of result.overall.bars) {
      const input = result.inputs.find((i) => i.name === bar.input)!;
      const lo = summarize(evaluate(model, {[bar.input]: input.lowValue}));
      const hi = summarize(evaluate(model, {[bar.input]: input.highValue}));
      expect(bar.saldoLow).toBe(lo.saldo);
      expect(bar.saldoHigh).toBe(hi.saldo);
      expect(bar.ratioLow).toBe(lo.ratio);
      expect(bar.ratioHigh).toBe(hi.ratio);
    }
    for (const t of result.actors) {
      for (const bar of t.bars) {
        const input = result.inputs.find((i) => i.name === bar.input)!;
        const lo = summarize(evaluate(model, {[bar.input]: input.lowValue})).actors.find((a) => a.actor === t.scope);
        expect(bar.saldoLow).toBe(lo?.saldo ?? 0);
      }
    }
    for (const t of result.interventions) {
      for (const bar of t.bars) {
        const input = result.inputs.find((i) => i.name === bar.input)!;
        const hi = summarizeAll(evaluate(model, {[bar.input]: input.highValue})).interventions.find((s) => s.scope === t.scope)!;
        expect(bar.saldoHigh).toBe(hi.saldo);
      }
    }
  });
  it("a normal input is varied over value ± 1.96 sd: cost per participant 6000 ± 1960 changes the saldo by 100 × 1960 in year 0", () => {
    const bar = result.overall.bars.find((b) => b.input === "a.kostenPerDeelnemer")!;
    expect(bar.low).toBeCloseTo(6000 - 1000 * Z975, 8);
    expect(bar.saldoLow - result.overall.baseSaldo).toBeCloseTo(100 * 1000 * Z975, 4);
    expect(bar.saldoHigh - result.overall.baseSaldo).toBeCloseTo(-100 * 1000 * Z975, 4);
  });
  it("bars are sorted by swing |saldo(high) − saldo(low)|, largest first", () => {
    for (const t of [result.overall, ...result.actors, ...result.interventions]) {
      for (let i = 1; i < t.bars.length; ++i) expect(t.bars[i - 1].swing).toBeGreaterThanOrEqual(t.bars[i].swing);
    }
    // Largest: cost per participant, swing 2 × 100 × 1.96 × 1000 = € 391.993, before the wage
    // (PERT 15.000–25.000 × 10 workers × 3 years at 3 %: 10.000 × 10 × 2,9135 = € 291.347).
    expect(result.overall.bars[0].input).toBe("a.kostenPerDeelnemer");
    expect(result.overall.bars[0].swing).toBeCloseTo(2 * 100 * 1000 * Z975, 4);
    expect(result.overall.bars[1].input).toBe("a.loon");
    expect(result.overall.bars[1].swing).toBeCloseTo(10_000 * 10 * (1 + 1 / 1.03 + 1 / 1.03 ** 2), 4);
  });
  it("a transfer moves the saldo of two actors but not the total: the benefit (uitkering) has zero swing overall", () => {
    const overall = result.overall.bars.find((b) => b.input === "a.uitkering")!;
    expect(overall.swing).toBeCloseTo(0, 6);
    const gemeente = result.actors.find((t) => t.scope === "gemeente")!.bars.find((b) => b.input === "a.uitkering")!;
    expect(gemeente.swing).toBeGreaterThan(0);
  });
  it("a series leaf is scaled as a whole relative to the mean of its listed values", () => {
    const input = result.inputs.find((i) => i.name === "a.begeleiding")!;
    expect(input.base).toBe(750);
    const m = input.low / 750;
    expect(input.lowValue).toEqual([1000 * m, 500 * m]);
  });
  it("an overridden input is held fixed and not varied", () => {
    expect(sensitivityInputs(model, {overrides: {"a.loon": 18000}}).map((i) => i.name)).not.toContain("a.loon");
  });
  it("with controlRanges, inputs without an uncertainty spec are varied over their slider range (basis control)", () => {
    const m = loadFixture("data/studies/zoetermeer/investering-per-deelnemer.yaml");
    expect(oneWay(m).inputs).toEqual([]);
    const r = oneWay(m, {controlRanges: true});
    const k = r.inputs.find((i) => i.name === "traject.kostenPerDeelnemer")!;
    expect(k).toMatchObject({basis: "control", low: 0, high: 5000});
    // Seed 000, ch. 6: € 1.700 per participant breaks even, so 0 and 5000 give ±(1700 / 3300) × 100 participants.
    const bar = r.overall.bars.find((b) => b.input === "traject.kostenPerDeelnemer")!;
    expect(bar.saldoLow).toBeCloseTo(170_000, 6);
    expect(bar.saldoHigh).toBeCloseTo(170_000 - 500_000, 6);
  });
});

describe("kengetallen converted to the study's price year", () => {
  it("scale their uncertainty bounds with the same CPI factor as their value (range 80–120 at factor 1.1 → 88–132)", async () => {
    const {compileModelText} = await import("../../lib/io/model-file.js");
    const {uncertainInputs} = await import("../../lib/analysis/inputs.js");
    const text = `
id: k
title: Kengetal
priceYear: 2020
horizon: 1
discountRate: 0
posts: [{id: kosten, label: Kosten, side: cost}]
interventions:
  - id: a
    label: A
    flows: [{id: k, label: K, post: kosten, actor: gemeente, effect: cost, amount: "once(k.tarief)"}]
`;
    const context = {
      kengetal: (id: string) => (id === "tarief" ? {id, label: "Tarief", value: 100, unit: "€", priceYear: 2015, uncertainty: {type: "range" as const, low: 80, high: 120}} : undefined),
      priceFactor: () => 1.1
    };
    const m = compileModelText(text, "k.yaml", context);
    const [input] = uncertainInputs(m);
    expect(input.name).toBe("k.tarief");
    expect(input.reference).toBeCloseTo(110, 12);
    expect(input.range.low).toBeCloseTo(88, 12);
    expect(input.range.high).toBeCloseTo(132, 12);
    const r = oneWay(m);
    expect(r.overall.bars[0].saldoLow).toBeCloseTo(-88, 10);
    expect(r.overall.bars[0].saldoHigh).toBeCloseTo(-132, 10);
  });
});
