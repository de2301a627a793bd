// Seed 000 (Zoetermeer MKBA): structure of the model file — posts as in the cockpit, the gross
// productivity identity, saldo = sum over actors in every scenario, effect schemes, register links.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {scenarioOverrides} from "../../lib/analysis/scenarios.js";
import {readAssumptions} from "../../lib/io/assumptions.js";
import {checkUnits} from "../../lib/model/units.js";
import {model, modelPath, post, summary} from "./helpers.js";

describe("Zoetermeer model file", () => {
  it("has the three interventions vh, wa, nab and the cockpit's posts (Bijlage 1)", () => {
    expect(model.file.interventions.map((iv) => iv.id)).toEqual(["vh", "wa", "nab"]);
    const costs = model.file.posts.filter((p) => p.side === "cost").map((p) => p.id);
    expect(costs).toEqual(["kosten_teams", "kosten_specifieke_inzet", "kosten_reguliere_inzet", "loonkostensubsidies", "begeleidingskosten_werkgever"]);
    const immaterial = model.file.posts.filter((p) => p.nature === "immaterial").map((p) => p.id);
    expect(immaterial.sort()).toEqual(["mvo_werkgever", "overlast", "qol_na", "qol_tijdens"]);
    expect(model.file.posts.find((p) => p.id === "overlast")!.pm).toBe(true);
  });

  it("counts 750 participants: 385 + 230 + 135 (cockpit regel 2603)", () => {
    expect(summary("total").participants).toBe(750);
  });

  it("books productivity gross: besparing uitkering + extra inkomen + extra inkomstenbelasting = gross wage, per intervention", () => {
    for (const iv of ["vh", "wa", "nab"] as const) {
      const s = summary(iv);
      const wage = s.lines.filter((l) => l.flow === "loon").reduce((a, l) => a + l.presentValue, 0);
      const sub = post(s, "besparing_uitkering") + post(s, "extra_inkomen") + post(s, "extra_inkomstenbelasting");
      // The stopped benefits are a transfer inside the productivity posts and cancel in their sum.
      expect(sub).toBeCloseTo(wage, 4);
    }
  });

  it("costs and benefits are the sums of their posts, and the saldo equals the sum over actors, in the base case and every scenario", () => {
    const ids = [undefined, ...model.file.scenarios.map((s) => s.id)];
    for (const id of ids) {
      for (const scope of ["vh", "wa", "nab", "total"]) {
        const s = summarize(evaluate(model, id ? scenarioOverrides(model, id) : {}), scope);
        const costs = s.posts.filter((p) => p.side === "cost").reduce((a, p) => a + p.amount, 0);
        const benefits = s.posts.filter((p) => p.side === "benefit").reduce((a, p) => a + p.amount, 0);
        expect(s.costs).toBeCloseTo(costs, 4);
        expect(s.benefits).toBeCloseTo(benefits, 4);
        expect(s.actors.reduce((a, x) => a + x.saldo, 0)).toBeCloseTo(s.saldo, 2);
      }
    }
  }, 60_000);

  it("every scenario id is prefixed by its intervention and changes only that intervention's inputs", () => {
    for (const sc of model.file.scenarios) {
      const iv = sc.id.split("_")[0];
      expect(["vh", "wa", "nab"]).toContain(iv);
      for (const name of Object.keys(sc.set)) expect(name.startsWith(`${iv}.`)).toBe(true);
    }
  });

  it("the WA cost per participant is € 3.400 = 880 + 900 + 300 + 540 + 780 (figuur 4.3) and the whole cohort costs 385 × 3.400", () => {
    expect(summary("wa").costs).toBeCloseTo(385 * 3400, 6);
  });

  it("NAB places 25 % of 135 with LKS, of which 90 % attributed: 30 additional people (cockpit regel 2605)", () => {
    const e = evaluate(model);
    const cumulative = model.nodes.get("nab.lksCumulatief")!;
    expect(e.V[cumulative.slot + 2]).toBeCloseTo(0.25 * 135, 9);
    expect(Math.round(0.9 * e.V[cumulative.slot + 2])).toBe(30);
  });

  it("effect schemes: every edge joins declared nodes, post nodes name existing posts, VH's overlast link is dotted (voetnoot 10)", () => {
    const postIds = new Set(model.file.posts.map((p) => p.id));
    for (const iv of model.file.interventions) {
      const scheme = iv.effectScheme!;
      const nodes = new Set(scheme.nodes.map((n) => n.id));
      for (const e of scheme.edges) {
        expect(nodes.has(e.from), `${iv.id}: ${e.from}`).toBe(true);
        expect(nodes.has(e.to), `${iv.id}: ${e.to}`).toBe(true);
      }
      for (const n of scheme.nodes.filter((x) => x.type === "post")) {
        expect(n.posts!.length).toBeGreaterThan(0);
        for (const p of n.posts!) expect(postIds.has(p), `${iv.id}: ${p}`).toBe(true);
      }
    }
    const vh = model.file.interventions[0].effectScheme!;
    expect(vh.edges.find((e) => e.to === "CB_overlast")!.style).toBe("uncertain");
  });

  it("every input without a printed source points to an entry of the assumptions register that exists", () => {
    const text = readFileSync(modelPath, "utf8");
    const referenced = [...text.matchAll(/aannameregister '([a-z0-9-]+)'/g)].map((m) => m[1]);
    expect(referenced.length).toBeGreaterThan(10);
    const ids = new Set(readAssumptions("data/studies/zoetermeer/assumptions.yaml").assumptions.map((a) => a.id));
    for (const id of referenced) expect(ids.has(id), id).toBe(true);
  });

  it("every formula is dimensionally consistent with its declared unit (rendement check)", () => {
    expect(checkUnits(model).map((w) => `${w.node}: ${w.message}`)).toEqual([]);
  });

  it("sliders: every control range contains the base value", () => {
    for (const leaf of model.leaves) {
      const c = leaf.leaf!.control;
      if (!c || Array.isArray(leaf.leaf!.value)) continue;
      expect(leaf.leaf!.value as number, leaf.name).toBeGreaterThanOrEqual(c.min);
      expect(leaf.leaf!.value as number, leaf.name).toBeLessThanOrEqual(c.max);
    }
  });
});

