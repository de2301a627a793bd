// The configurations a comparison view chooses from (issue 20, point 2): the report's base (the
// model's own values), each named scenario of the model file, a loaded settings file and the
// reader's current settings. Each is a set of overrides on top of the model's values, so any two go
// into compareConfigurations (lib/analysis/shapley.ts). Browser-safe, pure.
import type {CompiledModel} from "../model/compile.js";
import type {Overrides} from "../model/evaluate.js";
import {scenarioOverrides} from "./scenarios.js";
import {COMPARE_KEY} from "../page-state.js";

export interface Configuration {
  /** `base`, `scenario:<id>`, `file`, or `current`. */
  id: string;
  /** Dutch, for the picker and the table's column. */
  label: string;
  overrides: Overrides;
}

export const BASE_ID = "base";
export const CURRENT_ID = "current";
export const FILE_ID = "file";

/** The configurations to choose from, in the picker's order: base, scenarios, the loaded file (if any), current. */
export function configurations(model: CompiledModel, {current, file}: {current: Overrides; file?: {name: string; overrides: Overrides} | null}): Configuration[] {
  return [
    {id: BASE_ID, label: "Uitgangswaarden van het rapport", overrides: {}},
    ...model.file.scenarios.map((s) => ({id: `scenario:${s.id}`, label: `Scenario: ${s.label}`, overrides: scenarioOverrides(model, s.id)})),
    ...(file ? [{id: FILE_ID, label: `Bestand: ${file.name}`, overrides: file.overrides}] : []),
    {id: CURRENT_ID, label: "Huidige invoer", overrides: current}
  ];
}

// ---------------------------------------------------------------------------------------------
// The pair in the page address

// The address key is COMPARE_KEY, a reserved key of lib/page-state.ts (never a model input).
const SEPARATOR = "~";

/** The address value for the pair `a` (left) against `b` (right): `base~scenario:x`. */
export function encodeComparePair(a: string, b: string): string {
  return `${a}${SEPARATOR}${b}`;
}

export interface ComparePair {
  a: string;
  b: string;
  /** Dutch, when the address asked for a configuration this page cannot show (it then shows the default side). */
  message: string | null;
}

/**
 * The pair an address asks for, or null when it has no `compare` key. A side the list does not hold
 * (a scenario the model no longer has, or `file`: a settings file never travels with a link) falls
 * back to the default side (base on the left, the current settings on the right) with a Dutch message
 * that names it; nothing is chosen silently.
 */
export function comparePairFromQuery(query: string, list: readonly Configuration[]): ComparePair | null {
  const params = new URLSearchParams(query.startsWith("?") ? query.slice(1) : query);
  const texts = params.getAll(COMPARE_KEY);
  if (!texts.length) return null;
  const known = new Set(list.map((c) => c.id));
  const parts = texts[0].split(SEPARATOR);
  const wanted = parts.length === 2 ? parts : [];
  const problems: string[] = [];
  const side = (k: 0 | 1, fallback: string): string => {
    const id = wanted[k];
    if (id !== undefined && known.has(id)) return id;
    if (id === FILE_ID) problems.push(`een instellingenbestand (dat gaat niet met een link mee: laad het hieronder opnieuw)`);
    else if (id !== undefined) problems.push(`“${id}”, die dit rekenmodel niet kent`);
    return fallback;
  };
  const a = side(0, BASE_ID);
  const b = side(1, CURRENT_ID);
  if (!wanted.length) problems.push(`“${texts[0]}” (verwacht: twee instellingen gescheiden door ${SEPARATOR}, bijvoorbeeld ${encodeComparePair(BASE_ID, CURRENT_ID)})`);
  const lines = problems.length
    ? [`Het adres vraagt een vergelijking met ${problems.join(" en ")}. In plaats daarvan staat links “${list.find((c) => c.id === a)!.label}” en rechts “${list.find((c) => c.id === b)!.label}”.`]
    : [];
  if (texts.length > 1) lines.push(`Het adres noemt ${texts.length} vergelijkingen; de eerste is gebruikt.`);
  return {a, b, message: lines.length ? lines.join(" ") : null};
}

/** The address `href` with the pair set (or removed, when `pair` is null); every other parameter kept. */
export function withComparePair(href: string, pair: {a: string; b: string} | null): string {
  const url = new URL(href, "http://localhost/");
  url.searchParams.delete(COMPARE_KEY);
  if (pair) url.searchParams.set(COMPARE_KEY, encodeComparePair(pair.a, pair.b));
  const search = url.searchParams.toString();
  return `${url.pathname}${search ? `?${search}` : ""}${url.hash}`;
}
