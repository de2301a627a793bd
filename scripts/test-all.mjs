#!/usr/bin/env node
// `npm test`: every check of the project, continuing after a failure. The phases start in this order;
// 2 and 4 run beside the phases after them, and their output is printed whole at the end.
//   1. type-check      tsc --noEmit                                   (1 check)
//      CLI bundle      node scripts/build-cli.mjs (dist-cli/, tested in tests/cli/bundle.test.ts) (1 check)
//   2. unit tests      vitest run (vitest.config.ts), beside 3–5     (each test counts)
//   3. build           clean `npm run build` (scripts/build-site.mjs; cache and dist removed) (1 check)
//   4. built site      vitest run --config vitest.site.config.ts, beside 5 (each test counts)
//   5. browser         vitest run --config vitest.browser.config.ts   (each test counts)
//                      Debian Chromium; skipped when missing unless REQUIRE_BROWSER=1
// The last line is always `N passed, N failed, N skipped`; the exit code is 1 when anything failed.
import {spawn} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";

const root = resolve(import.meta.dirname, "..");
process.chdir(root);

const bin = (name) => join(root, "node_modules", ".bin", name);
const env = {...process.env, TZ: "Europe/Amsterdam", OBSERVABLE_TELEMETRY_DISABLE: "true"};
// Plain output when it goes to a file or CI log; colours on a terminal.
// (vitest's output goes through a pipe, so ask for colours explicitly on a terminal.)
if (!process.stdout.isTTY && !process.env.FORCE_COLOR) env.NO_COLOR = "1";
else if (process.stdout.isTTY && !process.env.NO_COLOR) env.FORCE_COLOR ??= "1";
const scratch = mkdtempSync(join(tmpdir(), "rendement-test-"));
const phases = [];
const started = Date.now();

function header(title) {
  console.log(`\n${"=".repeat(78)}\n== ${title}\n${"=".repeat(78)}`);
}

// A phase's place in the summary is where it was started (a phase in the background ends later).
let started_phases = 0;
const place = new Map();
function begin(name) {
  place.set(name, started_phases++);
}

function record(name, {passed = 0, failed = 0, skipped = 0, notes = []}, ms) {
  phases.push({name, passed, failed, skipped, ms, place: place.get(name) ?? started_phases++});
  for (const note of notes) console.log(note);
  console.log(`-- ${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""} (${(ms / 1000).toFixed(1)} s)`);
}

// Each phase gets at most PHASE_TIMEOUT seconds (default 1200); on time-out its whole process group
// (vitest's workers, Chromium) is killed and the phase counts as failed, so the closing line is
// always printed, even when a test hangs in an endless loop.
const PHASE_TIMEOUT = Number(process.env.PHASE_TIMEOUT ?? 1200);

// The phases run in their own process groups (to kill them whole on time-out), so pass Ctrl-C on.
const running = new Set();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const child of running) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    console.log(`\n${signal}: stopped.`);
    process.exit(130);
  });
}

// quiet: collect the output and print nothing; tee: print it and collect it too.
function run(command, args, {quiet = false, tee = false, timeout = PHASE_TIMEOUT} = {}) {
  return new Promise((done) => {
    const piped = quiet || tee;
    const child = spawn(command, args, {cwd: root, env, stdio: piped ? ["ignore", "pipe", "pipe"] : "inherit", detached: true});
    running.add(child);
    let output = "";
    if (piped) {
      child.stdout.on("data", (d) => {
        output += d;
        if (tee) process.stdout.write(d);
      });
      child.stderr.on("data", (d) => {
        output += d;
        if (tee) process.stderr.write(d);
      });
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.log(`\nTIME-OUT: ${command} ran longer than ${timeout} s (set PHASE_TIMEOUT or BROWSER_PHASE_TIMEOUT to change); killing it.`);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeout * 1000);
    child.on("error", (error) => {
      clearTimeout(timer);
      running.delete(child);
      console.log(`could not run ${command}: ${error.message}`);
      done({status: null, output, timedOut});
    });
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      running.delete(child);
      done({status: timedOut ? null : status, signal, output, timedOut});
    });
  });
}

