// Command-line start (issue 18, point 2): `rendement --help` and `rendement evaluate` of the
// Zoetermeer model, end to end as a whole process (`node bin/rendement.mjs ...`), from the bundle in
// dist-cli/ (scripts/build-cli.mjs; made first if missing or stale) and, for comparison, from the
// TypeScript source through tsx (RENDEMENT_CLI=source, what every start did before the bundle).
// Goals: --help under 0,3 s, evaluate under 0,6 s. Wall time from outside; CPU time (user + system,
// less inflated by a shared machine) from /usr/bin/time; the load average beside each row.
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {loadavg} from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {performance} from "node:perf_hooks";
import type {BenchResult} from "./harness.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const hasTime = existsSync("/usr/bin/time");
const MODEL = "data/studies/zoetermeer/model.yaml";

function measureProcess(name: string, args: string[], {env = {}, runs = 7, warmup = 1, goal}: {env?: Record<string, string>; runs?: number; warmup?: number; goal: string}): BenchResult {
  const cmd = [process.execPath, "bin/rendement.mjs", ...args];
  const times: number[] = [];
  const cpus: number[] = [];
  const load = loadavg()[0];
  for (let i = 0; i < warmup + runs; ++i) {
    const argv = hasTime ? ["/usr/bin/time", "-f", "CPU_S=%U+%S", ...cmd] : cmd;
    const t0 = performance.now();
    const r = spawnSync(argv[0], argv.slice(1), {cwd: root, encoding: "utf8", maxBuffer: 1 << 26, env: {...process.env, TZ: "Europe/Amsterdam", ...env}});
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${args.join(" ")} exited with ${r.status}: ${(r.stderr ?? "").slice(-500)}`);
    if (i < warmup) continue;
    times.push(ms);
    const c = /CPU_S=([\d.]+)\+([\d.]+)/.exec(r.stderr ?? "");
    if (c) cpus.push(Number(c[1]) + Number(c[2]));
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.round((times.length - 1) * p))];
  const cpu = cpus.length ? `CPU ${cpus[cpus.length >> 1].toFixed(2)} s (median); ` : "";
  return {name, unit: "1 process", runs, medianMs: q(0.5), minMs: times[0], maxMs: times[times.length - 1], iqrMs: q(0.75) - q(0.25), note: `${cpu}load ${load.toFixed(1)}; ${goal}`};
}

export function run(): BenchResult[] {
  // The bundle must be there and up to date, or bin/rendement.mjs would run the source.
  const built = spawnSync(process.execPath, ["scripts/build-cli.mjs"], {cwd: root, encoding: "utf8"});
  if (built.status !== 0) throw new Error(`scripts/build-cli.mjs failed: ${built.stderr}`);
  return [
    measureProcess("rendement --help (bundle)", ["--help"], {goal: "goal < 0,3 s; issue 18: 0,76 s"}),
    measureProcess("rendement evaluate Zoetermeer (bundle, data cache warm)", ["evaluate", MODEL], {goal: "goal < 0,6 s"}),
    measureProcess("rendement evaluate Zoetermeer (bundle, no data cache)", ["evaluate", MODEL], {env: {RENDEMENT_CACHE: "0"}, runs: 5, goal: "goal < 0,6 s; first run after a change to lib/ or the data"}),
    measureProcess("rendement --help (TypeScript source, tsx)", ["--help"], {env: {RENDEMENT_CLI: "source"}, runs: 3, goal: "before the bundle; for comparison"}),
    measureProcess("rendement evaluate Zoetermeer (TypeScript source, tsx)", ["evaluate", MODEL], {env: {RENDEMENT_CLI: "source"}, runs: 3, goal: "before the bundle; for comparison"})
  ];
}
