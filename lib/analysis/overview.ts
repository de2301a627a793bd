// What the uncertainty page of a study shows for one model, computed once at build time: the
// one-way sensitivity (tornado) overall, per intervention and per actor; the base case and every
// scenario; and the inputs a reader can choose for break-even, with a range and a default.
import type {CompiledModel} from "../model/compile.js";
import {evaluate} from "../model/evaluate.js";
import {summarize} from "../finance/summary.js";
import {oneWay} from "./sensitivity.js";
import {runScenarios} from "./scenarios.js";
import {breakEven} from "./breakeven.js";
import {leafUncertainty} from "./inputs.js";
import {lowHigh} from "./distributions.js";

export function uncertaintyOverview(model: CompiledModel) {
  const base = summarize(evaluate(model));
  const uncertain = oneWay(model);
  // A model without any stated uncertainty: vary the inputs over their slider range instead.
  const controlRanges = uncertain.inputs.length === 0;
  const tornado = controlRanges ? oneWay(model, {controlRanges: true}) : uncertain;

  const scenarios = runScenarios(model).map((r) => ({
    id: r.id,
    label: r.label,
    description: r.description ?? "",
    overrides: r.overrides,
    total: {costs: r.total.costs, benefits: r.total.benefits, saldo: r.total.saldo, ratio: r.total.ratio, financialRatio: r.total.financialRatio, actors: r.total.actors.map((a) => ({actor: a.actor, label: a.label, saldo: a.saldo}))},
    interventions: r.interventions.map((s) => ({scope: s.scope, label: s.label, costs: s.costs, benefits: s.benefits, saldo: s.saldo, ratio: s.ratio, financialRatio: s.financialRatio, actors: s.actors.map((a) => ({actor: a.actor, label: a.label, saldo: a.saldo}))}))
  }));

  // Break-even inputs: single-number parameters with a slider or an uncertainty range. The chart's
  // range is the slider's, else the uncertainty bounds widened, else 0 to twice the value.
  const candidates = model.leaves
    .filter((l) => l.kind === "parameter" && !l.series)
    .map((l) => {
      const v = l.leaf!.value as number;
      const range = lowHigh(leafUncertainty(l), v, l.name);
      let from: number;
      let to: number;
      if (l.leaf!.control) [from, to] = [l.leaf!.control.min, l.leaf!.control.max];
      else if (range) {
        const w = range.high - range.low;
        [from, to] = [range.low - w, range.high + w];
      } else [from, to] = v === 0 ? [0, 1] : [Math.min(0, 2 * v), Math.max(0, 2 * v)];
      return {name: l.name, label: l.label, unit: l.unit, base: v, from, to, scope: l.scope ?? null, slider: l.leaf!.control !== undefined};
    })
    .filter((c) => c.to > c.from && (c.base !== 0 || c.from !== c.to));
  // Default: the first cost input (by id) with a slider and a break-even value, else the first cost
  // input with one, else any input with one.
  const cost = (c: {name: string}) => /kosten/i.test(c.name);
  const order = [...candidates.filter((c) => cost(c) && c.slider), ...candidates.filter((c) => cost(c) && !c.slider), ...candidates.filter((c) => !cost(c))];
  let defaultInput: string | null = null;
  for (const c of order.slice(0, 25)) {
    if (breakEven(model, c.name).value !== null) {
      defaultInput = c.name;
      break;
    }
  }
  return {
    model: {id: model.file.id, title: model.file.title, priceYear: model.file.priceYear, horizon: model.horizon, discountRate: model.file.discountRate, interventions: model.file.interventions.map((iv) => ({id: iv.id, label: iv.label}))},
    base: {costs: base.costs, benefits: base.benefits, saldo: base.saldo, ratio: base.ratio},
    tornado: {controlRanges, inputs: tornado.inputs.map(({lowValue, highValue, ...rest}) => (void lowValue, void highValue, rest)), overall: tornado.overall, interventions: tornado.interventions, actors: tornado.actors},
    scenarios,
    breakeven: {candidates, defaultInput}
  };
}