// A single pass/fail check (type-check, build).
async function check(name, command, args, {filter} = {}) {
  begin(name);
  header(name);
  const t0 = Date.now();
  const result = await run(command, args, {quiet: !!filter});
  if (filter) process.stdout.write(filter(result.output, result.status === 0));
  const ok = result.status === 0;
  record(name, ok ? {passed: 1} : {failed: 1, notes: [`FAILED: ${[command, ...args].join(" ")} ${result.timedOut ? "timed out" : `exited with ${result.status ?? result.signal}`}`]}, Date.now() - t0);
  return ok;
}

// A vitest run: counts individual tests from its JSON report. `background`: it runs beside the phases
// started after it, its output kept; the call returns a function that waits for it, then prints its
// output whole and counts it (so no two phases' lines are mixed).
async function vitest(name, configArgs, {timeout = PHASE_TIMEOUT, background = false} = {}) {
  begin(name);
  if (background) console.log(`\n== ${name}: started beside the phases below; its output follows at the end`);
  else header(name);
  const t0 = Date.now();
  const report = join(scratch, `${name.replace(/\W+/g, "-")}.json`);
  rmSync(report, {force: true});
  const ended = run(bin("vitest"), ["run", ...configArgs, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], {tee: !background, quiet: background, timeout}).then((result) => ({result, ms: Date.now() - t0}));
  const finish = async () => {
    const {result, ms} = await ended;
    if (background) {
      header(`${name} (ran beside the phases above)`);
      process.stdout.write(result.output);
    }
    const counts = result.timedOut ? {failed: 1, notes: [`FAILED: ${name} timed out after ${timeout} s`, ...(await unfinished(configArgs, result.output))]} : countVitest(report, result.status);
    record(name, counts, ms);
  };
  return background ? finish : finish();
}

// After a time-out: the test files vitest had not reported on (one of them hangs).
async function unfinished(configArgs, output) {
  const listed = await run(bin("vitest"), ["list", "--filesOnly", ...configArgs], {quiet: true});
  const plain = output.replace(/\x1b\[[0-9;]*m/g, "");
  const reported = new Set(Array.from(plain.matchAll(/^\s*[✓×↓❯]\s+(\S+\.test\.[cm]?[jt]s)/gm), (m) => m[1]));
  const files = listed.output.split("\n").map((l) => l.trim()).filter((l) => /\.test\.[cm]?[jt]s$/.test(l));
  const missing = files.filter((f) => !reported.has(f));
  return missing.length ? [`Test files without a result (one of them did not finish): ${missing.join(", ")}`] : [];
}

function countVitest(report, status) {
  let json;
  try {
    json = JSON.parse(readFileSync(report, "utf8"));
  } catch (error) {
    return {failed: 1, notes: [`FAILED: vitest wrote no readable JSON report (${error.code ?? error.message}); exit status ${status}`]};
  }
  const counts = {passed: 0, failed: 0, skipped: 0, notes: []};
  for (const file of json.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    for (const t of tests) {
      if (t.status === "passed") counts.passed++;
      else if (t.status === "failed") {
        counts.failed++;
        counts.notes.push(`FAILED: ${file.name.replace(root + "/", "")} > ${[...(t.ancestorTitles ?? []), t.title].join(" > ")}`);
      } else counts.skipped++; // skipped, pending, todo
    }
    // A file that could not be loaded or whose hooks failed has no failed test of its own.
    if (file.status === "failed" && !tests.some((t) => t.status === "failed")) {
      counts.failed++;
      counts.notes.push(`FAILED: ${file.name.replace(root + "/", "")}: ${(file.message || "the file failed to run").split("\n")[0]}`);
    }
  }
  if (status !== 0 && counts.failed === 0) {
    counts.failed++;
    counts.notes.push(`FAILED: vitest exited with status ${status} without a failed test in its report`);
  }
  return counts;
}

function findChromium() {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && existsSync(p));
}

// Framework prints one line per bundled file; keep the rest (warnings, errors, the page table).
function buildOutput(text, ok) {
  const lines = text.split("\n");
  const quiet = /^(build|copy|load|generate) |→/;
  const kept = ok ? lines.filter((l) => !quiet.test(l)) : lines;
  const dropped = lines.length - kept.length;
  return `${kept.join("\n").trim()}\n${dropped ? `(${dropped} lines about bundled and copied files not shown)\n` : ""}`;
}

