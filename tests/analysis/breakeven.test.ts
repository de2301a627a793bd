import {describe, expect, it} from "vitest";
import {breakEven, breakEvenAll, saldoCurve} from "../../lib/analysis/breakeven.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {loadFixture} from "../model/helpers.js";

const linear = loadFixture("tests/fixtures/model-linear.yaml");
const example = loadFixture("data/studies/zoetermeer/investering-per-deelnemer.yaml");
const saldoAt = (x: number) => summarize(evaluate(linear, {"a.kostenPerDeelnemer": x})).saldo;

describe("break-even is exact to a stated tolerance", () => {
  it("seed 000 ch. 6: the justified investment is € 1.700 per participant (€ 170.000 / 100), to 1e-6", () => {
    const r = breakEven(example, "traject.kostenPerDeelnemer");
    expect(r.value).not.toBeNull();
    expect(Math.abs(r.value! - 1700)).toBeLessThan(1e-6);
    // With 5 % more outflow to unsubsidised work: € 2.850 per participant (€ 285.000 / 100).
    const r2 = breakEven(example, "traject.kostenPerDeelnemer", {overrides: {"traject.kansRegulierWerk": 0.05}});
    expect(Math.abs(r2.value! - 2850)).toBeLessThan(1e-6);
  });
  it("linear model: the break-even cost per participant equals the closed form base + saldo / 100, and the saldo there is ~0 (|saldo| < 1e-6)", () => {
    const base = saldoAt(6000);
    const closedForm = 6000 + base / 100; // the cost is paid in year 0 by 100 participants
    const r = breakEvenAll(linear, "a.kostenPerDeelnemer");
    expect(Math.abs(r.overall.value! - closedForm)).toBeLessThan(1e-6);
    expect(Math.abs(saldoAt(r.overall.value!))).toBeLessThan(1e-6);
    expect(Math.abs(r.overall.metricAtValue!)).toBeLessThan(1e-6);
  });
  it("breakEvenAll: per actor and per intervention, each saldo is zero at its own break-even; a saldo that does not depend on the input has none", () => {
    const r = breakEvenAll(linear, "a.kostenPerDeelnemer");
    const gemeente = r.actors.find((a) => a.actor === "gemeente")!.result;
    expect(gemeente.value).not.toBeNull();
    const at = summarize(evaluate(linear, {"a.kostenPerDeelnemer": gemeente.value!})).actors.find((a) => a.actor === "gemeente")!.saldo;
    expect(Math.abs(at)).toBeLessThan(1e-6);
    const a = r.interventions.find((i) => i.id === "a")!.result;
    expect(Math.abs(summarize(evaluate(linear, {"a.kostenPerDeelnemer": a.value!}), "a").saldo)).toBeLessThan(1e-6);
    const b = r.interventions.find((i) => i.id === "b")!.result;
    // Intervention b's saldo does not involve a's cost per participant at all.
    expect(b.value).toBeNull();
    expect(b.reason).toMatch(/does not depend on this input/);
    const rijk = r.actors.find((x) => x.actor === "rijk")!.result;
    expect(rijk.value).toBeNull();
  });
});

describe("saldoCurve", () => {
  it("gives n evenly spaced points whose saldo equals separate evaluations, and crosses zero at the break-even", () => {
    const c = saldoCurve(linear, "a.kostenPerDeelnemer", 0, 12000, 13);
    expect(c.points.map((p) => p.x)).toEqual(Array.from({length: 13}, (_, i) => i * 1000));
    for (const p of c.points) expect(p.saldo).toBe(saldoAt(p.x));
    const be = breakEven(linear, "a.kostenPerDeelnemer").value!;
    const i = c.points.findIndex((p) => p.saldo < 0);
    expect(c.points[i - 1].x).toBeLessThan(be);
    expect(c.points[i].x).toBeGreaterThan(be);
    expect(Object.keys(c.points[0].interventions)).toEqual(["a", "b"]);
    expect(c.points[0].actors.gemeente).toBe(summarize(evaluate(linear, {"a.kostenPerDeelnemer": 0})).actors.find((a) => a.actor === "gemeente")!.saldo);
  });
  it("refuses a series input and a bad interval", () => {
    expect(() => saldoCurve(linear, "a.begeleiding", 0, 1, 3)).toThrow(/series/);
    expect(() => saldoCurve(linear, "a.kostenPerDeelnemer", 5, 1, 3)).toThrow(/from < to/);
  });
});

describe("breakEvenAll on a saldo that is zero whatever the input", () => {
  it("gives no break-even for an actor whose saldo is zero and independent of the input (not the base value)", () => {
    // tests/fixtures/model-mini.yaml: the employer receives the wage subsidy and pays that wage share: net 0.
    const mini = loadFixture("tests/fixtures/model-mini.yaml");
    const r = breakEvenAll(mini, "iv.loon");
    const werkgever = r.actors.find((a) => a.actor === "werkgever")!.result;
    expect(werkgever.metricAtBase).toBeCloseTo(0, 9);
    expect(werkgever.value).toBeNull();
    expect(werkgever.reason).toMatch(/does not depend on this input|does not change sign/);
  });
  it("seed 000 ch. 6 without volunteering: the chance of subsidised work breaks even at 170.000 / (100 × 14.000) = 0,1214", () => {
    const r = breakEvenAll(example, "traject.kansLks", {overrides: {"traject.kansVrijwilligerswerk": 0}});
    expect(Math.abs(r.overall.value! - 170_000 / 1_400_000)).toBeLessThan(1e-9);
  });
});
