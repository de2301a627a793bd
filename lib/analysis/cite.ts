// "Citeer dit resultaat" (issue 20, point 6): the settings a result is computed with and the one
// citation line for it. Browser-safe; pages lay the line out (src/components/cite.js).
//
// Conventions:
// - The settings of a citation are the inputs whose value differs from the model's own (an override
//   equal to the model value is no setting), by full input name: the same hash as
//   `rendement evaluate --json --set …` with exactly those settings, whatever the page's controls hold.
// - The line: "<label>: <value>. Rendement versie <v>, commit <c>, <date>. <address>. Inhoudshash <h>."
//   (hash: lib/analysis/content-hash.ts over model file, kengetallen and settings).
import type {CompiledModel} from "../model/compile.js";
import type {Overrides} from "../model/evaluate.js";
import {changedInputs} from "./shapley.js";
import {contentHash, type HashInput} from "./content-hash.js";
import {formatStateValue, isReservedKey, STATE_VERSION, VERSION_KEY} from "../page-state.js";

/** The overrides that change an input of `model` (full names), see the conventions above. */
export function effectiveSettings(model: CompiledModel, overrides: Overrides): Overrides {
  return Object.fromEntries(changedInputs(model, {}, overrides).map((c) => [c.input, c.to]));
}

/** The content hash of a result computed from `input` with `overrides` (only the effective settings count). */
export function resultHash(model: CompiledModel, input: HashInput, overrides: Overrides): string {
  return contentHash(input, effectiveSettings(model, overrides));
}

export interface CitationParts {
  /** What is cited, e.g. "Saldo Werkacademie: € 1.234". */
  what: string;
  version: string;
  commit: string | null;
  /** The build date as readers see it ("30 november 2026"). */
  date: string;
  /** The page address with its settings. */
  url: string;
  hash: string;
}

/** One citation line (Dutch), see the conventions above. */
export function citationLine({what, version, commit, date, url, hash}: CitationParts): string {
  return `${what}. Rendement versie ${version}, commit ${commit ?? "onbekend"}, ${date}. ${url}. Inhoudshash ${hash}.`;
}

/**
 * The page address that restores `overrides` (a loaded settings file): every non-reserved key of
 * `href` (the page's current inputs) is replaced by the overrides, in the page-state codec's format
 * (lib/page-state.ts: model units, dot decimals, series in brackets) with its version marker; the
 * reserved keys (draws, seed, …) and the fragment are kept. The page then checks every value as it
 * checks any address.
 */
export function settingsAddress(href: string, overrides: Overrides): string {
  const url = new URL(href, "http://localhost/");
  const params = url.searchParams;
  for (const k of [...params.keys()]) if (!isReservedKey(k) || k === VERSION_KEY) params.delete(k);
  const entries = Object.entries(overrides);
  for (const [k, v] of entries) params.set(k, formatStateValue(v));
  if (entries.length) params.set(VERSION_KEY, STATE_VERSION);
  const search = params.toString();
  return `${url.pathname}${search ? `?${search}` : ""}${url.hash}`;
}
