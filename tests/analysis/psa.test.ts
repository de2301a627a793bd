import {describe as group, expect, it} from "vitest";
import {runCli} from "../cli/run.js";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {CHUNK_SIZE, classify, describe, drawSamples, histogram, percentileKey, percentilesOf, psa, psaReference, PERCENTILES, type PsaResult} from "../../lib/analysis/psa.js";
import {uncertainInputs, inputValue} from "../../lib/analysis/inputs.js";
import {mean as distMean} from "../../lib/analysis/distributions.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {compileModelText} from "../../lib/io/model-file.js";
import {loadFixture, noKengetallen} from "../model/helpers.js";
import {close, expectSameStats} from "./psa-helpers.js";

const model = loadFixture("tests/fixtures/model-linear.yaml");
group("draws", () => {
  it("a fixed seed gives identical draws; another seed gives other draws", () => {
    const a = drawSamples(model, {draws: 200, seed: 11});
    const b = drawSamples(model, {draws: 200, seed: 11});
    const c = drawSamples(model, {draws: 200, seed: 12});
    expect(a.inputs).toEqual(b.inputs);
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(Array.from(a.values)).not.toEqual(Array.from(c.values));
  });
  it("a fixed seed gives identical PSA results", () => {
    expect(psa(model, {draws: 300, seed: 5})).toEqual(psa(model, {draws: 300, seed: 5}));
  });
  it("draw values stay within the bounds of range, triangular and PERT inputs", () => {
    const {inputs, values} = drawSamples(model, {draws: 2000, seed: 3});
    const k = inputs.length;
    const col = (name: string) => Array.from({length: 2000}, (_, d) => values[d * k + inputs.indexOf(name)]);
    for (const x of col("a.uitkering")) expect(x >= 12000 && x <= 18000).toBe(true);
    for (const x of col("a.loon")) expect(x >= 15000 && x <= 25000).toBe(true);
    for (const x of col("a.zorg")) expect(x >= 100 && x <= 700).toBe(true);
    for (const x of col("b.aandeel")) expect(x > 0 && x < 1).toBe(true);
  });
});

group("fast path against the reference implementation (same seed, same draws)", () => {
  const options = {draws: 400, seed: 2024};
  const fast = psa(model, options);
  const ref = psaReference(model, options);
  it("costs, benefits, saldo, ratios agree to 1e-9 relative (summation order differs)", () => {
    expect(fast.method).toBe("fast");
    expect(ref.method).toBe("reference");
    for (const key of ["costs", "benefits", "saldo", "ratio", "financialCosts", "financialBenefits", "financialSaldo", "financialRatio"] as const) expectSameStats(fast[key], ref[key]);
    expect(fast.probPositive).toBe(ref.probPositive);
    expect(fast.histogram.map((b) => b.count)).toEqual(ref.histogram.map((b) => b.count));
  });
  it("per actor and per intervention agree", () => {
    expect(fast.actors.map((a) => a.actor)).toEqual(ref.actors.map((a) => a.actor));
    fast.actors.forEach((a, i) => {
      expectSameStats(a.saldo, ref.actors[i].saldo);
      expect(a.probPositive).toBe(ref.actors[i].probPositive);
    });
    fast.interventions.forEach((iv, i) => {
      expectSameStats(iv.saldo, ref.interventions[i].saldo);
      expectSameStats(iv.costs, ref.interventions[i].costs);
      expect(iv.probPositive).toBe(ref.interventions[i].probPositive);
    });
  });
  it("acceptability curves: re-weighting the QALY lines and re-discounting equal re-running the model", () => {
    expect(fast.acceptability.qaly!.method).toBe("reweight");
    expect(fast.acceptability.qaly!.input).toBe("qalyWaarde");
    expect(fast.acceptability.discountRate!.method).toBe("rediscount");
    expect(ref.acceptability.qaly!.method).toBe("rerun");
    expect(fast.acceptability.qaly!.points).toEqual(ref.acceptability.qaly!.points);
    expect(fast.acceptability.discountRate!.points).toEqual(ref.acceptability.discountRate!.points);
    // A post-specific rate (qolRate, only the immaterial post) is re-discounted too.
    const opt2 = {...options, discountRate: "qolRate", rateGrid: [0, 0.01, 0.03, 0.06], qalyValue: null};
    const f2 = psa(model, opt2);
    const r2 = psaReference(model, opt2);
    expect(f2.acceptability.discountRate!.method).toBe("rediscount");
    expect(f2.acceptability.discountRate!.points).toEqual(r2.acceptability.discountRate!.points);
  }, 60_000);
  it("the QALY curve rises with the QALY value and the rate curve falls with the rate (benefits come later than costs)", () => {
    const q = fast.acceptability.qaly!.points.map((p) => p.probPositive);
    const r = fast.acceptability.discountRate!.points.map((p) => p.probPositive);
    for (let i = 1; i < q.length; ++i) expect(q[i]).toBeGreaterThanOrEqual(q[i - 1]);
    for (let i = 1; i < r.length; ++i) expect(r[i]).toBeLessThanOrEqual(r[i - 1]);
    expect(q[q.length - 1]).toBeGreaterThan(q[0]);
  });
});

