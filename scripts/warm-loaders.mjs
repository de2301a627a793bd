#!/usr/bin/env node
// `npm start` runs this first (the `prestart` script): it runs every data loader of the site once, so
// that the preview server finds their output in Framework's cache (src/.observablehq/cache/), and
// has Framework bundle the npm packages the pages import (_node/), so the first page answers at once
// instead of after half a minute of loaders and bundling nobody was told about. It
// says what it computes and how long each part took. A loader whose output is already cached and
// newer than the loader file is not run again (Framework's own rule); `npm run build` starts from an
// empty cache. The outputs are computed in this one process by the loaders' `load` functions
// (scripts/precompute-loaders.mjs, as `npm run build` does), not by one tsx process per output;
// an output that fails there (an invalid study) is left to Framework's loader run, which in the
// preview (RENDEMENT_PREVIEW=1) writes the error its pages show.
//
// Loaders are found as Framework finds them (scripts/loader-targets.mjs).
import {availableParallelism} from "node:os";
import {delimiter, dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {performance} from "node:perf_hooks";
import {readConfig} from "@observablehq/framework/dist/config.js";
import {loaderTargets} from "./loader-targets.mjs";
import {precomputeLoaders} from "./precompute-loaders.mjs";

// Framework runs TypeScript loaders with `tsx` from PATH, as npm scripts have it; also when run by hand.
process.env.PATH = `${resolve(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}`;
const seconds = (ms) => `${(ms / 1000).toLocaleString("nl-NL", {minimumFractionDigits: 1, maximumFractionDigits: 1})} s`;

console.log("Rendement: rekent de studiegegevens vooraf (data loaders), zodat de eerste pagina meteen verschijnt …");
const config = await readConfig(undefined, undefined);

const targets = await loaderTargets(config);
const width = String(targets.length).length;
let done = 0;
let computed = 0;
let failed = 0;
const line = (target, text) => console.log(`[${String(++done).padStart(width)}/${targets.length}] ${target.slice(1)}: ${text}`);
console.log(`${targets.length} uitvoerbestanden van data loaders, samen in één proces (scripts/precompute-loaders.mjs):`);

// 1. Every output that is missing or older than its loader, computed in this process.
const results = await precomputeLoaders({
  config,
  targets,
  onlyMissing: true,
  onResult(r) {
    if (r.status === "left") return;
    if (r.status === "computed") computed++;
    line(r.target, r.status === "fresh" ? "al berekend" : `berekend in ${seconds(r.ms)}`);
  }
});

// 2. What could not be computed here (a loader that failed: in the preview it writes the study's
// error for its pages), through Framework's own loader run, as the preview server would.
const left = results.filter((r) => r.status === "left").map((r) => r.target);
const workers = Math.max(1, Math.min(availableParallelism(), 4));
if (left.length) console.log(`${left.length} uitvoerbestand(en) via de data loader zelf, ${workers} tegelijk:`);
async function runOne(target) {
  const loader = config.loaders.find(target);
  if (!loader || typeof loader.load !== "function") return;
  let status = "";
  const effects = {logger: {log() {}, warn() {}, error() {}}, output: {write: (text) => void (status += text)}};
  const start = performance.now();
  console.log(`  … ${target.slice(1)}`);
  try {
    await loader.load({}, effects);
    computed++;
    line(target, `berekend in ${seconds(performance.now() - start)}`);
  } catch (error) {
    failed++;
    line(target, `FOUT na ${seconds(performance.now() - start)}: ${String(error?.message ?? error).split("\n")[0]}`);
  }
}

const queue = [...left];
await Promise.all(Array.from({length: workers}, async () => {
  while (queue.length) await runOne(queue.shift());
}));

// 3. The npm packages the pages import (d3, Plot, Inputs, …), bundled by Framework into its cache
// (_node/) now, as it would on the first request of a page that imports them: the first page of
// the preview then answers in about a second instead of after the bundling. One page per template.
const bundleStart = performance.now();
console.log("Bundelt de npm-pakketten van de pagina's (Framework-cache _node/) …");
try {
  const {getResolvers} = await import("@observablehq/framework/dist/resolvers.js");
  const templates = new Set();
  for await (const path of config.paths()) {
    const page = config.loaders.findPage(path);
    if (!page || templates.has(page.path)) continue;
    templates.add(page.path);
    await getResolvers(await config.loaders.loadPage(path, {path, ...config}), {path, ...config});
  }
  console.log(`npm-pakketten van ${templates.size} paginasjablonen gebundeld in ${seconds(performance.now() - bundleStart)}.`);
} catch (error) {
  // Not fatal: the preview bundles them itself on the first page that needs them.
  console.log(`npm-pakketten niet vooraf gebundeld (${String(error?.message ?? error).split("\n")[0]}); de eerste pagina doet het zelf.`);
}

// From the start of this process (Framework's own import included): performance.now() counts from there.
const total = seconds(performance.now());
if (failed) console.log(`${failed} data loader(s) gaven een fout (hierboven); de server start toch, en toont die fout op de pagina. Klaar in ${total}.`);
else console.log(`Klaar in ${total}: ${computed ? `${computed} bestanden berekend` : "alle data loaders waren al berekend"}. De server start nu.`);
