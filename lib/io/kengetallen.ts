// Read the kengetallen registry from disk (Node only): every data/kengetallen/*.yaml plus data/cpi.yaml.
import {readTextFile} from "./read-file.js";
import {existsSync, readdirSync} from "node:fs";
import {join, relative} from "node:path";
import {KengetalError} from "../kengetallen/errors.js";
import {parseCpiText, parseKengetallenText, type ParsedKengetallenFile} from "../kengetallen/parse.js";
import {Registry} from "../kengetallen/registry.js";
import {cachedParse} from "./parse-cache.js";
import type {CpiFile} from "../schema/kengetal.js";

export {KengetalError, formatProblem, type KengetalProblem} from "../kengetallen/errors.js";
export {Registry} from "../kengetallen/registry.js";

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
}

/** Read and validate one kengetallen YAML file. */
export function readKengetallenFile(path: string): ParsedKengetallenFile {
  const text = readTextFile(path);
  const file = displayPath(path);
  return cachedParse("kengetallen", file, text, () => parseKengetallenText(text, file));
}

/** Read and validate the CPI series (default data/cpi.yaml). */
export function readCpi(path = "data/cpi.yaml"): CpiFile {
  const text = readTextFile(path);
  const file = displayPath(path);
  return cachedParse("cpi", file, text, () => parseCpiText(text, file));
}

/**
 * Load every `*.yaml` / `*.yml` in `dir` (sorted by name), validate each, refuse ids that occur twice
 * across files (naming both places), and attach the CPI series from `cpiPath` (default: data/cpi.yaml
 * next to `dir`'s parent; pass `null` for none). Throws KengetalError listing every problem found.
 */
export function loadKengetallen(dir = "data/kengetallen", options: {cpiPath?: string | null} = {}): Registry {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const problems = [];
  const parsed: ParsedKengetallenFile[] = [];
  for (const f of files) {
    try {
      parsed.push(readKengetallenFile(join(dir, f)));
    } catch (e) {
      if (e instanceof KengetalError) problems.push(...e.problems);
      else throw e;
    }
  }
  const themes = new Map<string, string>();
  for (const p of parsed) {
    const other = themes.get(p.theme);
    if (other) problems.push({file: p.file, line: 1, field: "theme", message: `expected a unique theme, found "${p.theme}" again (also in ${other})`});
    else themes.set(p.theme, p.file);
  }
  const cpiPath = options.cpiPath === undefined ? join(dir, "..", "cpi.yaml") : options.cpiPath;
  let cpi: CpiFile | null = null;
  if (cpiPath !== null) {
    if (!existsSync(cpiPath)) throw new Error(`CPI file not found: ${cpiPath}`);
    try {
      cpi = readCpi(cpiPath);
    } catch (e) {
      if (e instanceof KengetalError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length) throw new KengetalError(problems);
  return new Registry(
    parsed.flatMap((p) => p.kengetallen),
    {themes: parsed.map((p) => ({theme: p.theme, description: p.description, file: p.file})), cpi}
  );
}
