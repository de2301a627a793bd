#!/usr/bin/env node
// The site's data loaders, computed in one process before `observable build` (scripts/build-site.mjs)
// and the preview (scripts/warm-loaders.mjs). Framework runs every loader as a process of its own,
// one after the other, and each start transpiles the loader and the lib/ code it imports with tsx:
// about 1 s per process, three per study. Here every loader module is imported once (lib/ is
// transpiled once), and its `load(args)` function (lib/io/loader-run.ts) is called for every output,
// which is written where Framework keeps it (src/.observablehq/cache/<target>). Framework then finds
// each output in its cache and starts no process for it: it runs a loader itself only for an output
// that is missing (a loader that failed here, or one without a `load` function), so a bad study
// still stops the build with the loader's own message (file, line, field), as before.
//
//   node scripts/precompute-loaders.mjs [--only-missing] [--verbose] [--shard i/n]
//
// --only-missing: leave outputs that Framework would take as they are (cached and newer than their
// loader). Without it every output is computed anew. --verbose: one line per output with its time.
// --shard i/n: only every n-th output from the i-th (0-based); scripts/build-site.mjs runs one
// process per core, each with its shard.
import {existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {performance} from "node:perf_hooks";
import {readConfig} from "@observablehq/framework/dist/config.js";
import {loaderTargets} from "./loader-targets.mjs";

/** A loader module that can be imported without running: it ends with runLoader (lib/io/loader-run.ts). */
const importable = (source) => /\brunLoader\(import\.meta\.url\b/.test(source);

/**
 * Computes the loader outputs of the site into Framework's cache. Returns per target what happened:
 * "computed" (with ms), "fresh" (left as it was), or "left" (to Framework's own loader run, with why).
 * `config`: Framework's config (read here when not given); `targets`: the outputs to make (default
 * all); `shard` [i, n]: only every n-th output from the i-th (0-based), for n processes side by side.
 * @param {{config?: any, targets?: string[], shard?: [number, number], onlyMissing?: boolean, onResult?: (r: {target: string, status: string, ms: number, why?: string}) => void}} [options]
 */
export async function precomputeLoaders({config, targets, shard = [0, 1], onlyMissing = false, onResult = () => {}} = {}) {
  // Framework's config (observablehq.config.ts: pages, dynamicPaths); reading it registers tsx, so
  // the TypeScript loader modules below can be imported.
  config ??= await readConfig(undefined, undefined);
  const root = config.root;
  targets ??= await loaderTargets(config);
  targets = targets.filter((_, i) => i % shard[1] === shard[0]);
  const results = [];
  for (const target of targets) {
    const start = performance.now();
    const report = (status, why) => {
      const r = {target, status, ms: performance.now() - start, ...(why ? {why} : {})};
      results.push(r);
      onResult(r);
    };
    const loader = config.loaders.find(target);
    if (!loader || !loader.path || !Array.isArray(loader.args)) {
      report("left", "not a command loader");
      continue;
    }
    const source = join(root, loader.path);
    const cachePath = join(root, ".observablehq", "cache", target);
    if (onlyMissing && existsSync(cachePath) && statSync(cachePath).mtimeMs >= statSync(source).mtimeMs) {
      report("fresh");
      continue;
    }
    if (!/\.(ts|js|mjs)$/.test(source) || !importable(readFileSync(source, "utf8"))) {
      report("left", "no load function");
      continue;
    }
    // The loader's arguments as Framework passes them after the file (the [param] values: --study=<id>).
    const args = loader.args.slice(loader.args.indexOf(source) + 1);
    let text;
    try {
      const module = await import(pathToFileURL(resolve(source)).href);
      if (typeof module.load !== "function") {
        report("left", "no load function");
        continue;
      }
      text = await module.load(args);
    } catch (error) {
      // Framework runs this loader itself and reports the error as the loader does.
      report("left", String(error?.message ?? error).split("\n")[0]);
      continue;
    }
    mkdirSync(dirname(cachePath), {recursive: true});
    const temp = `${cachePath}.${process.pid}.precompute`;
    writeFileSync(temp, text);
    renameSync(temp, cachePath);
    report("computed");
  }
  return results;
}

// Run as a script (scripts/build-site.mjs).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  let results;
  try {
    const verbose = process.argv.includes("--verbose");
    const shardArg = process.argv.includes("--shard") ? process.argv[process.argv.indexOf("--shard") + 1] : "0/1";
    const shard = /^\d+\/\d+$/.test(shardArg) ? shardArg.split("/").map(Number) : [0, 1];
    results = await precomputeLoaders({shard, onlyMissing: process.argv.includes("--only-missing"), onResult: (r) => verbose && console.log(`${r.target.slice(1)}: ${r.status} in ${(r.ms / 1000).toFixed(2)} s${r.why ? ` (${r.why})` : ""}`)});
  } catch {
    // The site's configuration cannot be read (an invalid study.yaml): `observable build` reads it
    // next and stops with its message. Nothing is computed here.
    process.exit(0);
  }
  const computed = results.filter((r) => r.status === "computed").length;
  const left = results.filter((r) => r.status === "left");
  const s = (performance.now() / 1000).toFixed(1);
  console.log(`rendement: ${computed} of ${results.length} data loader outputs computed in one process (${s} s${process.argv.includes("--shard") ? `, shard ${process.argv[process.argv.indexOf("--shard") + 1]}` : ""})${left.length ? `; ${left.length} left to Framework's loaders: ${left.map((r) => r.target.slice(1)).join(", ")}` : ""}`);
}
