import {describe, expect, it} from "vitest";
import {configurations} from "../../lib/analysis/configurations.js";
import {compareConfigurations} from "../../lib/analysis/shapley.js";
import {scenarioOverrides} from "../../lib/analysis/scenarios.js";
import {shippedModelFiles} from "../shipped-models.js";
import {loadStudy} from "../../lib/io/study.js";

// The first shipped model that declares a scenario (found from the data, no study named).
const file = shippedModelFiles().find((f) => loadStudy(f, {onWarning: () => {}}).file.scenarios.length > 0);

describe("comparison choices: base, each named scenario, a loaded file, the current settings", () => {
  it("a model with scenarios is shipped (else the next tests check nothing)", () => expect(file).toBeDefined());
  const model = loadStudy(file!, {onWarning: () => {}});
  it("order and contents: base (no overrides), scenarios as the model file sets them, the file, current", () => {
    const c = configurations(model, {current: {}, file: {name: "mijn.yaml", overrides: {}}});
    expect(c[0]).toEqual({id: "base", label: "Uitgangswaarden van het rapport", overrides: {}});
    expect(c.slice(1, -2).map((x) => x.id)).toEqual(model.file.scenarios.map((s) => `scenario:${s.id}`));
    expect(c[1].overrides).toEqual(scenarioOverrides(model, model.file.scenarios[0].id));
    expect(c.at(-2)!.label).toBe("Bestand: mijn.yaml");
    expect(c.at(-1)!.id).toBe("current");
    expect(configurations(model, {current: {}}).some((x) => x.id === "file")).toBe(false);
  });
  it("any two: the Shapley contributions of base → first scenario add up to the difference in saldo", () => {
    const [base, scenario] = configurations(model, {current: {}});
    const cmp = compareConfigurations(model, base.overrides, scenario.overrides);
    expect(cmp.changed.length).toBeGreaterThan(0);
    const sum = cmp.contributions.reduce((s, x) => s + x.value, 0);
    expect(Math.abs(sum - cmp.difference.saldo)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(cmp.difference.saldo)));
    expect(cmp.difference.saldo).toBeCloseTo(cmp.alternative.saldo - cmp.base.saldo, 6);
  });
});
