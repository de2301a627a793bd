// Rebuild a compiled model from what a data loader emits: the validated model file and the
// kengetallen registry restricted to it (registryJSONFor). Browser-safe; the one way pages, workers
// and tests turn loader JSON back into the model the loader evaluated.
import {compileModel, type CompiledModel} from "./compile.js";
import {registryContext} from "./context.js";
import {Registry, type RegistryJSON} from "../kengetallen/registry.js";
import type {ModelFile} from "../schema/model.js";

export interface ModelJSON {
  file: ModelFile;
  registry: RegistryJSON;
}

export function rebuildModel({file, registry}: ModelJSON): CompiledModel {
  return compileModel(file, registryContext(Registry.fromJSON(registry)));
}
