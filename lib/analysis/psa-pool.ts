// A pool of workers for the Monte Carlo analysis: Web Workers on the site, worker_threads in the
// command line. Browser-safe: the caller passes a factory that starts one worker and wraps it as a
// `PoolWorker` (Node: lib/cli/psa.ts's `nodeWorker`, and worker-entry.ts's `threadWorker` for the
// command line's own thread; the browser: src/components/psaRun.js's `webWorkerFactory`).
//
// Every worker builds the same engine from the same request (lib/analysis/worker-entry.ts,
// `chunkServer`) and computes the chunks it is handed; chunks are handed out in batches of
// consecutive chunks as workers finish (`batchSize`: large while many chunks are left, down to one
// at the end, so that the workers finish together), a worker answers a batch with one message, and
// the chunk results are merged in chunk order (`mergeChunks`). A worker counts
// the kept values of its chunks into buckets for the percentiles (`countKept`) and sends the counts
// once it has no more chunks to get; the counts of all workers are added up (integers: exact in any
// order) by the workers themselves: the pool asks them one after another and hands each the sum of
// those before, so neither this thread counts nor adds ~1 million buckets (on the site, adding two
// workers' counts here took 5–17 ms of the page's thread per run, a cold loop). A chunk's draws
// come from its own stream (seed, chunk index), so the result is identical whatever the number of
// workers, and equal to `psa(model, …)` in one thread.
import {PsaMerger, type PsaMeta, type PsaResult} from "./psa.js";
import type {PoolReply, PoolRequest, PsaRequest} from "./worker-entry.js";

/** One started worker, wrapped: send a message, receive messages and errors, stop it. */
export interface PoolWorker {
  post(message: PoolRequest): void;
  onMessage(listener: (message: PoolReply) => void): void;
  onError(listener: (error: Error) => void): void;
  terminate(): void;
  /**
   * The most chunks in one batch for this worker (default MAX_BATCH): small for a worker that
   * computes in the pool's own thread (`threadWorker`), which handles the other workers' messages
   * only between its batches.
   */
  maxBatch?: number;
}

export interface PoolOptions {
  /** Number of workers (at least 1; never more than there are chunks). */
  workers: number;
  /** Start one worker. */
  create: () => PoolWorker;
  /** Called after each chunk with the draws done and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface PoolRun {
  /** The result; rejects with the first worker error, or with a CancelledError after `cancel()`. */
  result: Promise<PsaResult>;
  /** Stop every worker now; `result` rejects with a CancelledError. */
  cancel(): void;
}

export class CancelledError extends Error {
  constructor() {
    super("the Monte Carlo run was cancelled");
    this.name = "CancelledError";
  }
}

/**
 * The buffers of a pool request that a worker wrapper can transfer instead of copy: the bucket counts
 * summed so far (`add`, ~1 million integers), which the pool does not keep.
 */
export function requestTransferables(m: PoolRequest): ArrayBuffer[] {
  return m.type === "counts" && m.add ? [m.add.buffer as ArrayBuffer] : [];
}

/** Batches in flight per worker: one computing, one waiting, so a worker never idles between messages. */
const IN_FLIGHT = 2;
/** The most chunks in one batch (32 chunks of 512 draws: about 0,15 s of the Zoetermeer model). */
export const MAX_BATCH = 32;

/**
 * Chunks in the next batch: an eighth of the chunks left per worker (guided scheduling), from 1 to
 * MAX_BATCH. Messages and their handling cost the same for a batch as for one chunk, so few large
 * batches leave the main thread idle while the workers compute (1.000.000 draws: 1.954 chunks in
 * about 100 messages instead of 1.954); the batches shrink at the end, so no worker waits long for
 * another's last batch. Which worker computes which chunk never changes the result.
 */
export function batchSize(left: number, workers: number): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.ceil(left / (8 * workers)), left));
}

export function runPsaPool(request: PsaRequest, {workers, create, onProgress}: PoolOptions): PoolRun {
  if (!(Number.isInteger(workers) && workers >= 1)) throw new RangeError(`workers must be a positive integer, found ${workers}`);
  const started: PoolWorker[] = [];
  let finished = false;
  let cancel = () => {};
  const result = new Promise<PsaResult>((resolve, reject) => {
    const stopAll = () => {
      finished = true;
      for (const w of started) w.terminate();
    };
    const fail = (error: Error) => {
      if (finished) return;
      stopAll();
      reject(error);
    };
    cancel = () => fail(new CancelledError());
    let meta: PsaMeta | null = null;
    let next = 0;
    let done = 0;
    // The chunks in, merged as they come; the bucket counts come from the workers.
    let merger: PsaMerger | null = null;
    const asked = new Set<PoolWorker>();
    let answered = 0;
    // Workers with no chunks left, waiting to be asked for their counts; one is asked at a time and
    // gets the sum of the answers so far (`sum`, transferred to it: the pool keeps no copy).
    const toAsk: PoolWorker[] = [];
    let asking = false;
    let sum: Int32Array | null = null;
    const askCounts = () => {
      if (asking || toAsk.length === 0) return;
      const w = toAsk.shift()!;
      asking = true;
      w.post(sum ? {type: "counts", add: sum} : {type: "counts"});
      sum = null;
    };
    const hand = (w: PoolWorker, batches: number) => {
      for (let i = 0; i < batches && meta && next < meta.chunks; ++i) {
        const chunks: number[] = [];
        for (let size = Math.min(batchSize(meta.chunks - next, started.length), w.maxBatch ?? MAX_BATCH); chunks.length < size; ) chunks.push(next++);
        w.post({type: "chunks", chunks});
      }
      // No chunks left to hand out: ask this worker for its counts (answered after its last chunk).
      if (meta && next === meta.chunks && !asked.has(w)) {
        asked.add(w);
        toAsk.push(w);
        askCounts();
      }
    };
    const finish = () => {
      if (!meta || !merger || merger.chunks.length !== meta.chunks || answered !== started.length) return;
      stopAll();
      try {
        resolve(merger.result());
      } catch (error) {
        reject(error);
      }
    };
    const start = (w: PoolWorker) => {
      w.onError((e) => fail(e instanceof Error ? e : new Error(String(e))));
      w.onMessage((m) => {
        if (finished) return;
        if (m.type === "error") return fail(new Error(m.message));
        if (m.type === "ready") {
          if (!meta) {
            meta = m.meta;
            merger = new PsaMerger(meta, true);
            // More workers than chunks: the extra ones are not needed.
            while (started.length > meta.chunks) started.pop()!.terminate();
          }
          if (started.includes(w)) hand(w, IN_FLIGHT);
          return;
        }
        if (m.type === "counts") {
          // The sum over this worker and those asked before it; the last answer is the total.
          sum = m.counts;
          asking = false;
          if (++answered === started.length) merger!.counts.set(sum);
          askCounts();
          return finish();
        }
        for (const r of m.results) {
          merger!.add(r);
          done += r.draws;
        }
        onProgress?.(done, meta!.draws);
        if (merger!.chunks.length === meta!.chunks) return finish();
        hand(w, 1);
      });
      w.post({type: "init", request});
    };
    try {
      for (let i = 0; i < workers; ++i) {
        const w = create();
        started.push(w);
        start(w);
      }
    } catch (error) {
      fail(error as Error);
    }
  });
  return {result, cancel: () => cancel()};
}
