// The bridge between the kengetallen registry and the model engine (browser-safe).
import type {Registry} from "../kengetallen/registry.js";
import type {ModelContext} from "./compile.js";

/** A model context that reads `k.<id>` from the registry and converts € amounts with its CPI. */
export function registryContext(registry: Registry): ModelContext {
  return {
    kengetal: (id) => (registry.has(id) ? registry.get(id) : undefined),
    priceFactor: (from, to) => registry.factor(from, to)
  };
}
