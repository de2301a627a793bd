// Settings files: a reader's configuration of one model as a small YAML file in the vocabulary of
// `--set` and the model's scenarios, so that it can be saved from a page, loaded back, and given to
// `rendement compare --file`. Browser-safe (text in, text out; no file system).
//
//   # Rendement-instellingen
//   model: mijn_model            # the model's id
//   version: 3f2a9c1b7d04        # modelVersion (lib/analysis/content-hash.ts) when saved
//   label: Mijn gemeente         # optional
//   scenario: nab_attributie_75  # optional: a scenario of the model, applied first
//   set:                         # inputs by full name (`x`, `iv.x`, `k.x`): a number or a list per year
//     vh.deelnemers: 40
//   basis:                       # the model's own values of those inputs when saved
//     vh.deelnemers: 2000
//
// Conventions:
// - A file for another model (another `model:` id) is refused with a Dutch message naming both.
// - A file for another version of the same model is loaded; `notices` then names the inputs whose
//   model value changed since the file was saved (by `basis`), or says that none of them did.
// - Unknown input names are refused (`file:line: set.<name>: …`).
import {stringify} from "yaml";
import type {CompiledModel} from "../model/compile.js";
import {findLeaf, OverrideError, type LeafValue, type Overrides} from "../model/evaluate.js";
import {InputError, lineOf, parseYaml, type ParsedYaml} from "../io/yaml-errors.js";
import {formatInputNumber} from "../format.js";
import {scenarioOverrides} from "./scenarios.js";

/** A settings file: the model it belongs to, that model's version, and the inputs it sets. */
export interface SettingsFile {
  model: string;
  version: string;
  label?: string;
  scenario?: string;
  set: Overrides;
  basis?: Overrides;
}

const FIELDS = ["model", "version", "label", "scenario", "set", "basis"];

/**
 * Checks the parsed file by hand (no zod: the page loads this module when the reader opens a file,
 * and zod alone is 94 KB gzipped). Messages read like the other files': `file:line: field: expected …, found …`.
 */
function checkSettings(parsed: ParsedYaml): SettingsFile {
  const d = parsed.data as Record<string, unknown> | null;
  const fail = (path: (string | number)[], expected: string): never => {
    const value = path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string | number, unknown>)[k] : undefined), d);
    const found = value === undefined ? "nothing" : JSON.stringify(value)?.slice(0, 60) ?? String(value);
    throw new InputError(`${parsed.file}:${lineOf(parsed, path) ?? "?"}: ${path.join(".") || "(bestand)"}: ${expected}, found ${found}`, parsed.file);
  };
  if (!d || typeof d !== "object" || Array.isArray(d)) return fail([], "expected a settings file: model, version and set");
  for (const k of Object.keys(d)) if (!FIELDS.includes(k)) fail([k], `expected one of the fields ${FIELDS.join(", ")}`);
  if (typeof d.model !== "string" || !d.model) fail(["model"], "expected the model id");
  if (typeof d.version !== "string" || !/^[0-9a-f]{6,64}$/.test(d.version)) fail(["version"], "expected the model's content hash (hex digits)");
  for (const k of ["label", "scenario"]) if (d[k] !== undefined && typeof d[k] !== "string") fail([k], "expected text");
  const values = (key: "set" | "basis"): Overrides | undefined => {
    const m = d[key];
    if (m === undefined || m === null) return undefined;
    if (typeof m !== "object" || Array.isArray(m)) return fail([key], "expected input names, each with a number or a list of numbers");
    for (const [name, v] of Object.entries(m)) {
      const number = (x: unknown) => typeof x === "number" && Number.isFinite(x);
      if (!(number(v) || (Array.isArray(v) && v.length > 0 && v.every(number)))) fail([key, name], "expected a number or a list of numbers (one per year)");
    }
    return m as Overrides;
  };
  return {model: d.model as string, version: d.version as string, label: d.label as string | undefined, scenario: d.scenario as string | undefined, set: values("set") ?? {}, basis: values("basis")};
}

