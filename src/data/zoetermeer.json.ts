// Data loader for the Zoetermeer pages (seed 000): reads and validates the study's model file with its
// kengetallen (lib/io/study.ts), the assumptions register, and emits JSON with
// - `file`: the parsed model file, from which a page rebuilds the compiled model in the browser
//   (`compileModel(file, registryContext(Registry.fromJSON(registry)))`);
// - `registry`: the kengetallen registry restricted to the kengetallen the model uses (with the CPI);
// - `base` and `scenarios`: results computed here, so a page can show them without recomputing and a
//   test can compare them with what the browser computes;
// - `views`: which model quantities make up each intervention's cohort and outflow charts;
// - `assumptions`: the assumptions register as written (reconstruction apart from the report).
// A file that is missing or invalid ends the build with a message naming file, line and field.
// Outside the build: `npx tsx src/data/zoetermeer.json.ts [model.yaml [assumptions.yaml]]`.
import {existsSync} from "node:fs";
import {loadStudy, defaultRegistry} from "../../lib/io/study.js";
import {registryJSONFor} from "../../lib/model/context.js";
import {readAssumptions} from "../../lib/io/assumptions.js";
import {readPrinted} from "../../lib/reproduce/run.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarizeAll, type Summary} from "../../lib/finance/summary.js";
import {runScenarios} from "../../lib/analysis/scenarios.js";
import type {CompiledModel} from "../../lib/model/compile.js";

const modelPath = process.argv[2] ?? process.env.ZOETERMEER_MODEL ?? "data/studies/zoetermeer/model.yaml";
const assumptionsPath = process.argv[3] ?? process.env.ZOETERMEER_ASSUMPTIONS ?? "data/studies/zoetermeer/assumptions.yaml";

function fail(message: string): never {
  process.stderr.write(`zoetermeer.json: ${message}\n`);
  process.exit(1);
}

let model: CompiledModel;
try {
  model = loadStudy(modelPath);
} catch (error) {
  fail((error as Error).message);
}

// The registry restricted to what the model uses: enough to rebuild the model in the browser.
const registry = defaultRegistry();
const restricted = registryJSONFor(model, registry);

// The assumptions register (lib/schema/assumptions.ts), validated; an invalid file fails the build.
let assumptions: unknown = null;
if (existsSync(assumptionsPath)) {
  try {
    assumptions = readAssumptions(assumptionsPath);
  } catch (error) {
    fail((error as Error).message);
  }
} else {
  // Not fatal: the model carries an `assumption` on every unprinted input, and the page lists those;
  // the page says the register file is missing.
  process.stderr.write(`zoetermeer.json: warning: ${assumptionsPath} not found; the assumptions page shows only the model's own assumptions\n`);
}

// Views: which quantities of each intervention the cohort and outflow charts draw. The model file
// defines the quantities; this table only picks and orders them. A name the model does not (yet)
// define is left out with a warning on stderr, and the page says what it cannot draw.
interface PanelView {id: string; title: string; with: string; without?: string}
interface View {
  cohort: {stacked: boolean; states: string[]};
  outflow?: {mode: "curves" | "net"; unit: "personen" | "fraction"; panels: PanelView[]};
}
const VIEWS: Record<string, View> = {
  vh: {
    // Overlapping states (people at work may still be in guidance): drawn as lines, not stacked.
    cohort: {stacked: false, states: ["inBegeleiding", "werkVoltijd", "werkDeeltijd", "uitkeringZonderWerk"]},
    outflow: {
      mode: "curves",
      unit: "personen",
      panels: [
        {id: "deeltijd", title: "Naar werk in deeltijd", with: "werkDeeltijd", without: "werkDeeltijdNulalternatief"},
        {id: "voltijd", title: "Naar werk in voltijd", with: "werkVoltijd", without: "werkVoltijdNulalternatief"}
      ]
    }
  },
  wa: {
    cohort: {stacked: false, states: ["inBegeleiding", "extraVoltijd", "extraDeeltijd", "extraSpinOff"]},
    // The WA model states the effect as a net effect against the nulalternatief, not as two curves.
    outflow: {mode: "net", unit: "personen", panels: [{id: "netto", title: "Extra aan het werk (netto-effect)", with: "extraWerkend"}]}
  },
  nab: {
    // Mutually exclusive states of the cohort: stacked.
    cohort: {stacked: true, states: ["inBegeleidingNietWerkend", "lksRegulierVoltijd", "lksRegulierDeeltijd", "lksBeschutWerk", "inDagbesteding", "regulierZonderLks", "overigUitgestroomd"]},
    outflow: {mode: "net", unit: "personen", panels: [{id: "netto", title: "Extra aan het werk (netto-effect, met en zonder loonkostensubsidie)", with: "extraWerkend"}]}
  }
};

