// Results of an evaluated study: present values per line, post and actor; costs, benefits, saldo;
// societal and financial benefit/cost ratios; per participant; cost per QALY; payback and IRR.
//
// Conventions:
// - A line's present value is Σ_t amount[t] / (1 + r_post)^t, year 0 undiscounted.
// - Costs = minus the sum over lines in cost-side posts; benefits = the sum over lines in
//   benefit-side posts. Saldo = benefits − costs = the sum over all lines = the sum over actors.
//   A transfer adds +x to one actor and −x to another, both ends discounted at the study's rate
//   (never a post's own rate), so it cancels in the saldo wherever its ends are booked; where the
//   ends sit in different posts, the report's gross presentation (e.g. a wage subsidy as a cost,
//   the wage as a benefit) shapes the ratio, not the saldo.
// - The financial ratio leaves out immaterial posts (quality of life, MVO).
// - Cost per QALY = (costs − financial benefits) / discounted QALYs; when financial benefits
//   exceed costs every QALY comes at no net cost and the figure is null (the report prints "-").
import {actorLabel, type ActorId} from "../schema/actors.js";
import type {CompiledModel, Line} from "../model/compile.js";
import {OverrideError, valueOf, type Evaluation} from "../model/evaluate.js";
import {NonFiniteError} from "../model/non-finite.js";
import {discountFactors, presentValue} from "./discount.js";
import {internalRateOfReturn, paybackPeriod} from "./payback.js";

export interface LineResult extends Line {
  side: "cost" | "benefit";
  nature: "financial" | "immaterial";
  perYear: number[];
  presentValue: number;
}

export interface PostResult {
  post: string;
  label: string;
  side: "cost" | "benefit";
  nature: "financial" | "immaterial";
  group?: string;
  pm: boolean;
  /** Welfare value: sum over actors (transfer ends in the same post cancel). Positive is a gain. */
  presentValue: number;
  /** The amount shown in the overview: costs as positive amounts on the cost side. */
  amount: number;
  byActor: Partial<Record<ActorId, number>>;
  perYear: number[];
}

export interface ActorResult {
  actor: ActorId;
  label: string;
  costs: number;
  benefits: number;
  saldo: number;
  ratio: number | null;
  perYear: number[];
  paybackYears: number | null;
}

export interface Summary {
  /** Intervention id, or "total" for the whole study. */
  scope: string;
  label: string;
  horizon: number;
  discountRate: number;
  lines: LineResult[];
  posts: PostResult[];
  actors: ActorResult[];
  costs: number;
  benefits: number;
  saldo: number;
  ratio: number | null;
  financialCosts: number;
  financialBenefits: number;
  financialSaldo: number;
  financialRatio: number | null;
  participants: number | null;
  costPerParticipant: number | null;
  benefitPerParticipant: number | null;
  qalys: number | null;
  qalysUndiscounted: number | null;
  costPerQaly: number | null;
  perYear: number[];
  paybackYears: number | null;
  internalRateOfReturn: number | null;
}

/**
 * A number of participants below zero (a formula over inputs set with --set, a scenario or a slider)
 * would flip the sign of every figure per participant: refused like a bad input (lib/model/value-rules.ts).
 */
export class NegativeCountError extends OverrideError {
  constructor(message: string) {
    super(message);
    this.name = "NegativeCountError";
  }
}

/**
 * A derived figure (a ratio, an amount per participant or per QALY): null when its denominator is
 * absent (costs or QALYs not > 0, no participants: the report's "—"), else the quotient, which must
 * be finite: a denominator such as 1e-320 gives Infinity, which is an error (NonFiniteError) like any
 * other non-finite result, never shown as "—" as if there were no costs.
 */
function quotient(e: Evaluation, what: {name: string; label: string; formula: string}, top: {name: string; label: string; value: number}, bottom: {name: string; label: string; value: number}, present: boolean): number | null {
  if (!present) return null;
  const v = top.value / bottom.value;
  if (!Number.isFinite(v)) throw new NonFiniteError(what.name, what.label, v, null, null, what.formula, [top, bottom], e.overrides);
  return v;
}

