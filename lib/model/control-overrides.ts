// Control values as overrides, `--set` arguments and derived control ranges (browser-safe, but not
// loaded by pages): used by the study loader, the command-line comparisons of the tests, and
// lib/model/control-values.ts's callers that need whole vectors.
import type {CompiledModel} from "./compile.js";
import type {Overrides} from "./evaluate.js";
import type {ModelFile, Parameter} from "../schema/model.js";
import {overrideFor, shownBase} from "./control-values.js";
import {rebuildModel} from "./rebuild.js";
import {registryJSONFor} from "./context.js";
import type {Registry} from "../kengetallen/registry.js";

/**
 * The overrides a page evaluates with when its boxes show `shown` (leaf name → shown value): one per
 * box that differs from the model's value, as `controls()` reads them.
 */
export function overridesFromShown(model: CompiledModel, shown: Record<string, number>): Overrides {
  const out: Overrides = {};
  for (const [name, value] of Object.entries(shown)) {
    const leaf = model.nodes.get(name);
    if (!leaf?.leaf) throw new Error(`"${name}" is not an input of ${model.file.id}`);
    if (Number.isFinite(value) && Math.abs(value - shownBase(leaf)) > 1e-12) out[name] = overrideFor(leaf, value);
  }
  return out;
}

/**
 * The same overrides as `rendement evaluate` options: `--set name=value` per override (a series as
 * `[v1,v2,…]`), numbers written so that they read back exactly. A share (unit `fraction`) is written
 * as the model holds it, from 0 to 1: no shipped control range takes a share outside [0, 1] (a level
 * or multiplier above 1 has unit `%`; tests/model/value-rules-ranges.test.ts holds every model to it).
 */
export function setArguments(overrides: Overrides): string[] {
  return Object.entries(overrides).flatMap(([name, v]) => ["--set", `${name}=${typeof v === "number" ? String(v) : `[${Array.from(v).map(String).join(",")}]`}`]);
}

/**
 * A page needs inputs to move. For an intervention whose parameters have no control range at all,
 * the page gives every single-number parameter one: 0 to twice the value (a fraction: 0 to 100 %;
 * a negative value: twice the value to 0). Only ranges are added; values and formulas stay the
 * model's. Returns the model file as the page compiles it.
 */
export function withDerivedControls(file: ModelFile, interventions: ReadonlySet<string>): ModelFile {
  if (!interventions.size) return file;
  return {
    ...file,
    interventions: file.interventions.map((iv) =>
      !interventions.has(iv.id)
        ? iv
        : {
            ...iv,
            parameters: (iv.parameters ?? []).map((p: Parameter) => {
              if (p.control || typeof p.value !== "number" || p.value === 0) return p;
              const v = p.value;
              const [min, max] = p.unit === "fraction" ? [0, 1] : v > 0 ? [0, 2 * v] : [2 * v, 0];
              const step = p.unit === "fraction" ? 0.01 : Math.pow(10, Math.floor(Math.log10(Math.abs(max - min))) - 2);
              return {...p, control: {min, max, step}};
            })
          }
    )
  };
}

/** Interventions whose parameters have no control range (a page derives them: `withDerivedControls`). */
export function interventionsWithoutControls(file: ModelFile): Set<string> {
  return new Set(file.interventions.filter((iv) => !(iv.parameters ?? []).some((p) => p.control)).map((iv) => iv.id));
}

/**
 * Per model file, the interventions with a page (`items`) whose parameters have no control range:
 * their pages derive the sliders (`withDerivedControls`). Model files without any are left out.
 */
export function derivedControlsByModel(items: readonly {model: string; intervention: string}[], fileOf: (model: string) => ModelFile): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const item of items) {
    if (!interventionsWithoutControls(fileOf(item.model)).has(item.intervention)) continue;
    if (!out.has(item.model)) out.set(item.model, new Set());
    out.get(item.model)!.add(item.intervention);
  }
  return out;
}

/**
 * The model as an intervention page computes with it: the sliders derived for `derived` (from
 * derivedControlsByModel), so a loader that states a page's conclusion uses the same slider ranges
 * as the page (the tornado's bandwidth where a model has no uncertainty specs). The model itself
 * when nothing is derived.
 */
export function pageModelOf(model: CompiledModel, derived: ReadonlySet<string> | undefined, registry: Registry): CompiledModel {
  if (!derived?.size) return model;
  return rebuildModel({file: withDerivedControls(model.file, derived), registry: registryJSONFor(model, registry)});
}
