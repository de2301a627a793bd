// Probabilistic sensitivity analysis (PSA): seeded Monte Carlo over all uncertain inputs at once.
//
// Two implementations share the draws (`DrawSampler`: one d3-random LCG per run, one value per
// uncertain input per draw, inputs in the model's leaf order):
// - `psa` (fast path): one state (S, V) is reused; per draw the sampled values are written into the
//   leaf slots, the generated kernel fills every other slot, and present values are accumulated per
//   (flow node, discount rate) term with precomputed discount factors into typed arrays
//   (recomputed only when a discount rate itself changes between draws).
// - `psaReference`: per draw `summarizeAll(evaluate(model, overrides))`, the plain route.
// Both return the same `PsaResult` for the same seed (equal up to floating-point summation order).
//
// Conventions:
// - "P(saldo > 0)" counts draws with a saldo strictly greater than zero.
// - Percentiles are R's type 7 (linear interpolation between order statistics; d3.quantile).
// - sd is the sample standard deviation (n − 1).
// - A ratio (benefits / costs) is left out of its statistics in a draw whose costs are not > 0.
// - Acceptability curve: P(saldo > 0) with one input (the QALY value, or the discount rate) held at
//   each grid value and every other input drawn as in the main run (the same draws). Computed
//   exactly without re-running the model when the saldo is provably linear in it (see `classify`):
//   QALY-value lines proportional to the value are re-weighted; for the discount rate the yearly
//   net amounts are re-discounted. Otherwise the draws are re-run with the input fixed.
import type {CompiledModel, GraphNode} from "../model/compile.js";
import type {IR} from "../model/expression.js";
import {evaluate, findLeaf, initialState, type Overrides} from "../model/evaluate.js";
import {summarize, summarizeAll} from "../finance/summary.js";
import {discountFactors} from "../finance/discount.js";
import {actors as actorLabels, type ActorId} from "../schema/actors.js";
import {mean as distMean, sampler, seededRng, variance as distVariance} from "./distributions.js";
import {inputValue, uncertainInputs, type UncertainInput} from "./inputs.js";

export const PERCENTILES = [2.5, 5, 25, 50, 75, 95, 97.5] as const;
/** The key of a percentile in `Stats.percentiles`: 2.5 → "p2_5", 50 → "p50" (keys keep their order in JSON). */
export function percentileKey(p: number): string {
  return "p" + String(p).replace(".", "_");
}

export interface PsaOptions {
  /** Number of draws (default 10 000). */
  draws?: number;
  /** Seed of the LCG (a non-negative integer; default 1). */
  seed?: number;
  /** Inputs held at these values (not drawn). */
  overrides?: Overrides;
  /** The QALY value input for the acceptability curve; default the first leaf with unit "€/QALY"; null: none. */
  qalyValue?: string | null;
  qalyGrid?: number[];
  /** The discount-rate input for the acceptability curve (default "discountRate"; null: none). */
  discountRate?: string | null;
  rateGrid?: number[];
  /** Histogram bins of the saldo (default 40). */
  bins?: number;
  /** Called every `progressEvery` draws (default 1000) with the draws done and the total to do. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
  /** Keep the per-draw saldo (overall) in the result. */
  keepSamples?: boolean;
}

export interface Stats {
  /** Number of finite values the statistics are over. */
  n: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  /** Keyed p2_5, p5, p25, p50, p75, p95, p97_5 (see percentileKey). */
  percentiles: Record<string, number>;
}

export interface AcceptabilityCurve {
  input: string;
  label: string;
  base: number;
  method: "reweight" | "rediscount" | "rerun";
  points: {x: number; probPositive: number}[];
}

export interface PsaResult {
  method: "fast" | "reference";
  draws: number;
  seed: number;
  inputs: {name: string; label: string; unit: string; type: string; mean: number; sd: number}[];
  deterministic: {costs: number; benefits: number; saldo: number; ratio: number | null; financialRatio: number | null};
  costs: Stats;
  benefits: Stats;
  saldo: Stats;
  probPositive: number;
  ratio: Stats;
  financialCosts: Stats;
  financialBenefits: Stats;
  financialSaldo: Stats;
  financialRatio: Stats;
  histogram: {x0: number; x1: number; count: number}[];
  actors: {actor: ActorId; label: string; saldo: Stats; probPositive: number}[];
  interventions: {id: string; label: string; costs: Stats; benefits: Stats; saldo: Stats; probPositive: number}[];
  acceptability: {qaly: AcceptabilityCurve | null; discountRate: AcceptabilityCurve | null};
  samples?: {saldo: number[]};
}