export interface LoadedSettings {
  label: string | null;
  scenario: string | null;
  /** The scenario's overrides with the file's `set` on top, by full input name. */
  overrides: Overrides;
  /** Only the file's `set`. */
  set: Overrides;
  /** Whether the file was made for this version of the model. */
  sameVersion: boolean;
  /** Dutch notices for the reader (another version; which inputs changed since). */
  notices: string[];
}

const show = (v: LeafValue) => (Array.isArray(v) ? `[${v.map(formatInputNumber).join("; ")}]` : formatInputNumber(v));
const same = (a: LeafValue, b: LeafValue) => JSON.stringify(a) === JSON.stringify(b);

/** The settings file text for `set` (overrides on top of an optional scenario) of a model at version `version`. */
export function writeSettings(model: CompiledModel, version: string, set: Overrides, {scenario, label}: {scenario?: string | null; label?: string | null} = {}): string {
  const resolved = Object.fromEntries(Object.entries(set).map(([k, v]) => [findLeaf(model, k).name, v]));
  const basis = Object.fromEntries(Object.keys(resolved).map((k) => [k, findLeaf(model, k).leaf!.value]));
  const data: Record<string, unknown> = {model: model.file.id, version};
  if (label) data.label = label;
  if (scenario) data.scenario = scenario;
  data.set = resolved;
  if (Object.keys(basis).length) data.basis = basis;
  return `# Rendement-instellingen voor ${model.file.title}\n${stringify(data, {flowCollectionPadding: false})}`;
}

/** Read a settings file for `model` (whose version is `version`); see the conventions above. */
export function readSettings(text: string, file: string, model: CompiledModel, version: string): LoadedSettings {
  const parsed = parseYaml(text, file);
  const s = checkSettings(parsed);
  const at = (path: (string | number)[]) => `${file}:${lineOf(parsed, path) ?? "?"}`;
  if (s.model !== model.file.id)
    throw new InputError(`${at(["model"])}: model: dit instellingenbestand hoort bij model "${s.model}", niet bij "${model.file.id}" (${model.file.title}); open het bij dat model`, file);
  let overrides: Overrides = {};
  if (s.scenario) {
    try {
      overrides = scenarioOverrides(model, s.scenario);
    } catch (error) {
      if (error instanceof OverrideError) throw new InputError(`${at(["scenario"])}: scenario: ${error.message}`, file);
      throw error;
    }
  }
  const set: Overrides = {};
  for (const [name, value] of Object.entries(s.set)) {
    try {
      set[findLeaf(model, name).name] = value;
    } catch (error) {
      if (error instanceof OverrideError) throw new InputError(`${at(["set", name])}: set.${name}: ${error.message}`, file);
      throw error;
    }
  }
  const notices: string[] = [];
  const sameVersion = s.version === version;
  if (!sameVersion) {
    const changed: string[] = [];
    for (const [name, was] of Object.entries(s.basis ?? {})) {
      let now: LeafValue;
      try {
        now = findLeaf(model, name).leaf!.value;
      } catch {
        changed.push(`${name} (bestaat niet meer)`);
        continue;
      }
      if (!same(was, now)) changed.push(`${name} (was ${show(was)}, nu ${show(now)})`);
    }
    notices.push(
      `Dit bestand is gemaakt voor versie ${s.version} van het model; dit is versie ${version}. ` +
        (changed.length
          ? `Sindsdien veranderd in het model: ${changed.join(", ")}.`
          : s.basis
            ? `Geen van de ingestelde invoerwaarden is sindsdien in het model veranderd; andere invoer of kengetallen wel.`
            : `Het bestand vermeldt geen basiswaarden, dus welke invoer veranderde is niet na te gaan.`)
    );
  }
  return {label: s.label ?? null, scenario: s.scenario ?? null, overrides: {...overrides, ...set}, set, sameVersion, notices};
}