const ratioOf = (e: Evaluation, scope: string, benefits: number, costs: number, financial = false): number | null =>
  quotient(
    e,
    {name: `${financial ? "financialRatio" : "ratio"}(${scope})`, label: `${financial ? "financiële" : "maatschappelijke"} K/B-verhouding`, formula: `${financial ? "financialBenefits / financialCosts" : "benefits / costs"}`},
    {name: financial ? "financialBenefits" : "benefits", label: "baten", value: benefits},
    {name: financial ? "financialCosts" : "costs", label: "kosten", value: costs},
    costs > 0
  );

/** Per line of a model: its post and the kernel slots of its rate and series (looked up once per model). */
const slotCache = new WeakMap<CompiledModel, Map<Line, {post: NonNullable<ReturnType<CompiledModel["posts"]["get"]>>; rateSlot: number; offset: number}>>();
function lineSlots(model: CompiledModel, line: Line) {
  let cache = slotCache.get(model);
  if (!cache) slotCache.set(model, (cache = new Map()));
  let hit = cache.get(line);
  if (!hit) cache.set(line, (hit = {post: model.posts.get(line.post)!, rateSlot: model.nodes.get(line.rate)!.slot, offset: model.nodes.get(line.node)!.slot}));
  return hit;
}

export function lineResults(e: Evaluation, lines: Line[] = e.model.lines): LineResult[] {
  // One pass per line over the kernel's series, without intermediate typed arrays: this runs on
  // every slider move, for the study and each intervention.
  const {model, S, V} = e;
  const H = model.horizon;
  const factors = new Map<number, Float64Array>();
  const out: LineResult[] = new Array(lines.length);
  for (let i = 0; i < lines.length; ++i) {
    const line = lines[i];
    const {post, rateSlot, offset} = lineSlots(model, line);
    const rate = S[rateSlot];
    let f = factors.get(rate);
    if (!f) factors.set(rate, (f = discountFactors(rate, H)));
    const perYear = new Array<number>(H);
    let pv = 0;
    for (let t = 0; t < H; ++t) {
      const v = line.sign * V[offset + t];
      perYear[t] = v;
      pv += v * f[t];
    }
    out[i] = {
      intervention: line.intervention,
      flow: line.flow,
      label: line.label,
      post: line.post,
      actor: line.actor,
      sign: line.sign,
      transfer: line.transfer,
      node: line.node,
      rate: line.rate,
      side: post.side,
      nature: post.nature,
      perYear,
      presentValue: pv
    };
  }
  return out;
}

function add(into: number[], from: ArrayLike<number>): void {
  for (let t = 0; t < into.length; ++t) into[t] += from[t];
}

export function summarize(e: Evaluation, scope: string | "total" = "total"): Summary {
  const model: CompiledModel = e.model;
  const iv = scope === "total" ? undefined : model.file.interventions.find((x) => x.id === scope);
  if (scope !== "total" && !iv) throw new OverrideError(`unknown intervention "${scope}"; the model has: ${model.file.interventions.map((x) => x.id).join(", ")}`);
  return summarizeLines(e, scope, iv, lineResults(e, iv ? model.lines.filter((l) => l.intervention === iv.id) : model.lines));
}