// --- draws -----------------------------------------------------------------------------------------

/** One value per uncertain input per draw, from one seeded LCG. */
export class DrawSampler {
  readonly #samplers: (() => number)[];
  constructor(inputs: UncertainInput[], seed: number) {
    const rng = seededRng(seed);
    this.#samplers = inputs.map((i) => sampler(i.distribution, rng));
  }
  next(out: Float64Array): void {
    const s = this.#samplers;
    for (let i = 0; i < s.length; ++i) out[i] = s[i]();
  }
}

/** The drawn input values, draws × inputs (row-major), e.g. for inspecting or testing the draws. */
export function drawSamples(model: CompiledModel, {draws = 1000, seed = 1, overrides = {}}: {draws?: number; seed?: number; overrides?: Overrides} = {}): {inputs: string[]; values: Float64Array} {
  const inputs = uncertainInputs(model, overrides);
  const s = new DrawSampler(inputs, seed);
  const k = inputs.length;
  const values = new Float64Array(draws * k);
  const row = new Float64Array(k);
  for (let d = 0; d < draws; ++d) {
    s.next(row);
    values.set(row, d * k);
  }
  return {inputs: inputs.map((i) => i.name), values};
}

// --- linearity of the saldo in one input ----------------------------------------------------------

/** How a node depends on one input: not at all, proportionally, identically zero, or otherwise. */
export type Dependence = "zero" | "free" | "prop" | "other";

/** Least upper bound: zero ⊑ free, zero ⊑ prop, free and prop ⊑ other. */
function joinDep(a: Dependence, b: Dependence): Dependence {
  if (a === b || b === "zero") return a;
  if (a === "zero") return b;
  return "other";
}
function addDep(a: Dependence, b: Dependence): Dependence {
  if (a === "zero") return b;
  if (b === "zero") return a;
  return a === b ? a : "other";
}
function mulDep(a: Dependence, b: Dependence): Dependence {
  if (a === "other" || b === "other") return "other";
  if (a === "zero" || b === "zero") return "zero";
  if (a === "free") return b;
  if (b === "free") return a;
  return "other"; // prop × prop
}
const allFree = (xs: Dependence[]): Dependence => (xs.every((x) => x === "free" || x === "zero") ? "free" : "other");

/**
 * Classify every node of the model by its dependence on leaf `input` (least fixed point over the
 * formulas, so `x[t − 1]` recursions are handled): "free" (does not depend on it), "prop"
 * (proportional: f(c·x) = c·f(x)), "zero" (identically 0), or "other" (anything else, including
 * affine and non-linear dependence). Conservative: "other" is always a safe answer.
 */
export function classify(model: CompiledModel, input: string): Map<string, Dependence> {
  const cls = new Map<string, Dependence>();
  for (const node of model.nodes.values()) cls.set(node.name, node.leaf ? (node.name === input ? "prop" : "free") : "zero");
  const visit = (e: IR): Dependence => {
    switch (e.op) {
      case "num":
        return e.value === 0 ? "zero" : "free";
      case "t":
      case "year":
      case "horizon":
        return "free";
      case "ref": {
        const target = cls.get(e.node)!;
        if (e.index.kind === "at") {
          const i = visit(e.index.expr);
          return i === "free" || i === "zero" ? target : "other";
        }
        return target;
      }
      case "sum":
        return cls.get(e.node)!;
      case "unary":
        return e.operator === "!" ? allFree([visit(e.arg)]) : visit(e.arg);
      case "binary": {
        const a = visit(e.left);
        const b = visit(e.right);
        switch (e.operator) {
          case "+":
          case "-":
            return addDep(a, b);
          case "*":
            return mulDep(a, b);
          case "/":
            if (b === "free") return a; // zero / free = zero; prop / free = prop
            return a === "free" && b === "zero" ? "free" : allFree([a, b]);
          default:
            return allFree([a, b]);
        }
      }
      case "cond": {
        const test = visit(e.test);
        if (test !== "free" && test !== "zero") return "other";
        return addJoin(visit(e.then), visit(e.else));
      }
      case "call": {
        const args = e.args.map(visit);
        if (e.fn === "once" || e.fn === "yearly") return args[0];
        if (e.fn === "if") return args[0] === "free" || args[0] === "zero" ? addJoin(args[1], args[2]) : "other";
        return allFree(args);
      }
    }
  };
  // Either branch: both must be of one kind (zero fits any).
  const addJoin = (a: Dependence, b: Dependence) => addDep(a, b);
  for (let changed = true, pass = 0; changed && pass < 100; ++pass) {
    changed = false;
    for (const node of model.nodes.values()) {
      if (!node.ir) continue;
      const old = cls.get(node.name)!;
      // Join with the previous value, so the iteration only moves up the lattice and ends.
      const now = joinDep(old, visit(node.ir));
      if (now !== old) {
        cls.set(node.name, now);
        changed = true;
      }
    }
  }
  return cls;
}

