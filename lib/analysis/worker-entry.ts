// Worker entry for the probabilistic analysis (bundled for the browser by src/workers/psa.js.ts; in
// Node bundled with lib/cli/psa-worker.ts). Two protocols:
// - one run: {file, registry, draws, seed, overrides?, qalyValue?} → {type: "progress", done,
//   total} after each chunk, then {type: "result", result: PsaResult, milliseconds} or
//   {type: "error", message} (`handle`);
// - a pool's worker (lib/analysis/psa-pool.ts): {type: "init", request} → {type: "ready", meta},
//   then {type: "chunks", chunks: [c, …]} → one {type: "chunks", results: [ChunkResult, …]} with
//   the results of those chunks in that order (one message per request, not per chunk),
//   and {type: "counts", add?} → {type: "counts", counts} with the bucket counts of the kept columns
//   of every chunk computed since the previous "counts" (`countKept`), plus `add` when given (the
//   counts of the workers asked before: the pool asks its workers one after another once they have
//   no more chunks, and hands each the sum so far, so the last answer is the sum over all workers
//   and the page's thread never adds the ~1 million buckets itself) (`chunkServer`).
// - value of information: {type: "evppi", request} → {type: "progress", …} after each chunk, then
//   {type: "evppi", result: PsaResult (without samples), evppi: EvppiResult, milliseconds} or
//   {type: "error", message} (`handleEvppi`; the PSA of the request with EVPPI per input and group).
// - a conclusion's tornado: {type: "tornado", id, model?: {file, registry}, overrides, scope} →
//   {type: "tornado", id, tornado} or {type: "tornado-error", id, message, overrides} (`tornadoServer`;
//   the model is sent with the first request and kept for the next ones).
// The model is compiled here from the same file and registry the data loader validated, so the
// worker runs exactly the model the page shows.
import {rebuildModel} from "../model/rebuild.js";
import type {RegistryJSON} from "../kengetallen/registry.js";
import type {ModelFile} from "../schema/model.js";
import type {Overrides} from "../model/evaluate.js";
import {BUCKETS, countKept, keptCount, psa, psaEngine, type ChunkResult, type PsaEngine, type PsaMeta, type PsaResult} from "./psa.js";
import {evppiForPsa, type EvppiResult} from "./voi.js";
import {conclusionTornado, type Tornado} from "./sensitivity.js";
import type {ModelJSON} from "../model/rebuild.js";
import type {CompiledModel} from "../model/compile.js";
import type {PoolWorker} from "./psa-pool.js";

export interface PsaRequest {
  file: ModelFile;
  registry: RegistryJSON;
  draws: number;
  seed: number;
  overrides?: Overrides;
  qalyValue?: string | null;
  /** Keep the per-draw saldo and the drawn inputs (for EVPPI). */
  keepSamples?: boolean;
  keepInputs?: boolean;
}

export type PsaMessage = {type: "progress"; done: number; total: number} | {type: "result"; result: PsaResult; milliseconds: number} | {type: "error"; message: string};

export type PoolRequest = {type: "init"; request: PsaRequest} | {type: "chunks"; chunks: number[]} | {type: "counts"; add?: Int32Array};
export type EvppiRequest = {type: "evppi"; request: PsaRequest};
export type EvppiMessage = {type: "progress"; done: number; total: number} | {type: "evppi"; result: PsaResult; evppi: EvppiResult; milliseconds: number} | {type: "error"; message: string};
export type PoolReply = {type: "ready"; meta: PsaMeta} | {type: "chunks"; results: ChunkResult[]} | {type: "counts"; counts: Int32Array} | {type: "error"; message: string};

function compile(request: PsaRequest) {
  return rebuildModel(request);
}

/** Run one request, reporting through `post` (the worker's postMessage, or a test's collector). */
export function handle(request: PsaRequest, post: (m: PsaMessage) => void): void {
  try {
    const t0 = Date.now();
    const result = psa(compile(request), {
      draws: request.draws,
      seed: request.seed,
      overrides: request.overrides,
      qalyValue: request.qalyValue,
      onProgress: (done, total) => post({type: "progress", done, total})
    });
    post({type: "result", result, milliseconds: Date.now() - t0});
  } catch (error) {
    post({type: "error", message: (error as Error).message ?? String(error)});
  }
}

/** EVPPI for one request (the PSA with every input's draws kept), reporting through `post`. */
export function handleEvppi(request: PsaRequest, post: (m: EvppiMessage) => void): void {
  try {
    const t0 = Date.now();
    const model = compile(request);
    const result = psa(model, {
      draws: request.draws,
      seed: request.seed,
      overrides: request.overrides,
      qalyValue: request.qalyValue,
      keepSamples: true,
      keepInputs: true,
      onProgress: (done, total) => post({type: "progress", done, total})
    });
    const evppi = evppiForPsa(model, result);
    delete result.samples;
    post({type: "evppi", result, evppi, milliseconds: Date.now() - t0});
  } catch (error) {
    post({type: "error", message: (error as Error).message ?? String(error)});
  }
}

/**
 * The buffers of a pool reply that can be transferred instead of copied: a chunk result's arrays
 * are made for that message alone (psaEngine's `run`), so the worker hands them over.
 */
