// Issue 11 cases 4, 6 and 9: everything that can be validated at load is refused at load, with the
// file, line and field (through lib/io, so `check` and every command see the same errors).
import {describe, expect, it} from "vitest";
import {compileModelText, InputError} from "../../lib/io/model-file.js";
import {defaultRegistry} from "../../lib/io/study.js";
import {registryContext} from "../../lib/model/context.js";
import {evaluate, OverrideError} from "../../lib/model/evaluate.js";
import {Registry} from "../../lib/kengetallen/registry.js";
import {noKengetallen} from "../model/helpers.js";
import {runCli, tempFiles} from "../temp-files.js";

// A valid model; each case below changes or adds lines. Line numbers matter.
const base = `id: m
title: M
priceYear: 2020
horizon: 3
posts:
  - {id: kosten, label: Kosten, side: cost}
  - {id: baten, label: Baten, side: benefit}
parameters:
  - {id: a, label: A, value: 2, unit: x, assumption: test}
interventions:
  - id: iv
    label: IV
    participants: deelnemers
    qalys: qaly
    parameters:
      - {id: deelnemers, label: Deelnemers, value: 10, unit: personen, assumption: test}
      - {id: reeks, label: Reeks, value: [1, 2, 3], unit: x, assumption: test}
    quantities:
      - {id: qaly, label: QALY, unit: QALY, formula: "yearly(0.1 * deelnemers)"}
    flows:
      - {id: f, label: F, post: baten, actor: gemeente, effect: benefit, amount: "reeks * a"}
scenarios:
  - {id: hoog, label: Hoog, set: {a: 3}}
`;
const load = (text: string, context = noKengetallen) => compileModelText(text, "m.yaml", context);
const refusal = (text: string, context = noKengetallen): string => {
  try {
    load(text, context);
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  throw new Error("expected the model to be refused");
};

describe("validation at load", () => {
  it("the base model loads", () => {
    expect(load(base).warnings).toEqual([]);
  });
  it("case 4: a duplicate scenario id is refused (it used to print one scenario's numbers under the other's label)", () => {
    const text = base + "  - {id: hoog, label: Ook hoog, set: {a: 4}}\n";
    expect(refusal(text)).toBe('m.yaml:24: scenarios[1].id: scenario "hoog" is defined twice (also at scenarios.0)');
  });
  it("duplicate intervention, post, parameter, flow and effect-scheme node ids are refused", () => {
    expect(refusal(base.replace("  - {id: baten,", "  - {id: kosten,"))).toMatch(/^m\.yaml:7: posts\[1\]\.id: post "kosten" is defined twice/);
    const twice = base.replace("scenarios:", "  - {id: iv, label: Weer, flows: [{id: g, label: G, post: baten, actor: rijk, effect: benefit, amount: \"yearly(1)\"}]}\nscenarios:");
    expect(refusal(twice)).toMatch(/^m\.yaml:22: interventions\[1\]\.id: intervention "iv" is defined twice/);
    expect(refusal(base.replace("      - {id: reeks,", "      - {id: deelnemers, label: Weer, value: 1, unit: x, assumption: test}\n      - {id: reeks,"))).toMatch(/^m\.yaml:17: interventions\[0\]\.parameters\[1\]\.id: "deelnemers" is defined twice/);
    expect(refusal(base.replace("scenarios:", "      - {id: f, label: G, post: baten, actor: rijk, effect: benefit, amount: \"yearly(1)\"}\nscenarios:"))).toMatch(/^m\.yaml:22: interventions\[0\]\.flows\[1\]\.id: "f" is defined twice/);
    const scheme = base.replace("    flows:", "    effectScheme:\n      nodes: [{id: n, type: activity, label: N}, {id: n, type: direct, label: N2}]\n      edges: []\n    flows:");
    expect(refusal(scheme)).toMatch(/effectScheme\.nodes\[1\]\.id: effect-scheme node "n" is defined twice/);
  });
  it("a scenario that sets an unknown input, or a formula, is refused at load (not only when it is run)", () => {
    expect(refusal(base.replace("set: {a: 3}", "set: {b: 3}"))).toMatch(/^m\.yaml:23: scenarios\[0\]\.set\.b: scenario "hoog" sets "b", which is not an input/);
    expect(refusal(base.replace("set: {a: 3}", "set: {iv.qaly: 3}"))).toMatch(/sets "iv\.qaly", which is a formula/);
    expect(refusal(base.replace("set: {a: 3}", "set: {a: [1, 2]}"))).toMatch(/"a" is a single number, found a list/);
  });
  it("unknown participants and qalys names are refused with their line", () => {
    expect(refusal(base.replace("participants: deelnemers", "participants: deelnemrs"))).toBe('m.yaml:13: interventions[0].participants: unknown participants "deelnemrs"; expected a parameter or quantity of this intervention or the study');
    expect(refusal(base.replace("qalys: qaly", "qalys: qalys"))).toMatch(/^m\.yaml:14: interventions\[0\]\.qalys: unknown qalys "qalys"/);
  });
  it("a series longer than the horizon is refused, in the file and in an override (not cut silently)", () => {
    expect(refusal(base.replace("value: [1, 2, 3]", "value: [1, 2, 3, 4]"))).toMatch(/^m\.yaml:17: interventions\[0\]\.parameters\[1\]\.value: a series of 4 values for a horizon of 3 years/);
    expect(() => evaluate(load(base), {"iv.reeks": [1, 2, 3, 4]})).toThrow(OverrideError);
  });
  it("an intervention parameter or quantity that shadows a study parameter is refused (--set would not reach it)", () => {
    const shadow = base.replace("      - {id: reeks,", "      - {id: a, label: Eigen A, value: 5, unit: x, assumption: test}\n      - {id: reeks,");
    expect(refusal(shadow)).toMatch(/^m\.yaml:17: interventions\[0\]\.parameters\[1\]\.id: "a" is also a study-level parameter or quantity/);
  });
  it("discount rates: a warning outside 0–10 % with file and line, an error at −100 % or below", () => {
    const negative = base.replace("horizon: 3", "horizon: 3\ndiscountRate: -0.5");
    expect(load(negative).warnings.map((w) => w.message)).toEqual(["m.yaml:5: discountRate: the discount rate is -0.5 (-50 %), outside 0–10 %; check that it is meant (a rate is a fraction: 0.03 for 3 %)"]);
    const post = base
      .replace("{id: baten, label: Baten, side: benefit}", "{id: baten, label: Baten, side: benefit, discountRate: voet}")
      .replace("parameters:\n  - {id: a,", "parameters:\n  - {id: voet, label: Voet, value: -1.5, unit: fraction, assumption: test}\n  - {id: a,");
    expect(refusal(post)).toMatch(/^m\.yaml:7: posts\[1\]\.discountRate: discount rate "voet" is -1\.5; a discount rate must be greater than -1/);
    expect(refusal(base.replace("set: {a: 3}", "set: {discountRate: -1}"))).toMatch(/^m\.yaml:23: scenarios\[0\]\.set\.discountRate: scenario "hoog" sets the discount rate "discountRate" to -1; a discount rate must be greater than -1/);
    expect(load(base.replace("set: {a: 3}", "set: {discountRate: 0.2}")).warnings.map((w) => w.message)).toEqual(['m.yaml:23: scenarios[0].set.discountRate: the discount rate "discountRate" set by scenario "hoog" is 0.2 (20 %), outside 0–10 %; check that it is meant (a rate is a fraction: 0.03 for 3 %)']);
    expect(load(post.replace("value: -1.5", "value: 0.15")).warnings[0].message).toMatch(/^m\.yaml:7: posts\[1\]\.discountRate: the discount rate "voet" of post "baten" is 0\.15 \(15 %\), outside/);
  });
  it("a bad uncertainty spec is refused at load (it used to pass check and evaluate, refused only by psa)", () => {
    const bad = base.replace("value: 2, unit: x, assumption: test}", "value: 2, unit: x, assumption: test, uncertainty: {type: beta, sd: 0.1}}");
    expect(refusal(bad)).toMatch(/^m\.yaml:9: parameters\[0\]\.uncertainty: "a": a beta distribution needs a mean between 0 and 1, found 2/);
  });
});

describe("case 6: price years outside the CPI series", () => {
  const registry = defaultRegistry();
  const k = "klantmanager_loonkosten_fte"; // € 70.000 per fte, price year 2020 (data/kengetallen/caseload_bijstand.yaml)
  const withKengetal = (priceYear: number) => base.replace("priceYear: 2020", `priceYear: ${priceYear}`).replace('"reeks * a"', `"reeks * a * k.${k}"`);
  it("a model priced 2030 using a € kengetal of 2020: file, line, field and kengetal id (not a stack trace)", () => {
    expect(refusal(withKengetal(2030), registryContext(registry))).toMatch(
      new RegExp(`^m\\.yaml:21: interventions\\[0\\]\\.flows\\[0\\]\\.amount: kengetal "k\\.${k}" \\(price year 2020\\) cannot be converted to the model's price year 2030: no CPI value for 2030 .*covers 2004–2025`)
    );
  });
  it("a kengetal whose price year lies before the CPI series", () => {
    const old = new Registry([{...registry.get(k), priceYear: 1995}], {themes: [], cpi: registry.cpi});
    expect(refusal(withKengetal(2020), registryContext(old))).toMatch(/kengetal "k\.klantmanager_loonkosten_fte" \(price year 1995\) cannot be converted to the model's price year 2020: no CPI value for 1995/);
  });
  it("within the series the conversion works (2020 → 2024)", () => {
    expect(load(withKengetal(2024), registryContext(registry)).nodes.get(`k.${k}`)!.leaf!.priceFactor).toBeCloseTo(registry.factor(2020, 2024), 12);
  });
});

describe("case 9: a discount rate of −50 % is not used without a word", () => {
  const file = tempFiles();
  const path = file("negatief.yaml", base.replace("horizon: 3", "horizon: 3\ndiscountRate: -0.5"));
  it("evaluate prints the warning with file and line on stderr and still evaluates; check --strict fails on it", async () => {
    const r = await runCli(["evaluate", path, "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`warning: ${path}:5: discountRate: the discount rate is -0.5 (-50 %), outside 0–10 %; check that it is meant (a rate is a fraction: 0.03 for 3 %)`);
    expect(JSON.parse(r.stdout).total.discountRate).toBe(-0.5);
    const c = await runCli(["check", path, "--strict"]);
    expect(c.code).toBe(1);
    expect(c.stdout).toContain(`warning: ${path}:5: discountRate: the discount rate is -0.5`);
    expect((await runCli(["check", path])).code).toBe(0);
  }, 60_000);
});
