import {describe, expect, it} from "vitest";
import {interventionRoles, ROLE_NAMES} from "../../lib/analysis/roles.js";
import {compileModelText} from "../../lib/io/model-file.js";
import {loadStudy} from "../../lib/io/study.js";
import {noKengetallen} from "../model/helpers.js";
import {shippedModelFiles} from "../shipped-models.js";

const base = (roles: string, ivRoles = "") => `
id: r
title: Rollen
priceYear: 2020
horizon: 1
discountRate: 0
posts:
  - {id: b, label: B, side: benefit}
${roles}
interventions:
  - id: iv
    label: Interventie
${ivRoles}
    parameters:
      - {id: n, label: Deelnemers, value: 40, unit: personen, assumption: t}
      - {id: uitkering, label: Uitkering, value: 15000, unit: "€/jaar", assumption: t, control: {min: 10000, max: 20000}}
      - {id: kosten, label: Kosten per deelnemer, value: 2000, unit: "€/persoon", assumption: t, uncertainty: {type: range, low: 1500, high: 3000}}
      - {id: effect, label: Netto-effect, value: 0.1, unit: fraction, assumption: t}
    flows:
      - {id: f, label: F, post: b, actor: gemeente, effect: benefit, amount: "once(n * effect * uitkering - n * kosten)"}
`;
const load = (t: string) => compileModelText(t, "rollen.yaml", noKengetallen);

describe("roles for \"Uw gemeente\": the role inputs with their evidence range, or a Dutch explanation", () => {
  it("declared roles resolve to the intervention's inputs; range from uncertainty, control, or the range the study states", () => {
    const m = load(base(`roles:\n  participants: n\n  benefitLevel: uitkering\n  costPerParticipant: kosten\n  effect: {input: effect, range: {low: 0.05, high: 0.15, source: "rapport, tabel 3"}}`));
    const [iv] = interventionRoles(m);
    const by = Object.fromEntries(iv.roles.map((r) => [r.role, r]));
    expect(iv.roles.map((r) => r.role)).toEqual([...ROLE_NAMES]);
    expect(by.participants).toMatchObject({input: "iv.n", value: 40, range: null, explanation: null});
    expect(by.benefitLevel.range).toEqual({low: 10000, high: 20000, basis: "control"});
    expect(by.costPerParticipant.range).toEqual({low: 1500, high: 3000, basis: "uncertainty"});
    expect(by.effect.range).toEqual({low: 0.05, high: 0.15, basis: "study", source: "rapport, tabel 3"});
  });
  it("an intervention's own roles take precedence; `missing` gives the model's reason; an undeclared role a generic Dutch one; an effect without range says so", () => {
    const m = load(base(`roles:\n  effect: effect\n  benefitLevel: {missing: "Geen uitkering in dit model."}`, `    roles: {costPerParticipant: kosten}`));
    const by = Object.fromEntries(interventionRoles(m)[0].roles.map((r) => [r.role, r]));
    expect(by.costPerParticipant.input).toBe("iv.kosten");
    expect(by.benefitLevel).toMatchObject({input: null, explanation: "Geen uitkering in dit model."});
    expect(by.participants.explanation).toMatch(/^Het model wijst geen invoer aan als aantal deelnemers/);
    expect(by.effect.input).toBe("iv.effect");
    expect(by.effect.explanation).toMatch(/geven model en studie geen bereik dat het bewijs steunt/);
  });
  it("a role naming no input is refused at load with file, line and field", () => {
    expect(() => load(base(`roles:\n  effect: bestaatNiet`))).toThrow(/^rollen\.yaml:10: roles\.effect: role effect of intervention iv: unknown input "bestaatNiet"/);
  });
  it("every shipped model declares all four roles for every intervention (an input, or `missing` with a reason)", () => {
    for (const file of shippedModelFiles()) {
      const m = loadStudy(file, {onWarning: () => {}});
      for (const iv of interventionRoles(m)) {
        for (const r of iv.roles) {
          expect(r.input !== null || (r.explanation ?? "").length > 20, `${file} ${iv.intervention} ${r.role}`).toBe(true);
          expect(r.explanation ?? "", `${file} ${iv.intervention} ${r.role}: declared, not the generic text`).not.toMatch(/wijst geen invoer aan/);
        }
      }
    }
  }, 60_000);
});
