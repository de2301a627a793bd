// Probabilistic sensitivity analysis (PSA): seeded Monte Carlo over all uncertain inputs at once.
//
// The draws are split into chunks of CHUNK_SIZE draws (lib/analysis/rng.ts); chunk c has its own
// random stream derived from (seed, c) and holds one column of draws per uncertain input (model
// leaf order). Two implementations share these draws:
// - `psa` (batched path): per chunk, the drawn columns are written into a block state, the block
//   kernel (lib/model/block-kernel.ts) evaluates every node for all draws of the chunk as
//   typed-array loops, present values are accumulated per (flow node, discount rate) term as
//   discount factors × yearly amounts into per-output columns, and the chunk's statistics are
//   streamed (count, mean, sum of squared deviations, min, max, positives). Chunk results are merged
//   in chunk order, so the result does not depend on how many workers computed the chunks
//   (lib/analysis/psa-pool.ts). Per-draw values are kept only for the outputs whose percentiles are
//   reported (see KEPT below); the others are streamed.
// - `psaReference`: per draw `summarizeAll(evaluate(model, overrides))`, the plain route, with
//   statistics over full arrays (`describe`).
// Both return the same `PsaResult` for the same seed (equal up to floating-point summation order).
//
// Conventions:
// - "P(saldo > 0)" counts draws with a saldo strictly greater than zero, among the draws that count.
// - A draw whose present value of some line or whose saldo is not finite (NaN, ±Infinity) is left out
//   of every statistic and counted in `nonFinite`; it never counts as a draw with saldo ≤ 0.
// - Percentiles are R's type 7 (linear interpolation between order statistics; d3.quantile).
// - sd is the sample standard deviation (n − 1).
// - A ratio (benefits / costs) is left out of its statistics in a draw whose costs are not > 0; a draw
//   whose costs are > 0 but whose ratio is not finite counts in `nonFinite`, like a non-finite saldo.
// - Acceptability curve: P(saldo > 0) with one input (the QALY value, or the discount rate) held at
//   each grid value and every other input drawn as in the main run (the same draws). Computed
//   exactly without re-running the model when the saldo is provably linear in it (see `classify`):
//   QALY-value lines proportional to the value are re-weighted; for the discount rate the yearly
//   net amounts are re-discounted. Otherwise the draws are re-run with the input fixed.
import type {CompiledModel, GraphNode} from "../model/compile.js";
import type {IR} from "../model/expression.js";
import {evaluate, findLeaf, initialState, type Overrides} from "../model/evaluate.js";
import {blockKernel} from "../model/block-kernel.js";
import {summarize, summarizeAll} from "../finance/summary.js";
import {discountFactors} from "../finance/discount.js";
import {actorLabel, type ActorId} from "../schema/actors.js";
import {mean as distMean, variance as distVariance} from "./distributions.js";
import {inputValue, uncertainInputs, type UncertainInput} from "./inputs.js";
import {CHUNK_SIZE, chunkCount, chunkLength, drawChunk} from "./rng.js";
import {evpiOfSums, evpiSummary, evpiSummaryOf, evpiSummarySegments, type Evpi} from "./voi.js";
import {applyCopula, correlationPlan} from "./copula.js";
import {positiveAtRate, presentValues, type PresentValueTerms} from "./present-values.js";

export {CHUNK_SIZE} from "./rng.js";

export const PERCENTILES = [2.5, 5, 25, 50, 75, 95, 97.5] as const;
/** The key of a percentile in `Stats.percentiles`: 2.5 → "p2_5", 50 → "p50" (keys keep their order in JSON). */
export function percentileKey(p: number): string {
  return "p" + String(p).replace(".", "_");
}

