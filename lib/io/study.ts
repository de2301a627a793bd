// Load a model file together with the kengetallen registry (Node only): the one entry point used by
// data loaders, the command line, the reproduction checks and the tests.
import {loadKengetallen, Registry} from "./kengetallen.js";
import {loadModelFile} from "./model-file.js";
import {registryContext} from "../model/context.js";
import type {CompiledModel} from "../model/compile.js";

let cached: {dir: string; registry: Registry} | undefined;

/** The registry from `data/kengetallen` (read once per process). */
export function defaultRegistry(dir = "data/kengetallen"): Registry {
  if (cached?.dir !== dir) cached = {dir, registry: loadKengetallen(dir)};
  return cached.registry;
}

export function loadStudy(modelPath: string, options: {kengetallenDir?: string; registry?: Registry} = {}): CompiledModel {
  const registry = options.registry ?? defaultRegistry(options.kengetallenDir);
  return loadModelFile(modelPath, registryContext(registry));
}