// --- the fast engine --------------------------------------------------------------------------------

interface Layout {
  actors: ActorId[];
  interventions: {id: string; label: string}[];
  nOut: number;
  COSTS: 0;
  BENEFITS: 1;
  FIN_COSTS: 2;
  FIN_BENEFITS: 3;
  SALDO: 4;
  actor0: number;
  ivCosts0: number;
  ivBenefits0: number;
  ivSaldo0: number;
}

function layout(model: CompiledModel): Layout {
  const actors = [...new Set(model.lines.map((l) => l.actor))] as ActorId[];
  const interventions = model.file.interventions.map((iv) => ({id: iv.id, label: iv.label}));
  const A = actors.length;
  const I = interventions.length;
  const actor0 = 5;
  return {actors, interventions, nOut: actor0 + A + 3 * I, COSTS: 0, BENEFITS: 1, FIN_COSTS: 2, FIN_BENEFITS: 3, SALDO: 4, actor0, ivCosts0: actor0 + A, ivBenefits0: actor0 + A + I, ivSaldo0: actor0 + A + 2 * I};
}

/** Coefficients of one line's present value in each output. */
function lineCoefficients(model: CompiledModel, L: Layout, lineIndex: number): Map<number, number> {
  const line = model.lines[lineIndex];
  const post = model.posts.get(line.post)!;
  const s = line.sign;
  const out = new Map<number, number>();
  const add = (i: number, c: number) => out.set(i, (out.get(i) ?? 0) + c);
  const iv = L.interventions.findIndex((x) => x.id === line.intervention);
  if (post.side === "cost") {
    add(L.COSTS, -s);
    if (post.nature === "financial") add(L.FIN_COSTS, -s);
    add(L.ivCosts0 + iv, -s);
  } else {
    add(L.BENEFITS, s);
    if (post.nature === "financial") add(L.FIN_BENEFITS, s);
    add(L.ivBenefits0 + iv, s);
  }
  // The saldo (overall and per intervention) is derived as benefits − costs after the sums, as in
  // summarize; the actor's saldo is the sum of its lines.
  add(L.actor0 + L.actors.indexOf(line.actor), s);
  return out;
}

interface Term {
  node: string;
  slot: number;
  rate: number;
  /** Coefficient of the term's present value in the overall saldo. */
  saldoCoef: number;
}

interface Plan {
  model: CompiledModel;
  inputs: UncertainInput[];
  layout: Layout;
  H: number;
  S: Float64Array;
  V: Float64Array;
  inputSlots: Int32Array;
  seriesBase: (Float64Array | null)[];
  references: Float64Array;
  terms: Term[];
  termSlot: Int32Array;
  termRate: Int32Array;
  coefStart: Int32Array;
  coefOut: Int32Array;
  coefValue: Float64Array;
  rateNodes: GraphNode[];
}

