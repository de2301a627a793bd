// The bridge between the kengetallen registry and the model engine (browser-safe).
import {Registry, type RegistryJSON} from "../kengetallen/registry.js";
import type {CompiledModel, ModelContext} from "./compile.js";

/** A model context that reads `k.<id>` from the registry and converts € amounts with its CPI. */
export function registryContext(registry: Registry): ModelContext {
  return {
    kengetal: (id) => (registry.has(id) ? registry.get(id) : undefined),
    priceFactor: (from, to) => registry.factor(from, to)
  };
}

/**
 * The registry restricted to the kengetallen a compiled model uses (with their themes and the CPI),
 * as JSON: what a page needs to rebuild the same model in the browser, and no more.
 */
export function registryJSONFor(model: CompiledModel, registry: Registry): RegistryJSON {
  const used = [...model.nodes.values()].filter((n) => n.kind === "kengetal").map((n) => n.id);
  const themes = new Set(used.map((id) => registry.get(id).theme));
  return new Registry(
    used.map((id) => registry.get(id)),
    {themes: registry.themes.filter((t) => themes.has(t.theme)), cpi: registry.cpi}
  ).toJSON();
}
