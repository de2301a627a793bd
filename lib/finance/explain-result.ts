// Provenance of a result figure (the cards and total rows of the study pages): how costs, benefits,
// saldo, a ratio, an actor's saldo or a figure per participant follows from the posts' present
// values, and which kengetallen and parameters (with source and price year) lie behind it. The
// figure is recomputed here from the same summary the page shows, so the terms add up to it.
import type {ActorId} from "../schema/actors.js";
import {valueOf, type Evaluation} from "../model/evaluate.js";
import {explain, leavesOf, type Explanation} from "../model/explain.js";
import {summarize, type LineResult} from "./summary.js";

export type ResultMeasure = "costs" | "benefits" | "saldo" | "ratio" | "financialRatio" | "actorSaldo" | "costPerParticipant" | "benefitPerParticipant";

export interface ResultTerm {
  post: string;
  label: string;
  side: "cost" | "benefit";
  nature: "financial" | "immaterial";
  /** Present value as the figure counts it: costs and benefits as positive amounts, a saldo signed. */
  amount: number;
}

export interface ResultLeaf {
  name: string;
  label: string;
  unit: string;
  kind: string;
  value: number | number[];
  source?: unknown;
  assumption?: string;
  priceYear?: number;
  priceFactor?: number;
}

export interface ResultExplanation {
  scope: string;
  measure: ResultMeasure;
  actor?: ActorId;
  /** Dutch name of the figure. */
  label: string;
  value: number | null;
  unit: "€" | "verhouding";
  /** The rule in words, e.g. "saldo = baten − kosten". */
  formula: string;
  /** The rule with the numbers filled in (raw numbers, dot decimal). */
  filled: string;
  discountRate: number;
  horizon: number;
  /** Cost terms (for ratios and saldo: costs first, then benefits). */
  terms: ResultTerm[];
  /** The participants count behind a figure per participant. */
  participants?: Explanation;
  leaves: ResultLeaf[];
}

const round = (x: number) => String(Math.round(x * 100) / 100);

/**
 * Explain a result figure of `scope` (an intervention id or "total"). `actor` is required for
 * "actorSaldo". Throws for an unknown scope or a figure the summary leaves empty.
 */
export function explainResult(e: Evaluation, scope: string, measure: ResultMeasure, {actor}: {actor?: ActorId} = {}): ResultExplanation {
  const s = summarize(e, scope);
  const financial = measure === "financialRatio";
  const usePost = (p: {side: string; nature: string}) =>
    measure === "costs" || measure === "costPerParticipant" ? p.side === "cost" : measure === "benefits" || measure === "benefitPerParticipant" ? p.side === "benefit" : financial ? p.nature === "financial" : true;
  let terms: ResultTerm[];
  let lines: LineResult[];
  if (measure === "actorSaldo") {
    if (!actor) throw new Error("explainResult: actorSaldo needs an actor");
    lines = s.lines.filter((l) => l.actor === actor);
    const byPost = new Map<string, number>();
    for (const l of lines) byPost.set(l.post, (byPost.get(l.post) ?? 0) + l.presentValue);
    terms = s.posts.filter((p) => byPost.has(p.post)).map((p) => ({post: p.post, label: p.label, side: p.side, nature: p.nature, amount: byPost.get(p.post)!}));
  } else {
    const posts = s.posts.filter((p) => usePost(p));
    const ids = new Set(posts.map((p) => p.post));
    lines = s.lines.filter((l) => ids.has(l.post));
    terms = posts
      .filter((p) => lines.some((l) => l.post === p.post))
      .map((p) => ({post: p.post, label: p.label, side: p.side, nature: p.nature, amount: measure === "saldo" ? p.presentValue : p.amount}))
      .sort((a, b) => (a.side === b.side ? 0 : a.side === "cost" ? -1 : 1));
  }
  const a = actor ? s.actors.find((x) => x.actor === actor) : undefined;
  const costs = financial ? s.financialCosts : s.costs;
  const benefits = financial ? s.financialBenefits : s.benefits;
  let value: number | null;
  let label: string;
  let formula: string;
  let filled: string;
  let participants: Explanation | undefined;
  switch (measure) {
    case "costs":
      [value, label, formula] = [s.costs, "kosten (NCW)", "kosten = som van de contante waarden van de kostenposten"];
      filled = terms.map((t) => round(t.amount)).join(" + ") || "0";
      break;
    case "benefits":
      [value, label, formula] = [s.benefits, "baten (NCW)", "baten = som van de contante waarden van de batenposten"];
      filled = terms.map((t) => round(t.amount)).join(" + ") || "0";
      break;
    case "saldo":
      [value, label, formula, filled] = [s.saldo, "saldo (NCW)", "saldo = baten − kosten", `${round(s.benefits)} − ${round(s.costs)}`];
      break;
    case "ratio":
    case "financialRatio":
      value = financial ? s.financialRatio : s.ratio;
      label = financial ? "financiële baten-kostenverhouding" : "maatschappelijke baten-kostenverhouding";
      formula = financial ? "verhouding = financiële baten / financiële kosten (zonder immateriële posten)" : "verhouding = baten / kosten";
      filled = `${round(benefits)} / ${round(costs)}`;
      break;
    case "actorSaldo":
      value = a ? a.saldo : 0;
      label = `saldo ${a?.label ?? actor}`;
      formula = "saldo van een belanghebbende = som van zijn contante waarden per post (ontvangen positief, betaald negatief)";
      filled = terms.map((t) => round(t.amount)).join(" + ") || "0";
      break;
    case "costPerParticipant":
    case "benefitPerParticipant": {
      const perCost = measure === "costPerParticipant";
      value = perCost ? s.costPerParticipant : s.benefitPerParticipant;
      label = perCost ? "kosten per deelnemer" : "baten per deelnemer";
      formula = perCost ? "kosten per deelnemer = kosten / aantal deelnemers" : "baten per deelnemer = baten / aantal deelnemers";
      filled = `${round(perCost ? s.costs : s.benefits)} / ${s.participants === null ? "—" : round(s.participants)}`;
      const ivs = scope === "total" ? e.model.file.interventions : e.model.file.interventions.filter((x) => x.id === scope);
      const counted = ivs.filter((x) => x.participants).map((x) => (e.model.nodes.has(`${x.id}.${x.participants}`) ? `${x.id}.${x.participants}` : x.participants!));
      if (counted.length === 1 && e.model.nodes.has(counted[0])) participants = explain(e, counted[0], {depth: 2});
      break;
    }
  }
  const rates = new Set(lines.map((l) => l.rate));
  const leaves = leavesOf(e.model, [...new Set(lines.map((l) => l.node)), ...rates]).map((n) => {
    const v = valueOf(e, n.name);
    const leaf = n.leaf!;
    return {name: n.name, label: n.label, unit: n.unit, kind: n.kind, value: typeof v === "number" ? v : Array.from(v), source: leaf.source, assumption: leaf.assumption, priceYear: leaf.priceYear, priceFactor: leaf.priceFactor};
  });
  return {scope, measure, actor, label, value, unit: measure === "ratio" || measure === "financialRatio" ? "verhouding" : "€", formula, filled, discountRate: s.discountRate, horizon: s.horizon, terms, participants, leaves};
}