function makePlan(model: CompiledModel, overrides: Overrides): Plan {
  const inputs = uncertainInputs(model, overrides);
  const L = layout(model);
  const H = model.horizon;
  const {S, V} = initialState(model, overrides);
  const rateNames = [...new Set(model.lines.map((l) => l.rate))];
  const rateNodes = rateNames.map((n) => model.nodes.get(n)!);
  const byKey = new Map<string, {node: string; rate: number; coefs: Map<number, number>; saldo: number}>();
  model.lines.forEach((line, i) => {
    const rate = rateNames.indexOf(line.rate);
    const key = `${line.node}\u0000${rate}`;
    let term = byKey.get(key);
    if (!term) byKey.set(key, (term = {node: line.node, rate, coefs: new Map(), saldo: 0}));
    term.saldo += line.sign;
    for (const [o, c] of lineCoefficients(model, L, i)) term.coefs.set(o, (term.coefs.get(o) ?? 0) + c);
  });
  const list = [...byKey.values()];
  const terms: Term[] = list.map((t) => ({node: t.node, slot: model.nodes.get(t.node)!.slot, rate: t.rate, saldoCoef: t.saldo}));
  const coefStart = new Int32Array(list.length + 1);
  const outs: number[] = [];
  const vals: number[] = [];
  list.forEach((t, i) => {
    coefStart[i] = outs.length;
    for (const [o, c] of t.coefs) {
      if (c === 0) continue;
      outs.push(o);
      vals.push(c);
    }
  });
  coefStart[list.length] = outs.length;
  return {
    model,
    inputs,
    layout: L,
    H,
    S,
    V,
    inputSlots: Int32Array.from(inputs.map((i) => i.node.slot)),
    seriesBase: inputs.map((i) => (i.series ? V.slice(i.node.slot, i.node.slot + H) : null)),
    references: Float64Array.from(inputs.map((i) => i.reference)),
    terms,
    termSlot: Int32Array.from(terms.map((t) => t.slot)),
    termRate: Int32Array.from(terms.map((t) => t.rate)),
    coefStart,
    coefOut: Int32Array.from(outs),
    coefValue: Float64Array.from(vals),
    rateNodes
  };
}

/** Fixed input during a curve run: the leaf and its value (written after the draw). */
interface Fix {
  node: GraphNode;
  value: number;
}

/**
 * Run `draws` draws on the plan's state. `each(d, out, pv)` receives the outputs of draw d and the
 * present value of every term (valid until the next draw).
 */
function fastLoop(plan: Plan, draws: number, seed: number, fix: Fix | null, each: (d: number, out: Float64Array, pv: Float64Array, factors: Float64Array) => void, tick: () => void): void {
  const {model, H, S, V, inputSlots, seriesBase, references, termSlot, termRate, coefStart, coefOut, coefValue, rateNodes} = plan;
  const k = plan.inputs.length;
  const sampler = new DrawSampler(plan.inputs, seed);
  const x = new Float64Array(k);
  const out = new Float64Array(plan.layout.nOut);
  const pv = new Float64Array(termSlot.length);
  const R = rateNodes.length;
  const factors = new Float64Array(R * H);
  const rates = new Float64Array(R).fill(NaN);
  const rateSlots = rateNodes.map((n) => n.slot);
  const fixSlot = fix ? fix.node.slot : -1;
  const kernel = model.kernel;
  const {SALDO, BENEFITS, COSTS, ivSaldo0, ivBenefits0, ivCosts0} = plan.layout;
  const I = plan.layout.interventions.length;
  for (let d = 0; d < draws; ++d) {
    sampler.next(x);
    for (let i = 0; i < k; ++i) {
      const base = seriesBase[i];
      if (base === null) S[inputSlots[i]] = x[i];
      else {
        const m = x[i] / references[i];
        const o = inputSlots[i];
        for (let t = 0; t < H; ++t) V[o + t] = base[t] * m;
      }
    }
    if (fixSlot >= 0) S[fixSlot] = fix!.value;
    kernel(S, V);
    for (let r = 0; r < R; ++r) {
      const rate = S[rateSlots[r]];
      if (rate !== rates[r]) {
        if (!(rate > -1)) throw new RangeError(`draw ${d}: discount rate "${rateNodes[r].name}" must be greater than -1, found ${rate}`);
        rates[r] = rate;
        // Same arithmetic as discountFactors (lib/finance/discount.ts): 1 / (1 + r)^t.
        for (let t = 0; t < H; ++t) factors[r * H + t] = 1 / Math.pow(1 + rate, t);
      }
    }
    out.fill(0);
    for (let j = 0; j < termSlot.length; ++j) {
      const o = termSlot[j];
      const fo = termRate[j] * H;
      let s = 0;
      for (let t = 0; t < H; ++t) s += V[o + t] * factors[fo + t];
      pv[j] = s;
      for (let c = coefStart[j]; c < coefStart[j + 1]; ++c) out[coefOut[c]] += coefValue[c] * s;
    }
    out[SALDO] = out[BENEFITS] - out[COSTS];
    for (let i = 0; i < I; ++i) out[ivSaldo0 + i] = out[ivBenefits0 + i] - out[ivCosts0 + i];
    each(d, out, pv, factors);
    tick();
  }
}

