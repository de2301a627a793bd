// Issue 11 case 8: a YAML alias bomb and a 2.000-term formula end in a message naming the file and
// line, not in a stack trace ("Maximum call stack size exceeded", "Excessive alias count").
import {describe, expect, it} from "vitest";
import {compileModelText, InputError} from "../../lib/io/model-file.js";
import {parseKengetallenText} from "../../lib/kengetallen/parse.js";
import {KengetalError} from "../../lib/kengetallen/errors.js";
import {parseReferenceCurves} from "../../lib/cohort/reference-curves.js";
import {MAX_ALIAS_COUNT, YamlAliasError} from "../../lib/yaml.js";
import {MAX_FORMULA_DEPTH, parenthesisDepth, parseFormula} from "../../lib/model/expression.js";
import {noKengetallen} from "../model/helpers.js";

// Seven levels of nine-fold aliases: 9^7 ≈ 4,8 million strings once expanded.
const bomb = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...["b", "c", "d", "e", "f", "g"].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefg"[i]}`).join(",")}]`)
].join("\n");

describe("YAML alias bombs are refused with file and line", () => {
  it(`a model file: InputError at the first alias (line 2), limit ${MAX_ALIAS_COUNT}`, () => {
    expect(() => compileModelText(bomb, "bomb.yaml", noKengetallen)).toThrow(InputError);
    expect(() => compileModelText(bomb, "bomb.yaml", noKengetallen)).toThrow(/^bomb\.yaml:2: refused: the YAML aliases/);
  });
  it("a kengetallen file: KengetalError", () => {
    expect(() => parseKengetallenText(bomb, "k.yaml")).toThrow(KengetalError);
    expect(() => parseKengetallenText(bomb, "k.yaml")).toThrow(/^k\.yaml:2: \(YAML\): refused/);
  });
  it("a reference-curves file (lib/cohort)", () => {
    expect(() => parseReferenceCurves(bomb, "r.yaml")).toThrow(YamlAliasError);
  });
  it("an alias without an anchor names the alias and its line, not a bomb", () => {
    expect(() => compileModelText("id: m\ntitle: *bron\n", "m.yaml", noKengetallen)).toThrow(/^m\.yaml:2: the YAML alias \*bron refers to no anchor &bron before it/);
  });
  it("a few ordinary aliases are still allowed", () => {
    const ok = `id: m\ntitle: M\npriceYear: 2020\nhorizon: 2\nposts: [{id: p, label: P, side: cost}]\nparameters:\n  - {id: a, label: A, value: 1, unit: x, source: &bron {title: Rapport}}\n  - {id: b, label: B, value: 2, unit: x, source: *bron}\ninterventions:\n  - {id: iv, label: IV, flows: [{id: f, label: F, post: p, actor: gemeente, effect: cost, amount: "yearly(a + b)"}]}\n`;
    expect(compileModelText(ok, "ok.yaml", noKengetallen).nodes.get("b")!.leaf!.value).toBe(2);
  });
});

describe(`a formula nests at most ${MAX_FORMULA_DEPTH} levels`, () => {
  const model = (formula: string) =>
    `id: m\ntitle: M\npriceYear: 2020\nhorizon: 2\nposts: [{id: p, label: P, side: cost}]\nparameters:\n  - {id: a, label: A, value: 1, unit: x, assumption: test}\ninterventions:\n  - id: iv\n    label: IV\n    quantities:\n      - {id: q, label: Q, unit: x, formula: "${formula}"}\n    flows: [{id: f, label: F, post: p, actor: gemeente, effect: cost, amount: "yearly(q)"}]\n`;
  it("a 2.000-term sum is refused with file, line and field (not a stack overflow)", () => {
    const text = model(Array(2000).fill("a").join(" + "));
    expect(() => compileModelText(text, "deep.yaml", noKengetallen)).toThrow(/^deep\.yaml:12: interventions\[0\]\.quantities\[0\]\.formula: formula "a \+ a .*" nests 2000 levels deep .*the limit is 200/);
  });
  it("2.000 nested parentheses and 5.000 unary minus signs are refused too", () => {
    expect(() => parseFormula("(".repeat(2000) + "a" + ")".repeat(2000))).toThrow(/nested too deeply|nests/);
    expect(() => parseFormula("-".repeat(5000) + "a")).toThrow(/nests 5001 levels/);
  });
  it(`parentheses count as levels (jsep keeps no node for them): ${MAX_FORMULA_DEPTH} nested pairs are allowed, one more is refused`, () => {
    expect(parenthesisDepth("((a) + (b * (c)))")).toBe(3);
    expect(() => parseFormula("(".repeat(MAX_FORMULA_DEPTH) + "a" + ")".repeat(MAX_FORMULA_DEPTH))).not.toThrow();
    expect(() => parseFormula("(".repeat(MAX_FORMULA_DEPTH + 1) + "a" + ")".repeat(MAX_FORMULA_DEPTH + 1))).toThrow(new RegExp(`nests ${MAX_FORMULA_DEPTH + 1} parentheses deep`));
  });
  it(`a sum of ${MAX_FORMULA_DEPTH} terms is allowed and evaluates`, () => {
    const m = compileModelText(model(Array(MAX_FORMULA_DEPTH).fill("a").join(" + ")), "ok.yaml", noKengetallen);
    expect(m.nodes.get("iv.q")).toBeDefined();
  });
});
