import {describe, expect, it} from "vitest";
import {interventionRoles} from "../../lib/analysis/roles.js";
import {municipalityLimits, municipalityResults, PARTICIPANTS_MAX, PARTICIPANTS_MIN, roleControlRanges} from "../../lib/analysis/municipality.js";
import {compileModelText} from "../../lib/io/model-file.js";
import {noKengetallen} from "../model/helpers.js";

// One year, no discounting: the gemeente pays n × kosten and saves n × effect × uitkering; the
// participant gains n × effect × 1000 (hand-computable).
const text = `
id: g
title: Gemeente
priceYear: 2020
horizon: 1
discountRate: 0
posts:
  - {id: k, label: Kosten, side: cost}
  - {id: b, label: Baten, side: benefit}
roles:
  participants: n
  benefitLevel: uitkering
  costPerParticipant: kosten
  effect: effect
interventions:
  - id: iv
    label: Interventie
    parameters:
      - {id: n, label: Deelnemers, value: 40, unit: personen, assumption: t, control: {min: 10, max: 100, step: 1}}
      - {id: uitkering, label: Uitkering, value: 15000, unit: "€/jaar", assumption: t}
      - {id: kosten, label: Kosten per deelnemer, value: 2000, unit: "€/persoon", assumption: t, control: {min: 500, max: 5000, step: 100}}
      - {id: effect, label: Netto-effect, value: 0.1, unit: fraction, assumption: t, control: {min: 0, max: 0.12, step: 0.01}, uncertainty: {type: range, low: 0.05, high: 0.15}}
    flows:
      - {id: kosten, label: Kosten, post: k, actor: gemeente, effect: cost, amount: "once(n * kosten)"}
      - {id: uitkering, label: Bespaarde uitkering, post: b, actor: gemeente, effect: benefit, amount: "once(n * effect * uitkering)"}
      - {id: inkomen, label: Inkomen, post: b, actor: deelnemer, effect: benefit, amount: "once(n * effect * 1000)"}
`;
const model = compileModelText(text, "gemeente.yaml", noKengetallen);
const [roles] = interventionRoles(model);

describe("Uw gemeente: box ranges in model units", () => {
  it("participants run from a group of 20 to 1.000.000 on a log scale; the effect's range holds its evidence range; a role without control gets 0 to 4 × its value", () => {
    const r = roleControlRanges(model, roles);
    expect(r["iv.n"]).toEqual({min: PARTICIPANTS_MIN, max: PARTICIPANTS_MAX, step: 1, scale: "log"});
    // control 0 … 0,12 widened to the uncertainty range 0,05 … 0,15
    expect(r["iv.effect"]).toEqual({min: 0, max: 0.15, step: 0.01});
    expect(r["iv.kosten"]).toEqual({min: 500, max: 5000, step: 100});
    expect(r["iv.uitkering"]).toEqual({min: 0, max: 60000});
  });
});

describe("Uw gemeente: results at the municipality's inputs", () => {
  it("20 participants: per actor by hand (gemeente 20·0,1·15.000 − 20·2.000 = −10.000; deelnemer 20·0,1·1.000 = 2.000)", () => {
    const r = municipalityResults(model, roles, {"iv.n": 20}, {payback: {extendYears: 0}});
    const by = Object.fromEntries(r.actors.map((a) => [a.actor, a]));
    expect(by.gemeente.saldo).toBeCloseTo(20 * 0.1 * 15000 - 20 * 2000, 9);
    expect(by.deelnemer.saldo).toBeCloseTo(2000, 9);
    expect(r.total.saldo).toBeCloseTo(-8000, 9);
    expect(r.total.saldo).toBeCloseTo(r.actors.reduce((s, a) => s + a.saldo, 0), 9);
    // One year with a negative net flow: not paid back within the horizon.
    expect(by.gemeente.payback?.years).toBeNull();
    expect(by.gemeente.paybackText).toBe("niet terugverdiend binnen de horizon (1 jaar)");
  });
  it("without a payback rule there is no payback", () => {
    const r = municipalityResults(model, roles, {});
    expect(r.total.payback).toBeNull();
    expect(r.actors.every((a) => a.payback === null)).toBe(true);
  });
  it("the uncertainty: the saldo with the effect at 0,05 and 0,15 (20 × e × 16.000 − 20 × kosten); whether it crosses zero", () => {
    const r = municipalityResults(model, roles, {"iv.n": 20});
    expect(r.effectRange).not.toBeNull();
    expect(r.effectRange!.low).toBe(0.05);
    expect(r.effectRange!.high).toBe(0.15);
    expect(r.effectRange!.saldoLow).toBeCloseTo(20 * 0.05 * 16000 - 40000, 9);
    expect(r.effectRange!.saldoHigh).toBeCloseTo(20 * 0.15 * 16000 - 40000, 9);
    // −24.000 … 8.000
    expect(r.effectRange!.crossesZero).toBe(true);
    const cheap = municipalityResults(model, roles, {"iv.n": 20, "iv.kosten": 500});
    // 20·0,05·16.000 − 10.000 = 6.000; 20·0,15·16.000 − 10.000 = 38.000
    expect(cheap.effectRange!.saldoLow).toBeCloseTo(6000, 9);
    expect(cheap.effectRange!.crossesZero).toBe(false);
  });
  it("limits: all four roles present and an effect range → complete; a missing role is named in Dutch", () => {
    expect(municipalityLimits(roles)).toEqual({complete: true, lines: []});
    const m2 = compileModelText(text.replace("  benefitLevel: uitkering", '  benefitLevel: {missing: "Geen uitkering in dit model."}'), "g2.yaml", noKengetallen);
    expect(municipalityLimits(interventionRoles(m2)[0])).toEqual({complete: false, lines: ["Geen uitkering in dit model."]});
  });
});
