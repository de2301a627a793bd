// Attribution of a difference between two configurations of one model (the report's base and a
// reader's settings) to the inputs that differ: Shapley values. Browser-safe.
//
// Conventions:
// - The players are the changed inputs: inputs whose value in the alternative differs from their
//   value in the base configuration (an override equal to the base value is no change).
// - v(S) is the result with the inputs in S at their alternative value and all others at their base
//   value; the contribution of input i is its Shapley value
//   φ_i = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! · (v(S ∪ {i}) − v(S)).
//   The contributions add up to v(N) − v(∅), the difference (up to floating-point rounding), and do
//   not depend on the order in which the inputs are listed.
// - Exact (all 2ⁿ subsets, 2ⁿ evaluations) for n ≤ `exactUpTo` (default 10); beyond that the mean
//   marginal contribution over seeded random orders (permutation sampling; each order and its
//   reverse, antithetic pairs). Every order's marginal contributions add up to the difference, so
//   the sampled contributions add up to it too; each sampled value has a standard error.
// - The value is a vector (saldo, costs, benefits, saldo per actor, saldo per intervention), so one
//   set of evaluations attributes every output.
import type {CompiledModel} from "../model/compile.js";
import {evaluate, findLeaf, type LeafValue, type Overrides} from "../model/evaluate.js";
import {summarizeAll} from "../finance/summary.js";
import {actorLabel, type ActorId} from "../schema/actors.js";
import {Stream} from "./rng.js";

export const EXACT_UP_TO = 10;

