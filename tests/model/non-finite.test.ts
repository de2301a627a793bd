// Issue 11 case 2: a NaN or infinite value anywhere in an evaluation is an error naming the
// quantity, the year and the formula's operands with their values, never a figure ("—" beside a
// payback of 0,0). The CLI exits 1 with one line; `check` fails on such a model.
import {describe, expect, it} from "vitest";
import {compileModelText} from "../../lib/io/model-file.js";
import {evaluate, NonFiniteError} from "../../lib/model/evaluate.js";
import {findNonFinite} from "../../lib/model/non-finite.js";
import {summarize, summarizeAll} from "../../lib/finance/summary.js";
import {breakEven} from "../../lib/analysis/breakeven.js";
import {noKengetallen} from "./helpers.js";
import {runCli, tempFiles} from "../temp-files.js";

const model = (quantities: string, parameters = "", extra = "") => `id: nf
title: Niet-eindig
priceYear: 2020
startYear: 2020
horizon: 3
posts: [{id: p, label: P, side: benefit}, {id: k, label: K, side: cost}]
parameters:
  - {id: a, label: Noemer, value: 0, unit: x, assumption: test}
  - {id: b, label: Reeks, value: [4, 1, 0], unit: x, assumption: test}
  - {id: groot, label: Groot, value: 1e308, unit: x, assumption: test}
${parameters}
interventions:
  - id: iv
    label: IV
    quantities:
${quantities}
    flows:
      - {id: f, label: F, post: p, actor: gemeente, effect: benefit, amount: "yearly(x)"}
${extra}
`;
const compile = (text: string) => compileModelText(text, "nf.yaml", noKengetallen);
const errorOf = (text: string): NonFiniteError => {
  try {
    summarizeAll(evaluate(compile(text)));
  } catch (e) {
    if (e instanceof NonFiniteError) return e;
    throw e;
  }
  throw new Error("expected a NonFiniteError");
};

describe("a non-finite value in an evaluation is an error naming quantity, year and operands", () => {
  it("division by zero: the scalar quantity, its formula and both operands", () => {
    const e = errorOf(model(`      - {id: x, label: Verhouding, unit: x, formula: "1 / a"}`));
    expect(e.quantity).toBe("iv.x");
    expect(e.value).toBe(Infinity);
    expect(e.year).toBeNull();
    expect(e.formula).toBe("1 / a");
    expect(e.inputs).toEqual([{name: "a", label: "Noemer", value: 0}]);
    expect(e.message).toBe('no finite result: iv.x (Verhouding) is +Infinity, formula "1 / a"; inputs: a = 0');
    expect(e.messageNl).toMatch(/^Geen uitkomst: Verhouding \(iv\.x\) is oneindig groot, formule "1 \/ a"; invoer: a = 0\./);
  });
  it("log(0) in a series: the first year it happens (year 2, calendar 2022)", () => {
    const e = errorOf(model(`      - {id: x, label: Logaritme, unit: x, formula: "log(b)"}`));
    expect([e.quantity, e.year, e.calendarYear, e.value]).toEqual(["iv.x", 2, 2022, -Infinity]);
    expect(e.inputs).toEqual([{name: "b", label: "Reeks", value: 0}]);
  });
  it("sqrt of a negative number is NaN", () => {
    const e = errorOf(model(`      - {id: x, label: Wortel, unit: x, formula: "sqrt(b - 2)"}`));
    expect([e.quantity, e.year]).toEqual(["iv.x", 1]);
    expect(Number.isNaN(e.value)).toBe(true);
    expect(e.message).toContain("is NaN in year 1 (2021)");
  });
  it("overflow of 1e308: the quantity that overflows, not the ones downstream of it", () => {
    const e = errorOf(model(`      - {id: y, label: Dubbel, unit: x, formula: "groot * 10"}\n      - {id: x, label: Gebruik, unit: x, formula: "y + b"}`));
    expect(e.quantity).toBe("iv.y");
    expect(e.inputs).toEqual([{name: "groot", label: "Groot", value: 1e308}]);
    expect(e.message).toContain("groot = 1e308");
  });
  it("an earlier year of a series is shown with its year index", () => {
    const e = errorOf(model(`      - {id: x, label: Groei, unit: x, formula: "b / b[t - 1]"}`));
    expect([e.quantity, e.year]).toEqual(["iv.x", 0]);
    expect(e.inputs).toEqual([{name: "b", label: "Reeks", value: 4}, {name: "b", label: "Reeks", value: 0, year: -1}]);
  });
  it("a present value that overflows (two flows of 1e308 in one post) is named as the saldo's problem", () => {
    const e = errorOf(model(`      - {id: x, label: Groot, unit: x, formula: "groot * 1"}`, "", `      - {id: g, label: G, post: p, actor: rijk, effect: benefit, amount: "yearly(x)"}`));
    expect(e.value).toBe(Infinity);
    expect(e.message).toMatch(/^no finite result: (presentValue|benefits|saldo)/);
  });
  it("a finite model passes; findNonFinite returns null (and is what Monte Carlo can call per draw)", () => {
    const m = compile(model(`      - {id: x, label: Gewoon, unit: x, formula: "b * 2"}`));
    const e = evaluate(m);
    expect(findNonFinite(m, e.S, e.V)).toBeNull();
    expect(summarize(e).saldo).toBe(8 + 2 / 1.0225);
  });
  it("an override that makes a value infinite names the override", () => {
    const m = compile(model(`      - {id: x, label: Verhouding, unit: x, formula: "1 / (a + 1)"}`));
    expect(() => evaluate(m, {a: -1})).toThrow(/iv\.x \(Verhouding\) is \+Infinity.*\(with a = -1\)/);
  });
});

describe("the command line: exit 1 with one line, no figures", () => {
  const file = tempFiles();
  const divByZero = file("nan.yaml", model(`      - {id: x, label: Verhouding, unit: x, formula: "b / a"}`));
  for (const command of ["evaluate", "sensitivity", "scenarios", "breakeven"]) {
    it(`${command}: exit 1, one line naming the quantity, nothing on stdout`, async () => {
      const r = await runCli([command, divByZero]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr.split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^rendement ${command}: no finite result: iv\\.x \\(Verhouding\\) is \\+Infinity in year 0 \\(2020\\), formula "b / a"; inputs: b = 4, a = 0`));
    }, 30_000);
  }
  it("check: a model with a non-finite value at its base values fails (exit 1), with or without --strict", async () => {
    for (const args of [[divByZero], [divByZero, "--strict"]]) {
      const r = await runCli(["check", ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("error at the base values: no finite result: iv.x");
    }
  }, 30_000);
});

describe("break-even never reports a pole as a root", () => {
  it("1 / (a - 2): the saldo changes sign across a = 2 without being zero there", () => {
    const m = compile(model(`      - {id: x, label: Verhouding, unit: x, formula: "yearly(1 / (a - 2))"}`, "", ""));
    const r = breakEven(m, "a");
    expect(r.value).toBeNull();
  });
});
