import {describe, expect, it} from "vitest";
import {psa, psaReference} from "../../lib/analysis/psa.js";
import {evpiOf, evppiForPsa, evppiOf, evpiSummary, smoothFit, VoiError} from "../../lib/analysis/voi.js";
import {handleEvppi, type EvppiMessage} from "../../lib/analysis/worker-entry.js";
import {loadFixture} from "../model/helpers.js";
import {runCli} from "../cli/run.js";

const model = loadFixture("tests/fixtures/model-voi.yaml");

/** Standard normal density and CDF (the CDF by the Abramowitz–Stegun 7.1.26 erf, error < 1.5e-7). */
const phi = (z: number) => Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
function Phi(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
/** EVPI of "implement or not" with NB ~ N(μ, σ²): σ·φ(μ/σ) − |μ|·Φ(−|μ|/σ). */
const exactEvpi = (mu: number, sigma: number) => sigma * phi(mu / sigma) - Math.abs(mu) * Phi(-Math.abs(mu) / sigma);
/** Monte Carlo standard error of the EVPI estimate mean(max(0, x)) − max(0, mean(x)). */
function evpiSe(x: ArrayLike<number>): number {
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; ++i) m += x[i];
  m /= n;
  const d = Array.from(x, (v) => Math.max(0, v) - (m > 0 ? v : 0));
  const dm = d.reduce((a, b) => a + b, 0) / n;
  return Math.sqrt(d.reduce((a, b) => a + (b - dm) ** 2, 0) / (n - 1) / n);
}