/** Shapley values of n players for a vector-valued game `value(subset mask)` (mask[i]: player i in the coalition). */
export function shapleyValues(
  n: number,
  value: (mask: boolean[]) => number[],
  {exactUpTo = EXACT_UP_TO, permutations = 1000, seed = 1}: {exactUpTo?: number; permutations?: number; seed?: number} = {}
): {method: "exact" | "sampled"; values: number[][]; standardErrors: number[][] | null; evaluations: number; permutations: number | null; empty: number[]; full: number[]} {
  const empty = value(new Array(n).fill(false));
  const m = empty.length;
  if (n === 0) return {method: "exact", values: [], standardErrors: null, evaluations: 1, permutations: null, empty, full: empty};
  if (n <= exactUpTo) {
    const size = 1 << n;
    const v: number[][] = new Array(size);
    v[0] = empty;
    for (let s = 1; s < size; ++s) v[s] = value(Array.from({length: n}, (_, i) => (s & (1 << i)) !== 0));
    // weight[k] = k! (n − k − 1)! / n!
    const fact = [1];
    for (let i = 1; i <= n; ++i) fact[i] = fact[i - 1] * i;
    const weight = Array.from({length: n}, (_, k) => (fact[k] * fact[n - k - 1]) / fact[n]);
    const values = Array.from({length: n}, () => new Array<number>(m).fill(0));
    for (let s = 0; s < size; ++s) {
      let k = 0;
      for (let x = s; x; x &= x - 1) ++k;
      for (let i = 0; i < n; ++i) {
        if (s & (1 << i)) continue;
        const w = weight[k];
        const a = v[s | (1 << i)];
        const b = v[s];
        for (let j = 0; j < m; ++j) values[i][j] += w * (a[j] - b[j]);
      }
    }
    return {method: "exact", values, standardErrors: null, evaluations: size, permutations: null, empty, full: v[size - 1]};
  }
  if (!(Number.isInteger(permutations) && permutations >= 2)) throw new RangeError(`permutations must be an integer >= 2, found ${permutations}`);
  const pairs = Math.ceil(permutations / 2);
  const stream = new Stream(seed, 0);
  const sum = Array.from({length: n}, () => new Array<number>(m).fill(0));
  const sumSq = Array.from({length: n}, () => new Array<number>(m).fill(0));
  let full = empty;
  let evaluations = 1;
  const order = Array.from({length: n}, (_, i) => i);
  for (let p = 0; p < pairs; ++p) {
    // Fisher–Yates shuffle from the seeded stream.
    for (let i = n - 1; i > 0; --i) {
      const j = Math.floor(stream.uniform() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    // One antithetic pair: the order and its reverse; the pair's mean is one sample (so the standard error is honest).
    const pairContribution = Array.from({length: n}, () => new Array<number>(m).fill(0));
    for (const seq of [order, [...order].reverse()]) {
      const mask = new Array<boolean>(n).fill(false);
      let prev = empty;
      for (const i of seq) {
        mask[i] = true;
        const now = value(mask);
        ++evaluations;
        for (let j = 0; j < m; ++j) pairContribution[i][j] += (now[j] - prev[j]) / 2;
        prev = now;
      }
      full = prev;
    }
    for (let i = 0; i < n; ++i)
      for (let j = 0; j < m; ++j) {
        sum[i][j] += pairContribution[i][j];
        sumSq[i][j] += pairContribution[i][j] ** 2;
      }
  }
  const values = sum.map((row) => row.map((s) => s / pairs));
  const standardErrors = sum.map((row, i) => row.map((s, j) => (pairs > 1 ? Math.sqrt(Math.max(0, (sumSq[i][j] - (s * s) / pairs) / (pairs - 1)) / pairs) : NaN)));
  return {method: "sampled", values, standardErrors, evaluations, permutations: 2 * pairs, empty, full};
}

// --- two configurations of a model ----------------------------------------------------------------

export interface ChangedInput {
  input: string;
  label: string;
  unit: string;
  from: LeafValue;
  to: LeafValue;
}

function sameValue(a: LeafValue, b: LeafValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = Array.isArray(a) ? a : [a];
    const y = Array.isArray(b) ? b : [b];
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return a === b;
}

/** The inputs whose value differs between two sets of overrides (each on top of the model's own values), in the model's leaf order. */
export function changedInputs(model: CompiledModel, base: Overrides, alternative: Overrides): ChangedInput[] {
  const resolve = (o: Overrides) => new Map(Object.entries(o).map(([k, v]) => [findLeaf(model, k).name, v]));
  const a = resolve(base);
  const b = resolve(alternative);
  const out: ChangedInput[] = [];
  for (const node of model.leaves) {
    const own = node.leaf!.value;
    const from = a.get(node.name) ?? own;
    const to = b.get(node.name) ?? own;
    if (!sameValue(from, to)) out.push({input: node.name, label: node.label, unit: node.unit, from, to});
  }
  return out;
}

export interface ComparisonTotals {
  costs: number;
  benefits: number;
  saldo: number;
  actors: {actor: ActorId; label: string; saldo: number}[];
  interventions: {id: string; label: string; saldo: number}[];
}

export interface Comparison {
  method: "exact" | "sampled";
  /** Model evaluations used. */
  evaluations: number;
  /** Orders sampled (method "sampled"), else null. */
  permutations: number | null;
  seed: number | null;
  changed: ChangedInput[];
  base: ComparisonTotals;
  alternative: ComparisonTotals;
  /** alternative − base. */
  difference: ComparisonTotals;
  /** One per changed input (leaf order); `value` is the saldo's share; they add up to difference.saldo. */
  contributions: {input: string; label: string; from: LeafValue; to: LeafValue; value: number; standardError: number | null; actors: Record<string, number>; interventions: Record<string, number>}[];
}

/**
 * Compare two configurations of a model (overrides on top of the model's values) and attribute the
 * difference to the changed inputs by Shapley values (see the conventions above).
 */
export function compareConfigurations(
  model: CompiledModel,
  base: Overrides,
  alternative: Overrides,
  options: {exactUpTo?: number; permutations?: number; seed?: number} = {}
): Comparison {
  const changed = changedInputs(model, base, alternative);
  const baseResolved: Overrides = Object.fromEntries(Object.entries(base).map(([k, v]) => [findLeaf(model, k).name, v]));
  const actors = [...new Set(model.lines.map((l) => l.actor))] as ActorId[];
  const ivs = model.file.interventions.map((iv) => ({id: iv.id, label: iv.label}));
  const vector = (overrides: Overrides): number[] => {
    const r = summarizeAll(evaluate(model, overrides));
    return [r.total.saldo, r.total.costs, r.total.benefits, ...actors.map((a) => r.total.actors.find((x) => x.actor === a)?.saldo ?? 0), ...r.interventions.map((s) => s.saldo)];
  };
  const game = (mask: boolean[]): number[] => {
    const o: Overrides = {...baseResolved};
    changed.forEach((c, i) => (o[c.input] = mask[i] ? c.to : c.from));
    return vector(o);
  };
  const s = shapleyValues(changed.length, game, options);
  const totals = (v: number[]): ComparisonTotals => ({
    saldo: v[0],
    costs: v[1],
    benefits: v[2],
    actors: actors.map((a, i) => ({actor: a, label: actorLabel(a, model.file.actors), saldo: v[3 + i]})),
    interventions: ivs.map((iv, i) => ({...iv, saldo: v[3 + actors.length + i]}))
  });
  const diff = s.full.map((x, j) => x - s.empty[j]);
  return {
    method: s.method,
    evaluations: s.evaluations,
    permutations: s.permutations,
    seed: s.method === "sampled" ? (options.seed ?? 1) : null,
    changed,
    base: totals(s.empty),
    alternative: totals(s.full),
    difference: totals(diff),
    contributions: changed.map((c, i) => ({
      input: c.input,
      label: c.label,
      from: c.from,
      to: c.to,
      value: s.values[i][0],
      standardError: s.standardErrors ? s.standardErrors[i][0] : null,
      actors: Object.fromEntries(actors.map((a, j) => [a, s.values[i][3 + j]])),
      interventions: Object.fromEntries(ivs.map((iv, j) => [iv.id, s.values[i][3 + actors.length + j]]))
    }))
  };
}