group("a saldo that is not linear in the QALY value", () => {
  // The QALY value enters through min(...): the fast path must re-run the draws, and agree with the reference.
  const text = `
id: capped
title: Begrensd
priceYear: 2020
horizon: 2
discountRate: 0.03
posts:
  - {id: kosten, label: Kosten, side: cost}
  - {id: qol, label: Kwaliteit van leven, side: benefit, nature: immaterial}
parameters:
  - {id: qalyWaarde, label: Waarde QALY, value: 50000, unit: "€/QALY", assumption: test}
interventions:
  - id: a
    label: A
    parameters:
      - {id: kosten, label: Kosten, value: 90000, unit: "€", assumption: test, uncertainty: {type: normal, sd: 20000}}
      - {id: qaly, label: QALY, value: 1, unit: QALY, assumption: test, uncertainty: {type: gamma, sd: 0.3}}
    flows:
      - {id: kosten, label: Kosten, post: kosten, actor: gemeente, effect: cost, amount: "once(kosten)"}
      - {id: qol, label: QoL, post: qol, actor: deelnemer, effect: benefit, amount: "yearly(qaly * min(qalyWaarde, 60000))"}
`;
  const capped = compileModelText(text, "capped.yaml", noKengetallen);
  it("classify marks a node under min(...) as 'other' and a plain product as 'prop'", () => {
    expect(classify(capped, "qalyWaarde").get("a:qol")).toBe("other");
    expect(classify(capped, "a.kosten").get("a:kosten")).toBe("prop");
    expect(classify(capped, "a.kosten").get("a:qol")).toBe("free");
    expect(classify(model, "qalyWaarde").get("a:qol")).toBe("prop");
    expect(classify(model, "qalyWaarde").get("a:loon")).toBe("free");
  });
  it("the fast path falls back to re-running, with the reference's result", () => {
    const f = psa(capped, {draws: 300, seed: 9});
    const r = psaReference(capped, {draws: 300, seed: 9});
    expect(f.acceptability.qaly!.method).toBe("rerun");
    expect(f.acceptability.qaly!.points).toEqual(r.acceptability.qaly!.points);
    // Above the cap the curve is flat.
    const pts = f.acceptability.qaly!.points.filter((p) => p.x >= 60000).map((p) => p.probPositive);
    expect(new Set(pts).size).toBe(1);
  }, 60_000);
});

