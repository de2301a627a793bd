// Property tests over every shipped model file (tests/shipped-models.ts, discovered, not listed):
// plausible wrong numbers, not crashes (issue 17, "Tests that catch plausible wrong numbers").
//
// 1. Doubling the participants doubles every total, in an intervention without fixed costs. The
//    models declare no fixed costs, so the rule that picks the interventions is: the intervention
//    names a participant count that is an input (`participants` → a parameter), and every one of
//    its flows depends (through its formulas) on that count. A flow that does not is a fixed cost,
//    and such an intervention is skipped. A flow that depends on the count and still does not
//    double mixes a fixed part into a per-participant formula: the test reports it.
// 2. Multiplying every euro input (unit € or € miljoen, with any "per" part; parameters, settings
//    and kengetallen) by a factor multiplies the saldo, costs and benefits by it.
// 3. A scenario (or `--set`) that sets an input to its own value changes nothing.
// 4. Every uncertainty and control spec holds its input's value (issue 17, cases 2 and 3).
import {describe, expect, test} from "vitest";
import {shippedModelFiles} from "../shipped-models.js";
import {loadStudy} from "../../lib/io/study.js";
import {evaluate, type Overrides} from "../../lib/model/evaluate.js";
import {summarize, summarizeAll, type Summary} from "../../lib/finance/summary.js";
import {runScenarios, scenarioOverrides} from "../../lib/analysis/scenarios.js";
import type {CompiledModel, GraphNode} from "../../lib/model/compile.js";
import {parseUnit} from "../../lib/format.js";
import {setArguments} from "../../lib/model/control-overrides.js";
import {runCli} from "../cli/run.js";
import {mulberry32} from "./mutate.js";
import {cases, FULL} from "./scale.js";

const files = shippedModelFiles();
const models = new Map<string, CompiledModel>(files.map((f) => [f, loadStudy(f)]));

/** Relative closeness, with an absolute floor for totals near zero. */
function near(a: number, b: number, scale = Math.max(1, Math.abs(a), Math.abs(b))): boolean {
  return Math.abs(a - b) <= 1e-9 * scale;
}

/** Every node a node depends on, transitively (its formula's inputs, their inputs, …). */
function dependsOn(model: CompiledModel, from: string, target: string, seen = new Set<string>()): boolean {
  if (from === target) return true;
  if (seen.has(from)) return false;
  seen.add(from);
  return (model.nodes.get(from)?.deps ?? []).some((d) => dependsOn(model, d.node, target, seen));
}

/** Money totals of a summary to compare: costs, benefits, saldo, and per actor. */
function totals(s: Summary): Record<string, number> {
  const out: Record<string, number> = {costs: s.costs, benefits: s.benefits, saldo: s.saldo};
  for (const a of s.actors) {
    out[`${a.actor}.costs`] = a.costs;
    out[`${a.actor}.benefits`] = a.benefits;
  }
  return out;
}

function scaled(model: CompiledModel, names: string[], factor: number): Overrides {
  const out: Overrides = {};
  for (const n of names) {
    const v = model.nodes.get(n)!.leaf!.value as number | number[];
    out[n] = typeof v === "number" ? v * factor : v.map((x) => x * factor);
  }
  return out;
}

describe("doubling the participants doubles every total of an intervention without fixed costs", () => {
  const chosen: {file: string; iv: string; leaf: string}[] = [];
  const skipped: string[] = [];
  for (const [file, model] of models) {
    for (const iv of model.file.interventions) {
      if (!iv.participants) continue;
      const leaf = model.nodes.get(`${iv.id}.${iv.participants}`);
      if (!leaf?.leaf || typeof leaf.leaf.value !== "number" || leaf.leaf.value <= 0) continue;
      const lines = model.lines.filter((l) => l.intervention === iv.id);
      if (lines.length && lines.every((l) => dependsOn(model, l.node, leaf.name))) chosen.push({file, iv: iv.id, leaf: leaf.name});
      else skipped.push(`${file}#${iv.id}`);
    }
  }
  test("the rule picks at least one intervention (else the property tests nothing)", () => {
    expect(chosen.length).toBeGreaterThan(0);
  });
  test.each(chosen.map((c) => [`${c.file}#${c.iv}`, c] as const))("%s", (_, c) => {
    const model = models.get(c.file)!;
    const n = model.nodes.get(c.leaf)!.leaf!.value as number;
    const once = totals(summarize(evaluate(model), c.iv));
    const twice = totals(summarize(evaluate(model, {[c.leaf]: 2 * n}), c.iv));
    const wrong = Object.keys(once).filter((k) => !near(twice[k], 2 * once[k]));
    expect(wrong.map((k) => `${k}: ${once[k]} → ${twice[k]} (expected ${2 * once[k]})`), `${c.file}#${c.iv}: totals that do not double with ${c.leaf}`).toEqual([]);
  });
});

