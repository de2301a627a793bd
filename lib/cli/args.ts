// Shared argument handling for the sub-commands: the option check every command runs first, the one
// number grammar of the command line and the strict `--set` parser.
//
// Numbers (options and `--set`): a dot as decimal separator, an optional sign, an optional exponent,
// `_` allowed between digits: `12`, `-0.5`, `.25`, `1e6`, `2.5E-3`, `10_000`. Nothing else: no
// decimal comma, no hex (`0x10`), no `Infinity`, no blank value.
// `--set name=value`:
//   - a number: `--set traject.kansLks=0.2`;
//   - a percentage, for an input whose unit is `fraction` (stored as a share) or `%`:
//     `--set nab.attributie=75%` is 0.75; a bare value for a `fraction` input must lie in [0, 1];
//   - a series, one value per year, in brackets: `--set 'iv.nettoEffect=[0.05,0.04,0.02]'` (each
//     element a number as above, no empty element, no trailing comma);
//   - `@file.json#field`: a number or list of numbers read from a JSON file (dots for nested fields),
//     taken as they are in the input's own unit.
// A value with a comma outside brackets (`0,05`) is refused: "use a dot as decimal separator".

import {readTextFile} from "../io/read-file.js";
import type {Overrides, LeafValue} from "../model/evaluate.js";
import type {CompiledModel} from "../model/compile.js";
import {findLeaf} from "../model/evaluate.js";
import {leafKind, rateWarning, valueProblem} from "../model/value-rules.js";

export class UsageError extends Error {}

/** The options a command accepts: flags take no value, `values` take one (`--by group`). */
export interface OptionSpec {
  flags: string[];
  values: string[];
  /** Options that may be given more than once (e.g. --set). */
  repeatable?: string[];
}

/** What an option's value is, for the list of accepted options in messages. */
const PLACEHOLDERS: Record<string, string> = {
  "--set": "name=value",
  "--scenario": "id",
  "--parameter": "name",
  "--study": "id",
  "--reference": "curve-id",
  "--group": "name",
  "--by": "column",
  "--curves": "file",
  "--draws": "N",
  "--seed": "S",
  "--top": "N",
  "--qaly-value": "name",
  "--horizon": "years",
  "--observed-months": "months",
  "--converge": "months",
  "--long-term": "share",
  "--shape": "linear|exponential",
  "--max-excluded": "share",
  "--file": "settings.yaml",
  "--permutations": "N"
};
const describeSpec = (spec: OptionSpec) => [...spec.flags, ...spec.values.map((v) => `${v} ${PLACEHOLDERS[v] ?? "<value>"}`)].join(", ") || "no options";

/**
 * Check argv against a command's options and return the positional arguments. Throws a UsageError
 * for an unknown option (listing the accepted ones), an option without its value, or an option
 * given twice that cannot be repeated. A value may start with "-" (`--long-term -0.1`) but not "--".
 */
