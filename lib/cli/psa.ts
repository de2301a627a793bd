// rendement psa <model-file> [--draws N] [--seed S] [--json] [--set name=value ...] [--scenario id]
//                [--qaly-value name] [--reference] [--workers N] [--progress] [--evppi]
// The result has `evpi` ("implement or not", society and per actor, cohort and per participant);
// --evppi adds `evppi` per uncertain input and per declared group (lib/analysis/voi.ts).
// Probabilistic sensitivity analysis: seeded Monte Carlo over every input with an uncertainty.
// --workers N: N threads compute (default: the available cores): this one and N − 1 worker_threads
// (1: this thread alone); the result is the same for every N. Progress goes to stderr when stderr is a terminal or with --progress.
import {existsSync, readFileSync} from "node:fs";
import {availableParallelism} from "node:os";
import {fileURLToPath} from "node:url";
import {Worker} from "node:worker_threads";
import {defaultRegistry, loadStudy} from "../io/study.js";
import {registryJSONFor} from "../model/context.js";
import {nonFiniteStatistics, percentileKey, psa, psaReference, PERCENTILES, type PsaResult, type StreamedStats} from "../analysis/psa.js";
import {requestTransferables, runPsaPool, type PoolWorker} from "../analysis/psa-pool.js";
import {threadWorker, type PoolReply} from "../analysis/worker-entry.js";
import {scenarioOverrides} from "../analysis/scenarios.js";
import {checkOptions, numberOption, option, parseNumber, parseSets, UsageError} from "./args.js";
import {isInputError} from "./errors.js";
import {euro, num, pct, pad} from "./format.js";
import {evppiForPsa, NO_UNCERTAINTY_NL, type EvppiResult} from "../analysis/voi.js";

const usage = "usage: rendement psa <model-file> [--draws N] [--seed S] [--json] [--set name=value ...] [--scenario id] [--qaly-value name] [--reference] [--workers N] [--progress] [--max-excluded share] [--evppi]";

/**
 * The most draws one run takes: a run keeps every draw of the outputs whose percentiles it reports
 * (8 bytes per draw and output), and a larger number never changes a reported figure in its shown digits.
 */
export const MAX_DRAWS = 1_000_000;
/** Default share of draws that may be left out as non-finite before the run fails (as `curves --max-excluded`). */
export const MAX_EXCLUDED = 0.05;

let workerSource: string | undefined;

/** EVPPI asked for a model without uncertain inputs: refused (exit 2). */
class VoiUsage extends Error {}

/**
 * The worker's code: lib/cli/psa-worker.ts and the lib/ code it uses, bundled by esbuild as one
 * CommonJS script (once per process, ~0,1 s), so that a worker starts from plain JavaScript.
 */
export async function psaWorkerSource(): Promise<string> {
  // In the command-line bundle (scripts/build-cli.mjs) the worker is prebuilt beside this module.
  const prebuilt = new URL("./psa-worker.cjs", import.meta.url);
  if (workerSource === undefined && existsSync(prebuilt)) workerSource = readFileSync(prebuilt, "utf8");
  if (workerSource === undefined) {
    const {build} = await import("esbuild");
    const result = await build({entryPoints: [fileURLToPath(new URL("./psa-worker.ts", import.meta.url))], bundle: true, platform: "node", format: "cjs", target: "node20", write: false, logLevel: "silent"});
    workerSource = result.outputFiles[0].text;
  }
  return workerSource;
}

/** A worker_threads worker running the bundle of lib/cli/psa-worker.ts (psaWorkerSource first), wrapped for the pool. */
export function nodeWorker(): PoolWorker {
  if (workerSource === undefined) throw new Error("call psaWorkerSource() before starting workers");
  const w = new Worker(workerSource, {eval: true});
  let stopped = false;
  return {
    post: (m) => w.postMessage(m, requestTransferables(m)),
    onMessage: (listener) => w.on("message", (m: PoolReply) => listener(m)),
    onError: (listener) => {
      w.on("error", listener);
      w.on("exit", (code) => code !== 0 && !stopped && listener(new Error(`a worker stopped with exit code ${code}`)));
    },
    terminate: () => {
      stopped = true;
      void w.terminate();
    }
  };
}

/** Progress on stderr, at most every 200 ms, on one line that is rewritten (a terminal) or one line per report. */
function progressReporter(enabled: boolean): ((done: number, total: number) => void) | undefined {
  if (!enabled) return undefined;
  const tty = process.stderr.isTTY;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 200) return;
    last = now;
    const text = `rendement psa: ${done.toLocaleString("nl-NL")} van ${total.toLocaleString("nl-NL")} trekkingen`;
    process.stderr.write(tty ? `\r${text}${done === total ? "\n" : ""}` : `${text}\n`);
  };
}

