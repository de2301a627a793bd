import {describe, expect, it} from "vitest";
import {
  betaFromMeanSd,
  betaI,
  cdf,
  gammaFromMeanSd,
  gammaP,
  lognormalFromMeanSd,
  lowHigh,
  mean,
  normalFromInterval,
  normalFromMeanSe,
  quantile,
  sampler,
  seededRng,
  toDistribution,
  variance,
  Z975,
  type Distribution
} from "../../lib/analysis/distributions.js";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

describe("method-of-moments helpers", () => {
  it("betaFromMeanSd(0.3, 0.1) gives alpha 6, beta 14 (c = 0.3·0.7/0.01 − 1 = 20)", () => {
    const {alpha, beta} = betaFromMeanSd(0.3, 0.1);
    expect(alpha).toBeCloseTo(6, 12);
    expect(beta).toBeCloseTo(14, 12);
    const d: Distribution = {kind: "beta", alpha, beta, low: 0, high: 1};
    expect(mean(d)).toBeCloseTo(0.3, 12);
    expect(Math.sqrt(variance(d))).toBeCloseTo(0.1, 12);
  });
  it("betaFromMeanSd refuses an sd of at least sqrt(m(1 − m))", () => {
    expect(() => betaFromMeanSd(0.5, 0.5)).toThrow(/sd < 0.5/);
  });
  it("gammaFromMeanSd(10, 5) gives shape 4 and scale 2.5", () => {
    expect(gammaFromMeanSd(10, 5)).toEqual({shape: 4, scale: 2.5});
  });
  it("lognormalFromMeanSd keeps the mean and sd on the natural scale", () => {
    const {mu, sigma} = lognormalFromMeanSd(2000, 500);
    const d: Distribution = {kind: "lognormal", mu, sigma};
    expect(mean(d)).toBeCloseTo(2000, 8);
    expect(Math.sqrt(variance(d))).toBeCloseTo(500, 8);
    expect(sigma * sigma).toBeCloseTo(Math.log(1 + 0.0625), 14);
  });
  it("normalFromMeanSe uses the standard error as sd; normalFromInterval reads a 95 % interval", () => {
    expect(normalFromMeanSe(5, 0.5)).toEqual({mean: 5, sd: 0.5});
    const n = normalFromInterval(1, 3);
    expect(n.mean).toBe(2);
    expect(n.sd * Z975).toBeCloseTo(1, 14);
  });
});

describe("special functions against closed forms", () => {
  it("gammaP(1, x) = 1 − exp(−x) and gammaP(0.5, z²/2) = erf(z/√2) (Φ(1.96) = 0.9750021)", () => {
    for (const x of [0.01, 0.5, 1, 3, 10]) expect(gammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 14);
    expect(cdf({kind: "normal", mean: 0, sd: 1}, 1.96)).toBeCloseTo(0.9750021048517795, 12);
  });
  it("betaI(2, 1, x) = x² and betaI(0.5, 0.5, x) = (2/π) asin(√x)", () => {
    for (const x of [0.1, 0.37, 0.9]) {
      expect(betaI(2, 1, x)).toBeCloseTo(x * x, 13);
      expect(betaI(0.5, 0.5, x)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(x)), 12);
    }
  });
});

describe("quantiles against closed forms", () => {
  it("normal: the 97.5 % quantile is mean + 1.959963984540054 sd", () => {
    expect(quantile({kind: "normal", mean: 10, sd: 2}, 0.975)).toBeCloseTo(10 + 2 * 1.959963984540054, 10);
    expect(quantile({kind: "normal", mean: 0, sd: 1}, 0.05)).toBeCloseTo(-1.6448536269514729, 10);
  });
  it("lognormal: quantile = exp(mu + sigma z)", () => {
    expect(quantile({kind: "lognormal", mu: 1, sigma: 0.5}, 0.025)).toBeCloseTo(Math.exp(1 - 0.5 * Z975), 10);
  });
  it("gamma: shape 1 is exponential, q = −scale ln(1 − p); shape 2 scale 2 is chi-square(4): 0.4844186 and 11.143287 (R qchisq)", () => {
    expect(quantile({kind: "gamma", shape: 1, scale: 3}, 0.9)).toBeCloseTo(-3 * Math.log(0.1), 10);
    expect(quantile({kind: "gamma", shape: 2, scale: 2}, 0.025)).toBeCloseTo(0.4844185570879305, 7);
    expect(quantile({kind: "gamma", shape: 2, scale: 2}, 0.975)).toBeCloseTo(11.143286781877794, 7);
  });
  it("beta: Beta(2, 1) has q = √p; Beta(0.5, 0.5) has q = sin²(πp/2)", () => {
    expect(quantile({kind: "beta", alpha: 2, beta: 1, low: 0, high: 1}, 0.3)).toBeCloseTo(Math.sqrt(0.3), 12);
    expect(quantile({kind: "beta", alpha: 0.5, beta: 0.5, low: 0, high: 1}, 0.2)).toBeCloseTo(Math.sin((Math.PI * 0.2) / 2) ** 2, 12);
  });
  it("triangular: q(p) = a + √(p(b − a)(c − a)) below the mode", () => {
    const d: Distribution = {kind: "triangular", low: 0, mode: 2, high: 10};
    expect(quantile(d, 0.1)).toBeCloseTo(Math.sqrt(0.1 * 10 * 2), 12);
    expect(quantile(d, 0.9)).toBeCloseTo(10 - Math.sqrt(0.1 * 10 * 8), 12);
    expect(cdf(d, quantile(d, 0.63))).toBeCloseTo(0.63, 12);
  });
});