export function checkOptions(command: string, argv: string[], spec: OptionSpec): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    const isOption = a.startsWith("--") || /^-[A-Za-z]/.test(a);
    if (!isOption) {
      out.push(a);
      continue;
    }
    const takesValue = spec.values.includes(a);
    if (!takesValue && !spec.flags.includes(a))
      throw new UsageError(`unknown option ${a}; rendement ${command} accepts ${describeSpec(spec)}`);
    if (seen.has(a) && !spec.repeatable?.includes(a)) throw new UsageError(`${a} is given twice; give it once`);
    seen.add(a);
    if (takesValue) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${a} expects a value, found ${v === undefined ? "nothing" : `the option ${v}`}`);
      ++i;
    }
  }
  return out;
}

const NUMBER = /^[+-]?(\d+(_\d+)*(\.(\d+(_\d+)*)?)?|\.\d+(_\d+)*)([eE][+-]?\d+)?$/;

/**
 * Parse one number in the command line's grammar (see the head of this file); undefined when the
 * text is not such a number or its value is not finite (1e999).
 */
export function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const v = Number(text.replace(/_/g, ""));
  return Number.isFinite(v) ? v : undefined;
}

/** Why a text is not a number, for messages: names the decimal comma when that is the cause. */
function notANumber(text: string): string {
  if (text.trim() === "") return "found a blank value";
  if (/^[+-]?\d*,\d+$/.test(text.trim())) return `found "${text}"; use a dot as decimal separator (${text.trim().replace(",", ".")})`;
  return `found "${text}"`;
}

/** A number option such as `--long-term 0.05` or `--long-term 5%` (a share), checked against a range. */
export function numberOption(
  argv: string[],
  name: string,
  fallback: number,
  {integer = false, min = -Infinity, max = Infinity, percent = false, what}: {integer?: boolean; min?: number; max?: number; percent?: boolean; what?: string} = {}
): number {
  const raw = option(argv, name);
  if (raw === undefined) return fallback;
  const isPct = percent && raw.endsWith("%");
  const parsed = parseNumber(isPct ? raw.slice(0, -1) : raw);
  const v = parsed === undefined ? undefined : isPct ? parsed / 100 : parsed;
  const range = `${min === -Infinity ? "" : `>= ${min}`}${min !== -Infinity && max !== Infinity ? " and " : ""}${max === Infinity ? "" : `<= ${max}`}`;
  const expected = what ?? `${integer ? "a whole number" : "a number"}${range ? ` ${range}` : ""}`;
  if (v === undefined || v < min || v > max || (integer && !Number.isInteger(v)))
    throw new UsageError(`${name}: expected ${expected}, ${parsed === undefined ? notANumber(isPct ? raw.slice(0, -1) : raw) : `found "${raw}"`}`);
  return v;
}

/** A value as written after `name=`, before the model's units are known. */
interface RawSet {
  name: string;
  spec: string;
  value: LeafValue;
  /** Written as a percentage (`75%`): the value is already divided by 100. */
  percent: boolean;
  fromFile: boolean;
}

/**
 * A value read from a JSON file: `@file.json#field` (a number or a list of numbers at that field,
 * dots for nested fields), e.g. the net effect per year written by `rendement net-effect --json`.
 */
function valueFromJson(name: string, spec: string): number | number[] {
  const [path, field = ""] = spec.split("#");
  let data: unknown;
  try {
    data = JSON.parse(readTextFile(path));
  } catch (error) {
    throw new UsageError(`--set ${name}=@${spec}: cannot read JSON from ${path} (${(error as Error).message})`);
  }
  const value = field ? field.split(".").reduce<unknown>((x, k) => (x && typeof x === "object" ? (x as Record<string, unknown>)[k] : undefined), data) : data;
  const ok = (v: unknown) => typeof v === "number" && Number.isFinite(v);
  if (ok(value) || (Array.isArray(value) && value.length > 0 && value.every(ok))) return value as number | number[];
  throw new UsageError(`--set ${name}=@${spec}: expected a number or a list of numbers at "${field || "(the whole file)"}" in ${path}, found ${JSON.stringify(value)?.slice(0, 60)}`);
}

const SET_EXPECTED = "a number with a dot as decimal separator (0.05), a percentage (5%), a series in brackets ([0.05,0.04]) or @file.json#field";

/** One `name=value` of --set, parsed by the grammar above (units are checked later, against the model). */
export function parseSetValue(spec: string): RawSet {
  const m = spec.match(/^([A-Za-z_][\w.]*)=(.*)$/s);
  if (!m) throw new UsageError(`--set: expected name=value, found ${JSON.stringify(spec)}`);
  const [, name, text] = m;
  const fail = (found: string) => new UsageError(`--set ${name}: expected ${SET_EXPECTED}, ${found}`);
  if (text.startsWith("@")) return {name, spec: text, value: valueFromJson(name, text.slice(1)), percent: false, fromFile: true};
  const one = (t: string, where = ""): {value: number; percent: boolean} => {
    const pct = t.endsWith("%");
    const v = parseNumber(pct ? t.slice(0, -1) : t);
    if (v === undefined) throw fail(`${notANumber(t)}${where}`);
    return {value: pct ? v / 100 : v, percent: pct};
  };
  if (text.startsWith("[") || text.endsWith("]")) {
    if (!(text.startsWith("[") && text.endsWith("]"))) throw fail(`found "${text}" (a series needs both brackets)`);
    const parts = text.slice(1, -1).split(",");
    if (parts.length === 1 && parts[0].trim() === "") throw fail("found an empty series");
    const values = parts.map((p, i) => {
      if (p.trim() === "") throw fail(`found an empty element ${i + 1} in "${text}" (no empty elements, no trailing comma)`);
      return one(p.trim(), ` as element ${i + 1}`);
    });
    const pcts = new Set(values.map((v) => v.percent));
    if (pcts.size > 1) throw fail(`found "${text}": write every element as a percentage or none`);
    return {name, spec: text, value: values.map((v) => v.value), percent: values[0].percent, fromFile: false};
  }
  if (text.includes(",")) {
    const hint = /^[+-]?\d*,\d+$/.test(text) ? `use a dot as decimal separator (${text.replace(",", ".")})` : `write a series in brackets ([${text}])`;
    throw new UsageError(`--set ${name}: found "${text}"; ${hint}`);
  }
  const v = one(text);
  return {name, spec: text, value: v.value, percent: v.percent, fromFile: false};
}