describe("multiplying every euro input by a factor multiplies costs, benefits and saldo by it", () => {
  const isEuro = (l: GraphNode) => {
    try {
      return ["€", "€ miljoen"].includes(parseUnit(l.unit).base);
    } catch {
      return false;
    }
  };
  const random = mulberry32(17);
  const factors = [2, ...Array.from({length: cases(1, 4)}, () => 0.25 + 3 * random())];
  test.each(files.map((f) => [f] as const))("%s", (file) => {
    const model = models.get(file)!;
    const euros = model.leaves.filter(isEuro).map((l) => l.name);
    const base = summarizeAll(evaluate(model)).total;
    for (const f of factors) {
      const s = summarizeAll(evaluate(model, scaled(model, euros, f))).total;
      const scale = Math.max(1, Math.abs(base.costs), Math.abs(base.benefits));
      const wrong = (["costs", "benefits", "saldo"] as const).filter((k) => !near(s[k], f * base[k], f * scale));
      expect(wrong.map((k) => `${k}: ${base[k]} × ${f} = ${f * base[k]}, found ${s[k]}`), `${file}: euro inputs × ${f}`).toEqual([]);
    }
  });
});

describe("a scenario or --set that sets an input to its own value changes nothing", () => {
  const random = mulberry32(23);
  const perModel = cases(2, 10);
  test.each(files.map((f) => [f] as const))("%s", async (file) => {
    const model = models.get(file)!;
    const base = JSON.stringify(summarizeAll(evaluate(model)));
    const picks = Array.from({length: Math.min(perModel, model.leaves.length)}, () => model.leaves[Math.floor(random() * model.leaves.length)]);
    for (const leaf of picks) {
      const value = leaf.leaf!.value as number | number[];
      // The scenario path (a named set in the model file), with the model's own value.
      const withScenario = {...model, file: {...model.file, scenarios: [...model.file.scenarios, {id: "zelfde", label: "zelfde waarde", set: {[leaf.name]: value}}]}} as CompiledModel;
      const overrides = scenarioOverrides(withScenario, "zelfde");
      expect(JSON.stringify(summarizeAll(evaluate(model, overrides))), `${file}: scenario ${leaf.name} = its own value`).toBe(base);
      expect(JSON.stringify(runScenarios(withScenario).at(-1)!.total)).toBe(JSON.stringify(summarizeAll(evaluate(model)).total));
      // The command line: --set name=<its own value> gives the same JSON as no --set.
      const plain = await runCli(["evaluate", file, "--json"]);
      const same = await runCli(["evaluate", file, "--json", ...setArguments({[leaf.name]: value})]);
      expect(same.err, `${file}: --set ${leaf.name}=<own value>`).toBe("");
      expect(same.code).toBe(0);
      const strip = (text: string) => {
        const j = JSON.parse(text) as Record<string, unknown>;
        delete j.overrides;
        return JSON.stringify(j);
      };
      expect(strip(same.out), `${file}: --set ${leaf.name}=<own value>`).toBe(strip(plain.out));
    }
  }, FULL ? 600_000 : 60_000);
});

describe("every uncertainty and control spec holds its input's value", () => {
  /** Problems of one leaf's specs, as "name: what" lines. */
  function problems(model: CompiledModel): string[] {
    const out: string[] = [];
    for (const l of model.leaves) {
      const v = l.leaf!.value as number | number[];
      const values = typeof v === "number" ? [v] : v;
      const c = l.leaf!.control;
      if (c) {
        if (!(c.min < c.max)) out.push(`${l.name}: control min ${c.min} ≥ max ${c.max}`);
        // A series has one box: its largest value (lib/model/control-values.ts baseNumber).
        const shown = values.reduce((m, x) => (Math.abs(x) > Math.abs(m) ? x : m), 0);
        if (shown < c.min || shown > c.max) out.push(`${l.name}: value ${shown} outside control [${c.min}, ${c.max}]`);
      }
      const u = l.leaf!.uncertainty;
      if (u && (u.type === "range" || u.type === "triangular" || u.type === "pert")) {
        const reference = typeof v === "number" ? v : values.reduce((a, b) => a + b, 0) / values.length;
        if (reference < u.low || reference > u.high) out.push(`${l.name}: value ${reference} outside ${u.type} [${u.low}, ${u.high}]`);
      }
    }
    return out;
  }
  test.each(files.map((f) => [f] as const))("%s", (file) => {
    expect(problems(models.get(file)!)).toEqual([]);
  });
});