describe("toDistribution reads the spec with the leaf's value as mean or mode", () => {
  it("PERT with λ = 4 has mean (low + 4 mode + high) / 6, the value being the mode", () => {
    const d = toDistribution({type: "pert", low: 10, high: 40}, 15);
    expect(mean(d)).toBeCloseTo((10 + 60 + 40) / 6, 12);
    expect(d).toMatchObject({kind: "beta", alpha: 1 + (4 * 5) / 30, beta: 1 + (4 * 25) / 30});
  });
  it("triangular takes an explicit mode over the value", () => {
    expect(toDistribution({type: "triangular", low: 0, mode: 3, high: 9}, 5)).toEqual({kind: "triangular", low: 0, mode: 3, high: 9});
  });
  it("lognormal with cv keeps the value as the mean", () => {
    expect(mean(toDistribution({type: "lognormal", cv: 0.3}, 1200))).toBeCloseTo(1200, 8);
    expect(mean(toDistribution({type: "lognormal", sdlog: 0.3}, 1200))).toBeCloseTo(1200, 8);
  });
  it("a spec that misses its spread names the input", () => {
    expect(() => toDistribution({type: "normal"}, 1, "traject.kansLks")).toThrow('"traject.kansLks": a normal uncertainty needs exactly one of sd or se');
    expect(() => toDistribution({type: "beta", sd: 0.1}, 3, "x")).toThrow(/"x": a beta distribution needs a mean between 0 and 1/);
    expect(() => toDistribution({type: "pert", low: 0, high: 1}, 2, "y")).toThrow(/"y": expected low <= value <= high \(pert\), found 2 outside \[0, 1\]/);
  });
});

describe("lowHigh: explicit bounds, else the 2.5 % and 97.5 % quantiles", () => {
  it("range, triangular and PERT use their bounds", () => {
    expect(lowHigh({type: "range", low: 30, high: 40}, 35)).toEqual({low: 30, high: 40, basis: "bounds"});
    expect(lowHigh({type: "pert", low: 1, high: 5}, 2)).toEqual({low: 1, high: 5, basis: "bounds"});
  });
  it("normal uses value ± 1.96 sd; fixed has no range", () => {
    const r = lowHigh({type: "normal", se: 100}, 1000)!;
    expect(r.basis).toBe("quantiles");
    expect(r.low).toBeCloseTo(1000 - 100 * Z975, 8);
    expect(r.high).toBeCloseTo(1000 + 100 * Z975, 8);
    expect(lowHigh({type: "fixed"}, 1)).toBeNull();
  });
});

describe("seeded samplers reproduce the closed-form moments", () => {
  const cases: [string, Distribution][] = [
    ["uniform", {kind: "uniform", low: 2, high: 5}],
    ["normal", {kind: "normal", mean: 3, sd: 2}],
    ["lognormal", {kind: "lognormal", ...lognormalFromMeanSd(100, 30)}],
    ["beta", {kind: "beta", ...betaFromMeanSd(0.3, 0.1), low: 0, high: 1}],
    ["gamma", {kind: "gamma", shape: 0.7, scale: 3}],
    ["triangular", {kind: "triangular", low: 0, mode: 2, high: 10}],
    ["pert", toDistribution({type: "pert", low: 10, high: 40}, 15)]
  ];
  for (const [name, d] of cases) {
    it(`${name}: sample mean within 4 standard errors, sample sd within 3 %`, () => {
      const n = 100_000;
      const draw = sampler(d, seededRng(42));
      let s = 0;
      let ss = 0;
      for (let i = 0; i < n; ++i) {
        const x = draw();
        s += x;
        ss += x * x;
      }
      const m = s / n;
      const sd = Math.sqrt((ss - n * m * m) / (n - 1));
      const sigma = Math.sqrt(variance(d));
      expect(Math.abs(m - mean(d))).toBeLessThan((4 * sigma) / Math.sqrt(n));
      expect(rel(sd, sigma)).toBeLessThan(0.03);
    });
  }
  it("the same seed gives the same sequence, another seed another", () => {
    const d: Distribution = {kind: "normal", mean: 0, sd: 1};
    const a = Array.from({length: 5}, sampler(d, seededRng(7)));
    const b = Array.from({length: 5}, sampler(d, seededRng(7)));
    const c = Array.from({length: 5}, sampler(d, seededRng(8)));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
});

describe("toDistribution(range, value)", () => {
  it("draws a range as PERT(low, value, high): mean (low + 4·value + high) / 6, so a one-sided range keeps the mean near its value", () => {
    const d = toDistribution({type: "range", low: -0.02, high: 0}, 0);
    expect(mean(d)).toBeCloseTo((-0.02 + 4 * 0 + 0) / 6, 12);
    expect(mean(toDistribution({type: "range", low: 30, high: 40}, 35))).toBeCloseTo(35, 12);
  });
  it("is fixed for an empty range and refuses a value outside it (issue 17: the range must hold the value, as for kengetallen)", () => {
    expect(toDistribution({type: "range", low: 5, high: 5}, 5)).toEqual({kind: "fixed", value: 5});
    expect(() => toDistribution({type: "range", low: 0, high: 1}, 2)).toThrow("expected low <= value <= high (range), found 2 outside [0, 1]");
  });
});
