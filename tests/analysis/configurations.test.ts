import {describe, expect, it} from "vitest";
import {BASE_ID, CURRENT_ID, comparePairFromQuery, configurations, withComparePair} from "../../lib/analysis/configurations.js";
import {COMPARE_KEY, isReservedKey} from "../../lib/page-state.js";
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

describe("the comparison in the page address: compare=<left>~<right> (configuration ids), a reserved key", () => {
  const model = loadStudy(file!, {onWarning: () => {}});
  const list = configurations(model, {current: {}});
  const scenario = list[1].id;
  it("round trip: the pair written into an address with other inputs is read back, the other parameters kept", () => {
    const href = withComparePair("/studies/x/y.html?vh.effectJaren=5.625&v=1#kosten", {a: BASE_ID, b: scenario});
    expect(href).toBe(`/studies/x/y.html?vh.effectJaren=5.625&v=1&${new URLSearchParams({compare: `base~${scenario}`})}#kosten`);
    expect(comparePairFromQuery(href.split("?")[1].split("#")[0], list)).toEqual({a: BASE_ID, b: scenario, message: null});
    expect(withComparePair(href, null)).toBe("/studies/x/y.html?vh.effectJaren=5.625&v=1#kosten");
  });
  it("no compare key: null (the comparison stays folded)", () => expect(comparePairFromQuery("?v=1&a=2", list)).toBeNull());
  it("a settings file does not travel with a link: the default side, and a Dutch message that says to load it again", () => {
    const r = comparePairFromQuery(`compare=${scenario}~file`, list)!;
    expect(r).toMatchObject({a: scenario, b: CURRENT_ID});
    expect(r.message).toMatch(/instellingenbestand .*laad het hieronder opnieuw/);
    expect(r.message).toContain("rechts “Huidige invoer”");
  });
  it("an unknown scenario or a malformed value is named, never chosen silently", () => {
    expect(comparePairFromQuery("compare=scenario:bestaatniet~current", list)).toMatchObject({a: BASE_ID, b: CURRENT_ID, message: expect.stringContaining("“scenario:bestaatniet”, die dit rekenmodel niet kent")});
    expect(comparePairFromQuery("compare=base", list)!.message).toContain("verwacht: twee instellingen gescheiden door ~");
    expect(comparePairFromQuery(`compare=base~current&compare=${scenario}~current`, list)).toMatchObject({a: BASE_ID, b: CURRENT_ID, message: expect.stringContaining("2 vergelijkingen; de eerste is gebruikt")});
  });
  it("compare is a reserved key of the page-state codec, so it is never read as a model input", () => expect(isReservedKey(COMPARE_KEY)).toBe(true));
});