group("a model linear in symmetric inputs", () => {
  // Hold the post-specific discount rate fixed: the present value is not linear in a rate.
  const overrides = {qolRate: 0.015};
  const draws = 20_000;
  const result: PsaResult = psa(model, {draws, seed: 1, overrides});
  const det = summarize(evaluate(model, overrides)).saldo;
  it("the deterministic saldo is the saldo at the means of all inputs (symmetric distributions: mean = value)", () => {
    const inputs = uncertainInputs(model, overrides);
    const atMeans = Object.fromEntries(inputs.map((i) => [i.name, inputValue(i, distMean(i.distribution))]));
    close(summarize(evaluate(model, {...overrides, ...atMeans})).saldo, det, 1e-12);
  });
  it("the PSA mean equals the saldo at the sample means of the draws (linearity, exact to rounding)", () => {
    const {inputs, values} = drawSamples(model, {draws, seed: 1, overrides});
    const k = inputs.length;
    const all = uncertainInputs(model, overrides);
    const sampleMeans: Record<string, number | number[]> = {};
    inputs.forEach((name, j) => {
      let s = 0;
      for (let d = 0; d < draws; ++d) s += values[d * k + j];
      sampleMeans[name] = inputValue(all[j], s / draws);
    });
    close(result.saldo.mean, summarize(evaluate(model, {...overrides, ...sampleMeans})).saldo, 1e-9);
  });
  it("the PSA mean converges to the deterministic saldo: within 4 standard errors at 20 000 draws", () => {
    const se = result.saldo.sd / Math.sqrt(draws);
    expect(Math.abs(result.saldo.mean - det)).toBeLessThan(4 * se);
    expect(result.deterministic.saldo).toBe(det);
  });
});

