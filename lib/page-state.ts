// Page state in the address: one codec for every page with inputs and for later features that store
// or cite inputs (settings files, citations). Pure functions. The format (docs/page-state.md): one
// parameter per changed input, in MODEL units (a fraction as a fraction), dot decimal in the shortest
// round-trip form (String(x), read back with Number() after a strict check), a series in brackets as
// --set writes it, `v=1` as version marker, reserved keys that are never model inputs. Decoding
// REFUSES a value that is no number or lies outside its input's range (Dutch message); never clamps.
import {formatInputNumber} from "./format.js";

/** The format version written as `v=…`. */
export const STATE_VERSION = "1";
export const VERSION_KEY = "v";

/**
 * Keys that are never model inputs. `draws` and `seed` are the Monte Carlo settings; `study`, `model`,
 * `item`, `tool`, `scope`, `scenario`, `target` (a calculator's goal), `file`, `compare` and `hash` are kept for page navigation,
 * settings files and citations.
 */
/** The key of the comparison picker's pair (lib/analysis/configurations.ts comparePairFromQuery). */
export const COMPARE_KEY = "compare";
export const RESERVED_KEYS: readonly string[] = [VERSION_KEY, "draws", "seed", "study", "model", "item", "tool", "scope", "scenario", "target", "file", COMPARE_KEY, "hash"];

export const isReservedKey = (key: string): boolean => RESERVED_KEYS.includes(key);

/** A value in model units: a number, or a series (one number per year). */
export type StateValue = number | number[];

/** One input a page keeps in its address. */
export interface StateInput {
  /** The address key: the model leaf name (`vh.effectJaren`, `k.id`), or a reserved key for a page setting. */
  key: string;
  /** The Dutch label the reader sees, for messages. */
  label: string;
  /** The range in model units (a fraction: 0 … 1). */
  min: number;
  max: number;
  /** The value without a state (model units); not written to the address. */
  base: StateValue;
  /** The model unit; `fraction` is written as a fraction and shown in messages in percent. */
  unit?: string;
  /** Only whole numbers. */
  integer?: boolean;
  /** Only these values (e.g. the number of draws). */
  choices?: readonly number[];
  /** A page setting under a reserved key (`draws`, `seed`) rather than a model input. */
  setting?: boolean;
}

/** A value the address gave that the page did not take. */
export interface Refusal {
  key: string;
  label: string;
  /** The text as it stood in the address. */
  text: string;
  reason: "not-a-number" | "out-of-range" | "not-whole" | "not-a-choice" | "series-length" | "repeated" | "version";
  /** One Dutch line for the reader, naming the input, the value, what was expected and what is used. */
  message: string;
}

export interface DecodedState {
  /** Values taken from the address, by key (only valid ones; each differs from nothing in particular). */
  values: Record<string, StateValue>;
  refused: Refusal[];
  /** Keys that are neither an input of this page nor reserved. */
  unknown: string[];
  /** A Dutch line about the unknown keys, or "" when there are none. */
  unknownMessage: string;
}

// ---------------------------------------------------------------------------------------------
// Numbers

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A number in the address: shortest round-trip form with a dot decimal (`String(x)`); -0 is "0". */
export function formatStateNumber(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`page state: cannot write a non-finite number (${x})`);
  return Object.is(x, -0) ? "0" : String(x);
}

/** Reads what formatStateNumber writes (and plain dot-decimal numbers); anything else is NaN. */
export function parseStateNumber(text: string): number {
  if (!NUMBER.test(text)) return NaN;
  const x = Number(text);
  return Number.isFinite(x) ? x : NaN;
}

/** A value in the address: a number, or a series in brackets `[a,b,c]`. */
export function formatStateValue(value: StateValue): string {
  return Array.isArray(value) ? `[${value.map(formatStateNumber).join(",")}]` : formatStateNumber(value);
}

