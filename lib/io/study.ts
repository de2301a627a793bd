// Load a model file together with the kengetallen registry (Node only): the one entry point used by
// data loaders, the command line, the reproduction checks and the tests.
import {loadKengetallen, Registry} from "./kengetallen.js";
import {loadModelFile} from "./model-file.js";
import {registryContext} from "../model/context.js";
import type {CompiledModel} from "../model/compile.js";

let cached: {dir: string | undefined; registry: Registry} | undefined;

/**
 * The registry (read once per process): the shared data/kengetallen plus every study's own
 * kengetallen; with `dir`, only the files of that folder.
 */
export function defaultRegistry(dir?: string): Registry {
  if (!cached || cached.dir !== dir) cached = {dir, registry: loadKengetallen(dir)};
  return cached.registry;
}

/**
 * Load warnings (e.g. a discount rate outside 0–10 %) go to `onWarning`; by default to stderr as
 * `warning: file:line: field: message`, so that no command or data loader uses such a model
 * without a word. `check` lists them itself.
 */
export function loadStudy(modelPath: string, options: {kengetallenDir?: string; registry?: Registry; onWarning?: (message: string) => void} = {}): CompiledModel {
  const registry = options.registry ?? defaultRegistry(options.kengetallenDir);
  const model = loadModelFile(modelPath, registryContext(registry));
  const warn = options.onWarning ?? ((message: string) => console.error(`warning: ${message}`));
  for (const w of model.warnings) warn(w.message);
  return model;
}
