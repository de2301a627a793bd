// One-way sensitivity analysis (tornado): each uncertain input at its low and at its high value,
// all other inputs at their base values; the saldo and the benefit/cost ratio at both ends, for the
// study as a whole, per actor and per intervention, sorted by swing |saldo(high) − saldo(low)|.
//
// Every bar is a full evaluation of the model (`evaluate` + `summarizeAll`), so a bar equals a
// separate evaluation of the model with that one input changed. Low/high: see `lowHigh` in
// distributions.ts (explicit bounds for range/triangular/PERT, else the 2,5 % / 97,5 % quantiles).
// With `controlRanges: true`, inputs without any uncertainty spec but with a slider range
// (`control: {min, max}`) are varied over that range too (basis "control"); a spec `fixed` is an
// explicit statement and is never varied.
import type {CompiledModel} from "../model/compile.js";
import {evaluate, findLeaf, type LeafValue, type Overrides} from "../model/evaluate.js";
import {summarizeAll, type Summary} from "../finance/summary.js";
import {actorLabel, type ActorId} from "../schema/actors.js";
import {inputValue, uncertainInputs, type UncertainInput} from "./inputs.js";

export interface SensitivityInput {
  name: string;
  label: string;
  unit: string;
  kind: string;
  series: boolean;
  /** Uncertainty type, or "control" for a slider range. */
  type: string;
  /** Base value (for a series: the mean of its listed values). */
  base: number;
  low: number;
  high: number;
  basis: "bounds" | "quantiles" | "control";
  /** The leaf values used at the low and high end (a series scaled as a whole). */
  lowValue: LeafValue;
  highValue: LeafValue;
}

export interface TornadoBar {
  input: string;
  label: string;
  low: number;
  high: number;
  base: number;
  /** The result at the input's low and high value. */
  saldoLow: number;
  saldoHigh: number;
  ratioLow: number | null;
  ratioHigh: number | null;
  /** |saldoHigh − saldoLow|. */
  swing: number;
}

export interface Tornado {
  /** "total", an intervention id, or an actor id. */
  scope: string;
  kind: "total" | "actor" | "intervention";
  label: string;
  baseSaldo: number;
  baseRatio: number | null;
  bars: TornadoBar[];
}

export interface SensitivityResult {
  inputs: SensitivityInput[];
  overall: Tornado;
  actors: Tornado[];
  interventions: Tornado[];
  /** Number of model evaluations (1 + 2 per input). */
  evaluations: number;
}

export interface SensitivityOptions {
  /** Other inputs held at these values (and not varied). */
  overrides?: Overrides;
  /** Also vary inputs without an uncertainty spec over their slider range. */
  controlRanges?: boolean;
}

function fromUncertain(u: UncertainInput): SensitivityInput {
  return {
    name: u.name,
    label: u.label,
    unit: u.unit,
    kind: u.kind,
    series: u.series,
    type: u.spec.type,
    base: u.reference,
    low: u.range.low,
    high: u.range.high,
    basis: u.range.basis,
    lowValue: inputValue(u, u.range.low),
    highValue: inputValue(u, u.range.high)
  };
}

/** The inputs a tornado varies, with their low and high values. */
export function sensitivityInputs(model: CompiledModel, options: SensitivityOptions = {}): SensitivityInput[] {
  const inputs = uncertainInputs(model, options.overrides).map(fromUncertain);
  if (options.controlRanges) {
    const held = new Set(Object.keys(options.overrides ?? {}).map((n) => findLeaf(model, n).name));
    for (const node of model.leaves) {
      const leaf = node.leaf!;
      if (leaf.uncertainty || !leaf.control || node.series || held.has(node.name)) continue;
      const {min, max} = leaf.control;
      if (!(max > min)) continue;
      inputs.push({name: node.name, label: node.label, unit: node.unit, kind: node.kind, series: false, type: "control", base: leaf.value as number, low: min, high: max, basis: "control", lowValue: min, highValue: max});
    }
  }
  return inputs;
}

type Results = {total: Summary; interventions: Summary[]};

function actorSaldo(s: Summary, actor: string): {saldo: number; ratio: number | null} {
  const a = s.actors.find((x) => x.actor === actor);
  return a ? {saldo: a.saldo, ratio: a.ratio} : {saldo: 0, ratio: null};
}

/** One-way sensitivity of the saldo and the B/C ratio to every uncertain input. */
export function oneWay(model: CompiledModel, options: SensitivityOptions = {}): SensitivityResult {
  const overrides = options.overrides ?? {};
  const inputs = sensitivityInputs(model, options);
  const base: Results = summarizeAll(evaluate(model, overrides));
  const runs = inputs.map((input) => ({
    input,
    low: summarizeAll(evaluate(model, {...overrides, [input.name]: input.lowValue})) as Results,
    high: summarizeAll(evaluate(model, {...overrides, [input.name]: input.highValue})) as Results
  }));

  const tornado = (scope: string, kind: Tornado["kind"], label: string, pick: (r: Results) => {saldo: number; ratio: number | null}): Tornado => {
    const b = pick(base);
    const bars = runs.map(({input, low, high}) => {
      const lo = pick(low);
      const hi = pick(high);
      return {input: input.name, label: input.label, low: input.low, high: input.high, base: input.base, saldoLow: lo.saldo, saldoHigh: hi.saldo, ratioLow: lo.ratio, ratioHigh: hi.ratio, swing: Math.abs(hi.saldo - lo.saldo)};
    });
    // Largest swing first; ties keep the model's leaf order (Array.prototype.sort is stable).
    bars.sort((x, y) => y.swing - x.swing);
    return {scope, kind, label, baseSaldo: b.saldo, baseRatio: b.ratio, bars};
  };

  const actorIds = [...new Set(model.lines.map((l) => l.actor))] as ActorId[];
  return {
    inputs,
    overall: tornado("total", "total", model.file.title, (r) => ({saldo: r.total.saldo, ratio: r.total.ratio})),
    actors: actorIds.map((a) => tornado(a, "actor", actorLabel(a, model.file.actors), (r) => actorSaldo(r.total, a))),
    interventions: model.file.interventions.map((iv, i) => tornado(iv.id, "intervention", iv.label, (r) => ({saldo: r.interventions[i].saldo, ratio: r.interventions[i].ratio}))),
    evaluations: 1 + 2 * runs.length
  };
}

/**
 * The tornado a page's conclusion reads (lib/analysis/conclusion.ts `bandwidth`): over the
 * uncertainty specs, or over the slider ranges where the model states none; the tornado of
 * intervention `scope`, else of the whole model. Computed on the page or in its Web Worker
 * (worker-entry.ts, `type: "tornado"`).
 */
export function conclusionTornado(model: CompiledModel, {overrides = {}, scope = null}: {overrides?: Overrides; scope?: string | null} = {}): Tornado {
  const controlRanges = sensitivityInputs(model, {overrides}).length === 0;
  const s = oneWay(model, {overrides, controlRanges});
  return (scope ? s.interventions.find((x) => x.scope === scope) : null) ?? s.overall;
}
