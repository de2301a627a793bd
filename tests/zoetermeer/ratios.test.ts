// Seed 000 (Zoetermeer MKBA): the printed benefit/cost ratios per intervention and of every scenario
// with a number, at the report's precision (one decimal), and the direction of every scenario.
import {describe, expect, it} from "vitest";
import {actorSaldo, printed1, summary} from "./helpers.js";

describe("Zoetermeer ratios at printed precision (one decimal)", () => {
  it.each([
    ["vh", 1.3, 1.0, "§3.3.2 regel 847-853: 1,3 and financially 'break-even'"],
    ["wa", 0.7, 0.6, "§4.3.2 regel 1480-1486: 0,7 and 0,6"],
    ["nab", 1.6, 1.3, "§5.3.2 regel 2164-2170: 1,6 and 1,3"]
  ] as const)("%s prints as %s (societal) and %s (financial) — %s", (iv, societal, financial, _source) => {
    const s = summary(iv);
    expect(printed1(s.ratio)).toBe(societal);
    expect(printed1(s.financialRatio)).toBe(financial);
  });

  it("the cockpit (three interventions) prints 1,3 societal and 1,0 financial (Bijlage 1, regel 2651-2653)", () => {
    const s = summary("total");
    expect(printed1(s.ratio)).toBe(1.3);
    expect(printed1(s.financialRatio)).toBe(1.0);
  });

  it.each([
    ["vh", "vh_lange_termijn_2", 1.5, "regel 901-905"],
    ["vh", "vh_extrapolatie_min_2", 1.1, "regel 917-921"],
    ["wa", "wa_netto_6", 1.0, "regel 1535-1537"],
    ["wa", "wa_alleen_werkacademie", 0.6, "regel 1563-1565"],
    ["wa", "wa_alleen_klantmanagement", 1.5, "regel 1571-1573"],
    ["nab", "nab_attributie_75", 1.4, "regel 2238-2240"],
    ["nab", "nab_attributie_100", 1.7, "regel 2242-2244"],
    ["nab", "nab_twee_jaar", 1.7, "regel 2256-2258"],
    ["nab", "nab_dagbesteding", 1.7, "regel 2275-2277"]
  ] as const)("%s scenario %s prints as %s (%s)", (iv, scenario, ratio, _source) => {
    expect(printed1(summary(iv, scenario).ratio)).toBe(ratio);
  });
});

describe("Zoetermeer scenario directions (seed 000 §3.3.2, §4.3.2, §5.3.2)", () => {
  const base = {vh: summary("vh"), wa: summary("wa"), nab: summary("nab")};

  it("VH: a lasting 2 % effect raises the ratio and makes the financial ratio positive; the gemeente gains", () => {
    const s = summary("vh", "vh_lange_termijn_2");
    expect(s.ratio!).toBeGreaterThan(base.vh.ratio!);
    expect(s.financialRatio!).toBeGreaterThan(1);
    expect(actorSaldo(s, "gemeente")).toBeGreaterThan(actorSaldo(base.vh, "gemeente"));
  });
  it("VH: 1 point more to school adds about € 0,2 mln, mostly for the participants (regel 909-915)", () => {
    const s = summary("vh", "vh_school_plus_1");
    const extra = s.benefits - base.vh.benefits;
    expect(extra).toBeCloseTo(0.01 * 230 * 70_000, 0);
    const gainDeelnemer = actorSaldo(s, "deelnemer") - actorSaldo(base.vh, "deelnemer");
    const gainGemeente = actorSaldo(s, "gemeente") - actorSaldo(base.vh, "gemeente");
    expect(gainDeelnemer).toBeGreaterThan(gainGemeente);
    expect(gainGemeente).toBeGreaterThan(0);
  });
  it("VH: 2 % lower extrapolation lowers the ratio and costs the gemeente almost € 0,3 mln (regel 919-921)", () => {
    const s = summary("vh", "vh_extrapolatie_min_2");
    expect(s.ratio!).toBeLessThan(base.vh.ratio!);
    const loss = actorSaldo(base.vh, "gemeente") - actorSaldo(s, "gemeente");
    expect(loss).toBeGreaterThan(0.25e6);
    expect(loss).toBeLessThan(0.3e6);
  });
  it("VH: 10 % lower costs raise the societal ratio and bring the financial ratio to break-even or better (regel 923-927)", () => {
    const s = summary("vh", "vh_kosten_min_10");
    expect(s.costs).toBeCloseTo(0.9 * base.vh.costs, 0);
    expect(s.ratio!).toBeGreaterThan(base.vh.ratio!);
    expect(s.financialRatio!).toBeGreaterThanOrEqual(1);
  });
  it("WA: WGSP 25 % cheaper (€ 585) leaves the ratio nearly equal and improves the gemeente by 195 × 385 (regel 1543-1551)", () => {
    const s = summary("wa", "wa_wgsp_min_25");
    expect(Math.abs(s.ratio! - base.wa.ratio!)).toBeLessThan(0.05);
    expect(actorSaldo(s, "gemeente") - actorSaldo(base.wa, "gemeente")).toBeCloseTo((780 - 585) * 385, 6);
  });
  it("WA: scenario 3a leaves the gemeente about € 0,4 mln negative (regel 1565)", () => {
    expect(actorSaldo(summary("wa", "wa_alleen_werkacademie"), "gemeente") / 1e6).toBeCloseTo(-0.4, 1);
  });
  it("WA: only intensive client management (3b) is also financially positive (regel 1575)", () => {
    expect(summary("wa", "wa_alleen_klantmanagement").financialRatio!).toBeGreaterThan(1);
  });
  it("NAB: attribution 75 % leaves the gemeente about € 0,5 mln negative, 100 % about break-even (regel 2236-2244)", () => {
    expect(actorSaldo(summary("nab", "nab_attributie_75"), "gemeente") / 1e6).toBeCloseTo(-0.5, 1);
    expect(Math.abs(actorSaldo(summary("nab", "nab_attributie_100"), "gemeente"))).toBeLessThan(0.1e6);
  });
  it("NAB: 25 % NUG makes the gemeente worse off in favour of the candidates; the societal saldo is unchanged (regel 2246-2250)", () => {
    const s = summary("nab", "nab_nug_25");
    expect(actorSaldo(s, "gemeente")).toBeLessThan(actorSaldo(base.nab, "gemeente"));
    expect(actorSaldo(s, "deelnemer")).toBeGreaterThan(actorSaldo(base.nab, "deelnemer"));
    expect(s.saldo).toBeCloseTo(base.nab.saldo, 2);
  });
  it("NAB: two years of intensive guidance instead of three improves the ratio (regel 2252-2258)", () => {
    expect(summary("nab", "nab_twee_jaar").ratio!).toBeGreaterThan(base.nab.ratio!);
  });
  it("NAB: dagbesteding instead of beschut werk improves the ratio and the gemeente (regel 2263-2279)", () => {
    const s = summary("nab", "nab_dagbesteding");
    expect(s.ratio!).toBeGreaterThan(base.nab.ratio!);
    expect(actorSaldo(s, "gemeente")).toBeGreaterThan(actorSaldo(base.nab, "gemeente"));
  });
  it("the gemeente's saldo is negative for every intervention in the base case (regel 853, 1486, 2170)", () => {
    for (const iv of ["vh", "wa", "nab"] as const) expect(actorSaldo(base[iv], "gemeente")).toBeLessThan(0);
  });
});
