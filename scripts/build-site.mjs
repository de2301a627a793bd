#!/usr/bin/env node
// `npm run build`: a clean build of the site. Removes Framework's loader cache
// (src/.observablehq/cache, except _npm: see below) and the output folder, computes every data
// loader's output beforehand (scripts/precompute-loaders.mjs), then runs `observable build`, minifies
// the site's own modules (scripts/minify-local-modules.mjs),
// and says at the end how many pages it built and how long that took.
//
// Framework's cache folder _npm/ holds only folder names `<package>@<version>` of Framework's built-in
// libraries, which `observable build` would otherwise look up on registry.npmjs.org (no code is
// downloaded; see scripts/test-all.mjs): it is kept, so a clean build needs no network.
// RENDEMENT_SRC / RENDEMENT_OUTPUT (observablehq.config.ts) move the source root and the output folder.
import {spawn, spawnSync} from "node:child_process";
import {availableParallelism} from "node:os";
import {existsSync, readdirSync, rmSync} from "node:fs";
import {delimiter, join, resolve} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {performance} from "node:perf_hooks";

const ROOT = resolve(fileURLToPath(import.meta.url), "..", "..");
const src = resolve(ROOT, process.env.RENDEMENT_SRC ?? "src");
const out = resolve(ROOT, process.env.RENDEMENT_OUTPUT ?? "dist");
const cache = join(src, ".observablehq", "cache");
const env = {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", PATH: `${join(ROOT, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}`};

if (existsSync(cache)) for (const name of readdirSync(cache)) if (name !== "_npm") rmSync(join(cache, name), {recursive: true, force: true});
rmSync(out, {recursive: true, force: true});

/** Runs a step in the project folder, its output passed through; stops the build when it fails. */
function step(command, args) {
  const r = spawnSync(command, args, {cwd: ROOT, env, stdio: "inherit"});
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// 1. Every data loader output, computed by one process per core (scripts/precompute-loaders.mjs,
// each with its share of the outputs). A loader that fails there is left to Framework, which runs it
// in step 2 and stops the build with the loader's own message.
const shards = Math.max(1, Math.min(availableParallelism(), 4));
const codes = await Promise.all(
  Array.from({length: shards}, (_, i) => new Promise((done) => spawn(process.execPath, [join(ROOT, "scripts", "precompute-loaders.mjs"), "--shard", `${i}/${shards}`], {cwd: ROOT, env, stdio: "inherit"}).on("close", done)))
);
if (codes.some((c) => c !== 0)) process.exit(1);

// 2. Framework's build, which finds the outputs in its cache, with two preloads that change nothing
// in what it writes (docs/build.md): its HTML parsing reuses one jsdom window
// (scripts/framework-fast-html.cjs), and its route lookups remember folder listings
// (scripts/framework-build-hooks.mjs). RENDEMENT_FRAMEWORK_PATCHES=0 runs Framework unchanged.
const fast = process.env.RENDEMENT_FRAMEWORK_PATCHES === "0" ? [] : ["--import", pathToFileURL(join(ROOT, "scripts", "framework-build-hooks.mjs")).href, "--require", join(ROOT, "scripts", "framework-fast-html.cjs")];
step(process.execPath, [...fast, join(ROOT, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js"), "build"]);

// 3. The site's own modules without comments and whitespace (scripts/minify-local-modules.mjs):
// Framework writes them as they are. RENDEMENT_MINIFY=0 leaves them so.
if (process.env.RENDEMENT_MINIFY !== "0" && existsSync(join(out, "_import"))) {
  const {minifyLocalModules} = await import("./minify-local-modules.mjs");
  const {before, after} = minifyLocalModules(join(out, "_import"));
  console.log(`rendement: the site's own modules minified, ${(before / 1000).toFixed(0)} → ${(after / 1000).toFixed(0)} KB`);
}

const pages = (dir) => readdirSync(dir, {withFileTypes: true}).reduce((n, e) => n + (e.isDirectory() ? (e.name.startsWith("_") ? 0 : pages(join(dir, e.name))) : e.name.endsWith(".html") ? 1 : 0), 0);
console.log(`rendement: ${pages(out)} pages built into ${out} in ${(performance.now() / 1000).toFixed(1)} s`);