// --- statistics ------------------------------------------------------------------------------------

/** Rearrange a[left..right] so that a[k] is the k-th smallest (Floyd–Rivest, as d3.quickselect). */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      select(a, k, Math.max(left, Math.floor(k - (m * s) / n + sd)), Math.min(right, Math.floor(k + ((n - m) * s) / n + sd)));
    }
    const t = a[k];
    let i = left;
    let j = right;
    let tmp = a[left];
    a[left] = a[k];
    a[k] = tmp;
    if (a[right] > t) {
      tmp = a[left];
      a[left] = a[right];
      a[right] = tmp;
    }
    while (i < j) {
      tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
      ++i;
      --j;
      while (a[i] < t) ++i;
      while (a[j] > t) --j;
    }
    if (a[left] === t) {
      tmp = a[left];
      a[left] = a[j];
      a[j] = tmp;
    } else {
      ++j;
      tmp = a[j];
      a[j] = a[right];
      a[right] = tmp;
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/**
 * Mean, sd (n − 1), min, max and percentiles (type 7) of the finite values. Percentiles by
 * selection (each order statistic found in the part of the array right of the previous one), which
 * gives the same order statistics as sorting in O(n).
 */
export function describe(values: ArrayLike<number>): Stats {
  let n = 0;
  for (let i = 0; i < values.length; ++i) if (Number.isFinite(values[i])) ++n;
  const a = new Float64Array(n);
  let j = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; ++i) {
    const v = values[i];
    if (Number.isFinite(v)) {
      a[j++] = v;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const mean = n ? sum / n : NaN;
  let ss = 0;
  for (let i = 0; i < n; ++i) ss += (a[i] - mean) ** 2;
  const percentiles: Record<string, number> = {};
  let from = 0;
  for (const p of PERCENTILES) {
    if (n === 0) {
      percentiles[percentileKey(p)] = NaN;
      continue;
    }
    const h = (n - 1) * (p / 100);
    const lo = Math.floor(h);
    select(a, lo, from, n - 1);
    let value = a[lo];
    if (h > lo) {
      // The next order statistic is the smallest value right of lo.
      let next = Infinity;
      for (let i = lo + 1; i < n; ++i) if (a[i] < next) next = a[i];
      value += (next - value) * (h - lo);
    }
    percentiles[percentileKey(p)] = value;
    from = lo;
  }
  return {n, mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, min: n ? min : NaN, max: n ? max : NaN, percentiles};
}

function probPositive(values: Float64Array): number {
  let c = 0;
  for (let i = 0; i < values.length; ++i) if (values[i] > 0) ++c;
  return values.length ? c / values.length : NaN;
}

/** Equal-width bins from the minimum to the maximum. */
export function histogram(values: ArrayLike<number>, bins = 40): {x0: number; x1: number; count: number}[] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; ++i) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  if (!(max >= min)) return [];
  if (max === min) return [{x0: min, x1: max, count: values.length}];
  const w = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; ++i) counts[Math.min(bins - 1, Math.floor((values[i] - min) / w))]++;
  return counts.map((count, b) => ({x0: min + b * w, x1: b === bins - 1 ? max : min + (b + 1) * w, count}));
}

// --- common set-up -----------------------------------------------------------------------------------

interface Raw {
  /** Per output (layout order), one value per draw. */
  outputs: Float64Array[];
  qaly: AcceptabilityCurve | null;
  discountRate: AcceptabilityCurve | null;
}

interface CurveSpec {
  node: GraphNode;
  grid: number[];
}

function linspace(a: number, b: number, n: number): number[] {
  return Array.from({length: n}, (_, i) => (i === n - 1 ? b : a + ((b - a) * i) / (n - 1)));
}

