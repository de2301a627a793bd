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

type ScenarioRun = {id: string; label: string; description?: string; overrides: Overrides};

/**
 * `result` of the base case ("basis", no overrides; `basis` true) and of every scenario of the model
 * in order, each scenario's overrides read just before its result.
 */
function eachScenario<R>(model: CompiledModel, result: (run: ScenarioRun, basis: boolean) => R): R[] {
  return [
    result({id: "basis", label: "Basisscenario", description: undefined, overrides: {}}, true),
    ...model.file.scenarios.map((s) => result({id: s.id, label: s.label, description: s.description, overrides: scenarioOverrides(model, s.id)}, false))
  ];
}

/**
 * The base case and every scenario of the model, each a full evaluation. `atBase`: the summaries of
 * the evaluation at `base` when the caller has them already (a page that just evaluated the model at
 * the reader's inputs), so the base case is not evaluated twice.
 */
export function runScenarios(model: CompiledModel, base: Overrides = {}, atBase?: {total: Summary; interventions: Summary[]}): ScenarioResult[] {
  return eachScenario(model, (run, basis) => ({
    ...run,
    ...(basis && atBase ? {total: atBase.total, interventions: atBase.interventions} : summarizeAll(evaluate(model, {...base, ...run.overrides})))
  }));
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
  return eachScenario(model, (run, basis) => ({
    ...run,
    summary: basis && atBase ? atBase : summarize(evaluate(model, {...base, ...run.overrides}), scope)
  }));
}
