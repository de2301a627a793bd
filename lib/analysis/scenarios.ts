// Scenarios: named sets of input overrides declared in the model file, evaluated with the same model.
import type {CompiledModel} from "../model/compile.js";
import {evaluate, findLeaf, OverrideError, type Overrides} from "../model/evaluate.js";
import {summarize, summarizeAll, type Summary} from "../finance/summary.js";

export function scenarioOverrides(model: CompiledModel, id: string): Overrides {
  const scenario = model.file.scenarios.find((s) => s.id === id);
  if (!scenario) throw new OverrideError(`unknown scenario "${id}"; the model has: ${model.file.scenarios.map((s) => s.id).join(", ") || "none"}`);
  const out: Overrides = {};
  for (const [name, value] of Object.entries(scenario.set)) out[findLeaf(model, name).name] = value;
  return out;
}

export interface ScenarioResult {
  id: string;
  label: string;
  description?: string;
  overrides: Overrides;
  total: Summary;
  interventions: Summary[];
}

/**
 * The base case and every scenario of the model, each a full evaluation. `atBase`: the summaries of
 * the evaluation at `base` when the caller has them already (a page that just evaluated the model at
 * the reader's inputs), so the base case is not evaluated twice.
 */
export function runScenarios(model: CompiledModel, base: Overrides = {}, atBase?: {total: Summary; interventions: Summary[]}): ScenarioResult[] {
  const run = (id: string, label: string, overrides: Overrides, description?: string): ScenarioResult => ({
    id,
    label,
    description,
    overrides,
    ...summarizeAll(evaluate(model, {...base, ...overrides}))
  });
  const basis: ScenarioResult = atBase ? {id: "basis", label: "Basisscenario", description: undefined, overrides: {}, total: atBase.total, interventions: atBase.interventions} : run("basis", "Basisscenario", {});
  return [basis, ...model.file.scenarios.map((s) => run(s.id, s.label, scenarioOverrides(model, s.id), s.description))];
}

/** One scenario's result for one scope (an intervention id, or "total"). */
export interface ScopedScenarioResult {
  id: string;
  label: string;
  description?: string;
  overrides: Overrides;
  summary: Summary;
}

/**
 * The base case and every scenario of the model for one scope only: the same numbers as
 * runScenarios' summary of that scope, without summarizing the other scopes (a page of one
 * intervention redraws its scenario table on every input change). `atBase`: the scope's summary at
 * `base` when the caller has it already.
 */
export function runScenariosFor(model: CompiledModel, scope: string, base: Overrides = {}, atBase?: Summary): ScopedScenarioResult[] {
  const run = (id: string, label: string, overrides: Overrides, description?: string): ScopedScenarioResult => ({
    id,
    label,
    description,
    overrides,
    summary: summarize(evaluate(model, {...base, ...overrides}), scope)
  });
  const basis: ScopedScenarioResult = atBase ? {id: "basis", label: "Basisscenario", description: undefined, overrides: {}, summary: atBase} : run("basis", "Basisscenario", {});
  return [basis, ...model.file.scenarios.map((s) => run(s.id, s.label, scenarioOverrides(model, s.id), s.description))];
}
