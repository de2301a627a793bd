// Issue 11 case 5: break-even on an input the result does not depend on says so (it used to print
// 3e20, a root found in rounding noise); a result within rounding noise of zero is 0 (not −2,8e-14);
// a series input is refused with a message (it used to end in a stack trace); a pole is no root.
import {describe, expect, it} from "vitest";
import {breakEven, breakEvenAll, NOISE} from "../../lib/analysis/breakeven.js";
import {evaluate, OverrideError} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {loadFixture} from "../model/helpers.js";

// tests/fixtures/model-mini.yaml: `iv.uitkering` is only the amount of a transfer (deelnemer →
// gemeente, both ends in one post); `iv.loon` drives the wage subsidy the werkgever receives and pays.
const mini = loadFixture("tests/fixtures/model-mini.yaml");

describe("break-even and rounding noise", () => {
  it("a transfer amount: the societal saldo does not depend on it, so no break-even (not 3e20)", () => {
    const r = breakEven(mini, "iv.uitkering");
    expect(r.value).toBeNull();
    expect(r.reason).toBe("the result does not depend on this input");
    expect(r.reasonNl).toBe("geen break-even: het saldo hangt niet af van iv.uitkering");
  });
  it("the same transfer amount does move the gemeente's saldo: break-even where the gemeente's saldo is zero", () => {
    const r = breakEven(mini, "iv.uitkering", {actor: "gemeente"});
    expect(r.value).not.toBeNull();
    const at = summarize(evaluate(mini, {"iv.uitkering": r.value!})).actors.find((a) => a.actor === "gemeente")!.saldo;
    expect(Math.abs(at)).toBeLessThan(1e-6);
  });
  it("the werkgever's saldo is zero within rounding noise (subsidy in, wage share out): reported as 0, with no break-even", () => {
    const r = breakEvenAll(mini, "iv.loon").actors.find((a) => a.actor === "werkgever")!.result;
    expect(r.metricAtBase).toBe(0);
    expect(r.value).toBeNull();
    expect(r.reasonNl).toBe("geen break-even: het saldo van Werkgever hangt niet af van iv.loon");
  });
  it("NOISE is relative: 1e-9 of the flows' scale", () => {
    expect(NOISE).toBe(1e-9);
  });
  it("a series input is refused with an OverrideError naming it (no stack trace)", () => {
    expect(() => breakEven(mini, "iv.nettoEffect")).toThrow(OverrideError);
    expect(() => breakEven(mini, "iv.nettoEffect")).toThrow(/"iv\.nettoEffect" is a series/);
  });
});
