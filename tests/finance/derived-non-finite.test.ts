// Issue 17 case 10: a derived figure (a ratio, cost per participant, cost per QALY) whose denominator
// is tiny but not zero (1e-320) overflows to Infinity. It fails like any other non-finite result
// (NonFiniteError), never shown as "—"/null as if there were no costs; a true zero still means "none".
import {describe, expect, it} from "vitest";
import {compileModelText} from "../../lib/io/model-file.js";
import {evaluate, NonFiniteError} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {noKengetallen} from "../model/helpers.js";
import {runCli} from "../cli/run.js";
import {tempFiles} from "../temp-files.js";

const text = `id: m
title: M
priceYear: 2020
horizon: 2
discountRate: 0
posts:
  - {id: kosten, label: Kosten, side: cost}
  - {id: baten, label: Baten, side: benefit}
  - {id: qol, label: QoL, side: benefit, nature: immaterial}
interventions:
  - id: iv
    label: IV
    participants: deelnemers
    qalys: qaly
    parameters:
      - {id: deelnemers, label: Deelnemers, value: 10, unit: personen, assumption: test}
      - {id: kosten, label: Kosten, value: 1000, unit: "€", assumption: test}
      - {id: baat, label: Baat, value: 500, unit: "€", assumption: test}
      - {id: qalyWinst, label: QALY-winst, value: 0.5, unit: QALY, assumption: test}
    quantities:
      - {id: qaly, label: QALY, unit: QALY, formula: "once(qalyWinst)"}
    flows:
      - {id: k, label: K, post: kosten, actor: gemeente, effect: cost, amount: "once(kosten)"}
      - {id: b, label: B, post: baten, actor: gemeente, effect: benefit, amount: "once(baat)"}
      - {id: q, label: Q, post: qol, actor: deelnemer, effect: benefit, amount: "once(qalyWinst * 50000)"}
`;
const model = compileModelText(text, "m.yaml", noKengetallen);
const thrown = (f: () => unknown): NonFiniteError => {
  try {
    f();
  } catch (e) {
    if (e instanceof NonFiniteError) return e;
    throw e;
  }
  throw new Error("expected a NonFiniteError");
};

describe("issue 17 case 10: non-finite derived figures are errors, a zero denominator is 'none'", () => {
  it("base: ratio 25.500 / 1.000, cost per participant 100, cost per QALY (1.000 − 500) / 0,5 = 1.000 (hand computation)", () => {
    const s = summarize(evaluate(model));
    expect(s.ratio).toBeCloseTo(25.5, 12);
    expect(s.costPerParticipant).toBe(100);
    expect(s.costPerQaly).toBe(1000);
  });
  it("costs of 1e-320 make the ratio infinite: a NonFiniteError naming the ratio and its operands", () => {
    const e = thrown(() => summarize(evaluate(model, {"iv.kosten": 1e-320})));
    // The gemeente's own ratio (benefits 500 against the same costs) is the first to overflow.
    expect(e.quantity).toBe("ratio(gemeente)");
    expect(e.message).toMatch(/^no finite result: ratio\(gemeente\) \(maatschappelijke K\/B-verhouding\) is \+Infinity, formula "benefits \/ costs"; inputs: benefits = 500, costs = 1e-320/);
  });
  it("participants of 1e-320 make cost per participant infinite: an error", () => {
    expect(thrown(() => summarize(evaluate(model, {"iv.deelnemers": 1e-320}))).quantity).toBe("costPerParticipant(total)");
  });
  it("QALYs of 1e-320 make cost per QALY infinite: an error", () => {
    expect(thrown(() => summarize(evaluate(model, {"iv.qalyWinst": 1e-320}))).quantity).toBe("costPerQaly(total)");
  });
  it("a true zero is still 'none' (null, shown as —)", () => {
    const s = summarize(evaluate(model, {"iv.kosten": 0, "iv.deelnemers": 0, "iv.qalyWinst": 0}));
    expect([s.ratio, s.costPerParticipant, s.costPerQaly]).toEqual([null, null, null]);
  });
  it("`rendement evaluate` exits 1 with the message, no figure", {timeout: 60_000}, async () => {
    const path = tempFiles()("m.yaml", text);
    const r = await runCli(["evaluate", path, "--set", "iv.kosten=1e-320"]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^rendement evaluate: no finite result: ratio\(gemeente\)/);
  });
});
