// Issue 17 case 12: the reason a model gives for its discount rate states the rate it uses. The text
// "standaard reële discontovoet 2,25 %" was attached to models whose rate is 0 (no discountRateSource),
// and the whole-study download then gave a wrong reason.
import {describe, expect, it} from "vitest";
import {compileModelText} from "../../lib/io/model-file.js";
import {loadStudy} from "../../lib/io/study.js";
import {discountRateReason, ratePercentNl} from "../../lib/model/compile.js";
import {noKengetallen} from "./helpers.js";
import {shippedModelFiles} from "../shipped-models.js";

const reasonOf = (node: {leaf?: {source?: unknown; assumption?: string}}): string => (node.leaf?.source as {title?: string} | undefined)?.title ?? node.leaf?.assumption ?? "";
/** Does the text state this rate: "x %" in Dutch notation, or for 0 "niet verdisconteerd"? */
const statesRate = (text: string, rate: number) => text.includes(ratePercentNl(rate)) || (rate === 0 && /niet verdisconteerd/.test(text));

const model = (rate: string) => `id: m
title: M
priceYear: 2020
horizon: 2
${rate}posts:
  - {id: baten, label: Baten, side: benefit}
interventions:
  - id: iv
    label: IV
    flows:
      - {id: b, label: B, post: baten, actor: gemeente, effect: benefit, amount: "yearly(1)"}
`;

describe("issue 17 case 12: the discount rate's reason follows the rate", () => {
  it("without discountRateSource, the default rate is named the standard 2,25 %", () => {
    expect(reasonOf(compileModelText(model(""), "m.yaml", noKengetallen).nodes.get("discountRate")!)).toBe("standaard reële discontovoet 2,25 % (Werkgroep discontovoet 2020)");
  });
  it("without discountRateSource, a rate of 0 or 4 % is stated as it is, never as the standard rate", () => {
    for (const [rate, text] of [["0", "0 %"], ["0.04", "4 %"], ["0.035", "3,5 %"]] as const) {
      const reason = reasonOf(compileModelText(model(`discountRate: ${rate}\n`), "m.yaml", noKengetallen).nodes.get("discountRate")!);
      expect(reason).toBe(discountRateReason(Number(rate)));
      expect(reason).toMatch(new RegExp(`^discontovoet ${text},`));
      expect(reason).not.toMatch(/standaard|2,25/);
    }
  });
  it("every shipped model's reason for its discount rate states the rate it uses", {timeout: 120_000}, () => {
    const wrong: string[] = [];
    for (const file of shippedModelFiles()) {
      const m = loadStudy(file, {onWarning: () => {}});
      const rate = m.file.discountRate;
      const reason = reasonOf(m.nodes.get("discountRate")!);
      if (!statesRate(reason, rate)) wrong.push(`${file}: rate ${rate}, reason "${reason}"`);
    }
    expect(wrong).toEqual([]);
  });
});
