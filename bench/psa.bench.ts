// Uncertainty analysis of the largest study: one deterministic evaluation, a tornado over all
// uncertain inputs, 10,000 and 100,000 PSA draws (fast path) and the reference implementation
// (`summarizeAll(evaluate(...))` per draw) on the same draws. The reference runs fewer draws and is
// scaled to the same count; its note says so. Acceptability curves are left out of the timed PSA
// runs (qalyValue and discountRate null) and timed separately.
import {existsSync} from "node:fs";
import {measure, type BenchResult} from "./harness.js";
import {loadStudy} from "../lib/io/study.js";
import {evaluate} from "../lib/model/evaluate.js";
import {summarizeAll} from "../lib/finance/summary.js";
import {oneWay} from "../lib/analysis/sensitivity.js";
import {psa, psaReference} from "../lib/analysis/psa.js";

/** CPU time (user + system) of one call, in ms: less sensitive than wall time to other jobs on a shared machine. */
function cpuMs(fn: () => unknown, repeat = 3): number {
  const times: number[] = [];
  for (let i = 0; i < repeat; ++i) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

export function run(): BenchResult[] {
  const path = existsSync("data/studies/zoetermeer/model.yaml") ? "data/studies/zoetermeer/model.yaml" : "data/models/investering-per-deelnemer.yaml";
  const model = loadStudy(path);
  const study = `${model.file.id} (${model.file.interventions.length} interventions, horizon ${model.horizon}, ${model.nodes.size} nodes, ${model.lines.length} lines)`;
  const noCurves = {qalyValue: null, discountRate: null} as const;
  const out: BenchResult[] = [];
  out.push(measure("evaluate + summarizeAll", () => summarizeAll(evaluate(model)), {inner: 200, warmup: 10, unit: "1 evaluation", note: study}));
  out.push(measure("evaluate (kernel only, no summaries)", () => evaluate(model), {inner: 2000, warmup: 10, unit: "1 evaluation", note: "the model as a function of its inputs"}));
  const inputs = oneWay(model).inputs.length;
  out.push(measure("tornado (oneWay)", () => oneWay(model), {runs: 7, unit: `${inputs} inputs, ${1 + 2 * inputs} evaluations`}));
  const fast10kRun = () => psa(model, {draws: 10_000, seed: 1, ...noCurves});
  const fast10k = measure("psa fast path", fast10kRun, {runs: 7, warmup: 2, unit: "10,000 draws"});
  const fast10kCpu = cpuMs(fast10kRun);
  out.push({...fast10k, note: `CPU time of one run ${fast10kCpu.toFixed(0)} ms`});
  const fast100kRun = () => psa(model, {draws: 100_000, seed: 1, ...noCurves});
  const fast100k = measure("psa fast path", fast100kRun, {runs: 5, warmup: 1, unit: "100,000 draws"});
  out.push({...fast100k, note: `CPU time of one run ${cpuMs(fast100kRun, 1).toFixed(0)} ms`});
  const refDraws = 1000;
  const refRun = () => psaReference(model, {draws: refDraws, seed: 1, ...noCurves});
  const ref = measure("psa reference", refRun, {runs: 5, warmup: 1, unit: `${refDraws} draws`});
  const refCpu = cpuMs(refRun);
  const scale = 10_000 / refDraws;
  out.push({
    ...ref,
    name: "psa reference (scaled)",
    unit: "10,000 draws",
    medianMs: ref.medianMs * scale,
    minMs: ref.minMs * scale,
    maxMs: ref.maxMs * scale,
    iqrMs: ref.iqrMs * scale,
    note: `${refDraws} draws timed, × ${scale}; fast path ${((ref.medianMs * scale) / fast10k.medianMs).toFixed(0)}× faster by median wall time, ${((refCpu * scale) / fast10kCpu).toFixed(0)}× by CPU time`
  });
  out.push(measure("psa fast path with both acceptability curves", () => psa(model, {draws: 10_000, seed: 1}), {runs: 5, warmup: 1, unit: "10,000 draws, 21 + 17 grid points"}));
  return out;
}