// Framework's client bundle names every built-in library (Plot, d3, htl, React, …) with a version,
// which `observable build` looks up on registry.npmjs.org unless src/.observablehq/cache/_npm/
// already has a folder `<name>@<version>`. No code is downloaded and pages never load those
// modules (they import libraries by bare specifier from node_modules), so the versions are only
// names. Seeding them keeps the clean build free of network access. The installed version is
// used when the package is in node_modules; otherwise the registry's latest as of November 2026.
const BUILTIN_VERSIONS = {
  "react-dom": "19.3.1",
  react: "19.3.1",
  "@observablehq/sample-datasets": "1.0.1",
  lodash: "4.18.1",
  arquero: "8.0.3",
  "apache-arrow": "21.2.0",
  d3: "7.9.2",
  echarts: "6.1.0",
  htl: "1.0.0",
  leaflet: "1.9.4",
  "mapbox-gl": "3.32.0",
  "@observablehq/plot": "0.6.17",
  "topojson-client": "3.1.0",
  "d3-dsv": "3.0.2",
  "parquet-wasm": "0.8.0"
};

function seedNpmVersionCache() {
  for (const [name, fallback] of Object.entries(BUILTIN_VERSIONS)) {
    let version = fallback;
    try {
      version = JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
    } catch {
      // not installed: keep the fallback
    }
    mkdirSync(join(root, "src", ".observablehq", "cache", "_npm", `${name}@${version}`), {recursive: true});
  }
}

// 1. Type-check lib/, src/, tests/ (tsconfig.json).
await check("type-check (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);

// The command-line bundle the unit tests compare with the source (tests/cli/bundle.test.ts).
await check("command-line bundle (scripts/build-cli.mjs)", process.execPath, ["scripts/build-cli.mjs"]);

// 2. Unit tests, beside the build and the site and browser checks: they need neither dist/ nor
// Framework's cache, and the browser phase alone leaves part of the two cores idle (waiting for page
// loads and frames). See docs/testing.md ("Measured times") for what that changed.
const unitTests = await vitest("unit tests (vitest)", [], {background: true});

// 3. A clean build: a loader re-runs only when its output is missing from the cache.
rmSync(join(root, "src", ".observablehq", "cache"), {recursive: true, force: true});
rmSync(join(root, "dist"), {recursive: true, force: true});
seedNpmVersionCache();
// scripts/build-site.mjs is `npm run build`: the loaders computed in one process per core, then `observable build`.
const built = await check("clean build (scripts/build-site.mjs)", process.execPath, ["scripts/build-site.mjs"], {filter: buildOutput});
if (!built) console.log("The build failed: the site and browser checks below run on what was built, if anything.");

// 4. Checks on the built files (they only read dist/), beside the browser tests.
const siteChecks = await vitest("built-site checks", ["--config", "vitest.site.config.ts"], {background: true});

// 5. Real browser.
const chromium = findChromium();
if (!chromium) {
  header("browser tests (Chromium)");
  console.log("Chromium not found: install it with `apt-get install -y chromium` (as root)");
  if (process.env.REQUIRE_BROWSER === "1") console.log("REQUIRE_BROWSER=1: a missing browser is a failure.");
}
// The browser phase opens every page at two widths with every check (about 20 minutes on this 2-core
// machine); it gets its own bound so that the whole run stays well inside CI's 90 minutes.
const BROWSER_PHASE_TIMEOUT = Number(process.env.BROWSER_PHASE_TIMEOUT ?? 3000);
await vitest("browser tests (Chromium)", ["--config", "vitest.browser.config.ts"], {timeout: BROWSER_PHASE_TIMEOUT});
await unitTests();
await siteChecks();

rmSync(scratch, {recursive: true, force: true});

// Summary.
const total = phases.reduce((t, p) => ({passed: t.passed + p.passed, failed: t.failed + p.failed, skipped: t.skipped + p.skipped}), {passed: 0, failed: 0, skipped: 0});
header(`summary (${((Date.now() - started) / 1000).toFixed(1)} s)`);
const nameWidth = Math.max(...phases.map((p) => p.name.length));
for (const p of phases.sort((a, b) => a.place - b.place)) {
  console.log(`${p.failed ? "FAIL" : "ok  "}  ${p.name.padEnd(nameWidth)} ${String(p.passed).padStart(4)} passed ${String(p.failed).padStart(4)} failed ${String(p.skipped).padStart(4)} skipped  ${(p.ms / 1000).toFixed(1).padStart(6)} s`);
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed ? 1 : 0;
