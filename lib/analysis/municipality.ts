// "Uw gemeente" (issue 20, point 1): what an intervention page needs to apply an intervention to one
// municipality, from the roles of lib/analysis/roles.ts. Browser-safe, pure.
//
// Conventions:
// - The municipality's numbers are ordinary overrides of the role inputs: the page's controls, the
//   address (lib/page-state.ts) and a settings file (lib/analysis/settings-file.ts) hold them, so
//   `rendement evaluate --set` with the same names gives the same figures.
// - Ranges of the boxes (roleControlRanges), in model units:
//   - participants: a target group of 20 persons up to 1.000.000 (or the input's own wider range), on
//     a log scale; a study value below 20 lowers the minimum to it;
//   - effect: the input's control range widened to hold the evidence range (the effect box itself is
//     bounded by the evidence range and refuses a value outside it);
//   - benefit level and cost per participant: the input's control range, else 0 to 4 × the study's
//     value (widened to the evidence range when the study states one).
// - Results (municipalityResults): the intervention's summary at the reader's inputs; per actor
//   costs, benefits, saldo and, when the page has a payback rule, the payback (lib/finance/payback.ts);
//   the uncertainty: the saldo (society and per actor) with the effect at the low and at the high
//   end of its evidence range, all other inputs as the reader set them (one-way, as the tornado).
import type {CompiledModel, GraphNode} from "../model/compile.js";
import type {BoxRange} from "../model/control-values.js";
import {evaluate, type LeafValue, type Overrides} from "../model/evaluate.js";
import {summarize, type Summary} from "../finance/summary.js";
import {payback, paybackText, type Payback, type PaybackRule} from "../finance/payback.js";
import type {InterventionRoles, ResolvedRole, RoleName} from "./roles.js";

/** Smallest target group the participants box reaches (persons). */
export const PARTICIPANTS_MIN = 20;
/** Largest target group the participants box reaches (persons): the country. */
export const PARTICIPANTS_MAX = 1_000_000;

const largest = (v: LeafValue): number => (typeof v === "number" ? v : Array.from(v).reduce((m, x) => (Math.abs(x) > Math.abs(m) ? x : m), 0));

function rangeFor(role: ResolvedRole, node: GraphNode): BoxRange {
  const control = node.leaf!.control;
  const value = largest(node.leaf!.value);
  const r = role.range;
  if (role.role === "participants") {
    const min = value > 0 && value < PARTICIPANTS_MIN ? value : PARTICIPANTS_MIN;
    return {min, max: Math.max(PARTICIPANTS_MAX, control?.max ?? 0, value, r?.high ?? 0), step: 1, scale: "log"};
  }
  const fallback = value === 0 ? [0, 1] : [Math.min(0, 4 * value), Math.max(0, 4 * value)];
  const [lo, hi] = control ? [control.min, control.max] : role.role === "effect" && value !== 0 ? [Math.min(0, 2 * value), Math.max(0, 2 * value)] : fallback;
  const out: BoxRange = {min: Math.min(lo, r?.low ?? lo, value), max: Math.max(hi, r?.high ?? hi, value)};
  if (control?.step !== undefined) out.step = control.step;
  return out;
}

/**
 * The range of the page's box for each role input, in model units (see the conventions), by input
 * name. Inputs the model gives no role are not listed.
 */
export function roleControlRanges(model: CompiledModel, roles: InterventionRoles): Record<string, BoxRange> {
  const out: Record<string, BoxRange> = {};
  for (const role of roles.roles) {
    if (!role.input) continue;
    const node = model.nodes.get(role.input);
    if (!node?.leaf) continue;
    out[role.input] = rangeFor(role, node);
  }
  return out;
}

/**
 * The role inputs' box ranges of every intervention of the model (the keys are scoped, so they do not
 * collide): the boxes an item page adds to its controls, which the study report reads from the
 * address too.
 */
