// Provenance: every number can explain itself. Walk the graph from a quantity, flow or post to its
// leaves and show each formula with its inputs' values filled in, and each leaf with its source.
import type {CompiledModel, GraphNode} from "./compile.js";
import type {IR} from "./expression.js";
import {valueOf, type Evaluation} from "./evaluate.js";

export interface Explanation {
  name: string;
  label: string;
  unit: string;
  kind: GraphNode["kind"];
  /** Scalar value, or the series over the horizon. */
  value: number | number[];
  formula?: string;
  /** The formula with every input replaced by its value in `year` (for series) — e.g. "12,5 * 16800". */
  filled?: string;
  year?: number;
  source?: unknown;
  assumption?: string;
  priceYear?: number;
  /** CPI factor applied to convert a kengetal to the model's price year (1: none). */
  priceFactor?: number;
  inputs: Explanation[];
  /** True when this node was already explained higher up (shown once, not repeated). */
  repeated?: boolean;
}

function show(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return Math.abs(x) >= 100 ? x.toFixed(1) : Number(x.toPrecision(4)).toString();
}

/** Render a formula with the value of every name at year `t`. */
export function fillFormula(e: Evaluation, ir: IR, t: number): string {
  const at = (name: string, year: number): number => {
    const v = valueOf(e, name);
    return typeof v === "number" ? v : year >= 0 && year < v.length ? v[year] : 0;
  };
  const r = (x: IR): string => {
    switch (x.op) {
      case "num":
        return show(x.value);
      case "t":
        return String(t);
      case "year":
        return String(e.model.startYear + t);
      case "horizon":
        return String(e.model.horizon);
      case "ref":
        if (x.index.kind === "same") return show(at(x.node, t));
        if (x.index.kind === "lag") return show(t - x.index.lag >= 0 ? at(x.node, t - x.index.lag) : 0);
        return `${x.node}[${r(x.index.expr)}]`;
      case "sum": {
        const v = valueOf(e, x.node);
        return show(typeof v === "number" ? v * e.model.horizon : Array.from(v).reduce((a, b) => a + b, 0));
      }
      case "unary":
        return `${x.operator}${r(x.arg)}`;
      case "binary":
        return `(${r(x.left)} ${x.operator} ${r(x.right)})`;
      case "cond":
        return `(${r(x.test)} ? ${r(x.then)} : ${r(x.else)})`;
      case "call":
        return `${x.fn}(${x.args.map(r).join(", ")})`;
    }
  };
  const s = r(ir);
  return s.startsWith("(") && s.endsWith(")") ? s.slice(1, -1) : s;
}

/** The first year in which a series is non-zero (0 for scalars or all-zero series). */
function firstNonZero(v: number | ArrayLike<number>): number {
  if (typeof v === "number") return 0;
  for (let t = 0; t < v.length; ++t) if (v[t] !== 0) return t;
  return 0;
}

/**
 * Explain a node: its formula with values filled in (at `year`, by default the first year in which
 * it is non-zero) and, recursively to `depth`, its inputs. Shared inputs are explained once.
 */
export function explain(e: Evaluation, name: string, {depth = 8, year}: {depth?: number; year?: number} = {}): Explanation {
  const seen = new Set<string>();
  const walk = (n: string, d: number, t: number | undefined): Explanation => {
    const node = e.model.nodes.get(n);
    if (!node) throw new Error(`unknown quantity "${n}"`);
    const v = valueOf(e, n);
    const value = typeof v === "number" ? v : Array.from(v);
    const out: Explanation = {name: n, label: node.label, unit: node.unit, kind: node.kind, value, inputs: []};
    if (node.leaf) {
      Object.assign(out, {source: node.leaf.source, assumption: node.leaf.assumption, priceYear: node.leaf.priceYear, priceFactor: node.leaf.priceFactor});
      return out;
    }
    const ty = t ?? firstNonZero(v);
    out.formula = node.formula;
    out.filled = fillFormula(e, node.ir!, ty);
    out.year = node.series ? ty : undefined;
    if (seen.has(n)) return {...out, repeated: true};
    seen.add(n);
    if (d > 0) {
      const inputs = [...new Set(node.deps.map((x) => x.node))];
      out.inputs = inputs.map((i) => walk(i, d - 1, node.series && e.model.nodes.get(i)!.series ? ty : undefined));
    }
    return out;
  };
  return walk(name, depth, year);
}

/** Every leaf (parameter, kengetal, setting) that feeds the given nodes. */
export function leavesOf(model: CompiledModel, names: string[]): GraphNode[] {
  const seen = new Set<string>();
  const out: GraphNode[] = [];
  const stack = [...names];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    const node = model.nodes.get(n)!;
    if (node.leaf) out.push(node);
    else stack.push(...node.deps.map((d) => d.node));
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export interface PostExplanation {
  post: string;
  label: string;
  lines: {intervention: string; flow: string; label: string; actor: string; sign: number; explanation: Explanation}[];
  /** Kengetallen and parameters behind the post, with their sources. */
  leaves: {name: string; label: string; unit: string; kind: string; value: number | number[]; source?: unknown; assumption?: string}[];
}

/** Why a post has its value: its lines (flows per actor) with their formulas, and the leaves behind them. */
export function explainPost(e: Evaluation, post: string, scope: string | "total" = "total"): PostExplanation {
  const p = e.model.posts.get(post);
  if (!p) throw new Error(`unknown post "${post}"`);
  const lines = e.model.lines.filter((l) => l.post === post && (scope === "total" || l.intervention === scope));
  // The post's rate, and the study's rate when the post holds a transfer end (see Line.rate).
  const rates = new Set([e.model.postRate.get(post)!, ...lines.map((l) => l.rate)]);
  const leaves = leavesOf(e.model, [...lines.map((l) => l.node), ...rates]).map((n) => {
    const v = valueOf(e, n.name);
    return {name: n.name, label: n.label, unit: n.unit, kind: n.kind, value: typeof v === "number" ? v : Array.from(v), source: n.leaf!.source, assumption: n.leaf!.assumption};
  });
  return {
    post,
    label: p.label,
    lines: lines.map((l) => ({intervention: l.intervention, flow: l.flow, label: l.label, actor: l.actor, sign: l.sign, explanation: explain(e, l.node, {depth: 3})})),
    leaves
  };
}
