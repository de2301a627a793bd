// The outputs of the site's data loaders, found as Framework finds them (used by
// scripts/precompute-loaders.mjs and scripts/warm-loaders.mjs): files under the source root named
// <file>.<ext>.<lang> (for example data/studies.json.ts); a loader under a [param] folder makes one
// output for every value of that parameter in the site's page list (dynamicPaths in
// observablehq.config.ts).
import {lstatSync, readdirSync} from "node:fs";
import {join} from "node:path";

/**
 * Every loader output of the site, as target paths ("/data/studies.json", "/studies/zoetermeer/study.json").
 * @param {{root: string, loaders: {interpreters: Map<string, unknown>}, paths: () => AsyncIterable<string>}} config Framework's normalized config
 * @returns {Promise<string[]>}
 */
export async function loaderTargets(config) {
  const root = config.root;
  const interpreters = [...config.loaders.interpreters.keys()];

  /** @param {string} dir @returns {string[]} */
  function files(dir = "") {
    /** @type {string[]} */
    const out = [];
    for (const name of readdirSync(join(root, dir)).sort()) {
      const rel = `${dir}/${name}`;
      if (name.startsWith(".") || name === "node_modules") continue;
      const stat = lstatSync(join(root, rel));
      if (stat.isSymbolicLink()) continue; // src/lib -> ../lib: code, not loaders
      if (stat.isDirectory()) out.push(...files(rel));
      else {
        const lang = interpreters.find((ext) => name.endsWith(ext));
        const target = lang ? name.slice(0, -lang.length) : "";
        // a loader has a second extension for what it makes (x.json.ts); type declarations (x.d.ts) are not loaders
        if (lang && /\.\w+$/.test(target) && !target.endsWith(".d")) out.push(`${dir}/${target}`);
      }
    }
    return out;
  }

  /** Every page path of the site (static and dynamic), split into segments. */
  /** @type {string[][]} */
  const pages = [];
  for await (const path of config.paths()) pages.push(path.split("/").filter(Boolean));

  /** A target with [param] folders, for every value those folders take in the page list. @param {string} target */
  function expand(target) {
    const segments = target.split("/").filter(Boolean);
    const dirs = segments.slice(0, -1);
    const param = (/** @type {string} */ s) => /^\[.+\]$/.test(s);
    if (!dirs.some(param)) return [target];
    const found = new Set();
    for (const page of pages) {
      if (page.length <= dirs.length - 1) continue;
      if (dirs.every((s, i) => param(s) || s === page[i])) found.add(`/${[...dirs.map((s, i) => (param(s) ? page[i] : s)), segments.at(-1)].join("/")}`);
    }
    return [...found].sort();
  }

  return files().flatMap(expand);
}