export function transferables(m: PoolReply): ArrayBuffer[] {
  if (m.type === "counts") return [m.counts.buffer as ArrayBuffer];
  if (m.type !== "chunks") return [];
  const arrays = m.results.flatMap((r) => [r.moments, r.kept, r.inputs, r.qaly?.positive, r.qaly?.counted, r.discountRate?.positive, r.discountRate?.counted]);
  return [...new Set(arrays.filter((a) => a !== undefined).map((a) => a.buffer as ArrayBuffer))];
}

/** A pool worker's message handler: `init` builds the engine, `chunks` runs chunks (see the protocol above). */
export function chunkServer(post: (m: PoolReply) => void): (m: PoolRequest) => void {
  let engine: PsaEngine | null = null;
  let counts: Int32Array | null = null;
  return (m) => {
    try {
      if (m.type === "init") {
        const r = m.request;
        engine = psaEngine(compile(r), {draws: r.draws, seed: r.seed, overrides: r.overrides, qalyValue: r.qalyValue, keepSamples: r.keepSamples, keepInputs: r.keepInputs});
        counts = null;
        post({type: "ready", meta: engine.meta});
      } else {
        if (!engine) throw new Error(`${m.type} requested before init`);
        const columns = keptCount(engine.meta);
        counts ??= new Int32Array(columns * BUCKETS);
        if (m.type === "counts") {
          const sum = m.add;
          if (sum) {
            if (sum.length !== counts.length) throw new Error(`counts: expected ${counts.length} bucket counts to add to, found ${sum.length}`);
            for (let i = 0, n = sum.length; i < n; ++i) sum[i] += counts[i];
          }
          post({type: "counts", counts: sum ?? counts});
          counts = null;
          return;
        }
        const results: ChunkResult[] = [];
        for (const c of m.chunks) {
          const result = engine.run(c);
          countKept(counts, result.kept, columns, result.valid);
          results.push(result);
        }
        post({type: "chunks", results});
      }
    } catch (error) {
      post({type: "error", message: (error as Error).message ?? String(error)});
    }
  };
}

/** The most chunks in one batch of a `threadWorker`: 4 chunks of 512 draws, about 17 ms of the Zoetermeer model. */
export const THREAD_BATCH = 4;

/**
 * A pool worker that computes in this thread: the chunk server behind messages that are served one
 * per task (`schedule`, a macrotask: `setImmediate` in Node), so that between two batches this
 * thread also handles the other workers' messages and merges their chunks. The command line runs
 * one beside its worker_threads (`--workers N`: this thread and N − 1 worker_threads), so that this
 * thread computes instead of waiting, and one worker's start and warm-up fewer are paid. Its
 * batches are small (THREAD_BATCH), so that the other workers' results wait little for this thread.
 */
export function threadWorker(schedule: (task: () => void) => void = (task) => setTimeout(task, 0)): PoolWorker {
  let listener: (m: PoolReply) => void = () => {};
  let alive = true;
  const serve = chunkServer((m) => schedule(() => alive && listener(m)));
  return {
    post: (m) => schedule(() => alive && serve(m)),
    onMessage: (l) => (listener = l),
    onError: () => {},
    terminate: () => void (alive = false),
    maxBatch: THREAD_BATCH
  };
}

export type TornadoRequest = {type: "tornado"; id: number; model?: ModelJSON; overrides: Overrides; scope: string | null};
/** `overrides`: the inputs of an evaluation that had no finite result (a NonFiniteError's), when known. */
export type TornadoReply = {type: "tornado"; id: number; tornado: Tornado} | {type: "tornado-error"; id: number; message: string; overrides: string[] | null};

/** A conclusion tornado's message handler (see the protocol above). */
export function tornadoServer(post: (m: TornadoReply) => void): (m: TornadoRequest) => void {
  let model: CompiledModel | null = null;
  return (m) => {
    try {
      if (m.model) model = rebuildModel(m.model);
      if (!model) throw new Error("tornado requested before the model was sent");
      post({type: "tornado", id: m.id, tornado: conclusionTornado(model, {overrides: m.overrides, scope: m.scope})});
    } catch (error) {
      const failed = error && typeof error === "object" && "overrides" in error ? Object.keys((error as {overrides: object}).overrides) : null;
      post({type: "tornado-error", id: m.id, message: (error as Error).message ?? String(error), overrides: failed});
    }
  };
}

// In a Web Worker (no `document`, no `process`), answer every message: pool messages carry a
// `type`, a one-run request does not.
const scope = globalThis as unknown as {document?: unknown; onmessage?: unknown; postMessage?: (m: unknown) => void};
if (typeof scope.document === "undefined" && typeof scope.postMessage === "function" && typeof (globalThis as {process?: unknown}).process === "undefined") {
  const pool = chunkServer((m) => (scope.postMessage as (m: unknown, transfer: Transferable[]) => void)(m, transferables(m)));
  const tornado = tornadoServer((m) => scope.postMessage!(m));
  scope.onmessage = (event: {data: PsaRequest | PoolRequest | EvppiRequest | TornadoRequest}) => {
    const data = event.data;
    if ("type" in data && data.type === "evppi") handleEvppi(data.request, (m) => scope.postMessage!(m));
    else if ("type" in data && data.type === "tornado") tornado(data);
    else if ("type" in data) pool(data);
    else handle(data, (m) => scope.postMessage!(m));
  };
}
