// Read a model file (YAML), validate it and compile it. Every problem is reported as
// `file:line: field: what was expected, what was found`.

import {existsSync} from "node:fs";
import {dirname, join} from "node:path";
import {z} from "zod";
import {readTextFile} from "./read-file.js";
import type {StudyActor} from "../schema/actors.js";
import {studyActorSchema} from "../schema/study-actor.js";
import {modelSchema, type ModelFile} from "../schema/model.js";
import {compileModel, ModelError, type CompiledModel, type ModelContext} from "../model/compile.js";
import {fieldName, InputError, lineOf, parseYaml, zodIssues, type ParsedYaml} from "./yaml-errors.js";
import {cachedParse} from "./parse-cache.js";
import {DistributionError, lowHigh, toDistribution} from "../analysis/distributions.js";
import {checkCorrelations} from "../analysis/copula.js";
import {checkRoles} from "../analysis/roles.js";
import {declaredGroups} from "../analysis/voi.js";

export {InputError};

export function parseModelText(text: string, file: string): ModelFile {
  const parsed = parseYaml(text, file);
  const result = modelSchema.safeParse(parsed.data);
  if (!result.success) throw zodIssues(parsed, result.error);
  return result.data;
}

export function compileModelText(text: string, file: string, context: ModelContext): CompiledModel {
  // The YAML document (with its lines) is parsed only when needed: the validated file may come from
  // the command-line bundle's cache (lib/io/parse-cache.ts), and lines only name warnings and errors.
  let document: ParsedYaml | undefined;
  const parsed = () => (document ??= parseYaml(text, file));
  const data = cachedParse("model", file, text, () => {
    const result = modelSchema.safeParse(parsed().data);
    if (!result.success) throw zodIssues(parsed(), result.error);
    return result.data;
  });
  try {
    const model = compileModel(data, context);
    checkUncertainties(model);
    // Each throws a ModelError subclass (CorrelationError, RoleError, InputGroupError): reported below as `file:line: field`.
    checkCorrelations(model);
    checkRoles(model);
    declaredGroups(model);
    // Warnings keep their place in the file: `file:line: field: message`.
    model.warnings = model.warnings.map((w) => ({...w, message: `${file}:${lineOf(parsed(), w.path) ?? "?"}: ${fieldName(w.path)}: ${w.message}`}));
    return model;
  } catch (error) {
    if (error instanceof ModelError) {
      const line = lineOf(parsed(), error.path);
      throw new InputError(`${file}:${line ?? "?"}: ${fieldName(error.path)}: ${error.message}`, file, [{line, field: fieldName(error.path), message: error.message}]);
    }
    throw error;
  }
}

/**
 * Every uncertainty spec of the model's inputs must give a distribution for the input's value (a
 * beta needs a mean between 0 and 1, a range must hold the value, …): refused at load, not first
 * by \`psa\`. The same rules as lib/analysis/inputs.ts, which the sensitivity and Monte Carlo analyses use.
 */
function checkUncertainties(model: CompiledModel): void {
  for (const node of model.leaves) {
    const spec = node.leaf!.uncertainty;
    if (!spec || spec.type === "fixed") continue;
    const listed = node.leaf!.value;
    const where = node.kind === "kengetal" ? [...firstUse(model, node.name), "uncertainty"] : [...node.path, "uncertainty"];
    const label = node.kind === "kengetal" ? `kengetal "${node.name}": ` : "";
    try {
      const reference = Array.isArray(listed) ? listed.reduce((a, b) => a + b, 0) / listed.length : listed;
      if (Array.isArray(listed) && !(reference !== 0 && Number.isFinite(reference))) throw new DistributionError(`"${node.name}": a series with an uncertainty is varied as a whole relative to the mean of its values, which is 0`);
      toDistribution(spec, reference, node.name);
      lowHigh(spec, reference, node.name);
    } catch (error) {
      if (error instanceof DistributionError) throw new ModelError(`${label}${error.message}`, node.kind === "kengetal" ? where.slice(0, -1) : where);
      throw error;
    }
  }
}

/** Path of the first formula that uses a node (for kengetallen, which have no place in the model file). */
function firstUse(model: CompiledModel, name: string): (string | number)[] {
  for (const n of model.nodes.values()) if (n.deps.some((d) => d.node === name)) return [...n.path, n.kind === "flow" ? "amount" : "formula"];
  return [];
}

const studyActorsFile = z.looseObject({actors: z.array(studyActorSchema).optional()});

/**
 * The actors a study declares besides the standard list: `actors` in the study.yaml beside the
 * model file (none without one). A mistake names study.yaml:line: field.
 */
export function studyActorsFor(modelPath: string): StudyActor[] {
  const file = join(dirname(modelPath), "study.yaml");
  if (!existsSync(file)) return [];
  const text = readTextFile(file);
  // Cached in the bundle as the model file is (parsing the YAML was about 40 ms of `rendement psa`'s start).
  return cachedParse("study-actors", file, text, () => {
    const parsed = parseYaml(text, file);
    const result = studyActorsFile.safeParse(parsed.data ?? {});
    if (!result.success) throw zodIssues(parsed, result.error);
    return result.data.actors ?? [];
  });
}

export function loadModelFile(path: string, context: ModelContext): CompiledModel {
  let text: string;
  try {
    text = readTextFile(path);
  } catch (error) {
    throw new InputError(`${path}: cannot read the model file (${(error as Error).message})`, path);
  }
  return compileModelText(text, path, context.actors ? context : {...context, actors: studyActorsFor(path)});
}
