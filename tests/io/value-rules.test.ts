// Issue 17 (no wrong number, round two): what a model file, a scenario and the YAML itself may hold.
// Each rule is refused at load with `file:line: field`, through lib/io, so that `check` and every
// command see the same refusal.
import {describe, expect, it} from "vitest";
import {compileModelText, InputError} from "../../lib/io/model-file.js";
import {noKengetallen} from "../model/helpers.js";

// A valid model; each case below changes lines. Line numbers matter.
const base = `id: m
title: M
priceYear: 2020
horizon: 3
posts:
  - {id: kosten, label: Kosten, side: cost}
  - {id: baten, label: Baten, side: benefit}
parameters:
  - {id: loon, label: Loon, value: 22500, unit: "€/jaar", assumption: test}
interventions:
  - id: iv
    label: IV
    participants: deelnemers
    parameters:
      - {id: deelnemers, label: Deelnemers, value: 10, unit: personen, assumption: test}
      - {id: aandeel, label: Aandeel, value: [0.2, 0.3], unit: fraction, assumption: test}
    flows:
      - {id: f, label: F, post: baten, actor: gemeente, effect: benefit, amount: "deelnemers * aandeel * loon"}
      - {id: k, label: K, post: kosten, actor: gemeente, effect: cost, amount: "once(deelnemers * 1000)"}
scenarios:
  - {id: hoog, label: Hoog, set: {loon: 25000}}
`;
const load = (text: string) => compileModelText(text, "m.yaml", noKengetallen);
const refusal = (text: string): string => {
  try {
    load(text);
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  throw new Error("expected the model to be refused");
};
const withLoon = (extra: string) => base.replace('assumption: test}\ninterventions', `assumption: test, ${extra}}\ninterventions`);

describe("issue 17 case 2: a range, triangular or PERT uncertainty holds the value (as for kengetallen)", () => {
  it("the base model loads", () => {
    expect(load(base).warnings).toEqual([]);
    expect(load(withLoon("uncertainty: {type: range, low: 20000, high: 25000}")).warnings).toEqual([]);
  });
  it("a range that does not hold the value is refused at load with file:line: field", () => {
    expect(refusal(withLoon("uncertainty: {type: range, low: 1, high: 2}"))).toMatch(/^m\.yaml:9: parameters\[0\]\.uncertainty: "loon": expected low <= value <= high \(range\), found 22500 outside \[1, 2\]/);
  });
  it("a triangular or PERT spec with its own mode must still hold the value", () => {
    expect(refusal(withLoon("uncertainty: {type: triangular, low: 1, mode: 1.5, high: 2}"))).toMatch(/^m\.yaml:9: parameters\[0\]\.uncertainty: .*found 22500 outside \[1, 2\]/);
    expect(refusal(withLoon("uncertainty: {type: pert, low: 30000, high: 40000}"))).toMatch(/^m\.yaml:9: parameters\[0\]\.uncertainty: .*outside \[30000, 40000\]/);
  });
});

describe("issue 17 case 3: a control range has min < max and holds the base value, every element of a series", () => {
  it("min >= max is refused", () => {
    expect(refusal(withLoon("control: {min: 300, max: 50}"))).toMatch(/^m\.yaml:9: parameters\[0\]\.control: expected min < max, found min 300 >= max 50/);
    expect(refusal(withLoon("control: {min: 5, max: 5}"))).toMatch(/expected min < max/);
  });
  it("a base value outside [min, max] is refused", () => {
    expect(refusal(withLoon("control: {min: 0, max: 20000}"))).toMatch(/^m\.yaml:9: parameters\[0\]\.control: expected min <= value <= max, found 22500 outside \[0, 20000\]/);
  });
  it("every element of a series must lie in the range", () => {
    const text = base.replace("value: [0.2, 0.3], unit: fraction, assumption: test}", "value: [0.2, 0.3], unit: fraction, assumption: test, control: {min: 0, max: 0.25}}");
    expect(refusal(text)).toMatch(/^m\.yaml:16: interventions\[0\]\.parameters\[1\]\.control: expected min <= value <= max, found 0\.3 \(element 2\) outside \[0, 0\.25\]/);
  });
  it("a range that holds the value loads", () => {
    expect(load(withLoon("control: {min: 0, max: 30000}")).warnings).toEqual([]);
  });
});

describe("issue 17 case 5: counts >= 0, shares within [0, 1], rates > -1, from the file and from a scenario", () => {
  it("a participants count or a personen input below zero is refused", () => {
    expect(refusal(base.replace("value: 10, unit: personen", "value: -100, unit: personen"))).toMatch(/^m\.yaml:15: interventions\[0\]\.parameters\[0\]\.value: "deelnemers" \(unit personen\): expected a number of persons >= 0, found -100/);
  });
  it("a share outside [0, 1] is refused, every element of a series", () => {
    expect(refusal(base.replace("value: [0.2, 0.3], unit: fraction", "value: [0.2, 5], unit: fraction"))).toMatch(/^m\.yaml:16: interventions\[0\]\.parameters\[1\]\.value: "aandeel" \(unit fraction\): expected a share from 0 to 1 .*found 5 \(element 2\)/);
  });
  it("a scenario that sets a count below zero, a share above 1 or a rate at -1 is refused at the scenario", () => {
    expect(refusal(base.replace("set: {loon: 25000}", "set: {iv.deelnemers: -5}"))).toMatch(/^m\.yaml:21: scenarios\[0\]\.set\.iv\.deelnemers: scenario "hoog" sets "iv\.deelnemers" \(unit personen\): expected a number of persons >= 0, found -5/);
    expect(refusal(base.replace("set: {loon: 25000}", "set: {iv.aandeel: [0.5, 1.5]}"))).toMatch(/^m\.yaml:21: scenarios\[0\]\.set\.iv\.aandeel: .*found 1\.5 \(element 2\)/);
    expect(refusal(base.replace("set: {loon: 25000}", "set: {discountRate: -1}"))).toMatch(/^m\.yaml:21: scenarios\[0\]\.set\.discountRate: .*greater than -1/);
  });
  it("a post's discount rate must be an input, not a formula (a computed rate could reach -1 unchecked)", () => {
    const text = base
      .replace("  - {id: baten, label: Baten, side: benefit}", "  - {id: baten, label: Baten, side: benefit, discountRate: gezondheid}")
      .replace("interventions:\n", "quantities:\n  - {id: gezondheid, label: G, unit: fraction, formula: \"loon / 10000 - 3\"}\ninterventions:\n");
    expect(refusal(text)).toMatch(/^m\.yaml:7: posts\[1\]\.discountRate: "gezondheid" is a formula, not an input/);
  });
});