describe("Zoetermeer uncertainty specs", () => {
  it("every uncertainty range of a parameter contains its base value (Monte Carlo and tornado start from the base case)", () => {
    let ranged = 0;
    for (const leaf of model.leaves) {
      const u = leaf.leaf!.uncertainty as {type: string; low?: number; high?: number} | undefined;
      if (!u || leaf.kind !== "parameter" || u.low === undefined || u.high === undefined) continue;
      ranged++;
      const v = leaf.leaf!.value as number;
      expect(v, leaf.name).toBeGreaterThanOrEqual(u.low);
      expect(v, leaf.name).toBeLessThanOrEqual(u.high);
    }
    expect(ranged).toBeGreaterThan(20);
  });
});

describe("Zoetermeer: year counts drawn as fractions (Monte Carlo) interpolate between whole years", () => {
  it.each([
    ["nab.lksJaren", "loonkostensubsidies"],
    ["nab.lksBaatJaren", "besparing_uitkering"],
    ["vh.effectJaren", "besparing_uitkering"]
  ])("%s = 4,5 gives %s halfway between 4 and 5 years", (input, postId) => {
    const scope = input.startsWith("vh.") ? "vh" : "nab";
    const at = (x: number) => post(summary(scope, undefined, {[input]: x}), postId);
    const [four, half, five] = [at(4), at(4.5), at(5)];
    expect(five).not.toBeCloseTo(four, 0);
    expect(half).toBeCloseTo((four + five) / 2, 0);
  });
});
