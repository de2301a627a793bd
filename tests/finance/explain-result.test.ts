// Provenance of result figures (lib/finance/explain-result.ts): the terms add up to the figure the
// card shows, and the leaves carry their sources.
import {describe, expect, it} from "vitest";
import {loadStudy} from "../../lib/io/study.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {explainResult} from "../../lib/finance/explain-result.js";
import {shippedModelFiles} from "../shipped-models.js";

const sum = (xs: {amount: number}[]) => xs.reduce((a, t) => a + t.amount, 0);

describe("explainResult: the terms of a figure add up to the figure (every shipped model, every scope)", () => {
  it.each(shippedModelFiles())("%s", (file) => {
    const e = evaluate(loadStudy(file, {onWarning: () => {}}));
    for (const scope of ["total", ...e.model.file.interventions.map((iv) => iv.id)]) {
      const s = summarize(e, scope);
      const tol = 1e-9 * Math.max(1, ...s.lines.map((l) => Math.abs(l.presentValue)));
      const costs = explainResult(e, scope, "costs");
      expect(costs.value).toBe(s.costs);
      expect(Math.abs(sum(costs.terms) - s.costs)).toBeLessThanOrEqual(tol);
      const benefits = explainResult(e, scope, "benefits");
      expect(Math.abs(sum(benefits.terms) - s.benefits)).toBeLessThanOrEqual(tol);
      const saldo = explainResult(e, scope, "saldo");
      expect(saldo.value).toBe(s.saldo);
      expect(Math.abs(sum(saldo.terms) - s.saldo)).toBeLessThanOrEqual(tol);
      const ratio = explainResult(e, scope, "ratio");
      expect(ratio.value).toBe(s.ratio);
      expect(Math.abs(sum(ratio.terms.filter((t) => t.side === "cost")) - s.costs)).toBeLessThanOrEqual(tol);
      const fin = explainResult(e, scope, "financialRatio");
      expect(fin.terms.every((t) => t.nature === "financial")).toBe(true);
      for (const a of s.actors) {
        const x = explainResult(e, scope, "actorSaldo", {actor: a.actor});
        expect(Math.abs(sum(x.terms) - a.saldo)).toBeLessThanOrEqual(tol);
      }
      expect(saldo.formula).toBe("saldo = baten − kosten");
    }
  });
});

describe("explainResult on factsheet 2 (seed 001)", () => {
  const e = evaluate(loadStudy("data/studies/jeugdwerkloosheid/fs02-casusregisseur.yaml", {onWarning: () => {}}));
  const scope = e.model.file.interventions[0].id;
  it("the saldo of € 1.330 is baten − kosten with both filled in, and names the kengetallen behind it with their sources", () => {
    const x = explainResult(e, scope, "saldo");
    expect(Math.round(x.value!)).toBe(1330);
    const [b, c] = x.filled.split(" − ").map(Number);
    expect(Math.round(b - c)).toBe(1330);
    expect(x.leaves.length).toBeGreaterThan(0);
    expect(x.leaves.some((l) => l.source !== undefined)).toBe(true);
  });
  it("an actor's saldo needs the actor", () => {
    expect(() => explainResult(e, scope, "actorSaldo")).toThrow(/needs an actor/);
  });
});