export interface PsaOptions {
  /** Number of draws (default 10 000). */
  draws?: number;
  /** Seed of the random streams (a non-negative integer; default 1). */
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
  /** Called after each chunk with the draws done and the total number of draws. */
  onProgress?: (done: number, total: number) => void;
  /** Keep the per-draw saldo (overall, of the draws that count) in the result. */
  keepSamples?: boolean;
  /** With keepSamples: also keep each uncertain input's drawn values (of the draws that count), for EVPPI (batched path only). */
  keepInputs?: boolean;
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

/**
 * Statistics of an output whose per-draw values the batched path does not keep (financial costs,
 * benefits and saldo; costs and benefits per intervention): streamed, so percentiles are null there
 * (the reference gives them).
 */
export interface StreamedStats extends Omit<Stats, "percentiles"> {
  percentiles: Record<string, number> | null;
}

export interface AcceptabilityCurve {
  input: string;
  label: string;
  base: number;
  method: "reweight" | "rediscount" | "rerun";
  /** probPositive: among the draws whose saldo is finite at that grid value. */
  points: {x: number; probPositive: number}[];
}

export interface PsaResult {
  method: "fast" | "reference";
  draws: number;
  seed: number;
  /** Draws per chunk (each chunk has its own random stream; see lib/analysis/rng.ts). */
  chunkSize: number;
  /** Draws left out of every statistic because a line's present value or the saldo was not finite. */
  nonFinite: number;
  inputs: {name: string; label: string; unit: string; type: string; mean: number; sd: number}[];
  deterministic: {costs: number; benefits: number; saldo: number; ratio: number | null; financialRatio: number | null};
  costs: Stats;
  benefits: Stats;
  saldo: Stats;
  probPositive: number;
  ratio: Stats;
  financialCosts: StreamedStats;
  financialBenefits: StreamedStats;
  financialSaldo: StreamedStats;
  financialRatio: Stats;
  histogram: {x0: number; x1: number; count: number}[];
  actors: {actor: ActorId; label: string; saldo: Stats; probPositive: number}[];
  interventions: {id: string; label: string; costs: StreamedStats; benefits: StreamedStats; saldo: Stats; probPositive: number}[];
  acceptability: {qaly: AcceptabilityCurve | null; discountRate: AcceptabilityCurve | null};
  samples?: {saldo: number[]; inputs?: Record<string, number[]>};
  /**
   * Expected value of perfect information for "implement or not" (lib/analysis/voi.ts), society and
   * per actor, for the cohort and per participant; null for a model without uncertain inputs.
   */
  evpi: Evpi | null;
}

// --- draws -----------------------------------------------------------------------------------------

/** The drawn input values, draws × inputs (row-major), e.g. for inspecting or testing the draws. */
export function drawSamples(model: CompiledModel, {draws = 1000, seed = 1, overrides = {}}: {draws?: number; seed?: number; overrides?: Overrides} = {}): {inputs: string[]; values: Float64Array} {
  const inputs = uncertainInputs(model, overrides);
  // Correlated inputs (lib/analysis/copula.ts): their columns are drawn as standard normals and then
  // turned into correlated draws of their own distributions; without correlations, plan is null.
  const plan = correlationPlan(model, inputs);
  const dists = plan ? plan.drawDistributions : inputs.map((i) => i.distribution);
  const k = inputs.length;
  const values = new Float64Array(draws * k);
  for (let c = 0; c < chunkCount(draws); ++c) {
    const n = chunkLength(draws, c);
    const cols = drawChunk(dists, seed, c, n);
    if (plan) applyCopula(plan, cols, n);
    for (let b = 0; b < n; ++b) for (let i = 0; i < k; ++i) values[(c * CHUNK_SIZE + b) * k + i] = cols[i * n + b];
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

// --- the batched engine -------------------------------------------------------------------------------

/**
 * Output columns of a draw: costs, benefits, saldo, ratio, the financial four, the saldo per actor,
 * and costs, benefits and saldo per intervention. The same indices number the streamed statistics.
 */
interface Layout {
  actors: ActorId[];
  interventions: {id: string; label: string}[];
  nOut: number;
  COSTS: 0;
  BENEFITS: 1;
  SALDO: 2;
  RATIO: 3;
  FIN_COSTS: 4;
  FIN_BENEFITS: 5;
  FIN_SALDO: 6;
  FIN_RATIO: 7;
  actor0: number;
  ivCosts0: number;
  ivBenefits0: number;
  ivSaldo0: number;
  /** Outputs whose per-draw values are kept (for percentiles and the histogram), in this order. */
  kept: number[];
}

function layout(model: CompiledModel): Layout {
  const actors = [...new Set(model.lines.map((l) => l.actor))] as ActorId[];
  const interventions = model.file.interventions.map((iv) => ({id: iv.id, label: iv.label}));
  const A = actors.length;
  const I = interventions.length;
  const actor0 = 8;
  const ivSaldo0 = actor0 + A + 2 * I;
  // KEPT: what the page and the command line show percentiles of: costs, benefits, saldo, the two
  // ratios, and the saldo per actor and per intervention.
  const kept = [0, 1, 2, 3, 7, ...Array.from({length: A}, (_, i) => actor0 + i), ...Array.from({length: I}, (_, i) => ivSaldo0 + i)];
  return {actors, interventions, nOut: actor0 + A + 3 * I, COSTS: 0, BENEFITS: 1, SALDO: 2, RATIO: 3, FIN_COSTS: 4, FIN_BENEFITS: 5, FIN_SALDO: 6, FIN_RATIO: 7, actor0, ivCosts0: actor0 + A, ivBenefits0: actor0 + A + I, ivSaldo0, kept};
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

/** What merging chunk results needs besides the chunks (plain data: it crosses to workers). */
export interface PsaMeta {
  draws: number;
  seed: number;
  chunks: number;
  bins: number;
  keepSamples: boolean;
  keepInputs: boolean;
  /** The model's participants at the base values (for EVPI per participant), or null. */
  participants: number | null;
  inputs: PsaResult["inputs"];
  deterministic: PsaResult["deterministic"];
  actors: {actor: ActorId; label: string}[];
  interventions: {id: string; label: string}[];
  curves: {qaly: CurveMeta | null; discountRate: CurveMeta | null};
}

interface CurveMeta {
  input: string;
  label: string;
  base: number;
  grid: number[];
  method: AcceptabilityCurve["method"];
}

/** Number of values per streamed statistic in ChunkResult.moments: n, mean, Σ(x − mean)², min, max, count > 0. */
const MOMENTS = 6;

/** The result of one chunk: plain data (typed arrays), so that it crosses from a worker unchanged. */
export interface ChunkResult {
  chunk: number;
  draws: number;
  nonFinite: number;
  /** Draws that count (finite). */
  valid: number;
  /** MOMENTS values per output (layout order). */
  moments: Float64Array;
  /** The kept outputs' values of the draws that count: kept.length columns of `valid` values. */
  kept: Float64Array;
  /** With keepInputs: the drawn inputs of the draws that count, one column of `valid` values per input. */
  inputs?: Float64Array;
  qaly: ChunkCurve | null;
  discountRate: ChunkCurve | null;
}

interface ChunkCurve {
  /** The chunk's method: "rerun" when it could not re-weight (a draw with QALY value 0, or a non-finite draw). */
  method: AcceptabilityCurve["method"];
  positive: Float64Array;
  counted: Float64Array;
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

function checkOptions(options: PsaOptions): {draws: number; seed: number} {
  const draws = options.draws ?? 10_000;
  const seed = options.seed ?? 1;
  if (!(Number.isInteger(draws) && draws >= 1)) throw new RangeError(`draws must be a positive integer, found ${draws}`);
  if (!(Number.isSafeInteger(seed) && seed >= 0)) throw new RangeError(`seed must be a non-negative integer, found ${seed}`);
  return {draws, seed};
}

/**
 * The batched Monte Carlo engine of one model and one set of options: `meta` for merging, and
 * `run(c)` computing chunk c (any chunk, in any order, on any worker: the result depends only on
 * the model, the options and c).
 */
export interface PsaEngine {
  meta: PsaMeta;
  run(chunk: number): ChunkResult;
}

export function psaEngine(model: CompiledModel, options: PsaOptions = {}): PsaEngine {
  const {draws, seed} = checkOptions(options);
  const overrides = options.overrides ?? {};
  const inputs = uncertainInputs(model, overrides);
  const L = layout(model);
  const H = model.horizon;
  const B = CHUNK_SIZE;
  const specs = curveSpecs(model, options);

  // What differs between draws: the drawn inputs, the curve inputs (held at grid values when a
  // curve is re-run), and every node that depends on one of them. The rest is the same in every
  // draw: the kernel reads it as literals and does not recompute it (lib/model/block-kernel.ts).
  const varying = new Set<string>(inputs.map((i) => i.name));
  if (specs.qaly) varying.add(specs.qaly.node.name);
  if (specs.rate) varying.add(specs.rate.node.name);
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of model.nodes.values()) {
      if (!varying.has(node.name) && node.deps.some((d) => varying.has(d.node))) {
        varying.add(node.name);
        changed = true;
      }
    }
  }
  // Block state: every node the same in every draw at its value of the one-draw evaluation (the
  // overrides applied; the block kernel has the same arithmetic per draw), leaves at their base values.
  const {S: S0, V: V0} = initialState(model, overrides);
  const base = evaluate(model, overrides, {checkFinite: false});
  const S = new Float64Array(model.scalarCount * B);
  const V = new Float64Array(model.seriesCount * H * B);
  // V is new (all +0) and no fill below touches a varying node's rows, so the once(...) nodes' later years stay +0.
  const constants = {scalars: new Map<number, number>(), skip: new Set<string>(), onceRowsZero: true};
  for (const node of model.nodes.values()) {
    const fixed = !varying.has(node.name);
    if (!node.leaf && !fixed) continue;
    const from = node.leaf ? {S: S0, V: V0} : base;
    if (node.series) for (let t = 0; t < H; ++t) V.fill(from.V[node.slot + t], (node.slot + t) * B, (node.slot + t + 1) * B);
    else S.fill(from.S[node.slot], node.slot * B, (node.slot + 1) * B);
    if (fixed && !node.series) constants.scalars.set(node.slot, from.S[node.slot]);
    if (fixed && !node.leaf) constants.skip.add(node.name);
  }
  const kernel = blockKernel(model, B, constants).kernel;
  const k = inputs.length;
  const plan = correlationPlan(model, inputs);
  const dists = plan ? plan.drawDistributions : inputs.map((i) => i.distribution);
  const inputSlots = inputs.map((i) => i.node.slot);
  const seriesBase = inputs.map((i) => (i.series ? V0.slice(i.node.slot, i.node.slot + H) : null));
  const references = inputs.map((i) => i.reference);

  // Terms: one per (flow node, discount rate), with its coefficient in each output.
  // Each line's own rate: a transfer's two ends are both discounted at the study rate (lib/model/compile.ts).
  const rateNames = [...new Set(model.lines.map((l) => l.rate))];
  const rateSlots = rateNames.map((n) => model.nodes.get(n)!.slot);
  const R = rateNames.length;
  const byKey = new Map<string, {node: string; rate: number; coefs: Map<number, number>; saldo: number}>();
  model.lines.forEach((line, i) => {
    const rate = rateNames.indexOf(line.rate);
    const key = `${line.node}\u0000${rate}`;
    let term = byKey.get(key);
    if (!term) byKey.set(key, (term = {node: line.node, rate, coefs: new Map(), saldo: 0}));
    term.saldo += line.sign;
    for (const [o, c] of lineCoefficients(model, L, i)) term.coefs.set(o, (term.coefs.get(o) ?? 0) + c);
  });
  const terms = [...byKey.values()];
  const J = terms.length;
  const termSlot = Int32Array.from(terms.map((t) => model.nodes.get(t.node)!.slot));
  const termRate = Int32Array.from(terms.map((t) => t.rate));
  const saldoCoef = Float64Array.from(terms.map((t) => t.saldo));
  // Years in which a term's amount can be non-zero: a flow `once(x)` is exactly 0 after year 0
  // (lib/model/compile.ts, callCode), so its later years add nothing to its present value (a sum
  // that starts at +0 is never −0, so adding ±0 leaves it unchanged) and are skipped.
  const termYears = Int32Array.from(terms.map((t) => {
    const ir = model.nodes.get(t.node)!.ir;
    return ir && ir.op === "call" && ir.fn === "once" ? Math.min(1, H) : H;
  }));
  const coefs = terms.map((t) => [...t.coefs].filter(([, c]) => c !== 0));
  const coefStart = new Int32Array(J + 1);
  coefs.forEach((cs, j) => (coefStart[j + 1] = coefStart[j] + cs.length));
  const coefOut = Int32Array.from(coefs.flat().map(([o]) => o));
  const coefVal = Float64Array.from(coefs.flat().map(([, c]) => c));

  // Curves: which can be computed from the main run's present values.
  let qalyReweight = false;
  let qalyProp: boolean[] = [];
  if (specs.qaly) {
    const cls = classify(model, specs.qaly.node.name);
    const termCls = terms.map((t) => cls.get(t.node)!);
    qalyReweight = termCls.every((c) => c !== "other") && rateNames.every((r) => cls.get(r) === "free");
    qalyProp = termCls.map((c) => c === "prop");
  }
  let rateRediscount = false;
  let rateIndex = -1;
  if (specs.rate) {
    const cls = classify(model, specs.rate.node.name);
    rateIndex = rateNames.indexOf(specs.rate.node.name);
    rateRediscount = terms.every((t) => cls.get(t.node) === "free" || cls.get(t.node) === "zero") && rateNames.every((r) => r === specs.rate!.node.name || cls.get(r) === "free");
  }
  const rediscountNet = !!specs.rate && rateRediscount && rateIndex >= 0;
  // The present values with the years unrolled (lib/analysis/present-values.ts), for a block whose
  // draws share each rate's factors.
  const pvTerms: PresentValueTerms = {B, H, slot: termSlot, years: termYears, rate: termRate, saldo: saldoCoef, coefStart, coefOut, coefVal};
  const rateFactors = (specs.rate?.grid ?? []).map((r) => {
    if (!(r > -1)) throw new RangeError(`discount-rate grid: a rate must be greater than -1, found ${r}`);
    return discountFactors(r, H);
  });

  const det = summarize(evaluate(model, overrides));
  const curveMeta = (spec: CurveSpec | null, method: AcceptabilityCurve["method"]): CurveMeta | null =>
    spec && {input: spec.node.name, label: spec.node.label, base: S0[spec.node.slot], grid: spec.grid, method};
  const meta: PsaMeta = {
    draws,
    seed,
    chunks: chunkCount(draws),
    bins: options.bins ?? 40,
    keepSamples: options.keepSamples ?? false,
    keepInputs: (options.keepSamples ?? false) && (options.keepInputs ?? false),
    participants: det.participants,
    inputs: inputs.map((i) => ({name: i.name, label: i.label, unit: i.unit, type: i.spec.type, mean: distMean(i.distribution), sd: Math.sqrt(distVariance(i.distribution))})),
    deterministic: {costs: det.costs, benefits: det.benefits, saldo: det.saldo, ratio: det.ratio, financialRatio: det.financialRatio},
    actors: L.actors.map((a) => ({actor: a, label: actorLabel(a, model.file.actors)})),
    interventions: L.interventions,
    curves: {qaly: curveMeta(specs.qaly, qalyReweight ? "reweight" : "rerun"), discountRate: curveMeta(specs.rate, rateRediscount ? "rediscount" : "rerun")}
  };

  // Scratch, reused by every chunk.
  const X = new Float64Array(k * B);
  const F = new Float64Array(R * H * B);
  const lastRate = new Float64Array(R).fill(NaN);
  const rateFactor = new Float64Array(R * H);
  const rateSame = new Uint8Array(R);
  const PV = new Float64Array(J * B);
  const OUT = new Float64Array(L.nOut * B);
  const ok = new Uint8Array(B);
  const work = new Float64Array(B);
  const propScratch = new Float64Array(B);
  const netYear = new Float64Array(H * B);
  const {COSTS, BENEFITS, SALDO, RATIO, FIN_COSTS, FIN_BENEFITS, FIN_SALDO, FIN_RATIO, ivCosts0, ivBenefits0, ivSaldo0, nOut} = L;
  const I = L.interventions.length;

  /** Evaluate draws 0 … n − 1 of the chunk whose draws are in X; returns the number of finite draws (ok[b] = 1). */
  const evaluateBlock = (n: number, fixSlot: number, fixValue: number, net = false): number => {
    for (let i = 0; i < k; ++i) {
      const col = i * n;
      const base = seriesBase[i];
      if (base === null) S.set(X.subarray(col, col + n), inputSlots[i] * B);
      else {
        const ref = references[i];
        for (let t = 0; t < H; ++t) {
          const bt = base[t];
          const o = (inputSlots[i] + t) * B;
          for (let b = 0; b < n; ++b) V[o + b] = bt * (X[col + b] / ref);
        }
      }
    }
    if (fixSlot >= 0) S.fill(fixValue, fixSlot * B, fixSlot * B + n);
    kernel(S, V, n);
    if (fixSlot >= 0) S.fill(S0[fixSlot], fixSlot * B, fixSlot * B + B);
    // Discount factors per draw (recomputed only when the rate differs from the previous draw's):
    // the same arithmetic as discountFactors (lib/finance/discount.ts), 1 / (1 + r)^t. When every
    // draw of the block has the same rate (the usual case: the rate is not drawn), the factors are
    // read from rateFactor and not copied per draw.
    for (let r = 0; r < R; ++r) {
      const so = rateSlots[r] * B;
      const r0 = S[so];
      let same = 1;
      for (let b = 0; b < n; ++b) {
        const rate = S[so + b];
        if (rate !== lastRate[r]) {
          if (!(rate > -1)) throw new RangeError(`discount rate "${rateNames[r]}" must be greater than -1, found ${rate}`);
          lastRate[r] = rate;
          for (let t = 0; t < H; ++t) rateFactor[r * H + t] = 1 / Math.pow(1 + rate, t);
        }
        if (rate !== r0) same = 0;
      }
      rateSame[r] = same;
      if (!same) {
        lastRate[r] = NaN;
        for (let b = 0; b < n; ++b) {
          const rate = S[so + b];
          if (rate !== lastRate[r]) {
            lastRate[r] = rate;
            for (let t = 0; t < H; ++t) rateFactor[r * H + t] = 1 / Math.pow(1 + rate, t);
          }
          for (let t = 0; t < H; ++t) F[(r * H + t) * B + b] = rateFactor[r * H + t];
        }
      }
    }
    // Present value per term: Σ_t amount · factor (t ascending, from 0, as before), then into every
    // output it counts in (outputs summed in term order).
    // With `net` (the main run, when the rate curve re-discounts): also the yearly net amounts of
    // the terms at the curve's rate, Σ_j saldoCoef_j · amount_j(t) in term order, read in the same pass.
    OUT.fill(0);
    work.fill(0, 0, n);
    if (net) netYear.fill(0);
    let allSame = true;
    for (let r = 0; r < R; ++r) if (!rateSame[r]) allSame = false;
    if (allSame) presentValues(pvTerms, net ? rateIndex : -1, V, PV, OUT, work, netYear, rateFactor, n);
    else for (let j = 0; j < J; ++j) {
      const pv = j * B;
      const o0 = termSlot[j] * B;
      const r = termRate[j];
      const cj = saldoCoef[j];
      const withNet = net && r === rateIndex && cj !== 0;
      const Hj = termYears[j];
      if (rateSame[r]) {
        const f0 = r * H;
        PV.fill(0, pv, pv + n);
        for (let t = 0; t < Hj; ++t) {
          const f = rateFactor[f0 + t];
          const vo = o0 + t * B;
          if (withNet) {
            const tB = t * B;
            for (let b = 0; b < n; ++b) {
              const v = V[vo + b];
              PV[pv + b] += v * f;
              netYear[tB + b] += cj * v;
            }
          } else for (let b = 0; b < n; ++b) PV[pv + b] += V[vo + b] * f;
        }
        // work stays 0 while every present value is finite (x · 0 is NaN for NaN and ±Infinity).
        for (let b = 0; b < n; ++b) work[b] += PV[pv + b] * 0;
      } else {
        const fr = r * H * B;
        for (let b = 0; b < n; ++b) {
          let s = 0;
          for (let t = 0, vo = o0 + b, fo = fr + b; t < Hj; ++t, vo += B, fo += B) s += V[vo] * F[fo];
          PV[pv + b] = s;
          work[b] += s * 0;
        }
        if (withNet)
          for (let t = 0; t < Hj; ++t) {
            const vo = o0 + t * B;
            const tB = t * B;
            for (let b = 0; b < n; ++b) netYear[tB + b] += cj * V[vo + b];
          }
      }
      for (let q = coefStart[j]; q < coefStart[j + 1]; ++q) {
        const oo = coefOut[q] * B;
        const c = coefVal[q];
        for (let b = 0; b < n; ++b) OUT[oo + b] += c * PV[pv + b];
      }
    }
    for (let b = 0; b < n; ++b) {
      const c = OUT[COSTS * B + b];
      const fc = OUT[FIN_COSTS * B + b];
      OUT[SALDO * B + b] = OUT[BENEFITS * B + b] - c;
      OUT[RATIO * B + b] = c > 0 ? OUT[BENEFITS * B + b] / c : NaN;
      OUT[FIN_SALDO * B + b] = OUT[FIN_BENEFITS * B + b] - fc;
      OUT[FIN_RATIO * B + b] = fc > 0 ? OUT[FIN_BENEFITS * B + b] / fc : NaN;
    }
    for (let i = 0; i < I; ++i) {
      const s = (ivSaldo0 + i) * B;
      const bb = (ivBenefits0 + i) * B;
      const cc = (ivCosts0 + i) * B;
      for (let b = 0; b < n; ++b) OUT[s + b] = OUT[bb + b] - OUT[cc + b];
    }
    for (let b = 0; b < n; ++b) ok[b] = work[b] === 0 ? 1 : 0;
    for (let o = 0; o < nOut; ++o) {
      if (o === RATIO || o === FIN_RATIO) continue;
      const oo = o * B;
      for (let b = 0; b < n; ++b) if (!Number.isFinite(OUT[oo + b])) ok[b] = 0;
    }
    // A ratio over costs > 0 that is not finite (costs of 1e-320) is a non-finite result, counted in
    // nonFinite like the saldo, as in the reference path (summarize throws a NonFiniteError).
    for (let b = 0; b < n; ++b) if ((OUT[COSTS * B + b] > 0 && !Number.isFinite(OUT[RATIO * B + b])) || (OUT[FIN_COSTS * B + b] > 0 && !Number.isFinite(OUT[FIN_RATIO * B + b]))) ok[b] = 0;
    let valid = 0;
    for (let b = 0; b < n; ++b) valid += ok[b];
    return valid;
  };

  const countPositive = (n: number): number => {
    let c = 0;
    for (let b = 0; b < n; ++b) if (ok[b] && OUT[SALDO * B + b] > 0) ++c;
    return c;
  };

  const rerun = (spec: CurveSpec, n: number): ChunkCurve => {
    const g = spec.grid.length;
    const positive = new Float64Array(g);
    const counted = new Float64Array(g);
    spec.grid.forEach((value, i) => {
      counted[i] = evaluateBlock(n, spec.node.slot, value);
      positive[i] = countPositive(n);
    });
    return {method: "rerun", positive, counted};
  };

  const run = (c: number): ChunkResult => {
    if (!(Number.isInteger(c) && c >= 0 && c < meta.chunks)) throw new RangeError(`chunk ${c} is outside 0 … ${meta.chunks - 1}`);
    const n = chunkLength(draws, c);
    drawChunk(dists, seed, c, n, X);
    if (plan) applyCopula(plan, X, n);
    const valid = evaluateBlock(n, -1, 0, rediscountNet);
    // Streamed statistics of the draws that count.
    const moments = new Float64Array(nOut * MOMENTS);
    for (let o = 0; o < nOut; ++o) {
      const oo = o * B;
      let cnt = 0;
      let sum = 0;
      let min = Infinity;
      let max = -Infinity;
      let pos = 0;
      for (let b = 0; b < n; ++b) {
        const v = OUT[oo + b];
        if (!ok[b] || !Number.isFinite(v)) continue;
        ++cnt;
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
        if (v > 0) ++pos;
      }
      const mean = cnt ? sum / cnt : 0;
      let m2 = 0;
      for (let b = 0; b < n; ++b) {
        const v = OUT[oo + b];
        if (ok[b] && Number.isFinite(v)) m2 += (v - mean) * (v - mean);
      }
      moments.set([cnt, mean, m2, min, max, pos], o * MOMENTS);
    }
    const kept = new Float64Array(L.kept.length * valid);
    L.kept.forEach((o, i) => {
      let w = i * valid;
      for (let b = 0; b < n; ++b) if (ok[b]) kept[w++] = OUT[o * B + b];
    });

    // Curves from the main run's present values, when exact; else by re-running this chunk.
    let qaly: ChunkCurve | null = null;
    let discountRate: ChunkCurve | null = null;
    const allFinite = valid === n;
    if (specs.qaly && qalyReweight && allFinite) {
      const grid = specs.qaly.grid;
      const qo = specs.qaly.node.slot * B;
      const positive = new Float64Array(grid.length);
      let zero = false;
      // A draw with QALY value 0 cannot be re-weighted: then this chunk is re-run.
      for (let b = 0; b < n; ++b) if (S[qo + b] === 0) zero = true;
      if (!zero) {
        // prop[b] = Σ_j saldoCoef_j · PV_j[b] over the proportional terms, in term order (column by column).
        const prop = propScratch;
        prop.fill(0, 0, n);
        for (let j = 0; j < J; ++j) {
          if (!qalyProp[j]) continue;
          const cj = saldoCoef[j];
          const pv = j * B;
          for (let b = 0; b < n; ++b) prop[b] += cj * PV[pv + b];
        }
        for (let b = 0; b < n; ++b) {
          const rest = OUT[SALDO * B + b] - prop[b];
          const per = prop[b] / S[qo + b];
          for (let g = 0; g < grid.length; ++g) if (rest + per * grid[g] > 0) positive[g]++;
        }
        qaly = {method: "reweight", positive, counted: new Float64Array(grid.length).fill(n)};
      }
    }
    if (specs.rate && rateRediscount && allFinite) {
      const grid = specs.rate.grid;
      const positive = new Float64Array(grid.length);
      if (rateIndex >= 0) {
        // netYear: filled by the main run's evaluateBlock (rediscountNet).
        for (let b = 0; b < n; ++b) work[b] = OUT[SALDO * B + b];
        for (let j = 0; j < J; ++j) {
          if (termRate[j] !== rateIndex) continue;
          const cj = saldoCoef[j];
          if (cj === 0) continue;
          for (let b = 0; b < n; ++b) work[b] -= cj * PV[j * B + b];
        }
        // s[b] = work[b] + Σ_t netYear_t[b] · f_t, t ascending, counted where > 0.
        for (let g = 0; g < grid.length; ++g) positive[g] = positiveAtRate(B, H, work, netYear, rateFactors[g], n);
      } else {
        // The rate is used by no post: the saldo does not depend on it.
        positive.fill(countPositive(n));
      }
      discountRate = {method: "rediscount", positive, counted: new Float64Array(grid.length).fill(n)};
    }
    if (specs.qaly && !qaly) qaly = rerun(specs.qaly, n);
    if (specs.rate && !discountRate) discountRate = rerun(specs.rate, n);
    const result: ChunkResult = {chunk: c, draws: n, nonFinite: n - valid, valid, moments, kept, qaly, discountRate};
    if (meta.keepInputs) {
      const cols = new Float64Array(k * valid);
      for (let i = 0; i < k; ++i) {
        let w = i * valid;
        for (let b = 0; b < n; ++b) if (ok[b]) cols[w++] = X[i * n + b];
      }
      result.inputs = cols;
    }
    return result;
  };
  return {meta, run};
}

/**
 * What the merge reads in chunk order, folded as the chunks come (PsaMerger): per saldo column
 * (the saldo, then each actor's) the sum and the sum of the positive values, for EVPI; the count;
 * and the saldo's minimum and maximum, for the histogram. The same additions and comparisons in the
 * same order as reading the whole columns.
 */
interface Folded {
  n: number;
  sum: Float64Array;
  sumPos: Float64Array;
  min: number;
  max: number;
}

/** A growing array of values. */
interface Growing {
  values: Float64Array;
  length: number;
}

/**
 * Merges the chunk results of one run as they come (any order): keeps them, counts their kept
 * values into buckets unless the counts come from elsewhere (`counted`: the pool's workers send
 * theirs), and, once a sample of chunks is in, collects from every chunk (those in and those to
 * come) the values of the buckets where the percentiles will probably fall, so that the final
 * merge (`result`) need not read the whole columns again. The guess only saves work: a percentile
 * whose bucket was not collected is found by reading the columns, as without it, so the result is
 * always that of `mergeChunks(meta, chunks)`.
 */
export class PsaMerger {
  readonly chunks: ChunkResult[] = [];
  readonly counts: Int32Array;
  private readonly K: number;
  private collected: Map<number, Growing>[] | null = null;
  private readonly waiting: (ChunkResult | undefined)[];
  private next = 0;
  private readonly folded: Folded;
  private fills: Int32Array[] = [];
  private targets: Growing[][] = [];

  /**
   * `counted`: the bucket counts come from elsewhere (added to `counts` before `result`).
   * `collect`: guess and collect the percentiles' buckets (worth it where the chunks come while
   * other threads compute: the pool; in one thread it is the same work as reading the columns at
   * the end, so psa() calls mergeChunks on its chunks instead).
   */
  constructor(
    readonly meta: PsaMeta,
    private readonly counted = false,
    private readonly collecting = counted
  ) {
    this.K = keptCount(meta);
    this.counts = new Int32Array(this.K * BUCKETS);
    this.waiting = new Array(meta.chunks);
    const columns = 1 + meta.actors.length;
    this.folded = {n: 0, sum: new Float64Array(columns), sumPos: new Float64Array(columns), min: Infinity, max: -Infinity};
  }

  /** Fold the chunks that are next in chunk order. */
  private fold(): void {
    const f = this.folded;
    const A = this.meta.actors.length;
    for (let c = this.waiting[this.next]; c; c = this.waiting[this.next]) {
      this.waiting[this.next++] = undefined;
      const {kept, valid} = c;
      f.n += valid;
      // Kept columns: costs, benefits, saldo (2), ratio, financial ratio, then the actors (5 …).
      for (let k = 0; k <= A; ++k) {
        const o = (k === 0 ? 2 : 4 + k) * valid;
        let sum = f.sum[k];
        let sumPos = f.sumPos[k];
        for (let b = 0; b < valid; ++b) {
          const v = kept[o + b];
          sum += v;
          if (v > 0) sumPos += v;
        }
        f.sum[k] = sum;
        f.sumPos[k] = sumPos;
      }
      let min = f.min;
      let max = f.max;
      for (let b = 2 * valid, end = 3 * valid; b < end; ++b) {
        if (kept[b] < min) min = kept[b];
        if (kept[b] > max) max = kept[b];
      }
      f.min = min;
      f.max = max;
    }
  }

  /** Chunks in before the buckets are guessed: a sixteenth of the run, at least 16 chunks (none for runs of fewer than 64). */
  private get sample(): number {
    return Math.max(16, Math.ceil(this.meta.chunks / 16));
  }

  add(chunk: ChunkResult): void {
    this.chunks.push(chunk);
    if (this.waiting[chunk.chunk] !== undefined || chunk.chunk < this.next) throw new Error(`merge: chunk ${chunk.chunk} came twice`);
    this.waiting[chunk.chunk] = chunk;
    this.fold();
    if (!this.counted) countKept(this.counts, chunk.kept, this.K, chunk.valid);
    if (this.collected) this.collect(chunk);
    else if (this.collecting && this.meta.chunks >= 64 && this.chunks.length === this.sample) {
      this.guess();
      for (const c of this.chunks) this.collect(c);
    }
  }

  /** The buckets to collect per column: those the type-7 ranks of p ± 6 standard errors fall in, in the sample. */
  private guess(): void {
    const counts = this.counted ? new Int32Array(this.K * BUCKETS) : this.counts;
    if (this.counted) for (const c of this.chunks) countKept(counts, c.kept, this.K, c.valid);
    this.collected = [];
    for (let i = 0; i < this.K; ++i) {
      const start = new Float64Array(BUCKETS + 1);
      for (let b = 0; b < BUCKETS; ++b) start[b + 1] = start[b] + counts[i * BUCKETS + b];
      const m = start[BUCKETS];
      const wanted = new Map<number, Growing>();
      const fill = new Int32Array(BUCKETS).fill(-1);
      const targets: Growing[] = [];
      if (m > 0) {
        for (const p of PERCENTILES) {
          const q = p / 100;
          const margin = 6 * Math.sqrt((q * (1 - q)) / m) + 2 / m;
          const lo = Math.max(0, Math.floor((q - margin) * (m - 1)));
          const hi = Math.min(m - 1, Math.ceil((q + margin) * (m - 1)));
          // Every bucket that holds a rank from lo to hi.
          let b = 0;
          while (start[b + 1] <= lo) ++b;
          for (; b < BUCKETS && start[b] <= hi; ++b) {
            if (start[b + 1] === start[b] || wanted.has(b)) continue;
            // Room for the expected share of the whole run, grown when needed.
            const g = {values: new Float64Array(Math.ceil(((start[b + 1] - start[b]) / m) * this.meta.draws * 1.25) + 16), length: 0};
            wanted.set(b, g);
            fill[b] = targets.length;
            targets.push(g);
          }
        }
      }
      this.collected.push(wanted);
      this.fills.push(fill);
      this.targets.push(targets);
    }
  }

  private collect(chunk: ChunkResult): void {
    const {kept, valid} = chunk;
    const words = new Uint32Array(kept.buffer, kept.byteOffset, 2 * this.K * valid);
    for (let i = 0; i < this.K; ++i) {
      const fill = this.fills[i];
      const targets = this.targets[i];
      if (!targets.length) continue;
      for (let j = i * valid, end = j + valid; j < end; ++j) {
        const hi = words[2 * j + HI];
        const t = fill[(hi & 0x80000000 ? ~hi : hi ^ 0x80000000) >>> 16];
        if (t < 0) continue;
        const v = kept[j];
        if (v - v !== 0) continue; // NaN or ±Infinity
        const g = targets[t];
        if (g.length === g.values.length) {
          const grown = new Float64Array(2 * g.values.length);
          grown.set(g.values);
          g.values = grown;
        }
        g.values[g.length++] = v;
      }
    }
  }

  /** The merged result (every chunk in; with `counted`, `counts` must hold every chunk's counts by now). */
  result(): PsaResult {
    return mergeChunks(this.meta, this.chunks, this.counts, this.collected ?? undefined, this.next === this.meta.chunks ? this.folded : undefined);
  }
}

/** The number of kept columns of a run (ChunkResult.kept holds this many columns). */
export function keptCount(meta: PsaMeta): number {
  return 5 + meta.actors.length + meta.interventions.length;
}

/**
 * Merge chunk results (all chunks of the run, any order) into the result; merging follows the chunk
 * order. `counts`: the bucket counts of the chunks' kept columns (`countKept` over every chunk, in
 * any order and on any thread: they are integers, so the sum is exact); counted here when absent.
 * The kept columns are read chunk by chunk, never copied into one array (except `samples`).
 */
export function mergeChunks(meta: PsaMeta, chunkResults: ChunkResult[], counts?: Int32Array, collected?: Map<number, Growing>[], folded?: Folded): PsaResult {
  const chunks = [...chunkResults].sort((a, b) => a.chunk - b.chunk);
  if (chunks.length !== meta.chunks || chunks.some((c, i) => c.chunk !== i)) throw new Error(`merge: expected chunks 0 … ${meta.chunks - 1}, found ${chunks.map((c) => c.chunk).join(", ")}`);
  const A = meta.actors.length;
  const I = meta.interventions.length;
  const L = {COSTS: 0, BENEFITS: 1, SALDO: 2, RATIO: 3, FIN_COSTS: 4, FIN_BENEFITS: 5, FIN_SALDO: 6, FIN_RATIO: 7, actor0: 8, ivCosts0: 8 + A, ivBenefits0: 8 + A + I, ivSaldo0: 8 + A + 2 * I};
  const nOut = 8 + A + 3 * I;
  const kept = [0, 1, 2, 3, 7, ...Array.from({length: A}, (_, i) => L.actor0 + i), ...Array.from({length: I}, (_, i) => L.ivSaldo0 + i)];
  const valid = chunks.reduce((s, c) => s + c.valid, 0);
  // Chan et al.'s pairwise update, chunk by chunk in chunk order.
  const merged = new Float64Array(nOut * MOMENTS);
  for (let o = 0; o < nOut; ++o) {
    let n = 0;
    let mean = 0;
    let m2 = 0;
    let min = Infinity;
    let max = -Infinity;
    let pos = 0;
    for (const c of chunks) {
      const [nb, mb, m2b, minb, maxb, posb] = c.moments.subarray(o * MOMENTS, (o + 1) * MOMENTS);
      if (nb === 0) continue;
      const total = n + nb;
      const delta = mb - mean;
      mean += (delta * nb) / total;
      m2 += m2b + (delta * delta * n * nb) / total;
      n = total;
      if (minb < min) min = minb;
      if (maxb > max) max = maxb;
      pos += posb;
    }
    merged.set([n, mean, m2, min, max, pos], o * MOMENTS);
  }
  // A kept output's values, chunk by chunk in chunk order (the draws that count).
  const columns = new Map<number, Float64Array[]>();
  kept.forEach((o, i) => columns.set(o, chunks.map((c) => c.kept.subarray(i * c.valid, (i + 1) * c.valid))));
  if (!counts) {
    counts = new Int32Array(kept.length * BUCKETS);
    for (const c of chunks) countKept(counts, c.kept, kept.length, c.valid);
  }
  if (counts.length !== kept.length * BUCKETS) throw new Error(`merge: expected ${kept.length} × ${BUCKETS} bucket counts, found ${counts.length}`);
  const bucketCounts = counts;
  const streamed = (o: number): StreamedStats => {
    const [n, mean, m2, min, max] = merged.subarray(o * MOMENTS, (o + 1) * MOMENTS);
    const i = kept.indexOf(o);
    return {n, mean: n ? mean : NaN, sd: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0, min: n ? min : NaN, max: n ? max : NaN, percentiles: i >= 0 ? percentilesOfBuckets(bucketCounts.subarray(i * BUCKETS, (i + 1) * BUCKETS), columns.get(o)!, collected?.[i]) : null};
  };
  const stats = (o: number): Stats => {
    if (!columns.has(o)) throw new Error(`output ${o} is not kept per draw`);
    return streamed(o) as Stats;
  };
  const prob = (o: number): number => {
    const n = merged[o * MOMENTS];
    return n ? merged[o * MOMENTS + 5] / n : NaN;
  };
  const curve = (m: CurveMeta | null, pick: (c: ChunkResult) => ChunkCurve | null): AcceptabilityCurve | null => {
    if (!m) return null;
    const positive = new Float64Array(m.grid.length);
    const counted = new Float64Array(m.grid.length);
    let method = m.method;
    for (const c of chunks) {
      const cc = pick(c)!;
      if (cc.method === "rerun") method = "rerun";
      for (let g = 0; g < m.grid.length; ++g) {
        positive[g] += cc.positive[g];
        counted[g] += cc.counted[g];
      }
    }
    return {input: m.input, label: m.label, base: m.base, method, points: m.grid.map((x, g) => ({x, probPositive: counted[g] ? positive[g] / counted[g] : NaN}))};
  };
  const saldo = columns.get(L.SALDO)!;
  const result: PsaResult = {
    method: "fast",
    draws: meta.draws,
    seed: meta.seed,
    chunkSize: CHUNK_SIZE,
    nonFinite: meta.draws - valid,
    inputs: meta.inputs,
    deterministic: meta.deterministic,
    costs: stats(L.COSTS),
    benefits: stats(L.BENEFITS),
    saldo: stats(L.SALDO),
    probPositive: prob(L.SALDO),
    ratio: stats(L.RATIO),
    financialCosts: streamed(L.FIN_COSTS),
    financialBenefits: streamed(L.FIN_BENEFITS),
    financialSaldo: streamed(L.FIN_SALDO),
    financialRatio: stats(L.FIN_RATIO),
    histogram: histogramOfSegments(saldo, meta.bins, folded && {min: folded.min, max: folded.max}),
    actors: meta.actors.map((a, i) => ({actor: a.actor, label: a.label, saldo: stats(L.actor0 + i), probPositive: prob(L.actor0 + i)})),
    interventions: meta.interventions.map((iv, i) => ({
      id: iv.id,
      label: iv.label,
      costs: streamed(L.ivCosts0 + i),
      benefits: streamed(L.ivBenefits0 + i),
      saldo: stats(L.ivSaldo0 + i),
      probPositive: prob(L.ivSaldo0 + i)
    })),
    acceptability: {qaly: curve(meta.curves.qaly, (c) => c.qaly), discountRate: curve(meta.curves.discountRate, (c) => c.discountRate)},
    evpi: !meta.inputs.length
      ? null
      : folded
        ? evpiSummaryOf(evpiOfSums(folded.n, folded.sum[0], folded.sumPos[0]), meta.actors.map((a, i) => ({...a, evpi: evpiOfSums(folded.n, folded.sum[1 + i], folded.sumPos[1 + i])})), meta.participants, meta.inputs.length)
        : evpiSummarySegments(saldo, meta.actors.map((a, i) => ({...a, saldo: columns.get(L.actor0 + i)!})), meta.participants, meta.inputs.length)
  };
  if (meta.keepSamples) {
    const all: number[] = new Array(valid);
    let w = 0;
    for (const seg of saldo) for (let b = 0; b < seg.length; ++b) all[w++] = seg[b];
    result.samples = {saldo: all};
  }
  if (meta.keepInputs && result.samples) {
    const inputs: Record<string, number[]> = {};
    meta.inputs.forEach((input, i) => {
      const col: number[] = [];
      for (const c of chunks) for (let b = 0; b < c.valid; ++b) col.push(c.inputs![i * c.valid + b]);
      inputs[input.name] = col;
    });
    result.samples.inputs = inputs;
  }
  return result;
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

/** The finite values of `values`, in order. */
function finite(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; ++i) if (Number.isFinite(values[i])) ++n;
  const a = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < values.length; ++i) if (Number.isFinite(values[i])) a[j++] = values[i];
  return a;
}

/**
 * Percentiles (type 7) of a (reordered in place), by selection: each order statistic is found in
 * the part of the array right of the previous one, which gives the same order statistics as
 * sorting, in O(n).
 */
function percentilesInPlace(a: Float64Array): Record<string, number> {
  const n = a.length;
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
  return percentiles;
}

/** Percentiles (type 7) of the finite values (a copy is reordered, not the argument). */
export function percentilesOf(values: ArrayLike<number>): Record<string, number> {
  if (!(values instanceof Float64Array)) return percentilesInPlace(finite(values));
  const counts = new Int32Array(BUCKETS);
  countKept(counts, values, 1, values.length);
  return percentilesOfBuckets(counts, [values]);
}

/** Number of buckets per column of the percentile counts (`countKept`). */
export const BUCKETS = 65536;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** The index of a float64's high 32-bit word (sign, exponent, top of the mantissa) in its pair of words. */
const HI = LITTLE_ENDIAN ? 1 : 0;

/**
 * Count the finite values of `columns` columns of `length` values each (column i at i × length in
 * `values`) into `counts` (BUCKETS per column, column i at i × BUCKETS): the bucket of a value is
 * the top 16 bits of an order-preserving key of its bits (sign, exponent, 4 bits of the mantissa),
 * so bucket order is value order. NaN and ±Infinity are not counted. A chunk's kept columns are
 * counted where the chunk was computed (a worker), and the counts of all chunks add up exactly.
 */
export function countKept(counts: Int32Array, values: Float64Array, columns: number, length: number): void {
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * columns * length);
  for (let i = 0; i < columns; ++i) {
    const base = i * BUCKETS;
    for (let j = i * length, end = j + length; j < end; ++j) {
      const v = values[j];
      if (v - v !== 0) continue; // NaN or ±Infinity
      const hi = words[2 * j + HI];
      ++counts[base + ((hi & 0x80000000 ? ~hi : hi ^ 0x80000000) >>> 16)];
    }
  }
}

// Scratch of percentilesOfBuckets (one call at a time: it does not call itself).
const bucketStart = new Int32Array(BUCKETS + 1);
const bucketFill = new Int32Array(BUCKETS).fill(-1);

/**
 * Percentiles (type 7) of the finite values of `segments` (one column, in pieces), whose bucket
 * counts are `counts` (BUCKETS values; `countKept`): the same order statistics as sorting. Only the
 * buckets that hold a wanted order statistic are copied out of the segments, and the statistic is
 * selected within its bucket. (−0 and +0 fall in different buckets, −0 first; equal as numbers, so
 * the percentiles are the same.)
 */
function percentilesOfBuckets(counts: Int32Array, segments: Float64Array[], collected?: Map<number, Growing>): Record<string, number> {
  const start = bucketStart;
  start[0] = 0;
  for (let b = 0; b < BUCKETS; ++b) start[b + 1] = start[b] + counts[b];
  const n = start[BUCKETS];
  const percentiles: Record<string, number> = {};
  if (n === 0) {
    for (const p of PERCENTILES) percentiles[percentileKey(p)] = NaN;
    return percentiles;
  }
  // start[b]: how many values lie in the buckets before b. The bucket of rank r: the last b with start[b] <= r.
  const bucketOf = (r: number): number => {
    let lo = 0;
    let hi = BUCKETS - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (start[mid] <= r) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const ranks: number[] = [];
  for (const p of PERCENTILES) {
    const h = (n - 1) * (p / 100);
    const lo = Math.floor(h);
    ranks.push(lo);
    if (h > lo) ranks.push(lo + 1);
  }
  // Copy out the wanted buckets (each in its own segment of `kept`).
  const offset = new Map<number, number>();
  let size = 0;
  for (const r of ranks) {
    const b = bucketOf(r);
    if (!offset.has(b)) {
      offset.set(b, size);
      size += start[b + 1] - start[b];
    }
  }
  // Every wanted bucket collected already (all its values, from every chunk: `PsaMerger`): no pass over the column.
  const ready = collected !== undefined && [...offset.keys()].every((b) => collected.get(b)?.length === start[b + 1] - start[b]);
  const kept = new Float64Array(ready ? 0 : size);
  const fill = bucketFill;
  if (!ready) for (const [b, o] of offset) fill[b] = o;
  if (!ready) try {
    for (const a of segments) {
      const words = new Uint32Array(a.buffer, a.byteOffset, 2 * a.length);
      for (let i = 0, len = a.length; i < len; ++i) {
        const v = a[i];
        if (v - v !== 0) continue;
        const hi = words[2 * i + HI];
        const f = fill[(hi & 0x80000000 ? ~hi : hi ^ 0x80000000) >>> 16];
        if (f >= 0) {
          kept[f] = v;
          fill[(hi & 0x80000000 ? ~hi : hi ^ 0x80000000) >>> 16] = f + 1;
        }
      }
    }
  } finally {
    for (const b of offset.keys()) fill[b] = -1;
  }
  // The wanted order statistics, bucket by bucket (ranks within the bucket, ascending).
  const byBucket = new Map<number, number[]>();
  for (const r of ranks) {
    const b = bucketOf(r);
    const local = byBucket.get(b) ?? [];
    if (!local.includes(r - start[b])) local.push(r - start[b]);
    byBucket.set(b, local);
  }
  const found = new Map<number, number>();
  for (const [b, local] of byBucket) {
    const o = offset.get(b)!;
    const within = new Map<number, number>();
    const values = ready ? collected!.get(b)!.values.subarray(0, start[b + 1] - start[b]) : kept.subarray(o, o + start[b + 1] - start[b]);
    orderStatistics(values, local.sort((x, y) => x - y), within);
    for (const [k, v] of within) found.set(start[b] + k, v);
  }
  const statistic = (r: number): number => found.get(r)!;
  for (const p of PERCENTILES) {
    const h = (n - 1) * (p / 100);
    const lo = Math.floor(h);
    let value = statistic(lo);
    if (h > lo) value += (statistic(lo + 1) - value) * (h - lo);
    percentiles[percentileKey(p)] = value;
  }
  return percentiles;
}

/**
 * The order statistics `ranks` (ascending, each within 0 … a.length − 1) of `a`, whose values are
 * all finite (one bucket of percentilesOfBuckets), into `out` (rank → value); `a` is reordered.
 * (Splitting a large bucket once more by the next 10 bits of the key before selecting, tried on
 * 7 December 2026, cost about 100 ms more CPU per process at 100.000 and at 1.000.000 draws in one
 * thread: more cold loops for the JIT; the selection alone is as fast.)
 */
function orderStatistics(a: Float64Array, ranks: number[], out: Map<number, number>): void {
  const m = a.length;
  let from = 0;
  for (const k of ranks) {
    select(a, k, from, m - 1);
    out.set(k, a[k]);
    from = k;
  }
}

/** Mean, sd (n − 1), min, max and percentiles (type 7) of the finite values, over the whole array (the reference route). */
export function describe(values: ArrayLike<number>): Stats {
  const a = finite(values);
  const n = a.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; ++i) {
    const v = a[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = n ? sum / n : NaN;
  let ss = 0;
  for (let i = 0; i < n; ++i) ss += (a[i] - mean) ** 2;
  return {n, mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, min: n ? min : NaN, max: n ? max : NaN, percentiles: percentilesInPlace(a)};
}

/** Equal-width bins from the minimum to the maximum. */
export function histogram(values: ArrayLike<number>, bins = 40): {x0: number; x1: number; count: number}[] {
  return histogramOfSegments([values], bins);
}

/** `histogram` of the values of `segments` taken in order as one array (the same bins and counts). */
export function histogramOfSegments(segments: ArrayLike<number>[], bins = 40, range?: {min: number; max: number}): {x0: number; x1: number; count: number}[] {
  let min = Infinity;
  let max = -Infinity;
  let length = 0;
  for (const values of segments) length += values.length;
  // `range`: the minimum and maximum as this loop finds them (the first of equal values: −0 or +0), found before.
  if (range) ({min, max} = range);
  else
    for (const values of segments)
      for (let i = 0; i < values.length; ++i) {
        if (values[i] < min) min = values[i];
        if (values[i] > max) max = values[i];
      }
  if (!(max >= min)) return [];
  if (max === min) return [{x0: min, x1: max, count: length}];
  const w = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const values of segments) for (let i = 0; i < values.length; ++i) counts[Math.min(bins - 1, Math.floor((values[i] - min) / w))]++;
  return counts.map((count, b) => ({x0: min + b * w, x1: b === bins - 1 ? max : min + (b + 1) * w, count}));
}

// --- batched path, in process ------------------------------------------------------------------------

/** Monte Carlo over all uncertain inputs on the batched path, chunk by chunk in this thread. */
export function psa(model: CompiledModel, options: PsaOptions = {}): PsaResult {
  const engine = psaEngine(model, options);
  const {meta} = engine;
  const chunks: ChunkResult[] = [];
  let done = 0;
  for (let c = 0; c < meta.chunks; ++c) {
    const r = engine.run(c);
    chunks.push(r);
    done += r.draws;
    options.onProgress?.(done, meta.draws);
  }
  return mergeChunks(meta, chunks);
}

// --- reference implementation -------------------------------------------------------------------------

/** Thrown by a single evaluation whose result is not finite (lib/model; may not exist on every branch). */
function isNonFiniteError(error: unknown): boolean {
  return error instanceof Error && error.name === "NonFiniteError";
}

/** The same draws, each through `summarizeAll(evaluate(model, overrides))`; curves by re-running. */
export function psaReference(model: CompiledModel, options: PsaOptions = {}): PsaResult {
  const {draws, seed} = checkOptions(options);
  const overrides = options.overrides ?? {};
  const inputs = uncertainInputs(model, overrides);
  const plan = correlationPlan(model, inputs);
  const dists = plan ? plan.drawDistributions : inputs.map((i) => i.distribution);
  const L = layout(model);
  const specs = curveSpecs(model, options);
  const drawOverrides = (cols: Float64Array, n: number, b: number): Overrides => {
    const o: Overrides = {...overrides};
    inputs.forEach((input, i) => (o[input.name] = inputValue(input, cols[i * n + b])));
    return o;
  };
  /** Per draw, in draw order: the summary of the draw with `extra` overrides, or null when it is not finite. */
  const eachDraw = (extra: Overrides, fn: (s: ReturnType<typeof summarizeAll> | null) => void) => {
    for (let c = 0; c < chunkCount(draws); ++c) {
      const n = chunkLength(draws, c);
      const cols = drawChunk(dists, seed, c, n);
      if (plan) applyCopula(plan, cols, n);
      for (let b = 0; b < n; ++b) {
        let s: ReturnType<typeof summarizeAll> | null;
        try {
          s = summarizeAll(evaluate(model, {...drawOverrides(cols, n, b), ...extra}));
        } catch (error) {
          if (!isNonFiniteError(error)) throw error;
          s = null;
        }
        const t = s?.total;
        if (t && ![t.costs, t.benefits, t.saldo, t.financialCosts, t.financialBenefits, ...t.actors.map((a) => a.saldo), ...s!.interventions.flatMap((iv) => [iv.costs, iv.benefits, iv.saldo])].every(Number.isFinite)) s = null;
        fn(s);
      }
      options.onProgress?.(Math.min(draws, (c + 1) * CHUNK_SIZE), draws);
    }
  };
  const outputs = Array.from({length: L.nOut}, () => [] as number[]);
  let nonFinite = 0;
  eachDraw({}, (summary) => {
    if (!summary) return void ++nonFinite;
    const {total: s, interventions} = summary;
    outputs[L.COSTS].push(s.costs);
    outputs[L.BENEFITS].push(s.benefits);
    outputs[L.SALDO].push(s.saldo);
    outputs[L.RATIO].push(s.costs > 0 ? s.benefits / s.costs : NaN);
    outputs[L.FIN_COSTS].push(s.financialCosts);
    outputs[L.FIN_BENEFITS].push(s.financialBenefits);
    outputs[L.FIN_SALDO].push(s.financialBenefits - s.financialCosts);
    outputs[L.FIN_RATIO].push(s.financialCosts > 0 ? s.financialBenefits / s.financialCosts : NaN);
    L.actors.forEach((a, i) => outputs[L.actor0 + i].push(s.actors.find((r) => r.actor === a)?.saldo ?? 0));
    interventions.forEach((iv, i) => {
      outputs[L.ivCosts0 + i].push(iv.costs);
      outputs[L.ivBenefits0 + i].push(iv.benefits);
      outputs[L.ivSaldo0 + i].push(iv.saldo);
    });
  });
  const probPositive = (values: number[]) => (values.length ? values.filter((v) => v > 0).length / values.length : NaN);
  const curve = (spec: CurveSpec): AcceptabilityCurve => ({
    input: spec.node.name,
    label: spec.node.label,
    base: initialState(model, overrides).S[spec.node.slot],
    method: "rerun",
    points: spec.grid.map((value) => {
      let positive = 0;
      let counted = 0;
      eachDraw({[spec.node.name]: value}, (s) => {
        if (!s) return;
        ++counted;
        if (s.total.saldo > 0) ++positive;
      });
      return {x: value, probPositive: counted ? positive / counted : NaN};
    })
  });
  const det = summarize(evaluate(model, overrides));
  const o = outputs;
  return {
    method: "reference",
    draws,
    seed,
    chunkSize: CHUNK_SIZE,
    nonFinite,
    inputs: inputs.map((i) => ({name: i.name, label: i.label, unit: i.unit, type: i.spec.type, mean: distMean(i.distribution), sd: Math.sqrt(distVariance(i.distribution))})),
    deterministic: {costs: det.costs, benefits: det.benefits, saldo: det.saldo, ratio: det.ratio, financialRatio: det.financialRatio},
    costs: describe(o[L.COSTS]),
    benefits: describe(o[L.BENEFITS]),
    saldo: describe(o[L.SALDO]),
    probPositive: probPositive(o[L.SALDO]),
    ratio: describe(o[L.RATIO]),
    financialCosts: describe(o[L.FIN_COSTS]),
    financialBenefits: describe(o[L.FIN_BENEFITS]),
    financialSaldo: describe(o[L.FIN_SALDO]),
    financialRatio: describe(o[L.FIN_RATIO]),
    histogram: histogram(o[L.SALDO], options.bins ?? 40),
    actors: L.actors.map((a, i) => ({actor: a, label: actorLabel(a, model.file.actors), saldo: describe(o[L.actor0 + i]), probPositive: probPositive(o[L.actor0 + i])})),
    interventions: L.interventions.map((iv, i) => ({
      id: iv.id,
      label: iv.label,
      costs: describe(o[L.ivCosts0 + i]),
      benefits: describe(o[L.ivBenefits0 + i]),
      saldo: describe(o[L.ivSaldo0 + i]),
      probPositive: probPositive(o[L.ivSaldo0 + i])
    })),
    acceptability: {qaly: specs.qaly ? curve(specs.qaly) : null, discountRate: specs.rate ? curve(specs.rate) : null},
    evpi: inputs.length ? evpiSummary(o[L.SALDO], L.actors.map((a, i) => ({actor: a, label: actorLabel(a, model.file.actors), saldo: o[L.actor0 + i]})), det.participants, inputs.length) : null,
    ...(options.keepSamples ? {samples: {saldo: o[L.SALDO]}} : {})
  };
}

/**
 * The statistics of a Monte Carlo result whose mean is not a finite number although it has draws
 * (e.g. values near 1e308 whose sum overflows), as dotted paths ("costs", "actors.gemeente.saldo").
 * Such a result is refused, never printed as "—" beside other figures.
 */
export function nonFiniteStatistics(result: unknown, path = ""): string[] {
  if (result === null || typeof result !== "object") return [];
  const o = result as Record<string, unknown>;
  if (typeof o.n === "number" && "mean" in o) return o.n > 0 && !Number.isFinite(o.mean as number) ? [path] : [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    const id = Array.isArray(o) ? String((v as {id?: string})?.id ?? k) : k;
    out.push(...nonFiniteStatistics(v, path ? `${path}.${id}` : id));
  }
  return out;
}