function curveSpecs(model: CompiledModel, options: PsaOptions): {qaly: CurveSpec | null; rate: CurveSpec | null} {
  let qaly: CurveSpec | null = null;
  if (options.qalyValue !== null) {
    const node = options.qalyValue !== undefined ? findLeaf(model, options.qalyValue) : model.leaves.find((l) => l.unit === "€/QALY" && !l.series);
    if (node) {
      if (node.series) throw new Error(`the QALY value "${node.name}" must be a single number, not a series`);
      const base = node.leaf!.value as number;
      const u = node.leaf!.uncertainty;
      const f = node.leaf!.priceFactor ?? 1;
      const high = Math.max(2 * base, node.leaf!.control?.max ?? 0, u && "high" in u ? u.high * f : 0);
      qaly = {node, grid: options.qalyGrid ?? linspace(0, high, 21)};
    }
  }
  let rate: CurveSpec | null = null;
  if (options.discountRate !== null) {
    const node = findLeaf(model, options.discountRate ?? "discountRate");
    if (node.series) throw new Error(`the discount rate "${node.name}" must be a single number`);
    rate = {node, grid: options.rateGrid ?? linspace(0, 0.08, 17)};
  }
  return {qaly, rate};
}

function finish(model: CompiledModel, method: PsaResult["method"], raw: Raw, options: PsaOptions, inputs: UncertainInput[], draws: number, seed: number): PsaResult {
  const L = layout(model);
  const o = raw.outputs;
  const det = summarize(evaluate(model, options.overrides ?? {}));
  const ratioOf = (b: Float64Array, c: Float64Array) => {
    const r = new Float64Array(draws);
    for (let d = 0; d < draws; ++d) r[d] = c[d] > 0 ? b[d] / c[d] : NaN;
    return r;
  };
  const finSaldo = new Float64Array(draws);
  for (let d = 0; d < draws; ++d) finSaldo[d] = o[L.FIN_BENEFITS][d] - o[L.FIN_COSTS][d];
  const result: PsaResult = {
    method,
    draws,
    seed,
    inputs: inputs.map((i) => ({name: i.name, label: i.label, unit: i.unit, type: i.spec.type, mean: distMean(i.distribution), sd: Math.sqrt(distVariance(i.distribution))})),
    deterministic: {costs: det.costs, benefits: det.benefits, saldo: det.saldo, ratio: det.ratio, financialRatio: det.financialRatio},
    costs: describe(o[L.COSTS]),
    benefits: describe(o[L.BENEFITS]),
    saldo: describe(o[L.SALDO]),
    probPositive: probPositive(o[L.SALDO]),
    ratio: describe(ratioOf(o[L.BENEFITS], o[L.COSTS])),
    financialCosts: describe(o[L.FIN_COSTS]),
    financialBenefits: describe(o[L.FIN_BENEFITS]),
    financialSaldo: describe(finSaldo),
    financialRatio: describe(ratioOf(o[L.FIN_BENEFITS], o[L.FIN_COSTS])),
    histogram: histogram(o[L.SALDO], options.bins ?? 40),
    actors: L.actors.map((a, i) => ({actor: a, label: actorLabels[a], saldo: describe(o[L.actor0 + i]), probPositive: probPositive(o[L.actor0 + i])})),
    interventions: L.interventions.map((iv, i) => ({
      id: iv.id,
      label: iv.label,
      costs: describe(o[L.ivCosts0 + i]),
      benefits: describe(o[L.ivBenefits0 + i]),
      saldo: describe(o[L.ivSaldo0 + i]),
      probPositive: probPositive(o[L.ivSaldo0 + i])
    })),
    acceptability: {qaly: raw.qaly, discountRate: raw.discountRate}
  };
  if (options.keepSamples) result.samples = {saldo: Array.from(o[L.SALDO])};
  return result;
}

function checkOptions(options: PsaOptions): {draws: number; seed: number} {
  const draws = options.draws ?? 10_000;
  const seed = options.seed ?? 1;
  if (!(Number.isInteger(draws) && draws >= 1)) throw new RangeError(`draws must be a positive integer, found ${draws}`);
  if (!(Number.isInteger(seed) && seed >= 0)) throw new RangeError(`seed must be a non-negative integer, found ${seed}`);
  return {draws, seed};
}

function progress(options: PsaOptions, total: number): () => void {
  const every = options.progressEvery ?? 1000;
  let done = 0;
  const cb = options.onProgress;
  return cb
    ? () => {
        ++done;
        if (done % every === 0 || done === total) cb(done, total);
      }
    : () => {};
}

// --- fast path ----------------------------------------------------------------------------------------

