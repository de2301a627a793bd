// Small shared argument helpers for the sub-commands.
import type {Overrides} from "../model/evaluate.js";

export class UsageError extends Error {}

/** Parse repeated `--set name=value` (value a number, or numbers separated by commas for a series). */
export function parseSets(argv: string[]): Overrides {
  const out: Overrides = {};
  argv.forEach((a, i) => {
    if (a !== "--set") return;
    const spec = argv[i + 1];
    const m = spec?.match(/^([A-Za-z_][\w.]*)=(.+)$/);
    if (!m) throw new UsageError(`--set expects name=value, found ${spec === undefined ? "nothing" : JSON.stringify(spec)}`);
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
