import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {compileModelText, InputError} from "../../lib/io/model-file.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {noKengetallen, loadFixture} from "./helpers.js";

const base = readFileSync("tests/fixtures/model-mini.yaml", "utf8");
const file = "tests/fixtures/model-mini.yaml";
function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((l) => l.includes(needle)) + 1;
}
function errorOf(text: string): InputError {
  try {
    compileModelText(text, file, noKengetallen);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("bad model files get a clear error naming file, line and field", () => {
  it("a wrong type names the field, what was expected and what was found", () => {
    const text = base.replace("horizon: 4", 'horizon: "vier"');
    const e = errorOf(text);
    expect(e.message).toContain(`${file}:${lineOf(text, "horizon:")}: horizon:`);
    expect(e.message).toMatch(/expected number/);
    expect(e.message).toContain('"vier"');
  });
  it("a parameter without source or assumption is refused, naming the parameter", () => {
    const text = base.replace("value: 100, unit: personen, assumption: test}", "value: 100, unit: personen}");
    const e = errorOf(text);
    expect(e.message).toContain(`${file}:${lineOf(text, "id: deelnemers")}:`);
    expect(e.message).toContain("interventions[0].parameters[0]");
    expect(e.message).toContain("(deelnemers)");
    expect(e.message).toMatch(/needs a `source` or an `assumption`/);
  });
  it("an unknown name in a formula names the formula's line and suggests close names", () => {
    const text = base.replace('formula: "deelnemers * nettoEffect"', 'formula: "deelnemers * nettoEfect"');
    const e = errorOf(text);
    expect(e.message).toContain(`${file}:${lineOf(text, "nettoEfect")}: interventions[0].quantities[0].formula:`);
    expect(e.message).toMatch(/unknown name "nettoEfect"; did you mean .*nettoEffect/);
  });
  it("circular formulas are refused with the cycle named", () => {
    const text = base.replace('formula: "deelnemers * nettoEffect"', 'formula: "qalyWinst + deelnemers * nettoEffect"');
    expect(errorOf(text).message).toMatch(/circular formulas: .*iv\.extraWerk/);
  });
  it("^ is refused with a hint to use ** (in jsep it would be XOR)", () => {
    const text = base.replace('formula: "deelnemers * nettoEffect"', 'formula: "deelnemers ^ 2"');
    expect(errorOf(text).message).toMatch(/use \*\* or pow/);
  });
  it("a flow into an unknown post lists the known posts", () => {
    const text = base.replace("post: qol, actor: deelnemer", "post: welzijn, actor: deelnemer");
    expect(errorOf(text).message).toMatch(/unknown post "welzijn"; known posts: kosten, lks, productiviteit, qol/);
  });
  it("an unknown actor lists the actors", () => {
    const text = base.replace("transfer: {from: deelnemer, to: rijk}", "transfer: {from: deelnemer, to: belastingdienst}");
    const e = errorOf(text);
    expect(e.message).toContain(`${file}:${lineOf(text, "belastingdienst")}:`);
    expect(e.message).toMatch(/expected one of the actors: gemeente, rijk/);
  });
  it("a flow amount that is the same in every year must say once(...) or yearly(...)", () => {
    const text = base.replace('amount: "qalyWinst * qalyWaarde"', 'amount: "qalyWaarde"');
    expect(errorOf(text).message).toMatch(/same in every year; write once\(\.\.\.\).*yearly\(\.\.\.\)/);
  });
  it("a reference to a later year is refused", () => {
    const text = base.replace('formula: "extraWerk + cumulatiefWerk[t - 1]"', 'formula: "extraWerk[t + 1]"');
    expect(errorOf(text).message).toMatch(/later year/);
  });
  it("a YAML syntax error names its line", () => {
    const text = base.replace("horizon: 4", "horizon: [4");
    expect(errorOf(text).message).toMatch(/model-mini\.yaml:\d+:/);
  });
  it("overriding an unknown input or a formula is refused with suggestions", () => {
    const model = loadFixture(file);
    expect(() => evaluate(model, {nettoEffect: 0.1})).toThrow(/unknown input "nettoEffect"; did you mean iv\.nettoEffect/);
    expect(() => evaluate(model, {"iv.extraWerk": 1})).toThrow(/is a formula/);
    expect(() => evaluate(model, {"iv.deelnemers": Number.NaN})).toThrow(/finite number/);
  });
});
