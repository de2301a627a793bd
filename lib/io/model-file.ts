// Read a model file (YAML), validate it and compile it. Every problem is reported as
// `file:line: field: what was expected, what was found`.
import {readFileSync} from "node:fs";
import {modelSchema, type ModelFile} from "../schema/model.js";
import {compileModel, ModelError, type CompiledModel, type ModelContext} from "../model/compile.js";
import {fieldName, InputError, lineOf, parseYaml, zodIssues} from "./yaml-errors.js";

export {InputError};

export function parseModelText(text: string, file: string): ModelFile {
  const parsed = parseYaml(text, file);
  const result = modelSchema.safeParse(parsed.data);
  if (!result.success) throw zodIssues(parsed, result.error);
  return result.data;
}

export function compileModelText(text: string, file: string, context: ModelContext): CompiledModel {
  const parsed = parseYaml(text, file);
  const result = modelSchema.safeParse(parsed.data);
  if (!result.success) throw zodIssues(parsed, result.error);
  try {
    return compileModel(result.data, context);
  } catch (error) {
    if (error instanceof ModelError) {
      const line = lineOf(parsed, error.path);
      throw new InputError(`${file}:${line ?? "?"}: ${fieldName(error.path)}: ${error.message}`, file, [{line, field: fieldName(error.path), message: error.message}]);
    }
    throw error;
  }
}

export function loadModelFile(path: string, context: ModelContext): CompiledModel {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new InputError(`${path}: cannot read the model file (${(error as Error).message})`, path);
  }
  return compileModelText(text, path, context);
}