group("statistics", () => {
  const r = psa(model, {draws: 2000, seed: 77, keepSamples: true});
  it("percentiles are ordered: min ≤ 2.5 ≤ 5 ≤ 25 ≤ 50 ≤ 75 ≤ 95 ≤ 97.5 ≤ max, for every result", () => {
    const all = [r.costs, r.benefits, r.saldo, r.ratio, r.financialRatio, ...r.actors.map((a) => a.saldo), ...r.interventions.map((i) => i.saldo)];
    for (const s of all) {
      const seq = [s.min, ...PERCENTILES.map((p) => s.percentiles[percentileKey(p)]), s.max];
      for (let i = 1; i < seq.length; ++i) expect(seq[i]).toBeGreaterThanOrEqual(seq[i - 1]);
    }
  });
  it("P(saldo > 0) is the share of draws with a positive saldo; the histogram counts every draw", () => {
    const s = r.samples!.saldo;
    expect(r.probPositive).toBe(s.filter((x) => x > 0).length / s.length);
    expect(r.histogram.reduce((a, b) => a + b.count, 0)).toBe(2000);
  });
  it("describe: percentiles by selection equal R type 7 on a sorted copy (1..10: 25 % = 3.25, 97.5 % = 9.775)", () => {
    const s = describe([10, 3, 7, 1, 9, 2, 8, 4, 6, 5]);
    expect(s.percentiles.p25).toBeCloseTo(3.25, 12);
    expect(s.percentiles.p97_5).toBeCloseTo(9.775, 12);
    expect(s.percentiles.p50).toBeCloseTo(5.5, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(55 / 6), 12);
    const rnd = Array.from({length: 5001}, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
    const sorted = [...rnd].sort((a, b) => a - b);
    const t7 = (p: number) => {
      const h = (sorted.length - 1) * p;
      const lo = Math.floor(h);
      return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (h - lo);
    };
    const d = describe(rnd);
    for (const p of PERCENTILES) expect(d.percentiles[percentileKey(p)]).toBeCloseTo(t7(p / 100), 12);
  });
  it("histogram bins have equal width from the minimum to the maximum", () => {
    const h = histogram([0, 1, 2, 3, 4, 10], 5);
    expect(h.map((b) => b.count)).toEqual([2, 2, 1, 0, 1]);
    expect(h[0].x0).toBe(0);
    expect(h[4].x1).toBe(10);
  });
  it("bad options are refused with a clear message", () => {
    expect(() => psa(model, {draws: 0})).toThrow("draws must be a positive integer, found 0");
    expect(() => psa(model, {seed: 1.5})).toThrow("seed must be a non-negative integer, found 1.5");
  });
  it("progress is reported after each chunk, up to the total", () => {
    const seen: number[] = [];
    const draws = 2 * CHUNK_SIZE + 10;
    psa(model, {draws, seed: 1, qalyValue: null, discountRate: null, onProgress: (done, total) => (expect(total).toBe(draws), seen.push(done))});
    expect(seen).toEqual([CHUNK_SIZE, 2 * CHUNK_SIZE, draws]);
  });
  it("per-draw values are kept only for the outputs with percentiles: financial costs, benefits and saldo, and costs and benefits per intervention are streamed", () => {
    expect(r.financialCosts.percentiles).toBeNull();
    expect(r.financialSaldo.percentiles).toBeNull();
    expect(r.interventions[0].costs.percentiles).toBeNull();
    expect(r.interventions[0].saldo.percentiles).not.toBeNull();
    // The streamed statistics equal the full-array ones.
    const ref = psaReference(model, {draws: 2000, seed: 77, qalyValue: null, discountRate: null});
    expectSameStats(r.financialSaldo, ref.financialSaldo);
    expectSameStats(r.interventions[1].benefits, ref.interventions[1].benefits);
  }, 60_000);
});

group("draws whose result is not finite", () => {
  // sqrt of a normal input centred on 0: about half the draws give NaN for the zorg line.
  const text = `
id: nan
title: Niet eindig
priceYear: 2020
horizon: 2
discountRate: 0.03
posts:
  - {id: kosten, label: Kosten, side: cost}
  - {id: baten, label: Baten, side: benefit}
parameters:
  - {id: x, label: X, value: 0, unit: "-", assumption: test, uncertainty: {type: normal, sd: 1}}
  - {id: kosten, label: Kosten, value: 100, unit: "€", assumption: test, uncertainty: {type: normal, sd: 50}}
interventions:
  - id: a
    label: A
    flows:
      - {id: kosten, label: Kosten, post: kosten, actor: gemeente, effect: cost, amount: "once(kosten)"}
      - {id: baten, label: Baten, post: baten, actor: deelnemer, effect: benefit, amount: "yearly(100 * sqrt(x))"}
`;
  const nan = compileModelText(text, "nan.yaml", noKengetallen);
  const draws = 1200;
  const fast = psa(nan, {draws, seed: 4, keepSamples: true});
  const ref = psaReference(nan, {draws, seed: 4});
  it("are counted in nonFinite and left out of every statistic, never counted as a saldo ≤ 0", () => {
    expect(fast.nonFinite).toBeGreaterThan(draws * 0.4);
    expect(fast.nonFinite).toBeLessThan(draws * 0.6);
    expect(fast.nonFinite).toBe(ref.nonFinite);
    expect(fast.saldo.n).toBe(draws - fast.nonFinite);
    expect(fast.samples!.saldo.length).toBe(draws - fast.nonFinite);
    expect(fast.samples!.saldo.every(Number.isFinite)).toBe(true);
    expect(fast.histogram.reduce((a, b) => a + b.count, 0)).toBe(draws - fast.nonFinite);
    // P(saldo > 0) among the finite draws: with x ≥ 0 the benefits (≥ 0) mostly exceed the costs.
    expect(fast.probPositive).toBe(fast.samples!.saldo.filter((s) => s > 0).length / (draws - fast.nonFinite));
    expect(fast.probPositive).toBe(ref.probPositive);
    expectSameStats(fast.saldo, ref.saldo);
    expectSameStats(fast.costs, ref.costs);
  });
  it("the command line reports them, in the text and in the JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "psa-nan-"));
    const file = join(dir, "nan.yaml");
    writeFileSync(file, text);
    const cli = (...args: string[]) => runCli(["psa", file, "--draws", String(draws), "--seed", "4", "--workers", "1", ...args]);
    // About half the draws left out: more than --max-excluded (default 5 %), so the run fails (issue 17 case 10).
    const refused = await cli();
    expect(refused.code).toBe(1);
    expect(refused.out).toBe("");
    expect(refused.err).toContain(`rendement psa: ${fast.nonFinite} of 1.200 draws`);
    const out = await cli("--max-excluded", "60%");
    expect(out.code).toBe(0);
    expect(out.out).toContain(`let op: ${fast.nonFinite} van de 1.200 trekkingen gaven geen eindig saldo of geen eindige verhouding (NaN of oneindig) en tellen niet mee in de statistieken`);
    expect(JSON.parse((await cli("--json", "--max-excluded", "0.6")).out).nonFinite).toBe(fast.nonFinite);
    rmSync(dir, {recursive: true});
  }, 60_000);
});

