import {describe, expect, it} from "vitest";
import {bandwidth, conclusionSentence, conclusionVerdict, decidingInputs, VERDICT_TEXT} from "../../lib/analysis/conclusion.js";
import {oneWay} from "../../lib/analysis/sensitivity.js";
import {psa} from "../../lib/analysis/psa.js";
import {compileModelText} from "../../lib/io/model-file.js";
import {noKengetallen} from "../model/helpers.js";

const nb = "\u00A0";
describe("the conclusion in plain Dutch: a saldo whose bandwidth crosses zero is uncertain, not positive", () => {
  it("interval above zero: positive, and it stays so within the 90 % interval", () => {
    const s = conclusionSentence({saldo: 1000, interval: {low: 200, high: 1800, basis: "montecarlo"}});
    expect(s).toBe(`Voor de samenleving: de baten zijn €${nb}1.000 hoger dan de kosten, en dat blijft zo binnen het 90${nb}%-interval van de onzekerheidsanalyse (€${nb}200 tot €${nb}1.800).`);
  });
  it("interval below zero, tornado basis, another actor", () => {
    expect(conclusionSentence({saldo: -5, who: "de gemeente", interval: {low: -9, high: -1, basis: "tornado"}})).toBe(
      `Voor de gemeente: de kosten zijn €${nb}5 hoger dan de baten, en dat blijft zo binnen de bandbreedte van de gevoeligheidsanalyse (€${nb}-9 tot €${nb}-1).`
    );
  });
  it("interval crossing zero: in balance within the uncertainty, naming the deciding inputs (at most three)", () => {
    const s = conclusionSentence({saldo: 2_219_453, interval: {low: -150_000, high: 4_100_000, basis: "montecarlo"}, deciding: ["Aantal deelnemers", "QALY-waarde", "WA: netto-effect", "vierde"]});
    expect(s).toBe(`Voor de samenleving: de baten zijn €${nb}2.219.453 hoger dan de kosten, maar het 90${nb}%-interval van de onzekerheidsanalyse loopt van €${nb}-150.000 tot €${nb}4.100.000: baten en kosten zijn binnen de onzekerheid in evenwicht, het saldo is onzeker. Doorslaggevend zijn aantal deelnemers, QALY-waarde en WA: netto-effect.`);
    expect(conclusionSentence({saldo: -1, interval: {low: -2, high: 0, basis: "tornado"}, deciding: ["Effect"]})).toMatch(/in evenwicht.*Doorslaggevend is effect\.$/);
  });
  it("no bandwidth: the sign, saying the uncertainty is not known", () => {
    expect(conclusionSentence({saldo: 0})).toMatch(/baten en kosten zijn even groot; hoe onzeker dat is, is niet bekend/);
  });
  it("from a model: the tornado's range and the inputs whose ends straddle zero; the Monte Carlo's 5–95 % when there is one", () => {
    const m = compileModelText(
      `id: c\ntitle: C\npriceYear: 2020\nhorizon: 1\ndiscountRate: 0\nposts:\n  - {id: b, label: B, side: benefit}\nparameters:\n  - {id: x, label: Effect, value: 10, unit: "€", assumption: t, uncertainty: {type: range, low: -20, high: 30}}\n  - {id: y, label: Klein, value: 1, unit: "€", assumption: t, uncertainty: {type: range, low: 0, high: 2}}\ninterventions:\n  - id: iv\n    label: I\n    flows:\n      - {id: f, label: F, post: b, actor: gemeente, effect: benefit, amount: "once(x + y)"}\n`,
      "c.yaml",
      noKengetallen
    );
    const t = oneWay(m).overall;
    expect(bandwidth(null, t)).toEqual({low: -19, high: 31, basis: "tornado"});
    expect(decidingInputs(t)).toEqual(["Effect"]);
    const p = psa(m, {draws: 2000, seed: 1});
    expect(bandwidth(p.saldo, t)).toEqual({low: p.saldo.percentiles.p5, high: p.saldo.percentiles.p95, basis: "montecarlo"});
    expect(conclusionSentence({saldo: 11, interval: bandwidth(null, t), deciding: decidingInputs(t)})).toMatch(/in evenwicht.*Doorslaggevend is effect\./);
  });
});

describe("the verdict in one word (the comparison page's column) follows the sentence's rule", () => {
  it("for intervals around zero, touching it, on either side, and none: in balance exactly when the sentence says so", () => {
    const cases: [number, number][] = [[1, 2], [-2, -1], [-1, 1], [0, 1], [-1, 0], [0, 0], [1e-9, 3], [-3, -1e-9]];
    for (const [low, high] of cases) {
      const interval = {low, high, basis: "tornado" as const};
      const v = conclusionVerdict(interval);
      const sentence = conclusionSentence({saldo: (low + high) / 2, interval});
      expect(v === "onzeker", `${low}..${high}`).toBe(sentence.includes("in evenwicht"));
      expect(v).toBe(low > 0 ? "positief" : high < 0 ? "negatief" : "onzeker");
    }
    expect(conclusionVerdict(null)).toBe("onbekend");
    expect(conclusionSentence({saldo: 3})).toContain("niet bekend");
    expect(VERDICT_TEXT.onzeker).toBe("in evenwicht binnen de onzekerheid");
  });
});
