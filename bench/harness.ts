// Minimal benchmark harness: repeated timing with median and spread, plus the machine it ran on.
// Speed is measured here (npm run bench), never asserted in tests.
import os from "node:os";
import {performance} from "node:perf_hooks";

export interface BenchResult {
  name: string;
  /** Work done in one timed run, for reading the figure (e.g. "100000 draws"). */
  unit: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Interquartile range of the run times, in ms. */
  iqrMs: number;
  note?: string;
  /** Median CPU time (user + system) of one run, in ms; on a shared machine less inflated than wall time. */
  cpuMs?: number;
  /** The 1-minute load average when the row was measured (the machine is shared: every figure has its load). */
  load?: number;
  /** What the row should reach (e.g. "< 1,5 s wall"), when it has a goal. */
  goal?: string;
  /** What it is compared with: the figure before, or another tool's (e.g. "issue 18: 4,0 s; R 18,4 s"). */
  reference?: string;
}

/** The 1-minute load average now. */
export function loadNow(): number {
  return os.loadavg()[0];
}

function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (h - lo);
}

/**
 * Time `fn` `runs` times after `warmup` untimed calls. When one call is very short, `inner`
 * calls are timed together and divided, so the figure is per call.
 */
export function measure(
  name: string,
  fn: () => unknown,
  {runs = 15, warmup = 3, inner = 1, unit = "1 call", note, goal, reference}: {runs?: number; warmup?: number; inner?: number; unit?: string; note?: string; goal?: string; reference?: string} = {}
): BenchResult {
  let sink: unknown;
  for (let i = 0; i < warmup; ++i) for (let j = 0; j < inner; ++j) sink = fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; ++i) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let j = 0; j < inner; ++j) sink = fn();
    const c = process.cpuUsage(c0);
    times.push((performance.now() - t0) / inner);
    cpu.push((c.user + c.system) / 1000 / inner);
  }
  if (sink === Symbol.for("never")) console.log(sink); // keep the result alive
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    name,
    unit,
    runs,
    medianMs: quantile(times, 0.5),
    minMs: times[0],
    maxMs: times[times.length - 1],
    iqrMs: quantile(times, 0.75) - quantile(times, 0.25),
    note,
    cpuMs: quantile(cpu, 0.5),
    load: loadNow(),
    goal,
    reference
  };
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? "unknown CPU"} (${cpus.length} logical cores), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export function formatMs(ms: number): string {
  if (ms < 0.01) return `${(ms * 1000).toFixed(2)} µs`;
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 1000) return `${ms.toFixed(2)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/**
 * The rows as a Markdown table: the median wall time with its CPU time beside it, the load average
 * it was measured at, and the row's goal and reference ("—" where a row has none).
 */
export function table(results: BenchResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.unit} | ${formatMs(r.medianMs)} | ${r.cpuMs === undefined || Number.isNaN(r.cpuMs) ? "—" : formatMs(r.cpuMs)} | ${formatMs(r.minMs)}–${formatMs(r.maxMs)} | ${formatMs(r.iqrMs)} | ${r.runs} | ${r.load === undefined ? "—" : r.load.toFixed(1)} | ${r.goal ?? "—"} | ${r.reference ?? "—"} | ${r.note ?? ""} |`
  );
  return ["| benchmark | work per run | median wall | CPU | min–max | IQR | runs | load | goal | reference | note |", "|---|---|---|---|---|---|---|---|---|---|---|", ...rows].join("\n");
}
