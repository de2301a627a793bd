// Small shared argument helpers for the sub-commands.
import {readFileSync} from "node:fs";
import type {Overrides} from "../model/evaluate.js";

export class UsageError extends Error {}

/**
 * A value read from a JSON file: `@file.json#field` (a number or a list of numbers at that field,
 * dots for nested fields), e.g. the net effect per year written by `rendement net-effect --json`.
 */
function valueFromJson(name: string, spec: string): number | number[] {
  const [path, field = ""] = spec.split("#");
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`--set ${name}=@${spec}: cannot read JSON from ${path} (${(error as Error).message})`);
  }
  const value = field ? field.split(".").reduce<unknown>((x, k) => (x && typeof x === "object" ? (x as Record<string, unknown>)[k] : undefined), data) : data;
  const ok = (v: unknown) => typeof v === "number" && Number.isFinite(v);
  if (ok(value) || (Array.isArray(value) && value.length > 0 && value.every(ok))) return value as number | number[];
  throw new UsageError(`--set ${name}=@${spec}: expected a number or a list of numbers at "${field || "(the whole file)"}" in ${path}, found ${JSON.stringify(value)?.slice(0, 60)}`);
}

/** Parse repeated `--set name=value` (value a number, numbers separated by commas for a series, or @file.json#field). */
export function parseSets(argv: string[]): Overrides {
  const out: Overrides = {};
  argv.forEach((a, i) => {
    if (a !== "--set") return;
    const spec = argv[i + 1];
    const m = spec?.match(/^([A-Za-z_][\w.]*)=(.+)$/);
    if (!m) throw new UsageError(`--set expects name=value, found ${spec === undefined ? "nothing" : JSON.stringify(spec)}`);
    if (m[2].startsWith("@")) {
      out[m[1]] = valueFromJson(m[1], m[2].slice(1));
      return;
    }
    const values = m[2].split(",").map((x) => Number(x.trim().replace(/_/g, "")));
    if (values.some((v) => !Number.isFinite(v))) throw new UsageError(`--set ${m[1]}: expected a number (or numbers separated by commas), found "${m[2]}"`);
    out[m[1]] = values.length === 1 ? values[0] : values;
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

/** Positional arguments: everything that is not an option or an option's value. */
export function positionals(argv: string[], withValue: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; ++i) {
    if (withValue.includes(argv[i])) ++i;
    else if (!argv[i].startsWith("--")) out.push(argv[i]);
  }
  return out;
}
