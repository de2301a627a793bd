// Build benchmark (issue 18 point 7): how a clean build grows with the number of studies. For each N in
// BUILD_BENCH_STUDIES (default "0,20,100"), N one-item studies made by `rendement new`'s template
// (lib/cli/new.ts) are written to a temporary folder beside today's studies (RENDEMENT_EXTRA_STUDIES)
// and the site is built as `npm run build` builds it (scripts/build-site.mjs, clean cache) into a
// temporary output folder (RENDEMENT_OUTPUT); the shipped dist/ is not touched. Each row gives the
// pages and studies built, the wall time, the CPU time of the build's processes (user + sys, which
// the machine's load does not inflate) and the load average before the build. Goals: under 1 s per
// added study, and 100 added studies in under 3 minutes.
// Run alone with `npm run bench -- --only build`; BUILD_BENCH_STUDIES=0,20 for a shorter run.
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {loadavg, tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {performance} from "node:perf_hooks";
import type {BenchResult} from "./harness.js";
import {studyTemplate} from "../lib/cli/new.js";
import {listStudies} from "../lib/io/study-description.js";

const ROOT = resolve(import.meta.dirname, "..");
const COUNTS = (process.env.BUILD_BENCH_STUDIES ?? "0,20,100").split(",").map(Number).filter((n) => Number.isInteger(n) && n >= 0);

/** CPU seconds (user + sys) of this process's finished and waited-for children, from /proc (Linux). */
function childrenCpu(): number | null {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17, in clock ticks (100 per second).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

/** N one-item studies `bench-001` … in a fresh folder. */
export function writeStudies(n: number): string {
  const root = mkdtempSync(join(tmpdir(), "rendement-build-bench-"));
  const studies = join(root, "studies");
  mkdirSync(studies);
  for (let i = 1; i <= n; ++i) {
    const id = `bench-${String(i).padStart(3, "0")}`;
    mkdirSync(join(studies, id));
    for (const [file, text] of Object.entries(studyTemplate(id, join(ROOT, "schemas")))) writeFileSync(join(studies, id, file), text);
  }
  return root;
}

const htmlPages = (dir: string): number =>
  readdirSync(dir, {withFileTypes: true}).reduce((n, e) => n + (e.isDirectory() ? (e.name.startsWith("_") ? 0 : htmlPages(join(dir, e.name))) : e.name.endsWith(".html") ? 1 : 0), 0);

export interface BuildRun {
  added: number;
  studies: number;
  pages: number;
  seconds: number;
  cpuSeconds: number | null;
  load: number;
}

/** One clean build with `added` extra one-item studies. Throws when the build fails. */
export function timeBuild(added: number): BuildRun {
  const root = writeStudies(added);
  try {
    const env = {...process.env, RENDEMENT_EXTRA_STUDIES: join(root, "studies"), RENDEMENT_OUTPUT: join(root, "dist")};
    const load = loadavg()[0];
    const cpu0 = childrenCpu();
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ["scripts/build-site.mjs"], {cwd: ROOT, env, encoding: "utf8", maxBuffer: 1 << 28});
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = childrenCpu();
    if (r.status !== 0) throw new Error(`build with ${added} added studies failed:\n${(r.stderr || r.stdout).slice(-3000)}`);
    return {added, studies: listStudies([join(ROOT, "data/studies"), join(root, "studies")], "").length, pages: htmlPages(join(root, "dist")), seconds, cpuSeconds: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0, load};
  } finally {
    rmSync(root, {recursive: true, force: true});
    // The build's cache now holds the added studies' loader outputs: leave it as a clean build starts (only _npm, see scripts/build-site.mjs).
    const cache = join(ROOT, "src", ".observablehq", "cache");
    for (const name of existsSync(cache) ? readdirSync(cache) : []) if (name !== "_npm") rmSync(join(cache, name), {recursive: true, force: true});
  }
}

const s = (x: number) => x.toLocaleString("nl-NL", {minimumFractionDigits: 1, maximumFractionDigits: 1});

export function run(): BenchResult[] {
  const runs: BuildRun[] = [];
  for (const n of COUNTS) {
    console.log(`build.bench: clean build with ${n} added one-item studies …`);
    const r = timeBuild(n);
    console.log(`build.bench: ${r.pages} pages, ${r.studies} studies: ${s(r.seconds)} s wall, ${r.cpuSeconds === null ? "?" : s(r.cpuSeconds)} s CPU, load ${r.load.toFixed(2)}`);
    runs.push(r);
  }
  const base = runs.find((r) => r.added === 0);
  return runs.map((r) => {
    const perStudy = base && r.added > 0 ? {wall: (r.seconds - base.seconds) / r.added, cpu: r.cpuSeconds !== null && base.cpuSeconds !== null ? (r.cpuSeconds - base.cpuSeconds) / r.added : null} : null;
    const goals = [perStudy ? `per added study ${s(perStudy.wall)} s wall${perStudy.cpu === null ? "" : `, ${s(perStudy.cpu)} s CPU`} (goal < 1 s)` : "", r.added === 100 ? "goal < 180 s" : ""].filter(Boolean).join("; ");
    return {
      name: `clean build, ${r.added} one-item studies added`,
      unit: `${r.pages} pages, ${r.studies} studies`,
      runs: 1,
      medianMs: r.seconds * 1000,
      minMs: r.seconds * 1000,
      maxMs: r.seconds * 1000,
      iqrMs: 0,
      note: `CPU ${r.cpuSeconds === null ? "?" : s(r.cpuSeconds)} s; load ${r.load.toFixed(2)}${goals ? `; ${goals}` : ""}`
    };
  });
}
