import {describe, expect, it} from "vitest";
import {evaluate} from "../../lib/model/evaluate.js";
import {explain, explainPost, leavesOf} from "../../lib/model/explain.js";
import {loadFixture} from "./helpers.js";

const model = loadFixture("tests/fixtures/model-mini.yaml");
const e = evaluate(model);

describe("explain(evaluation, name)", () => {
  it("fills a formula with its inputs' values in the first year the quantity is non-zero", () => {
    const x = explain(e, "iv.extraWerk");
    expect(x.formula).toBe("deelnemers * nettoEffect");
    expect(x.filled).toBe("100 * 0.05");
    expect(x.year).toBe(0);
    expect(x.inputs.map((i) => i.name).sort()).toEqual(["iv.deelnemers", "iv.nettoEffect"]);
    expect(x.inputs.find((i) => i.name === "iv.deelnemers")!.assumption).toBe("test");
  });
  it("explains a flow at a chosen year, down to its leaves", () => {
    const x = explain(e, "iv:uitkering", {year: 2});
    expect(x.filled).toBe("10 * 16800");
    expect(x.value).toEqual([5 * 16800, 8 * 16800, 10 * 16800, 10 * 16800]);
  });
  it("shows an earlier year's value for x[t - 1] and 0 before year 0", () => {
    expect(explain(e, "iv.cumulatiefWerk", {year: 0}).filled).toBe("5 + 0");
    expect(explain(e, "iv.cumulatiefWerk", {year: 2}).filled).toBe("10 + 13");
  });
});

describe("leavesOf(model, names) and explainPost", () => {
  it("finds every parameter behind a post, and the discount rate", () => {
    const names = explainPost(e, "productiviteit").leaves.map((l) => l.name);
    expect(names).toEqual(expect.arrayContaining(["iv.loon", "iv.uitkering", "iv.belastingtarief", "iv.deelnemers", "iv.nettoEffect", "discountRate"]));
    expect(names).not.toContain("iv.kostenPerJaar");
  });
  it("lists the transfer's two ends among the post's lines with opposite signs", () => {
    const lines = explainPost(e, "productiviteit").lines.filter((l) => l.flow === "uitkering");
    expect(lines.map((l) => [l.actor, l.sign])).toEqual([["deelnemer", -1], ["gemeente", 1]]);
  });
  it("leaves of a leaf are the leaf itself", () => {
    expect(leavesOf(model, ["iv.loon"]).map((n) => n.name)).toEqual(["iv.loon"]);
  });
});
