// Issue 17 case 5: counts, shares and rates from the command line (`--set` as a number, a percentage,
// a series or `@file.json#field`) and from a formula: the refusal names the option; exit code 2.
import {describe, expect, it} from "vitest";
import {runCli} from "./run.js";
import {tempFiles} from "../temp-files.js";

const file = tempFiles();
const model = file(
  "m.yaml",
  `id: m
title: M
priceYear: 2020
horizon: 3
discountRate: 0.03
posts:
  - {id: kosten, label: Kosten, side: cost}
  - {id: baten, label: Baten, side: benefit}
parameters:
  - {id: loon, label: Loon, value: 22500, unit: "€/jaar", assumption: test}
  - {id: belastingTarief, label: Belasting, value: 0.2, unit: fraction, assumption: test}
interventions:
  - id: iv
    label: IV
    participants: deelnemers
    parameters:
      - {id: deelnemers, label: Deelnemers, value: 10, unit: personen, assumption: test}
    quantities:
      - {id: werkend, label: Werkend, unit: personen, formula: "deelnemers / 2"}
    flows:
      - {id: f, label: F, post: baten, actor: gemeente, effect: benefit, amount: "yearly(werkend * loon * belastingTarief)"}
      - {id: k, label: K, post: kosten, actor: gemeente, effect: cost, amount: "once(deelnemers * 1000)"}
  - id: groep
    label: Groep
    participants: netto
    parameters:
      - {id: aangemeld, label: Aangemeld, value: 10, unit: personen, assumption: test}
      - {id: uitval, label: Uitval, value: 2, unit: aantal, assumption: test}
    quantities:
      - {id: netto, label: Deelnemers, unit: personen, formula: "aangemeld - uitval"}
    flows:
      - {id: k, label: K, post: kosten, actor: gemeente, effect: cost, amount: "once(netto * 1000)"}
`
);
const five = file("five.json", JSON.stringify({five: 5, rates: [0.1, 0.2]}));

describe("issue 17 case 5: --set keeps counts >= 0, shares within [0, 1] and rates > -1", () => {
  it("a negative number of participants is refused, naming the option (it used to print negative costs with a positive cost per participant)", {timeout: 60_000}, async () => {
    const r = await runCli(["evaluate", model, "--set", "iv.deelnemers=-100"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("rendement evaluate: --set iv.deelnemers=-100: iv.deelnemers has unit personen; expected a number of persons >= 0, found -100");
  });
  it("a share written as a percentage above 100 % is refused", {timeout: 60_000}, async () => {
    const r = await runCli(["evaluate", model, "--set", "belastingTarief=150%"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^rendement evaluate: --set belastingTarief=150%: belastingTarief has unit fraction; expected a share from 0 to 1 .*found 1\.5$/);
  });
  it("a share read from a JSON file is checked like any other value (it used to make a tax rate of 500 %)", {timeout: 60_000}, async () => {
    const r = await runCli(["evaluate", model, "--set", `belastingTarief=@${five}#five`]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--set belastingTarief=@.*five\.json#five: belastingTarief has unit fraction; expected a share from 0 to 1 .*found 5$/);
  });
  it("a discount rate at or below -100 % is refused; outside 0–10 % it is used with a warning", {timeout: 60_000}, async () => {
    const refused = await runCli(["evaluate", model, "--set", "discountRate=-100%"]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--set discountRate=-100%: discountRate has unit fraction \(a discount rate\); expected a discount rate greater than -1/);
    const warned = await runCli(["evaluate", model, "--set", "discountRate=150%", "--json"]);
    expect(warned.code).toBe(0);
    expect(warned.err).toMatch(/^warning: --set discountRate=150%: the discount rate is 1\.5 \(150 %\), outside 0–10 %/);
    expect(JSON.parse(warned.out).total.discountRate).toBe(1.5);
  });
  it("participants computed by a formula must not fall below zero either (exit 2, naming the inputs set)", {timeout: 60_000}, async () => {
    const r = await runCli(["evaluate", model, "--set", "groep.uitval=25"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^rendement evaluate: the participants of "groep" \(netto\) number -15; a number of participants must be >= 0 \(with groep\.uitval = 25\)$/);
  });
});