/** summarize() for lines already computed (summarizeAll computes every line once and shares them). */
function summarizeLines(e: Evaluation, scope: string, iv: CompiledModel["file"]["interventions"][number] | undefined, lines: LineResult[]): Summary {
  const model: CompiledModel = e.model;
  const H = model.horizon;

  // Group the lines once by post and by actor (this runs on every slider move).
  const byPostLines = new Map<string, LineResult[]>();
  const byActorLines = new Map<ActorId, LineResult[]>();
  for (const l of lines) {
    let p = byPostLines.get(l.post);
    if (!p) byPostLines.set(l.post, (p = []));
    p.push(l);
    let a = byActorLines.get(l.actor);
    if (!a) byActorLines.set(l.actor, (a = []));
    a.push(l);
  }
  const posts: PostResult[] = model.file.posts.map((p) => {
    const own = byPostLines.get(p.id) ?? [];
    const byActor: Partial<Record<ActorId, number>> = {};
    const perYear = new Array<number>(H).fill(0);
    let pv = 0;
    for (const l of own) {
      byActor[l.actor] = (byActor[l.actor] ?? 0) + l.presentValue;
      pv += l.presentValue;
      add(perYear, l.perYear);
    }
    return {post: p.id, label: p.label, side: p.side, nature: p.nature, group: p.group, pm: p.pm ?? false, presentValue: pv, amount: p.side === "cost" ? -pv : pv, byActor, perYear};
  });

  const sideSum = (side: "cost" | "benefit", financialOnly: boolean) =>
    posts.filter((p) => p.side === side && (!financialOnly || p.nature === "financial")).reduce((s, p) => s + p.amount, 0);
  const costs = sideSum("cost", false);
  const benefits = sideSum("benefit", false);
  const financialCosts = sideSum("cost", true);
  const financialBenefits = sideSum("benefit", true);

  const actorResults: ActorResult[] = [...byActorLines].map(([a, own]) => {
    const perYear = new Array<number>(H).fill(0);
    for (const l of own) add(perYear, l.perYear);
    // Per post, net for this actor: positive nets are benefits, negative nets are costs.
    const byPost = new Map<string, number>();
    for (const l of own) byPost.set(l.post, (byPost.get(l.post) ?? 0) + l.presentValue);
    let c = 0;
    let b = 0;
    for (const v of byPost.values()) v < 0 ? (c -= v) : (b += v);
    return {actor: a, label: actorLabel(a, e.model.file.actors), costs: c, benefits: b, saldo: b - c, ratio: ratioOf(e, a, b, c), perYear, paybackYears: paybackPeriod(perYear)};
  });

  const perYear = new Array<number>(H).fill(0);
  for (const l of lines) add(perYear, l.perYear);

  const numberOf = (name: string | undefined): number | null => {
    if (!name) return null;
    const node = model.nodes.get(iv ? `${iv.id}.${name}` : name) ?? model.nodes.get(name);
    if (!node) return null;
    const v = valueOf(e, node.name);
    return typeof v === "number" ? v : Array.from(v).reduce((a, b) => a + b, 0);
  };
  let participants: number | null;
  let qalys: number | null = null;
  let qalysUndiscounted: number | null = null;
  const qalySeries = (ivId: string, name: string | undefined): Float64Array | null => {
    if (!name) return null;
    const v = valueOf(e, `${ivId}.${name}`);
    return typeof v === "number" ? Float64Array.from({length: H}, (_, t) => (t === 0 ? v : 0)) : v;
  };
  const ivs = iv ? [iv] : model.file.interventions;
  // The study's discount rate (the compiler always defines it; posts may have their own).
  const rate = valueOf(e, "discountRate") as number;
  const counts = iv ? [numberOf(iv.participants)] : ivs.map((x) => (x.participants ? (numberOf(`${x.id}.${x.participants}`) ?? null) : null));
  counts.forEach((c, i) => {
    if (c !== null && c < 0) {
      const set = Object.entries(e.overrides).map(([n, v]) => `${n} = ${JSON.stringify(v)}`).join(", ");
      throw new NegativeCountError(`the participants of "${ivs[i].id}" (${ivs[i].participants}) number ${c}; a number of participants must be >= 0${set ? ` (with ${set})` : ""}`);
    }
  });
  if (iv) participants = counts[0];
  else participants = counts.every((c) => c !== null) ? (counts as number[]).reduce((a, b) => a + b, 0) : null;
  for (const x of ivs) {
    const q = qalySeries(x.id, x.qalys);
    if (!q) continue;
    qalys = (qalys ?? 0) + presentValue(q, rate);
    qalysUndiscounted = (qalysUndiscounted ?? 0) + q.reduce((a, b) => a + b, 0);
  }
  checkFinite(e, lines, posts, actorResults, {costs, benefits, saldo: benefits - costs});
  const netFinancialCost = costs - financialBenefits;
  return {
    scope,
    label: iv ? iv.label : model.file.title,
    horizon: H,
    discountRate: rate,
    lines,
    posts,
    actors: actorResults,
    costs,
    benefits,
    saldo: benefits - costs,
    ratio: ratioOf(e, scope, benefits, costs),
    financialCosts,
    financialBenefits,
    financialSaldo: financialBenefits - financialCosts,
    financialRatio: ratioOf(e, scope, financialBenefits, financialCosts, true),
    participants,
    costPerParticipant: quotient(e, {name: `costPerParticipant(${scope})`, label: "kosten per deelnemer", formula: "costs / participants"}, {name: "costs", label: "kosten", value: costs}, {name: "participants", label: "deelnemers", value: participants ?? 0}, !!participants),
    benefitPerParticipant: quotient(e, {name: `benefitPerParticipant(${scope})`, label: "baten per deelnemer", formula: "benefits / participants"}, {name: "benefits", label: "baten", value: benefits}, {name: "participants", label: "deelnemers", value: participants ?? 0}, !!participants),
    qalys,
    qalysUndiscounted,
    costPerQaly: quotient(e, {name: `costPerQaly(${scope})`, label: "kosten per QALY", formula: "(costs - financialBenefits) / qalys"}, {name: "costs - financialBenefits", label: "netto financiële kosten", value: netFinancialCost}, {name: "qalys", label: "QALY's (verdisconteerd)", value: qalys ?? 0}, !!qalys && qalys > 0 && netFinancialCost > 0),
    perYear,
    paybackYears: paybackPeriod(perYear),
    internalRateOfReturn: internalRateOfReturn(perYear)
  };
}

