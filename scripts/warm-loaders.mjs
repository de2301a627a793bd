#!/usr/bin/env node
// `npm start` runs this first (the `prestart` script): it runs every data loader of the site once, so
// that the preview server finds their output in Framework's cache (src/.observablehq/cache/) and the
// first page answers at once, instead of after half a minute of loaders nobody was told about. It
// says what it computes and how long each part took. A loader whose output is already cached and
// newer than the loader file is not run again (Framework's own rule, used through its loader API);
// `npm run build` starts from an empty cache.
//
// Loaders are found as Framework finds them: files under the source root named <file>.<ext>.<lang>
// (for example data/studies.json.ts); a loader under a [param] folder runs once for every value of
// that parameter in the site's page list (dynamicPaths in observablehq.config.ts).
import {lstatSync, readdirSync} from "node:fs";
import {availableParallelism} from "node:os";
import {delimiter, dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {performance} from "node:perf_hooks";
import {readConfig} from "@observablehq/framework/dist/config.js";

// Framework runs TypeScript loaders with `tsx` from PATH, as npm scripts have it; also when run by hand.
process.env.PATH = `${resolve(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}`;
const seconds = (ms) => `${(ms / 1000).toLocaleString("nl-NL", {minimumFractionDigits: 1, maximumFractionDigits: 1})} s`;

console.log("Rendement: rekent de studiegegevens vooraf (data loaders), zodat de eerste pagina meteen verschijnt …");
const config = await readConfig(undefined, undefined);
const root = config.root;
const interpreters = [...config.loaders.interpreters.keys()];

/** Loader files under the source root, as target paths ("/data/studies.json", "/studies/[study]/study.json"). */
function loaderTargets(dir = "") {
  const out = [];
  for (const name of readdirSync(join(root, dir)).sort()) {
    const rel = `${dir}/${name}`;
    if (name.startsWith(".") || name === "node_modules") continue;
    const stat = lstatSync(join(root, rel));
    if (stat.isSymbolicLink()) continue; // src/lib -> ../lib: code, not loaders
    if (stat.isDirectory()) out.push(...loaderTargets(rel));
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
const pages = [];
for await (const path of config.paths()) pages.push(path.split("/").filter(Boolean));

/** A target with [param] folders, for every value those folders take in the page list. */
function expand(target) {
  const segments = target.split("/").filter(Boolean);
  const dirs = segments.slice(0, -1);
  if (!dirs.some((s) => /^\[.+\]$/.test(s))) return [target];
  const found = new Set();
  for (const page of pages) {
    if (page.length <= dirs.length - 1) continue;
    if (dirs.every((s, i) => /^\[.+\]$/.test(s) || s === page[i])) found.add(`/${[...dirs.map((s, i) => (/^\[.+\]$/.test(s) ? page[i] : s)), segments.at(-1)].join("/")}`);
  }
  return [...found].sort();
}

const targets = loaderTargets().flatMap(expand);
const workers = Math.max(1, Math.min(availableParallelism(), 4));
console.log(`${targets.length} uitvoerbestanden van data loaders, ${workers} tegelijk:`);

const width = String(targets.length).length;
let done = 0;
let computed = 0;
let failed = 0;
async function runOne(target) {
  const loader = config.loaders.find(target);
  if (!loader || typeof loader.load !== "function") return;
  let status = "";
  const effects = {logger: {log() {}, warn() {}, error() {}}, output: {write: (text) => void (status += text)}};
  const start = performance.now();
  if (!(await isFresh(loader))) console.log(`  … ${target.slice(1)}`);
  try {
    await loader.load({}, effects);
    const fresh = status.includes("[fresh]");
    if (!fresh) computed++;
    console.log(`[${String(++done).padStart(width)}/${targets.length}] ${target.slice(1)}: ${fresh ? "al berekend" : `berekend in ${seconds(performance.now() - start)}`}`);
  } catch (error) {
    failed++;
    console.log(`[${String(++done).padStart(width)}/${targets.length}] ${target.slice(1)}: FOUT na ${seconds(performance.now() - start)}: ${String(error?.message ?? error).split("\n")[0]}`);
  }
}

/** Whether Framework will use the cached output as it is (cache newer than the loader file). */
async function isFresh(loader) {
  const {stat} = await import("node:fs/promises");
  try {
    const [cache, source] = await Promise.all([stat(join(root, ".observablehq", "cache", loader.targetPath)), stat(join(root, loader.path))]);
    return cache.mtimeMs >= source.mtimeMs;
  } catch {
    return false;
  }
}

const queue = [...targets];
await Promise.all(Array.from({length: workers}, async () => {
  while (queue.length) await runOne(queue.shift());
}));

// From the start of this process (Framework's own import included): performance.now() counts from there.
const total = seconds(performance.now());
if (failed) console.log(`${failed} data loader(s) gaven een fout (hierboven); de server start toch, en toont die fout op de pagina. Klaar in ${total}.`);
else console.log(computed ? `Klaar: ${computed} bestanden berekend in ${total}. De server start nu.` : `Alles was al berekend (${total}). De server start nu.`);