/** Reads formatStateValue's text: a number, a series, or null when it is neither. */
export function parseStateValue(text: string): StateValue | null {
  if (text.startsWith("[") && text.endsWith("]")) {
    const parts = text.slice(1, -1).split(",");
    const values = parts.map(parseStateNumber);
    return values.length && values.every(Number.isFinite) ? values : null;
  }
  const x = parseStateNumber(text);
  return Number.isFinite(x) ? x : null;
}

// ---------------------------------------------------------------------------------------------
// Messages

const isFraction = (input: StateInput) => input.unit === "fraction";

/** A number as the reader sees it for this input: percent for fractions, Dutch decimals. */
export function shownNumber(input: StateInput, x: number): string {
  return isFraction(input) ? `${formatInputNumber(Number((x * 100).toPrecision(12)))}%` : formatInputNumber(x);
}

const shownValue = (input: StateInput, v: StateValue) => (Array.isArray(v) ? v.map((x) => shownNumber(input, x)).join("; ") : shownNumber(input, v));

function refusal(input: StateInput, text: string, reason: Refusal["reason"], why: string): Refusal {
  return {
    key: input.key,
    label: input.label,
    text,
    reason,
    message: `Het adres van deze pagina geeft voor “${input.label}” de waarde “${text}”: ${why}. Die waarde is niet overgenomen; er wordt gerekend met de uitgangswaarde ${shownValue(input, input.base)}.`
  };
}

// ---------------------------------------------------------------------------------------------
// Checking one value

/** Why `value` is not allowed for `input` (a refusal), or null when it is. */
export function checkValue(input: StateInput, value: StateValue, text = formatStateValue(value)): Refusal | null {
  const base = input.base;
  if (Array.isArray(value) !== Array.isArray(base)) {
    return refusal(input, text, "series-length", Array.isArray(base) ? `verwacht een reeks van ${base.length} waarden tussen haken, zoals [${base.map(formatStateNumber).join(",")}]` : "verwacht één getal, geen reeks");
  }
  if (Array.isArray(value) && Array.isArray(base) && value.length !== base.length) {
    return refusal(input, text, "series-length", `verwacht een reeks van ${base.length} waarden, gevonden ${value.length}`);
  }
  for (const x of Array.isArray(value) ? value : [value]) {
    if (!Number.isFinite(x)) return refusal(input, text, "not-a-number", "dat is geen getal (schrijf een punt als decimaalteken, bijvoorbeeld 0.5)");
    if (input.choices && !input.choices.includes(x)) return refusal(input, text, "not-a-choice", `kies uit ${input.choices.map((c) => shownNumber(input, c)).join(", ")}`);
    if (x < input.min || x > input.max) return refusal(input, text, "out-of-range", `dat ligt buiten het bereik ${shownNumber(input, input.min)} tot ${shownNumber(input, input.max)}`);
    if (input.integer && !Number.isInteger(x)) return refusal(input, text, "not-whole", "alleen hele getallen zijn toegestaan");
  }
  return null;
}

function checkInputs(inputs: readonly StateInput[]): void {
  const seen = new Set<string>();
  for (const i of inputs) {
    if (seen.has(i.key)) throw new Error(`page state: input ${i.key} is declared twice`);
    seen.add(i.key);
    if (i.setting ? !isReservedKey(i.key) : isReservedKey(i.key)) {
      throw new Error(i.setting ? `page state: setting ${i.key} must use a reserved key (${RESERVED_KEYS.join(", ")})` : `page state: ${i.key} is a reserved key, not a model input name`);
    }
    if (i.key === VERSION_KEY) throw new Error(`page state: ${VERSION_KEY} is the version marker`);
  }
}

const same = (a: StateValue, b: StateValue) =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, k) => x === b[k]) : a === b;

// ---------------------------------------------------------------------------------------------
// Encode and decode

/**
 * The query parameters for `values` (model units): only inputs whose value differs from their base,
 * in the order of `inputs`, then the version marker (none when nothing differs). A value outside
 * its range is a programming error here (the page only holds checked values): it throws.
 */
