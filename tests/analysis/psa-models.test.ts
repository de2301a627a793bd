// The batched Monte Carlo path against the reference (`summarizeAll(evaluate(...))` per draw) and
// the block kernel against the one-draw kernel, on every shipped model: as shipped, and with every
// single-number parameter varied (PERT over ±20 % of its value), so that the block kernel meets
// varying inputs on every model (most shipped models state no uncertainty).
import {readFileSync} from "node:fs";
import {globSync} from "glob";
import {describe as group, expect, it} from "vitest";
import {psa, psaReference, type PsaOptions, type PsaResult} from "../../lib/analysis/psa.js";
import {uncertainInputs} from "../../lib/analysis/inputs.js";
import {chunkLength, drawChunk} from "../../lib/analysis/rng.js";
import {blockKernel} from "../../lib/model/block-kernel.js";
import {compileModel, type CompiledModel} from "../../lib/model/compile.js";
import {registryContext} from "../../lib/model/context.js";
import {initialState} from "../../lib/model/evaluate.js";
import {defaultRegistry, loadStudy} from "../../lib/io/study.js";
import type {ModelFile} from "../../lib/schema/model.js";
import {close, expectSameStats} from "./psa-helpers.js";

const files = globSync("data/studies/**/*.yaml").filter((f) => /^interventions:/m.test(readFileSync(f, "utf8"))).sort();

/**
 * The model with a PERT(0,8·v, v, 1,2·v) uncertainty on every parameter and kengetal that has none
 * (v its value, or for a series the mean of its values, which a series input is varied against).
 */
function varied(model: CompiledModel): CompiledModel {
  const file = structuredClone(model.file) as ModelFile;
  const vary = (params: ModelFile["parameters"]) => {
    for (const p of params) {
      const v = Array.isArray(p.value) ? p.value.reduce((a, b) => a + b, 0) / p.value.length : p.value;
      if ((p.uncertainty && p.uncertainty.type !== "fixed") || v === 0) continue;
      p.uncertainty = {type: "range", low: Math.min(0.8 * v, 1.2 * v), high: Math.max(0.8 * v, 1.2 * v)};
    }
  };
  vary(file.parameters);
  for (const iv of file.interventions) vary(iv.parameters);
  // Kengetallen too (some models are all kengetallen).
  const context = registryContext(defaultRegistry());
  return compileModel(file, {
    ...context,
    kengetal: (id) => {
      const k = context.kengetal(id);
      if (!k || (k.uncertainty && k.uncertainty.type !== "fixed") || k.value === 0) return k;
      return {...k, uncertainty: {type: "range", low: Math.min(0.8 * k.value, 1.2 * k.value), high: Math.max(0.8 * k.value, 1.2 * k.value)}};
    }
  });
}

function expectSameResult(fast: PsaResult, ref: PsaResult) {
  expect(fast.nonFinite).toBe(ref.nonFinite);
  for (const key of ["costs", "benefits", "saldo", "ratio", "financialCosts", "financialBenefits", "financialSaldo", "financialRatio"] as const) expectSameStats(fast[key], ref[key]);
  expect(fast.probPositive).toBe(ref.probPositive);
  expect(fast.histogram.map((b) => b.count)).toEqual(ref.histogram.map((b) => b.count));
  fast.histogram.forEach((b, i) => (close(b.x0, ref.histogram[i].x0), close(b.x1, ref.histogram[i].x1)));
  expect(fast.actors.map((a) => a.actor)).toEqual(ref.actors.map((a) => a.actor));
  fast.actors.forEach((a, i) => (expectSameStats(a.saldo, ref.actors[i].saldo), expect(a.probPositive).toBe(ref.actors[i].probPositive)));
  fast.interventions.forEach((iv, i) => {
    expectSameStats(iv.costs, ref.interventions[i].costs);
    expectSameStats(iv.benefits, ref.interventions[i].benefits);
    expectSameStats(iv.saldo, ref.interventions[i].saldo);
    expect(iv.probPositive).toBe(ref.interventions[i].probPositive);
  });
  for (const c of ["qaly", "discountRate"] as const) {
    expect(fast.acceptability[c]?.points).toEqual(ref.acceptability[c]?.points);
    expect(fast.acceptability[c]?.base).toBe(ref.acceptability[c]?.base);
  }
}

it("finds the shipped models", () => {
  expect(files).toContain("data/studies/zoetermeer/model.yaml");
  expect(files).toContain("data/studies/zoetermeer/investering-per-deelnemer.yaml");
  expect(files.length).toBeGreaterThanOrEqual(20);
});

// 600 draws: one full chunk and one partial one; small curve grids keep the reference quick.
const options: PsaOptions = {draws: 600, seed: 3, qalyGrid: [0, 30000, 90000], rateGrid: [0, 0.03, 0.07]};

for (const path of files) {
  group(path, () => {
    const shipped = loadStudy(path);
    const all = varied(shipped);
    it("the block kernel gives, draw for draw, bit for bit the one-draw kernel's value of every quantity", () => {
      const inputs = uncertainInputs(all);
      expect(inputs.length).toBeGreaterThan(0);
      const B = 512;
      const n = chunkLength(600, 1); // the partial chunk
      const cols = drawChunk(inputs.map((i) => i.distribution), 3, 1, n);
      const {S: S0, V: V0} = initialState(all);
      const H = all.horizon;
      const S = new Float64Array(all.scalarCount * B);
      const V = new Float64Array(all.seriesCount * H * B);
      const one: {S: Float64Array; V: Float64Array}[] = [];
      for (let b = 0; b < n; ++b) {
        const s = S0.slice();
        const v = V0.slice();
        inputs.forEach((input, i) => {
          if (input.series) for (let t = 0; t < H; ++t) v[input.node.slot + t] = V0[input.node.slot + t] * (cols[i * n + b] / input.reference);
          else s[input.node.slot] = cols[i * n + b];
        });
        for (let i = 0; i < s.length; ++i) S[i * B + b] = s[i];
        for (let i = 0; i < v.length; ++i) V[i * B + b] = v[i];
        all.kernel(s, v);
        one.push({S: s, V: v});
      }
      blockKernel(all, B).kernel(S, V, n);
      let mismatches = 0;
      for (let b = 0; b < n; ++b) {
        for (let i = 0; i < all.scalarCount; ++i) if (!Object.is(S[i * B + b], one[b].S[i])) ++mismatches;
        for (let i = 0; i < all.seriesCount * H; ++i) if (!Object.is(V[i * B + b], one[b].V[i])) ++mismatches;
      }
      expect(mismatches).toBe(0);
    });
    it("batched psa equals the reference as shipped (1e-9 relative; counts and curves exactly)", () => {
      expectSameResult(psa(shipped, options), psaReference(shipped, options));
    }, 120_000);
    it("batched psa equals the reference with every parameter varied", () => {
      const fast = psa(all, options);
      expect(fast.inputs.length).toBeGreaterThan(0);
      expectSameResult(fast, psaReference(all, options));
    }, 120_000);
  });
}