function quantity(iv: string, id: string): {name: string; label: string} | null {
  const node = model.nodes.get(`${iv}.${id}`);
  if (!node || node.kind === "flow") {
    process.stderr.write(`zoetermeer.json: warning: ${modelPath} has no quantity ${iv}.${id}; the chart leaves it out\n`);
    return null;
  }
  return {name: node.name, label: node.label};
}

const views = Object.fromEntries(
  model.file.interventions.map((iv) => {
    const v = VIEWS[iv.id];
    if (!v) return [iv.id, {cohort: {stacked: false, states: []}, outflow: null}];
    const states = v.cohort.states.map((id) => quantity(iv.id, id)).filter((x) => x !== null);
    const panels = (v.outflow?.panels ?? []).flatMap((p) => {
      const w = quantity(iv.id, p.with);
      const o = p.without ? quantity(iv.id, p.without) : null;
      if (!w || (p.without && !o)) return [];
      return [{id: p.id, title: p.title, with: w.name, without: o?.name ?? null}];
    });
    return [iv.id, {cohort: {stacked: v.cohort.stacked, states}, outflow: v.outflow && panels.length ? {mode: v.outflow.mode, unit: v.outflow.unit, panels} : null}];
  })
);

// The report's printed figures for this study (data/printed/zoetermeer.yaml), when present: the
// scenario charts mark the printed ratio of each scenario.
const printedPath = process.env.ZOETERMEER_PRINTED ?? "data/printed/zoetermeer.yaml";
let printed: {id: string; quantity: string; printed: number; unit: string; scenario: string | null}[] = [];
if (existsSync(printedPath)) {
  try {
    printed = readPrinted(printedPath).figures.map((f) => ({id: f.id, quantity: f.quantity, printed: f.printed, unit: f.unit, scenario: f.scenario ?? null}));
  } catch (error) {
    fail((error as Error).message);
  }
}

const all = summarizeAll(evaluate(model));
// Base results without the per-line detail (the pages rebuild that in the browser).
const base = {total: {...all.total, lines: []}, interventions: all.interventions.map((x) => ({...x, lines: []}))};
// Scenario results as headline figures (the pages recompute scenarios live with the reader's inputs).
const headline = (x: Summary) => ({
  scope: x.scope,
  label: x.label,
  costs: x.costs,
  benefits: x.benefits,
  saldo: x.saldo,
  ratio: x.ratio,
  financialRatio: x.financialRatio,
  actors: x.actors.map((a) => ({actor: a.actor, saldo: a.saldo}))
});
const scenarios = runScenarios(model).map((r) => ({
  id: r.id,
  label: r.label,
  description: r.description,
  overrides: r.overrides,
  total: headline(r.total),
  interventions: r.interventions.map(headline)
}));

process.stdout.write(
  JSON.stringify({
    modelPath,
    assumptionsPath,
    printedPath,
    printed,
    file: model.file,
    registry: restricted,
    views,
    base,
    scenarios,
    assumptions
  })
);