export function allRoleControlRanges(model: CompiledModel, roles: readonly InterventionRoles[]): Record<string, BoxRange> {
  return Object.assign({}, ...roles.map((r) => roleControlRanges(model, r)));
}

export interface MunicipalityActor {
  actor: string;
  label: string;
  costs: number;
  benefits: number;
  saldo: number;
  payback: Payback | null;
  paybackText: string | null;
}

export interface MunicipalityResults {
  summary: Summary;
  actors: MunicipalityActor[];
  total: {costs: number; benefits: number; saldo: number; payback: Payback | null; paybackText: string | null};
  /** The saldo with the effect at the ends of its evidence range; null when the model has no effect role or no range. */
  effectRange: {
    input: string;
    label: string;
    unit: string;
    low: number;
    high: number;
    saldoLow: number;
    saldoHigh: number;
    actors: {actor: string; label: string; saldoLow: number; saldoHigh: number}[];
    /** The saldo's sign differs between the two ends (or one end is zero). */
    crossesZero: boolean;
  } | null;
}

/** A leaf's override with its largest value set to x (a series is scaled as a whole, as the page's box does). */
export function scaledValue(node: GraphNode, x: number): LeafValue {
  const v = node.leaf!.value;
  if (typeof v === "number") return x;
  const m = largest(v);
  return m === 0 ? Array.from(v, () => x) : Array.from(v, (y) => (y * x) / m);
}

/** The results of one intervention for a municipality at `overrides` (see the conventions). */
export function municipalityResults(
  model: CompiledModel,
  roles: InterventionRoles,
  overrides: Overrides,
  {payback: rule}: {payback?: PaybackRule | null} = {}
): MunicipalityResults {
  const scope = roles.intervention;
  const summary = summarize(evaluate(model, overrides), scope);
  const pb = (perYear: number[]) => (rule ? payback(perYear, rule) : null);
  const actors = summary.actors.map((a) => {
    const p = pb(a.perYear);
    return {actor: a.actor, label: a.label, costs: a.costs, benefits: a.benefits, saldo: a.saldo, payback: p, paybackText: p ? paybackText(p) : null};
  });
  const totalPayback = pb(summary.perYear);
  const effect = roles.roles.find((r) => r.role === ("effect" satisfies RoleName));
  let effectRange: MunicipalityResults["effectRange"] = null;
  if (effect?.input && effect.range) {
    const node = model.nodes.get(effect.input)!;
    const at = (x: number) => summarize(evaluate(model, {...overrides, [effect.input!]: scaledValue(node, x)}), scope);
    const lo = at(effect.range.low);
    const hi = at(effect.range.high);
    effectRange = {
      input: effect.input,
      label: effect.label ?? effect.input,
      unit: effect.unit ?? "",
      low: effect.range.low,
      high: effect.range.high,
      saldoLow: lo.saldo,
      saldoHigh: hi.saldo,
      actors: lo.actors.map((a) => ({actor: a.actor, label: a.label, saldoLow: a.saldo, saldoHigh: hi.actors.find((b) => b.actor === a.actor)?.saldo ?? 0})),
      crossesZero: Math.min(lo.saldo, hi.saldo) <= 0 && Math.max(lo.saldo, hi.saldo) >= 0
    };
  }
  return {summary, actors, total: {costs: summary.costs, benefits: summary.benefits, saldo: summary.saldo, payback: totalPayback, paybackText: totalPayback ? paybackText(totalPayback) : null}, effectRange};
}

/** Which roles the page can fill in, and the Dutch lines saying what it cannot do (no input, or an effect without an evidence range). */
export function municipalityLimits(roles: InterventionRoles): {complete: boolean; lines: string[]} {
  const lines = roles.roles.filter((r) => r.explanation).map((r) => r.explanation!);
  return {complete: roles.roles.every((r) => r.input) && !!roles.roles.find((r) => r.role === "effect")?.range, lines};
}