describe("value of information: EVPI and EVPPI (Strong, Oakley & Brennan 2014 regression)", () => {
  it("exact case: one normal input and a linear saldo, EVPPI = EVPI = σ·φ(μ/σ) − |μ|·Φ(−|μ|/σ) within 4 Monte Carlo standard errors", () => {
    const only = {z: 5, y: 0}; // hold y and z: the saldo is x ~ N(100, 300²)
    const r = psa(model, {draws: 20_000, seed: 11, overrides: only, keepSamples: true, keepInputs: true});
    const exact = exactEvpi(100, 300); // 300·φ(1/3) − 100·Φ(−1/3) ≈ 76,3
    expect(exact).toBeCloseTo(76.3, 0);
    const se = evpiSe(r.samples!.saldo);
    expect(Math.abs(r.evpi!.society.cohort - exact)).toBeLessThan(4 * se);
    const v = evppiForPsa(model, r);
    expect(v.inputs.map((i) => i.id)).toEqual(["x"]);
    expect(Math.abs(v.inputs[0].cohort - exact)).toBeLessThan(4 * se);
    // Per participant: divided by the model's 50 participants.
    expect(r.evpi!.society.perParticipant).toBeCloseTo(r.evpi!.society.cohort / 50, 10);
    expect(v.inputs[0].perParticipant).toBeCloseTo(v.inputs[0].cohort / 50, 10);
  }, 60_000);
  it("two inputs, saldo x + y: EVPPI(x) is the exact EVPI of N(μ, σx²), EVPPI({x, y}) is EVPI, EVPPI of an input outside the saldo is ~0", () => {
    const r = psa(model, {draws: 20_000, seed: 12, keepSamples: true, keepInputs: true});
    const v = evppiForPsa(model, r);
    const se = evpiSe(r.samples!.saldo);
    const sigma = Math.hypot(300, 200);
    expect(Math.abs(r.evpi!.society.cohort - exactEvpi(100, sigma))).toBeLessThan(4 * se);
    const byId = Object.fromEntries([...v.inputs, ...v.groups].map((x) => [x.id, x]));
    // E[NB | x] = x: its EVPPI is the EVPI of N(100, 300²); the error is that of the mean over x.
    const seX = evpiSe(r.samples!.inputs!.x);
    expect(Math.abs(byId.x.cohort - exactEvpi(100, 300))).toBeLessThan(4 * seX + 2);
    expect(Math.abs(byId.y.cohort - exactEvpi(100, 200))).toBeLessThan(4 * evpiSe(r.samples!.inputs!.y.map((y) => y + 100)) + 2);
    expect(Math.abs(byId.xy.cohort - r.evpi!.society.cohort)).toBeLessThan(0.02 * r.evpi!.society.cohort);
    expect(byId.z.cohort).toBeLessThan(0.05 * r.evpi!.society.cohort);
    // A group of x and an irrelevant input is worth about x alone.
    expect(Math.abs(byId.xz.cohort - byId.x.cohort)).toBeLessThan(0.05 * r.evpi!.society.cohort);
    // Sorted by value, largest first; every EVPPI within [0, EVPI].
    expect(v.inputs.map((i) => i.id)).toEqual(["x", "y", "z"]);
    for (const x of [...v.inputs, ...v.groups]) expect(x.cohort).toBeGreaterThanOrEqual(0), expect(x.cohort).toBeLessThanOrEqual(r.evpi!.society.cohort);
  }, 60_000);
  it("the reference path gives the same EVPI as the batched path (1e-9)", () => {
    const a = psa(model, {draws: 700, seed: 5}).evpi!;
    const b = psaReference(model, {draws: 700, seed: 5}).evpi!;
    expect(Math.abs(a.society.cohort - b.society.cohort)).toBeLessThan(1e-9 * Math.max(1, b.society.cohort));
    a.actors.forEach((x, i) => expect(Math.abs(x.cohort - b.actors[i].cohort)).toBeLessThan(1e-9 * Math.max(1, b.actors[i].cohort)));
  }, 60_000);
  it("EVPI per actor: the actor's own saldo (here gemeente gets x, rijk gets y)", () => {
    const r = psa(model, {draws: 5000, seed: 3, keepSamples: true});
    const g = r.evpi!.actors.find((a) => a.actor === "gemeente")!;
    expect(Math.abs(g.cohort - exactEvpi(100, 300))).toBeLessThan(10);
  }, 60_000);
  it("the spline smoother recovers a non-linear mean (y = x² + noise) far better than a constant", () => {
    const n = 4000;
    const x = Float64Array.from({length: n}, (_, i) => -2 + (4 * ((i * 0.618034) % 1)));
    const y = Float64Array.from(x, (v, i) => v * v + 0.3 * Math.sin(i * 12.9898));
    const fit = smoothFit([x], y);
    let err = 0;
    for (let i = 0; i < n; ++i) err += (fit.fitted[i] - x[i] * x[i]) ** 2;
    expect(Math.sqrt(err / n)).toBeLessThan(0.05);
    expect(fit.edf).toBeGreaterThan(3);
    expect(evpiOf([1, -1, 3, -3])).toBe(1); // mean(max(0, x)) = 1, mean 0
    expect(evppiOf([[1, 1, 1, 1]], [1, -1, 3, -3]).evppi).toBe(0);
  }, 60_000);
  it("a group of two interacting inputs (NB = x·y + 0,1, x, y uniform on (−1, 1)): the tensor-product fit gives EVPPI ≈ EVPI, where either input alone is worth ~0", () => {
    const n = 10_000;
    // A deterministic low-discrepancy design (no seed needed): x and y independent and uniform.
    const x = Float64Array.from({length: n}, (_, i) => 2 * ((i * 0.6180339887498949) % 1) - 1);
    const y = Float64Array.from({length: n}, (_, i) => 2 * ((i * 0.7548776662466927 + 0.5) % 1) - 1);
    const nb = Float64Array.from(x, (v, i) => v * y[i] + 0.1);
    const evpi = evpiOf(nb);
    const both = evppiOf([x, y], nb);
    expect(smoothFit([x, y], nb).kind).toBe("tensor");
    expect(Math.abs(both.evppi - evpi)).toBeLessThan(0.03 * evpi);
    expect(evppiOf([x], nb).evppi).toBeLessThan(0.05 * evpi);
    expect(smoothFit([x, y, nb], nb).kind).toBe("additive");
  }, 60_000);
  it("EVPI for a model without uncertain inputs is refused with a Dutch message; psa gives evpi null", async () => {
    expect(() => evpiSummary([1, 2], [], null, 0)).toThrow(VoiError);
    expect(() => evpiSummary([1, 2], [], null, 0)).toThrow(/geen onzekere invoer/);
    const r = psa(model, {draws: 10, overrides: {x: 1, y: 2, z: 3}});
    expect(r.evpi).toBeNull();
    const cli = await runCli(["psa", "tests/fixtures/model-mini.yaml", "--draws", "10", "--workers", "1", "--evppi", "--json"]);
    expect(cli.code).toBe(2);
    expect(cli.err).toMatch(/rendement psa: geen waarde van informatie te berekenen: .*geen onzekere invoer/);
  }, 60_000);
  it("psa --json has evpi; --evppi adds evppi per input and group, the same with 1 and 2 workers", async () => {
    const args = ["psa", "tests/fixtures/model-voi.yaml", "--draws", "3000", "--seed", "4", "--evppi", "--json"];
    const one = await runCli([...args, "--workers", "1"]);
    expect(one.code).toBe(0);
    const j = JSON.parse(one.out);
    expect(j.evpi.society.cohort).toBeGreaterThan(0);
    expect(j.evppi.inputs.length).toBe(3);
    expect(j.evppi.groups.map((g: {id: string}) => g.id).sort()).toEqual(["xy", "xz"]);
    expect(j.samples).toBeUndefined();
    const two = await runCli([...args, "--workers", "2"]);
    expect(two.out).toBe(one.out);
  }, 60_000);
  it("a declared group naming no input is refused at load with file, line and field", async () => {
    const {readFileSync} = await import("node:fs");
    const {compileModelText} = await import("../../lib/io/model-file.js");
    const {noKengetallen} = await import("../model/helpers.js");
    const text = readFileSync("tests/fixtures/model-voi.yaml", "utf8").replace("inputs: [x, y]", "inputs: [x, q]");
    expect(() => compileModelText(text, "voi.yaml", noKengetallen)).toThrow(/^voi\.yaml:\d+: inputGroups\[0\]\.inputs\[1\]: group xy: unknown input "q"/);
  }, 60_000);
  it("the worker answers an evppi message with the PSA result and the EVPPI", () => {
    const {file} = model;
    const messages: EvppiMessage[] = [];
    handleEvppi({file, registry: {format: "rendement-kengetallen@1", themes: [], kengetallen: [], cpi: null}, draws: 1000, seed: 2}, (m) => messages.push(m));
    const last = messages.at(-1)!;
    expect(last.type).toBe("evppi");
    if (last.type !== "evppi") return;
    expect(last.evppi.inputs.length).toBe(3);
    expect(last.result.samples).toBeUndefined();
    expect(last.result.evpi!.society.cohort).toBeCloseTo(last.evppi.evpi.cohort, 10);
  }, 60_000);
});
