#!/usr/bin/env node
// The command line as plain JavaScript: an esbuild bundle of lib/cli.ts in dist-cli/ (gitignored), so
// `npx rendement` starts without transpiling TypeScript. Run by `npm ci`/`npm install` (the `prepare`
// script), by `npm test` before the unit tests, and by hand: `npm run build:cli`.
//
//   dist-cli/lib/cli.mjs             entry (bin/rendement.mjs imports it and calls run())
//   dist-cli/lib/<chunk>-<hash>.mjs  code split per command: a command's code loads only when it is called
//   dist-cli/lib/studies/<id>.mjs    lib/reproduce/studies/*.ts, found by name at run time (lib/reproduce/run.ts)
//   dist-cli/lib/psa-worker.cjs      the worker_threads script of `rendement psa` (lib/cli/psa.ts)
//   dist-cli/cohort/sql/*.sql        the cohort SQL, read beside the code (lib/io/cohort-duckdb.ts)
//   dist-cli/cache/                 validated data files as JSON, written at run time (lib/io/parse-cache.ts);
//                                   the kengetallen registry is put there right after the build
//   dist-cli/manifest.json           when it was built and from which files (bin/rendement.mjs checks it)
//
// Packages from node_modules are bundled too (fewer files to open and compile at start; DuckDB's
// JavaScript API @duckdb/node-api included, which saves about 0,25 s CPU per `curves` or `aggregate`),
// except @duckdb/node-bindings (it loads DuckDB's native binary for the platform) and esbuild, which
// stay external (required or imported at run time).
// Every chunk sits in dist-cli/lib/, one folder below dist-cli/, so paths relative to a module of lib/
// (`../cohort/sql/`, `./psa-worker.cjs`, `./studies/`) resolve in the bundle as in the source.
// tests/cli/bundle.test.ts rebuilds in memory with these options and compares the bytes.
import {createHash} from "node:crypto";
import {mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT = "dist-cli";
/** Folders whose file list (not only their files' contents) the bundle depends on. */
const GLOBBED = ["lib/cohort/sql"];

/** @type {(dir: string, ext: string) => string[]} */
const list = (dir, ext) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(ext))
    .sort();

/**
 * Every file under a folder (sorted, relative to the project).
 * @param {string} dir
 * @returns {string[]}
 */
function walk(dir) {
  return readdirSync(join(ROOT, dir), {withFileTypes: true})
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
}

/**
 * A name for this version of the code: a hash of every file under lib/. The bundle's cache of parsed
 * data files (lib/io/parse-cache.ts) is keyed on it, so new code never reads an old cache entry.
 */
export function codeVersion() {
  const hash = createHash("sha256");
  for (const file of walk("lib")) hash.update(`${file}\0`).update(readFileSync(join(ROOT, file))).update("\0");
  return hash.digest("hex").slice(0, 16);
}

/**
 * The two esbuild builds: the command line (ESM, split per command) and the psa worker (one CommonJS script).
 * @returns {import("esbuild").BuildOptions[]}
 */
export function cliBuildOptions() {
  const define = {__RENDEMENT_BUNDLE__: JSON.stringify(codeVersion())};
  /** @type {import("esbuild").BuildOptions} */
  const common = {absWorkingDir: ROOT, bundle: true, platform: "node", target: "node20", logLevel: "silent", legalComments: "none", charset: "utf8", define};
  return [
    {
      ...common,
      entryPoints: [{in: "lib/cli.ts", out: "lib/cli"}],
      outdir: OUT,
      format: "esm",
      splitting: true,
      chunkNames: "lib/[name]-[hash]",
      outExtension: {".js": ".mjs"},
      external: ["@duckdb/node-bindings", "esbuild"],
      // CommonJS packages bundled into ES modules call require() for Node's own modules.
      banner: {js: 'import {createRequire as __rendementRequire} from "node:module"; const require = __rendementRequire(import.meta.url);'},
      metafile: true
    },
    {...common, entryPoints: ["lib/cli/psa-worker.ts"], outfile: `${OUT}/lib/psa-worker.cjs`, format: "cjs", metafile: true}
  ];
}

/**
 * Builds the bundle in memory: every file it consists of (path relative to the project → bytes), and
 * the source files it was made from. Nothing is written.
 * @returns {Promise<{files: Map<string, Uint8Array>, inputs: string[]}>}
 */
export async function buildCliInMemory() {
  const {build} = await import("esbuild");
  /** @type {Map<string, Uint8Array>} */
  const files = new Map();
  /** @type {Set<string>} */
  const inputs = new Set();
  for (const options of cliBuildOptions()) {
    const result = await build({...options, write: false, metafile: true});
    for (const file of result.outputFiles) files.set(relative(ROOT, file.path).split("\\").join("/"), file.contents);
    for (const input of Object.keys(result.metafile.inputs)) inputs.add(input);
  }
  for (const sql of list("lib/cohort/sql", ".sql")) {
    files.set(`${OUT}/cohort/sql/${sql}`, new Uint8Array(readFileSync(join(ROOT, "lib/cohort/sql", sql))));
    inputs.add(`lib/cohort/sql/${sql}`);
  }
  return {files, inputs: [...inputs].sort()};
}

/** Builds and writes dist-cli/ (removing what was there). */
export async function buildCli() {
  const started = Date.now();
  const {files, inputs} = await buildCliInMemory();
  rmSync(join(ROOT, OUT), {recursive: true, force: true});
  for (const [path, bytes] of files) {
    mkdirSync(dirname(join(ROOT, path)), {recursive: true});
    writeFileSync(join(ROOT, path), bytes);
  }
  // bin/rendement.mjs runs the bundle only while none of these changed after `builtAt`.
  // Packages bundled from node_modules are watched through the lock file (npm keeps the packed files'
  // old modification times), the project's own files one by one.
  const own = inputs.filter((f) => !f.split("/").includes("node_modules"));
  const manifest = {builtAt: started, note: "made by scripts/build-cli.mjs; bin/rendement.mjs compares the files' modification times with builtAt", watch: [...GLOBBED, ...own, "scripts/build-cli.mjs", "package-lock.json"]};
  writeFileSync(join(ROOT, OUT, "manifest.json"), JSON.stringify(manifest, null, 1) + "\n");
  return {files: files.size, ms: Date.now() - started};
}

// Run as a script (`node scripts/build-cli.mjs`, the `prepare` script).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    await import("esbuild");
  } catch {
    // An install without devDependencies (npm ci --omit=dev): bin/rendement.mjs runs the source.
    console.error("rendement: esbuild is not installed, so no command-line bundle was made; `npx rendement` runs the TypeScript source through tsx.");
    process.exit(0);
  }
  const {files, ms} = await buildCli();
  // Fill the bundle's data cache with the kengetallen registry (in a process of its own, as the
  // bundle runs), so the first command after an install does not parse it; a failure is not fatal.
  const {spawnSync} = await import("node:child_process");
  const warm = spawnSync(process.execPath, ["--input-type=module", "-e", `await (await import(${JSON.stringify(pathToFileURL(join(ROOT, OUT, "lib", "cli.mjs")).href)})).warmDataCache()`], {cwd: ROOT, encoding: "utf8"});
  const note = warm.status === 0 ? "kengetallen cached" : `data cache not filled: ${(warm.stderr ?? "").trim().split("\n")[0]}`;
  console.log(`rendement: command line bundled into ${OUT}/ (${files} files, ${(ms / 1000).toFixed(1)} s; ${note})`);
}