/** Monte Carlo over all uncertain inputs with the generated kernel and typed-array accumulation. */
export function psa(model: CompiledModel, options: PsaOptions = {}): PsaResult {
  const {draws, seed} = checkOptions(options);
  const plan = makePlan(model, options.overrides ?? {});
  const L = plan.layout;
  const specs = curveSpecs(model, options);
  const outputs = Array.from({length: L.nOut}, () => new Float64Array(draws));
  const H = plan.H;

  // QALY curve by re-weighting: every term is free of the QALY value or proportional to it, and
  // no discount rate depends on it.
  let qalyReweight = false;
  let qalyProp: boolean[] = [];
  if (specs.qaly) {
    const cls = classify(model, specs.qaly.node.name);
    const termCls = plan.terms.map((t) => cls.get(t.node)!);
    qalyReweight = termCls.every((c) => c !== "other") && plan.rateNodes.every((r) => cls.get(r.name) === "free");
    qalyProp = termCls.map((c) => c === "prop");
  }
  // Discount-rate curve by re-discounting: no formula depends on the rate.
  let rateRediscount = false;
  let rateIndex = -1;
  if (specs.rate) {
    const cls = classify(model, specs.rate.node.name);
    rateIndex = plan.rateNodes.findIndex((n) => n.name === specs.rate!.node.name);
    rateRediscount = plan.terms.every((t) => cls.get(t.node) === "free" || cls.get(t.node) === "zero") && plan.rateNodes.every((r) => r.name === specs.rate!.node.name || cls.get(r.name) === "free");
  }
  const qalyGrid = specs.qaly?.grid ?? [];
  const rateGrid = specs.rate?.grid ?? [];
  const qalyCounts = new Float64Array(qalyGrid.length);
  const rateCounts = new Float64Array(rateGrid.length);
  const rateFactors = rateGrid.map((r) => {
    if (!(r > -1)) throw new RangeError(`discount-rate grid: a rate must be greater than -1, found ${r}`);
    return discountFactors(r, H);
  });
  const netYear = new Float64Array(H);
  const qSlot = specs.qaly ? specs.qaly.node.slot : -1;
  // Base values of the curve inputs (the state holds the last draw after the loop).
  const qalyBase = specs.qaly ? plan.S[specs.qaly.node.slot] : NaN;
  const rateBase = specs.rate ? plan.S[specs.rate.node.slot] : NaN;
  let qalyZeroDraw = false;

  const reruns = (specs.qaly && !qalyReweight ? qalyGrid.length : 0) + (specs.rate && !rateRediscount ? rateGrid.length : 0);
  const tick = progress(options, draws * (1 + reruns));

  fastLoop(
    plan,
    draws,
    seed,
    null,
    (d, out, pv) => {
      for (let i = 0; i < out.length; ++i) outputs[i][d] = out[i];
      const saldo = out[L.SALDO];
      if (specs.qaly && qalyReweight) {
        const q = plan.S[qSlot];
        let prop = 0;
        for (let j = 0; j < pv.length; ++j) if (qalyProp[j]) prop += plan.terms[j].saldoCoef * pv[j];
        if (q === 0) qalyZeroDraw = true; // cannot re-weight from 0: the curve is re-run
        else {
          const rest = saldo - prop;
          const per = prop / q;
          for (let g = 0; g < qalyGrid.length; ++g) if (rest + per * qalyGrid[g] > 0) qalyCounts[g]++;
        }
      }
      if (specs.rate && rateRediscount && rateIndex >= 0) {
        netYear.fill(0);
        let rest = saldo;
        const {V, terms, termSlot, termRate} = plan;
        for (let j = 0; j < terms.length; ++j) {
          if (termRate[j] !== rateIndex) continue;
          const c = terms[j].saldoCoef;
          if (c === 0) continue;
          rest -= c * pv[j];
          const o = termSlot[j];
          for (let t = 0; t < H; ++t) netYear[t] += c * V[o + t];
        }
        for (let g = 0; g < rateGrid.length; ++g) {
          const f = rateFactors[g];
          let s = rest;
          for (let t = 0; t < H; ++t) s += netYear[t] * f[t];
          if (s > 0) rateCounts[g]++;
        }
      } else if (specs.rate && rateRediscount) {
        // The rate is used by no post: the saldo does not depend on it.
        for (let g = 0; g < rateGrid.length; ++g) if (saldo > 0) rateCounts[g]++;
      }
    },
    tick
  );

  const rerunCurve = (spec: CurveSpec): number[] =>
    spec.grid.map((value) => {
      let c = 0;
      fastLoop(plan, draws, seed, {node: spec.node, value}, (_d, out) => void (out[L.SALDO] > 0 && ++c), tick);
      return c / draws;
    });

  let qaly: AcceptabilityCurve | null = null;
  if (specs.qaly) {
    const spec = specs.qaly;
    const useRerun = !qalyReweight || qalyZeroDraw;
    const probs = useRerun ? rerunCurve(spec) : Array.from(qalyCounts, (c) => c / draws);
    qaly = {input: spec.node.name, label: spec.node.label, base: qalyBase, method: useRerun ? "rerun" : "reweight", points: spec.grid.map((x, i) => ({x, probPositive: probs[i]}))};
  }
  let discountRate: AcceptabilityCurve | null = null;
  if (specs.rate) {
    const spec = specs.rate;
    const probs = rateRediscount ? Array.from(rateCounts, (c) => c / draws) : rerunCurve(spec);
    discountRate = {input: spec.node.name, label: spec.node.label, base: rateBase, method: rateRediscount ? "rediscount" : "rerun", points: spec.grid.map((x, i) => ({x, probPositive: probs[i]}))};
  }
  return finish(model, "fast", {outputs, qaly, discountRate}, options, plan.inputs, draws, seed);
}

