// Read the kengetallen registry from disk (Node only): the shared registry data/kengetallen/*.yaml
// (filed by topic), every study's own kengetallen (data/studies/<study>/kengetallen.yaml or
// kengetallen/*.yaml) and data/cpi.yaml. An id found in two files is an error naming both.
import {readTextFile} from "./read-file.js";
import {existsSync, readdirSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {KengetalError} from "../kengetallen/errors.js";
import {allStudyKengetallenFiles} from "./study-description.js";
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

/** The shared registry's folder. */
export const SHARED_KENGETALLEN = "data/kengetallen";

/**
 * Load every `*.yaml` / `*.yml` in `dir` (sorted by name) and the files in `files`, validate each,
 * refuse ids that occur twice across files (naming both places), and attach the CPI series from
 * `cpiPath` (default: data/cpi.yaml next to `dir`'s parent; pass `null` for none). Without `dir`:
 * the shared registry data/kengetallen plus every study's own kengetallen files. Throws
 * KengetalError listing every problem found.
 */
export function loadKengetallen(dir?: string, options: {cpiPath?: string | null; files?: string[]} = {}): Registry {
  // Paths are relative to the project's folder: a command started elsewhere gets this, not ENOENT.
  if (!existsSync(dir ?? SHARED_KENGETALLEN))
    throw new KengetalError([
      {file: dir ?? SHARED_KENGETALLEN, line: 1, field: "folder", message: `expected the kengetallen folder, found none in ${process.cwd()} (run rendement from the project's folder, the one that holds data/)`}
    ]);
  const paths = [
    ...readdirSync(dir ?? SHARED_KENGETALLEN)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(dir ?? SHARED_KENGETALLEN, f)),
    ...(options.files ?? (dir === undefined ? allStudyKengetallenFiles() : []))
  ];
  dir ??= SHARED_KENGETALLEN;
  // The same file named twice (relative and absolute) is read once.
  const seenPaths = new Set<string>();
  paths.splice(0, paths.length, ...paths.filter((p) => !seenPaths.has(resolve(p)) && seenPaths.add(resolve(p))));
  const problems = [];
  const parsed: ParsedKengetallenFile[] = [];
  for (const f of paths) {
    try {
      parsed.push(readKengetallenFile(f));
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