group("a draw whose ratio alone is not finite", () => {
  // Costs of about 1e-320 € (a subnormal number) and benefits of 100: saldo and costs are finite, the
  // ratio benefits / costs is +Infinity. The reference path drops such a draw (summarize throws a
  // NonFiniteError); the fast path must count it in nonFinite too, not drop only its ratio silently.
  const text = `
id: tiny
title: Kleine kosten
priceYear: 2020
horizon: 1
discountRate: 0
posts:
  - {id: kosten, label: Kosten, side: cost}
  - {id: baten, label: Baten, side: benefit}
parameters:
  - {id: x, label: X, value: 0, unit: "-", assumption: test, uncertainty: {type: normal, sd: 1}}
interventions:
  - id: a
    label: A
    flows:
      - {id: kosten, label: Kosten, post: kosten, actor: gemeente, effect: cost, amount: "once(x > 0 ? 1e-320 : 100)"}
      - {id: baten, label: Baten, post: baten, actor: gemeente, effect: benefit, amount: "once(100)"}
`;
  const tiny = compileModelText(text, "tiny.yaml", noKengetallen);
  it("is counted in nonFinite (about half the draws here) and left out of every statistic, as in the reference path", () => {
    const draws = 600;
    const fast = psa(tiny, {draws, seed: 3});
    const ref = psaReference(tiny, {draws, seed: 3});
    expect(ref.nonFinite).toBeGreaterThan(draws * 0.4);
    expect(ref.nonFinite).toBeLessThan(draws * 0.6);
    expect(fast.nonFinite).toBe(ref.nonFinite);
    expect(fast.saldo.n).toBe(draws - fast.nonFinite);
    expect(fast.ratio.n).toBe(draws - fast.nonFinite);
    // The draws that count have costs 100 and benefits 100: ratio 1 (hand computation).
    expect(fast.ratio.mean).toBe(1);
  });
});


group("percentiles of a column of draws", () => {
  it("by buckets of the value's bits (a Float64Array) equal the selection on a plain array (type 7), for signed zeros, non-finite values, ties and the whole double range", () => {
    // A fixed linear congruential stream, so the data are the same in every run.
    let x = 12345;
    const u = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const column = (n: number, f: () => number) => Float64Array.from({length: n}, f);
    const cases = [
      column(20_000, () => u() * 1e6 - 3e5),
      column(1, () => 5),
      column(2, () => -1),
      column(1000, () => (u() < 0.5 ? 0 : -0)),
      column(1000, () => [NaN, Infinity, -Infinity, 1, 2, -3][Math.floor(u() * 6)]),
      column(5000, () => 42),
      column(5000, () => Math.round(u() * 10) - 5),
      column(5000, () => (u() - 0.5) * 1e-300),
      column(5000, () => Math.exp(u() * 700) * (u() < 0.5 ? -1 : 1)),
      column(5, () => NaN),
      new Float64Array(0)
    ];
    for (const c of cases) expect(percentilesOf(c)).toEqual(describe(Array.from(c)).percentiles);
  });
});