// --- reference implementation -------------------------------------------------------------------------

/** The same draws, each through `summarizeAll(evaluate(model, overrides))`; curves by re-running. */
export function psaReference(model: CompiledModel, options: PsaOptions = {}): PsaResult {
  const {draws, seed} = checkOptions(options);
  const overrides = options.overrides ?? {};
  const inputs = uncertainInputs(model, overrides);
  const L = layout(model);
  const specs = curveSpecs(model, options);
  const outputs = Array.from({length: L.nOut}, () => new Float64Array(draws));
  const total = draws * (1 + (specs.qaly?.grid.length ?? 0) + (specs.rate?.grid.length ?? 0));
  const tick = progress(options, total);
  const drawOverrides = (x: Float64Array): Overrides => {
    const o: Overrides = {...overrides};
    inputs.forEach((input, i) => (o[input.name] = inputValue(input, x[i])));
    return o;
  };
  {
    const sampler = new DrawSampler(inputs, seed);
    const x = new Float64Array(inputs.length);
    for (let d = 0; d < draws; ++d) {
      sampler.next(x);
      const {total: s, interventions} = summarizeAll(evaluate(model, drawOverrides(x)));
      outputs[L.COSTS][d] = s.costs;
      outputs[L.BENEFITS][d] = s.benefits;
      outputs[L.FIN_COSTS][d] = s.financialCosts;
      outputs[L.FIN_BENEFITS][d] = s.financialBenefits;
      outputs[L.SALDO][d] = s.saldo;
      L.actors.forEach((a, i) => (outputs[L.actor0 + i][d] = s.actors.find((r) => r.actor === a)?.saldo ?? 0));
      interventions.forEach((iv, i) => {
        outputs[L.ivCosts0 + i][d] = iv.costs;
        outputs[L.ivBenefits0 + i][d] = iv.benefits;
        outputs[L.ivSaldo0 + i][d] = iv.saldo;
      });
      tick();
    }
  }
  const curve = (spec: CurveSpec, method: AcceptabilityCurve["method"], base: number): AcceptabilityCurve => ({
    input: spec.node.name,
    label: spec.node.label,
    base,
    method,
    points: spec.grid.map((value) => {
      const sampler = new DrawSampler(inputs, seed);
      const x = new Float64Array(inputs.length);
      let c = 0;
      for (let d = 0; d < draws; ++d) {
        sampler.next(x);
        if (summarize(evaluate(model, {...drawOverrides(x), [spec.node.name]: value})).saldo > 0) ++c;
        tick();
      }
      return {x: value, probPositive: c / draws};
    })
  });
  const baseOf = (node: GraphNode) => {
    const {S} = initialState(model, overrides);
    return S[node.slot];
  };
  return finish(
    model,
    "reference",
    {outputs, qaly: specs.qaly ? curve(specs.qaly, "rerun", baseOf(specs.qaly.node)) : null, discountRate: specs.rate ? curve(specs.rate, "rerun", baseOf(specs.rate.node)) : null},
    options,
    inputs,
    draws,
    seed
  );
}
