// Read an assumptions register (Node only) with file:line errors, and check it against the study's
// model (every affected input exists) and printed figures (every calibration target exists).

import {readTextFile} from "./read-file.js";
import {assumptionsFileSchema, type AssumptionsFile} from "../schema/assumptions.js";
import {InputError, lineOf, parseYaml, zodIssues} from "./yaml-errors.js";
import type {CompiledModel} from "../model/compile.js";

export function parseAssumptionsText(text: string, file: string): AssumptionsFile {
  const parsed = parseYaml(text, file);
  const r = assumptionsFileSchema.safeParse(parsed.data);
  if (!r.success) throw zodIssues(parsed, r.error);
  return r.data;
}

export function readAssumptions(file: string): AssumptionsFile {
  return parseAssumptionsText(readTextFile(file), file);
}

const settings = new Set(["discountRate", "horizon", "priceYear", "startYear"]);

/**
 * Cross-references: `affects` names a leaf of the model (or a setting, or `scenario:<id>`), and a
 * calibration target names a printed figure. Problems are reported as `file:line: field: message`.
 */
export function checkAssumptions(text: string, file: string, model: CompiledModel, printedIds: string[]): void {
  const parsed = parseYaml(text, file);
  const register = parseAssumptionsText(text, file);
  const leaves = new Set(model.leaves.map((l) => l.name));
  const scenarios = new Set(model.file.scenarios.map((s) => s.id));
  const printed = new Set(printedIds);
  const issues: {line?: number; field: string; message: string}[] = [];
  register.assumptions.forEach((a, i) => {
    a.affects.forEach((name, j) => {
      const ok = name.startsWith("scenario:") ? scenarios.has(name.slice("scenario:".length)) : leaves.has(name) || settings.has(name);
      if (!ok) {
        const path = ["assumptions", i, "affects", j];
        issues.push({line: lineOf(parsed, path), field: `assumptions[${i}].affects[${j}] (${a.id})`, message: `expected a model input (leaf, setting or scenario:<id>), found "${name}"`});
      }
    });
    a.calibrationTarget?.figures.forEach((id, j) => {
      if (!printed.has(id)) {
        const path = ["assumptions", i, "calibrationTarget", "figures", j];
        issues.push({line: lineOf(parsed, path), field: `assumptions[${i}].calibrationTarget.figures[${j}] (${a.id})`, message: `expected the id of a printed figure, found "${id}"`});
      }
    });
  });
  if (issues.length) throw new InputError(issues.map((x) => `${file}:${x.line ?? "?"}: ${x.field}: ${x.message}`).join("\n"), file, issues);
}
