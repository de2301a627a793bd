import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {checkUnits, parseUnit} from "../../lib/model/units.js";
import {compileModelText} from "../../lib/io/model-file.js";
import {loadFixture, noKengetallen} from "./helpers.js";

describe("parseUnit(unit)", () => {
  it("treats counts and shares as dimensionless and € and time as dimensions", () => {
    expect(parseUnit("€/jaar")).toEqual({money: 1, time: -1});
    expect(parseUnit("€/persoon/jaar")).toEqual({money: 1, time: -1});
    expect(parseUnit("€/fte/jaar")).toEqual({money: 1, fte: -1, time: -1});
    expect(parseUnit("personen")).toEqual({});
    expect(parseUnit("fraction")).toEqual({});
    expect(parseUnit("per 100")).toEqual({});
    expect(parseUnit("0/1")).toEqual({});
    expect(parseUnit("persoonjaren")).toEqual({time: 1});
    expect(parseUnit("€/QALY")).toEqual({money: 1, qaly: -1});
    expect(parseUnit("uur/week")).toEqual({});
  });
});

describe("checkUnits(model)", () => {
  it("finds nothing to warn about in the hand-checked mini model and the chapter-6 example", () => {
    expect(checkUnits(loadFixture("tests/fixtures/model-mini.yaml"))).toEqual([]);
    expect(checkUnits(loadFixture("data/studies/zoetermeer/investering-per-deelnemer.yaml"))).toEqual([]);
  });
  const base = readFileSync("tests/fixtures/model-mini.yaml", "utf8");
  const warn = (from: string, to: string) => {
    const text = base.replace(from, to);
    expect(text).not.toBe(base);
    return checkUnits(compileModelText(text, "mini.yaml", noKengetallen)).map((w) => `${w.node}: ${w.message}`);
  };
  it("warns when euros are added to a share", () => {
    expect(warn('formula: "extraWerk * qalyPerPersoon"', 'formula: "extraWerk * qalyPerPersoon + loon"')).toEqual(
      expect.arrayContaining([expect.stringMatching(/iv\.qalyWinst: "\+" telt verschillende eenheden op: QALY en €\/tijd/)])
    );
  });
  it("warns when a formula's unit differs from the declared unit; formulas downstream see the declared unit", () => {
    expect(warn('{id: qalyWinst, label: QALY-winst, unit: QALY,', '{id: qalyWinst, label: QALY-winst, unit: "€/jaar",')).toEqual([
      'iv.qalyWinst: de formule geeft QALY, maar de eenheid is "€/jaar" (€/tijd)',
      "iv:qol: een geldstroom moet € of €/jaar opleveren, de formule geeft €^2/tijd/QALY"
    ]);
  });
  it("warns when a cash flow is not money", () => {
    expect(warn('amount: "qalyWinst * qalyWaarde"', 'amount: "qalyWinst"')).toEqual([
      "iv:qol: een geldstroom moet € of €/jaar opleveren, de formule geeft QALY"
    ]);
  });
  it("lets a number literal take the unit of what it is added to, and counts it as a plain number in a product", () => {
    expect(warn('formula: "deelnemers * nettoEffect"', 'formula: "deelnemers * nettoEffect * 2 + 0"')).toEqual([]);
  });
});
