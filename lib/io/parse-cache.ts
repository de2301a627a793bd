// A cache of validated data files for the command-line bundle (scripts/build-cli.mjs, Node only).
// Parsing and validating the kengetallen registry (about 300 KB of YAML) and a model file is most of
// what `rendement evaluate` does; the result of a file that validated is kept as JSON in
// dist-cli/cache/, under a key made of the bundle's code, the kind, the file name and the file's
// text, so any change to the code or the data misses the cache. Only values that survive the JSON
// round trip exactly are kept. From the TypeScript source (tests, data loaders, tsx) there is no
// cache: `__RENDEMENT_BUNDLE__` is defined only by the bundle. RENDEMENT_CACHE=0 turns it off.
import {createHash} from "node:crypto";
import {mkdirSync, readFileSync, renameSync, writeFileSync} from "node:fs";
import {isDeepStrictEqual} from "node:util";

declare const __RENDEMENT_BUNDLE__: string | undefined;

const bundle = typeof __RENDEMENT_BUNDLE__ === "string" ? __RENDEMENT_BUNDLE__ : undefined;

/** The folder of the cache: dist-cli/cache/ beside the bundle's dist-cli/lib/ (or none from the source). */
function cacheDir(): URL | undefined {
  if (bundle === undefined || process.env.RENDEMENT_CACHE === "0") return undefined;
  return new URL("../cache/", import.meta.url);
}

/**
 * `parse()`, or its result for the same code, kind, file and text from an earlier run. `parse` must
 * throw on invalid input (nothing is cached then) and return plain data.
 */
export function cachedParse<T>(kind: string, file: string, text: string, parse: () => T): T {
  const dir = cacheDir();
  if (!dir) return parse();
  const key = createHash("sha256").update(`${bundle}\0${kind}\0${file}\0`).update(text).digest("hex").slice(0, 40);
  const path = new URL(`${key}.json`, dir);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    // not cached yet (or unreadable): parse
  }
  const value = parse();
  try {
    const json = JSON.stringify(value);
    if (isDeepStrictEqual(JSON.parse(json), value)) {
      mkdirSync(dir, {recursive: true});
      const tmp = new URL(`${key}.${process.pid}.tmp`, dir);
      writeFileSync(tmp, json);
      renameSync(tmp, path);
    }
  } catch {
    // a read-only install: no cache
  }
  return value;
}