/**
 * The kernel's values are finite (evaluate checks them), but a present value or a sum of them can
 * still overflow (amounts near 1e308, or a discount rate near −100 % over a long horizon).
 */
function checkFinite(e: Evaluation, lines: LineResult[], posts: PostResult[], actorResults: ActorResult[], totals: Record<string, number>): void {
  const rateOf = (l: LineResult) => e.S[e.model.nodes.get(l.rate)!.slot];
  for (const l of lines) {
    if (Number.isFinite(l.presentValue)) continue;
    throw new NonFiniteError(`presentValue(${l.node})`, `contante waarde van ${l.label} (${l.actor})`, l.presentValue, null, null, undefined, [
      {name: l.node, label: l.label, value: l.perYear},
      {name: l.rate, label: "discontovoet", value: rateOf(l)}
    ], e.overrides);
  }
  const largest = () =>
    [...posts]
      .sort((a, b) => Math.abs(b.presentValue) - Math.abs(a.presentValue))
      .slice(0, 4)
      .map((p) => ({name: `post ${p.post}`, label: p.label, value: p.presentValue}));
  for (const [name, value] of Object.entries(totals)) {
    if (!Number.isFinite(value)) throw new NonFiniteError(name, name, value, null, null, undefined, largest(), e.overrides);
  }
  for (const a of actorResults) {
    if (!Number.isFinite(a.saldo)) throw new NonFiniteError(`saldo(${a.actor})`, `saldo van ${a.label}`, a.saldo, null, null, undefined, largest(), e.overrides);
  }
}

/** Summaries of every intervention and of the study as a whole. */
export function summarizeAll(e: Evaluation): {total: Summary; interventions: Summary[]} {
  // Every line's present value once: the total and each intervention's summary share them (the same
  // numbers as summarize(e, scope), which computes the lines of its scope on its own).
  const all = lineResults(e);
  return {
    total: summarizeLines(e, "total", undefined, all),
    interventions: e.model.file.interventions.map((iv) => summarizeLines(e, iv.id, iv, all.filter((l) => l.intervention === iv.id)))
  };
}
