// The configurations a comparison view chooses from (issue 20, point 2): the report's base (the
// model's own values), each named scenario of the model file, a loaded settings file and the
// reader's current settings. Each is a set of overrides on top of the model's values, so any two go
// into compareConfigurations (lib/analysis/shapley.ts). Browser-safe, pure.
import type {CompiledModel} from "../model/compile.js";
import type {Overrides} from "../model/evaluate.js";
import {scenarioOverrides} from "./scenarios.js";

export interface Configuration {
  /** `base`, `scenario:<id>`, `file`, or `current`. */
  id: string;
  /** Dutch, for the picker and the table's column. */
  label: string;
  overrides: Overrides;
}

export const BASE_ID = "base";
export const CURRENT_ID = "current";
export const FILE_ID = "file";

/** The configurations to choose from, in the picker's order: base, scenarios, the loaded file (if any), current. */
export function configurations(model: CompiledModel, {current, file}: {current: Overrides; file?: {name: string; overrides: Overrides} | null}): Configuration[] {
  return [
    {id: BASE_ID, label: "Uitgangswaarden van het rapport", overrides: {}},
    ...model.file.scenarios.map((s) => ({id: `scenario:${s.id}`, label: `Scenario: ${s.label}`, overrides: scenarioOverrides(model, s.id)})),
    ...(file ? [{id: FILE_ID, label: `Bestand: ${file.name}`, overrides: file.overrides}] : []),
    {id: CURRENT_ID, label: "Huidige invoer", overrides: current}
  ];
}