export function encodeState(inputs: readonly StateInput[], values: Readonly<Record<string, StateValue>>): [string, string][] {
  checkInputs(inputs);
  const out: [string, string][] = [];
  for (const input of inputs) {
    const v = values[input.key];
    if (v === undefined || same(v, input.base)) continue;
    const bad = checkValue(input, v);
    if (bad) throw new RangeError(`page state: ${input.key} = ${formatStateValue(v)} is not allowed (${bad.reason})`);
    out.push([input.key, formatStateValue(v)]);
  }
  if (out.length) out.push([VERSION_KEY, STATE_VERSION]);
  return out;
}

/** The query string (without "?") for `values`; see encodeState. */
export function encodeStateQuery(inputs: readonly StateInput[], values: Readonly<Record<string, StateValue>>): string {
  return new URLSearchParams(encodeState(inputs, values)).toString();
}

/**
 * Reads the inputs' values from a query string ("?a=1&b=2" or "a=1&b=2"). Every value is checked
 * against its input; a refused value is left out of `values` (the input keeps its base value) and
 * listed in `refused` with a Dutch message.
 */
export function decodeState(inputs: readonly StateInput[], query: string): DecodedState {
  checkInputs(inputs);
  const params = new URLSearchParams(query.startsWith("?") ? query.slice(1) : query);
  const byKey = new Map(inputs.map((i) => [i.key, i]));
  const values: Record<string, StateValue> = {};
  const refused: Refusal[] = [];
  const version = params.getAll(VERSION_KEY);
  const badVersion = version.length > 1 || (version.length === 1 && version[0] !== STATE_VERSION);
  for (const input of inputs) {
    const texts = params.getAll(input.key);
    if (!texts.length) continue;
    const text = texts[0];
    if (badVersion) {
      refused.push({...refusal(input, text, "version", `het adres is geschreven in versie ${version.join(", ")} van de paginastatus, deze pagina leest versie ${STATE_VERSION}`)});
      continue;
    }
    if (texts.length > 1) {
      refused.push(refusal(input, texts.join(" en "), "repeated", "de invoer staat meer dan eens in het adres"));
      continue;
    }
    const value = parseStateValue(text);
    if (value === null) {
      refused.push(refusal(input, text, "not-a-number", "dat is geen getal (schrijf een punt als decimaalteken, bijvoorbeeld 0.5)"));
      continue;
    }
    const bad = checkValue(input, value, text);
    if (bad) refused.push(bad);
    else values[input.key] = value;
  }
  const unknown = [...new Set(params.keys())].filter((k) => !byKey.has(k) && !isReservedKey(k));
  return {values, refused, unknown, unknownMessage: unknownKeysMessage(unknown)};
}

/** A Dutch line about address keys that no input of the page knows, or "" when there are none. */
export function unknownKeysMessage(unknown: readonly string[]): string {
  return unknown.length
    ? `Het adres van deze pagina noemt ${unknown.length === 1 ? "een invoer" : "invoer"} die hier niet bestaat: ${unknown.map((k) => `“${k}”`).join(", ")}. ${unknown.length === 1 ? "Die is" : "Die zijn"} genegeerd.`
    : "";
}

/**
 * A new address (path, query and fragment) in which the keys of `inputs` hold `values` (base values
 * removed) and every other parameter (reserved keys, unknown keys) is kept as it was.
 */
export function withState(href: string, inputs: readonly StateInput[], values: Readonly<Record<string, StateValue>>): string {
  const url = new URL(href, "http://localhost/");
  const params = url.searchParams;
  for (const i of inputs) params.delete(i.key);
  params.delete(VERSION_KEY);
  for (const [k, v] of encodeState(inputs, values)) if (k !== VERSION_KEY) params.set(k, v);
  // The version marker stays while the address holds a state: a key of these inputs, or any key that
  // is not reserved (another part of the page writes its own inputs with this codec).
  const own = new Set(inputs.map((i) => i.key));
  if ([...params.keys()].some((k) => own.has(k) || !isReservedKey(k))) params.set(VERSION_KEY, STATE_VERSION);
  const search = params.toString();
  return `${url.pathname}${search ? `?${search}` : ""}${url.hash}`;
}