function integer(argv: string[], name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const text = option(argv, name);
  if (text === undefined) return fallback;
  const v = parseNumber(text);
  if (!(v !== undefined && Number.isInteger(v) && v >= min)) throw new UsageError(`${name} expects an integer >= ${min}, found "${text}"`);
  if (v > max) throw new UsageError(`${name} expects an integer <= ${max.toLocaleString("en-US").replace(/,/g, "_")}, found "${text}"`);
  return v;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const [file, ...extra] = checkOptions("psa", argv, {flags: ["--json", "--reference", "--progress", "--evppi"], values: ["--set", "--scenario", "--draws", "--seed", "--qaly-value", "--workers", "--max-excluded"], repeatable: ["--set"]});
    if (!file || extra.length) throw new UsageError(usage);
    const draws = integer(argv, "--draws", 10_000, 1, MAX_DRAWS);
    const maxExcluded = numberOption(argv, "--max-excluded", MAX_EXCLUDED, {min: 0, max: 1, percent: true, what: "a share from 0 to 1 (0.05) or a percentage (5%)"});
    const seed = integer(argv, "--seed", 1, 0);
    const workers = integer(argv, "--workers", availableParallelism(), 1);
    const model = loadStudy(file);
    const scenario = option(argv, "--scenario");
    const overrides = {...(scenario ? scenarioOverrides(model, scenario) : {}), ...parseSets(argv, model)};
    const qalyValue = option(argv, "--qaly-value");
    const wantEvppi = argv.includes("--evppi");
    if (wantEvppi && argv.includes("--reference")) throw new UsageError("--evppi runs on the batched path; leave out --reference");
    const keep = wantEvppi ? {keepSamples: true, keepInputs: true} : {};
    const t0 = performance.now();
    const onProgress = progressReporter(argv.includes("--progress") || process.stderr.isTTY === true);
    let r: PsaResult;
    if (argv.includes("--reference")) r = psaReference(model, {draws, seed, overrides, qalyValue, onProgress});
    else if (workers === 1) r = psa(model, {draws, seed, overrides, qalyValue, onProgress, ...keep});
    else {
      const request = {file: model.file, registry: registryJSONFor(model, defaultRegistry()), draws, seed, overrides, qalyValue, ...keep};
      await psaWorkerSource();
      // This thread first: its first message is served in a later task, after the worker_threads
      // have started booting; and the pool stops the last ones made where there are fewer chunks than threads.
      let made = 0;
      const create = () => (made++ === 0 ? threadWorker(setImmediate) : nodeWorker());
      const pool = runPsaPool(request, {workers, create, onProgress});
      try {
        r = await pool.result;
      } catch (error) {
        // A worker failed (the pool has stopped the others): bad options and inputs fail here with
        // the usual message and exit code, by one draw in this thread; any other failure as it came.
        // Checked only on a failure, so that a run that succeeds pays nothing for it.
        psa(model, {draws: 1, seed, overrides, qalyValue});
        throw error;
      }
    }
    let evppi: EvppiResult | undefined;
    let evppiMs = 0;
    if (wantEvppi) {
      if (!r.inputs.length) throw new VoiUsage(NO_UNCERTAINTY_NL);
      const t1 = performance.now();
      evppi = evppiForPsa(model, r);
      evppiMs = performance.now() - t1;
      delete r.samples;
    }
    const ms = performance.now() - t0;
    // Draws left out as non-finite: beyond the threshold the statistics describe another population.
    if (r.nonFinite > maxExcluded * draws) {
      console.error(`rendement psa: ${r.nonFinite.toLocaleString("nl-NL")} of ${draws.toLocaleString("nl-NL")} draws (${+((100 * r.nonFinite) / draws).toFixed(2)} %) gave no finite saldo or ratio and were left out, more than --max-excluded ${+(maxExcluded * 100).toFixed(4)} %; check the inputs' uncertainty (a division by a drawn value near 0?) or raise --max-excluded`);
      return 1;
    }
    const overflow = nonFiniteStatistics(r);
    if (overflow.length) {
      console.error(`rendement psa: no finite statistics for ${overflow.slice(0, 3).join(", ")}${overflow.length > 3 ? ` and ${overflow.length - 3} more` : ""}: the values are too large to average (check the inputs' magnitudes)`);
      return 1;
    }
    if (argv.includes("--json")) {
      // No timing in the JSON: the same seed gives the same bytes, whatever the number of workers.
      console.log(JSON.stringify({model: model.file.id, title: model.file.title, scenario: scenario ?? null, overrides, ...r, ...(evppi ? {evppi} : {})}, null, 2));
      return 0;
    }
    console.log(`${model.file.title}: probabilistische gevoeligheidsanalyse`);
    const how = r.method === "fast" ? `${workers === 1 ? "1 thread" : `${workers} workers`}` : r.method;
    console.log(`${draws.toLocaleString("nl-NL")} trekkingen, seed ${seed}, ${r.inputs.length} onzekere invoerwaarden (${how}, ${(ms / 1000).toLocaleString("nl-NL", {maximumFractionDigits: 2})} s)\n`);
    if (r.nonFinite > 0) console.log(`let op: ${r.nonFinite.toLocaleString("nl-NL")} van de ${draws.toLocaleString("nl-NL")} trekkingen gaven geen eindig saldo of geen eindige verhouding (NaN of oneindig) en tellen niet mee in de statistieken\n`);
    const row = (label: string, s: StreamedStats, f: (x: number) => string) => [label, f(s.mean), f(s.sd), ...PERCENTILES.map((p) => (s.percentiles ? f(s.percentiles[percentileKey(p)]) : "—"))];
    const head = ["", "gemiddelde", "sd", ...PERCENTILES.map((p) => `${String(p).replace(".", ",")}%`)];
    console.log(pad([head, row("kosten", r.costs, euro), row("baten", r.benefits, euro), row("saldo", r.saldo, euro), row("B/K", r.ratio, (x) => num(x)), row("financiële B/K", r.financialRatio, (x) => num(x))]));
    console.log(`\nsaldo deterministisch ${euro(r.deterministic.saldo)}; kans op een positief saldo ${pct(r.probPositive)}`);
    console.log("\n" + pad([["actor", "gemiddeld saldo", "2,5%", "97,5%", "P(saldo > 0)"], ...r.actors.map((a) => [a.label, euro(a.saldo.mean), euro(a.saldo.percentiles.p2_5), euro(a.saldo.percentiles.p97_5), pct(a.probPositive)])]));
    if (r.interventions.length > 1) console.log("\n" + pad([["interventie", "gemiddeld saldo", "2,5%", "97,5%", "P(saldo > 0)"], ...r.interventions.map((a) => [a.label, euro(a.saldo.mean), euro(a.saldo.percentiles.p2_5), euro(a.saldo.percentiles.p97_5), pct(a.probPositive)])]));
    if (r.evpi) {
      const pp = (x: number | null) => (x === null ? "—" : euro(x));
      console.log(`\nwaarde van volledige informatie (EVPI, wel of niet uitvoeren): ${euro(r.evpi.society.cohort)} voor de hele groep, ${pp(r.evpi.society.perParticipant)} per deelnemer`);
      console.log(pad([["actor", "EVPI", "per deelnemer"], ...r.evpi.actors.map((a) => [a.label, euro(a.cohort), pp(a.perParticipant)])]));
    } else console.error(`rendement psa: ${NO_UNCERTAINTY_NL}`);
    if (evppi) {
      console.log(`\nwaarde van informatie per invoer (EVPPI; regressie volgens Strong, Oakley & Brennan 2014; ${(evppiMs / 1000).toLocaleString("nl-NL", {maximumFractionDigits: 2})} s):`);
      // Groups first, then the inputs by EVPPI (the 15 largest; --json has all).
      const rows = [...evppi.groups.map((g) => ({...g, label: `groep: ${g.label}`})), ...evppi.inputs.slice(0, 15)];
      console.log(pad([["invoer", "EVPPI", "per deelnemer", "deel van EVPI"], ...rows.map((x) => [x.label, euro(x.cohort), x.perParticipant === null ? "—" : euro(x.perParticipant), pct(x.share)])]));
    }
    for (const c of [r.acceptability.qaly, r.acceptability.discountRate]) {
      if (!c) continue;
      console.log(`\naanvaardbaarheid: P(saldo > 0) naar ${c.label} (${c.method})`);
      const digits = Math.max(...c.points.map((p) => Math.abs(p.x))) < 1 ? 3 : 0;
      console.log(c.points.map((p) => `  ${num(p.x, digits)}: ${pct(p.probPositive)}`).join("\n"));
    }
    return 0;
  } catch (error) {
    if (isInputError(error) || error instanceof VoiUsage) {
      console.error(`rendement psa: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}
