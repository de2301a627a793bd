// Issue 17 case 7: break-even keeps its trial values inside the input's domain (a discount rate lies
// above −1), and a model that cannot be evaluated at a trial value (a rate at −100 %, a negative number
// of participants) means "no value here", not an error of the user's input.
import {describe, expect, it} from "vitest";
import {compileModelText} from "../../lib/io/model-file.js";
import {breakEven} from "../../lib/analysis/breakeven.js";
import {noKengetallen} from "../model/helpers.js";
import {runCli} from "../cli/run.js";
import {tempFiles} from "../temp-files.js";

// € 1.000 paid in year 0, € 2.500 received in year 1: the saldo is zero at a rate of exactly 150 %
// (the internal rate of return, by hand: 2.500 / 2,5 = 1.000). Stepping out from 3 % symmetrically
// reaches rates below −100 % before it reaches 150 %.
const text = `id: m
title: M
priceYear: 2020
horizon: 2
discountRate: 0.03
posts:
  - {id: kosten, label: Kosten, side: cost}
  - {id: baten, label: Baten, side: benefit}
interventions:
  - id: iv
    label: IV
    participants: netto
    parameters:
      - {id: aangemeld, label: Aangemeld, value: 10, unit: personen, assumption: test}
      - {id: uitval, label: Uitval, value: 2, unit: aantal, assumption: test}
    quantities:
      - {id: netto, label: Deelnemers, unit: personen, formula: "aangemeld - uitval"}
    flows:
      - {id: k, label: K, post: kosten, actor: gemeente, effect: cost, amount: "once(1000)"}
      - {id: b, label: B, post: baten, actor: gemeente, effect: benefit, amount: "t == 1 ? 2500 + 1000 * max(0, uitval - 5) : 0"}
`;
const model = compileModelText(text, "m.yaml", noKengetallen);

describe("issue 17 case 7: break-even within the domain", () => {
  it("the discount rate's break-even is the internal rate of return, 150 % (it used to abort: 'discount rate must be greater than -1')", () => {
    const r = breakEven(model, "discountRate");
    expect(r.value).toBeCloseTo(1.5, 9);
    expect(r.metricAtValue).toBe(0);
  });
  it("a negative number of participants at a trial value is 'no value here', not an error", () => {
    // Trial values of uitval above 10 give netto < 0 (NegativeCountError); the search goes on.
    expect(() => breakEven(model, "iv.uitval")).not.toThrow();
  });
  it("`rendement breakeven --parameter discountRate` exits 0 with the break-even", {timeout: 60_000}, async () => {
    const path = tempFiles()("m.yaml", text);
    const r = await runCli(["breakeven", path, "--parameter", "discountRate", "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).overall.value).toBeCloseTo(1.5, 9);
  });
});
