// Data loader for the uncertainty page (src/onzekerheid.md). Reads the Zoetermeer study
// (data/studies/zoetermeer/model.yaml) when it is there and evaluates, otherwise the worked example
// data/models/investering-per-deelnemer.yaml, and emits:
// - `file` and `registry`: the model file and the kengetallen it uses, from which the page and the
//   PSA worker rebuild the compiled model (`compileModel(file, registryContext(Registry.fromJSON(registry)))`);
// - `tornado`: the one-way sensitivity analysis (overall, per intervention, per actor);
// - `scenarios`: the base case and every scenario of the model file;
// - `breakeven`: inputs a reader can choose for the break-even chart, each with a range.
// A model that does not load ends the build with the file, line and field of the problem.
// Outside the build: `npx tsx src/data/onzekerheid.json.ts [model.yaml]`.
import {existsSync} from "node:fs";
import {defaultRegistry, loadStudy} from "../../lib/io/study.js";
import {registryJSONFor} from "../../lib/model/context.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {oneWay} from "../../lib/analysis/sensitivity.js";
import {runScenarios} from "../../lib/analysis/scenarios.js";
import {breakEven} from "../../lib/analysis/breakeven.js";
import {leafUncertainty} from "../../lib/analysis/inputs.js";
import {lowHigh} from "../../lib/analysis/distributions.js";
import type {CompiledModel} from "../../lib/model/compile.js";

const study = "data/studies/zoetermeer/model.yaml";
const example = "data/models/investering-per-deelnemer.yaml";

function fail(message: string): never {
  process.stderr.write(`onzekerheid.json: ${message}\n`);
  process.exit(1);
}

let path = process.argv[2];
let model: CompiledModel | undefined;
if (!path && existsSync(study)) {
  try {
    model = loadStudy(study);
    summarize(evaluate(model));
    path = study;
  } catch (error) {
    process.stderr.write(`onzekerheid.json: warning: ${study} does not evaluate (${(error as Error).message}); using ${example}\n`);
    model = undefined;
  }
}
path ??= example;
try {
  model ??= loadStudy(path);
} catch (error) {
  fail((error as Error).message);
}

const registry = defaultRegistry();
const restricted = registryJSONFor(model, registry);

const base = summarize(evaluate(model));
const uncertain = oneWay(model);
// A model without any stated uncertainty: vary the inputs over their slider range instead (the
// page says so).
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

// Break-even inputs: single-number study parameters with a slider or an uncertainty range. The
// chart's range is the slider's, else the uncertainty bounds widened, else 0 to twice the value.
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
// The default: the first cost input (by id) with a slider and a break-even value, else the first
// cost input with one, else any input with one.
const cost = (c: {name: string}) => /kosten/i.test(c.name);
const order = [...candidates.filter((c) => cost(c) && c.slider), ...candidates.filter((c) => cost(c) && !c.slider), ...candidates.filter((c) => !cost(c))];
let defaultInput: string | null = null;
for (const c of order.slice(0, 25)) {
  if (breakEven(model, c.name).value !== null) {
    defaultInput = c.name;
    break;
  }
}

process.stdout.write(
  JSON.stringify({
    model: {path, id: model.file.id, title: model.file.title, priceYear: model.file.priceYear, horizon: model.horizon, discountRate: model.file.discountRate, interventions: model.file.interventions.map((iv) => ({id: iv.id, label: iv.label}))},
    file: model.file,
    registry: restricted,
    base: {costs: base.costs, benefits: base.benefits, saldo: base.saldo, ratio: base.ratio},
    tornado: {controlRanges, inputs: tornado.inputs.map(({lowValue, highValue, ...rest}) => (void lowValue, void highValue, rest)), overall: tornado.overall, interventions: tornado.interventions, actors: tornado.actors},
    scenarios,
    breakeven: {candidates, defaultInput}
  })
);