/** Units in which a value is a share: `fraction` (0.75 = 75 %) and `%` (75 = 75 %). */
const isFraction = (unit: string) => unit.trim() === "fraction";
const isPercentUnit = (unit: string) => unit.trim() === "%";

/**
 * Check a parsed --set against its input's unit and rule (lib/model/value-rules.ts: counts >= 0,
 * shares within [0, 1], rates > −1 with a warning outside 0–10 %), whether written as a number, a
 * percentage, a series or read from a JSON file; returns the value to use.
 */
function applyUnit(model: CompiledModel, raw: RawSet): LeafValue {
  const leaf = findLeaf(model, raw.name);
  const value = unitValue(model, raw);
  const kind = leafKind(model, leaf);
  const problem = valueProblem(kind, value);
  if (problem) throw new UsageError(`--set ${raw.name}=${raw.spec}: ${raw.name} has unit ${leaf.unit}${kind === "rate" ? " (a discount rate)" : ""}; ${problem}`);
  if (kind === "rate") for (const v of Array.isArray(value) ? value : [value]) {
    const warning = rateWarning(v, `--set ${raw.name}=${raw.spec}: the discount rate`);
    if (warning) console.error(`warning: ${warning}`);
  }
  return value;
}

function unitValue(model: CompiledModel, raw: RawSet): LeafValue {
  const leaf = findLeaf(model, raw.name);
  if (raw.fromFile) return raw.value;
  const values = Array.isArray(raw.value) ? raw.value : [raw.value];
  if (raw.percent) {
    if (isFraction(leaf.unit)) return raw.value;
    // An input in % holds percentage points: 6.3% is 6.3.
    if (isPercentUnit(leaf.unit)) return Array.isArray(raw.value) ? raw.value.map((v) => v * 100) : raw.value * 100;
    throw new UsageError(`--set ${raw.name}=${raw.spec}: ${raw.name} has unit "${leaf.unit}"; a percentage is accepted only for inputs in fraction or %`);
  }
  if (isFraction(leaf.unit) && leafKind(model, leaf) === "fraction" && values.some((v) => v < 0 || v > 1))
    throw new UsageError(`--set ${raw.name}=${raw.spec}: ${raw.name} has unit fraction (a share: 0.75 = 75 %); expected a value from 0 to 1, or a percentage such as ${values.find((v) => v < 0 || v > 1)}%`);
  return raw.value;
}

/**
 * Parse repeated `--set name=value` (grammar at the head of this file). With the model, every name
 * is checked to be an input and every value against the input's unit.
 */
export function parseSets(argv: string[], model?: CompiledModel): Overrides {
  const out: Overrides = {};
  argv.forEach((a, i) => {
    if (a !== "--set") return;
    const spec = argv[i + 1];
    if (spec === undefined || spec.startsWith("--")) throw new UsageError(`--set expects name=value, found ${spec === undefined ? "nothing" : JSON.stringify(spec)}`);
    const raw = parseSetValue(spec);
    out[raw.name] = model ? applyUnit(model, raw) : raw.value;
  });
  return out;
}

export function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith("--")) throw new UsageError(`${name} expects a value`);
  return v;
}
