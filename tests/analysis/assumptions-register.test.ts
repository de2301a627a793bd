import {describe, expect, it} from "vitest";
import {readdirSync} from "node:fs";
import {assumptionsRegister} from "../../lib/analysis/assumptions-register.js";
import {compileModelText} from "../../lib/io/model-file.js";
import {loadStudy} from "../../lib/io/study.js";
import {readAssumptions} from "../../lib/io/assumptions.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {noKengetallen} from "../model/helpers.js";
import {runCli} from "../cli/run.js";

const text = `
id: reg
title: Registertest
priceYear: 2020
horizon: 1
discountRate: 0
posts:
  - {id: baten, label: Baten, side: benefit}
  - {id: kosten, label: Kosten, side: cost}
parameters:
  - {id: baat, label: Baat, value: 60, unit: "€", source: {title: Rapport, table: "2.1"}, uncertainty: {type: range, low: 0, high: 100}}
  - {id: kosten, label: Kosten, value: 50, unit: "€", assumption: "geschat", control: {min: 40, max: 55}}
  - {id: klein, label: Klein, value: 1, unit: "€", assumption: "klein", uncertainty: {type: normal, sd: 0.5}}
  - {id: los, label: Zonder bereik, value: 3, unit: "€", assumption: "zonder bereik"}
interventions:
  - id: iv
    label: Interventie
    flows:
      - {id: b, label: Baat, post: baten, actor: gemeente, effect: benefit, amount: "once(baat + klein + los)"}
      - {id: k, label: Kosten, post: kosten, actor: gemeente, effect: cost, amount: "once(kosten)"}
`;
const model = compileModelText(text, "reg.yaml", noKengetallen);

describe("assumptions register: every input with value, origin, range and influence, ranked by influence", () => {
  const r = assumptionsRegister(model);
  const row = (n: string) => r.rows.find((x) => x.input === n)!;
  it("one row per input; ranked by swing, inputs without a range last", () => {
    expect(r.rows.map((x) => x.input)).toEqual(["baat", "kosten", "klein", "discountRate", "los"]);
    expect(row("los").range).toBeNull();
    expect(row("los").influence).toBeNull();
  }, 60_000);
  it("range: the uncertainty spec, else the control range; origin: source or assumption with its text", () => {
    expect(row("baat")).toMatchObject({origin: "source", text: "Rapport, tabel 2.1", range: {low: 0, high: 100, basis: "uncertainty", type: "range"}});
    expect(row("kosten")).toMatchObject({origin: "assumption", text: "geschat", range: {low: 40, high: 55, basis: "control"}});
    expect(row("klein").range!.basis).toBe("uncertainty");
  }, 60_000);
  it("influence by hand: saldo = baat + 1 + 3 − kosten; baat 0…100 gives −46…54 (swing 100, the sign flips); kosten 40…55 gives 24…9 (no flip)", () => {
    expect(r.baseSaldo).toBe(14);
    expect(row("baat").influence).toEqual({saldoLow: -46, saldoHigh: 54, swing: 100, signFlips: true});
    expect(row("kosten").influence).toEqual({saldoLow: 24, saldoHigh: 9, swing: 15, signFlips: false});
  }, 60_000);
  it("each influence equals a separate evaluation with that one input at its end", () => {
    const zoetermeer = loadStudy("data/studies/zoetermeer/model.yaml", {onWarning: () => {}});
    const reg = assumptionsRegister(zoetermeer);
    const top = reg.rows[0];
    expect(top.influence!.swing).toBeGreaterThanOrEqual(reg.rows[1].influence!.swing);
    if (typeof top.value === "number") expect(top.influence!.saldoLow).toBe(summarize(evaluate(zoetermeer, {[top.input]: top.range!.low})).saldo);
  }, 60_000);
  it("a hand-written register merges in: each entry joins the rows of the inputs it affects; the rest is listed apart", () => {
    const zoetermeer = loadStudy("data/studies/zoetermeer/model.yaml", {onWarning: () => {}});
    const hand = readAssumptions("data/studies/zoetermeer/assumptions.yaml");
    const reg = assumptionsRegister(zoetermeer, hand);
    const leaves = new Set(zoetermeer.leaves.map((l) => l.name));
    for (const a of hand.assumptions) {
      const hits = a.affects.filter((n) => leaves.has(n));
      for (const n of hits) expect(reg.rows.find((x) => x.input === n)!.register.map((e) => e.id)).toContain(a.id);
      if (!hits.length) expect(reg.other.map((o) => o.id)).toContain(a.id);
    }
  }, 60_000);
});

describe("rendement check --assumptions", () => {
  it("prints the register of every model of a study folder (--json), and the table", async () => {
    for (const study of readdirSync("data/studies").slice(0, 2)) {
      const r = await runCli(["check", "--assumptions", `data/studies/${study}`, "--json"]);
      expect(r.code).toBe(0);
      const regs = JSON.parse(r.out);
      expect(regs.length).toBeGreaterThan(0);
      for (const reg of regs) expect(reg.rows.length).toBeGreaterThan(0);
    }
    const t = await runCli(["check", "--assumptions", "data/studies/zoetermeer"]);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/gerangschikt naar invloed/);
    expect(t.out).toMatch(/register: /);
  }, 120_000);
  it("a path that is neither a study folder nor a model file: exit 2, one line", async () => {
    const r = await runCli(["check", "--assumptions", "data/bestaat-niet"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/rendement check: data\/bestaat-niet: no such study folder or model file/);
  }, 60_000);
});
