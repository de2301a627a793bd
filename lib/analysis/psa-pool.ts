// A pool of workers for the Monte Carlo analysis: Web Workers on the site, worker_threads in the
// command line. Browser-safe: the caller passes a factory that starts one worker and wraps it as a
// `PoolWorker` (lib/cli/psa.ts for Node, src/components/psaPool.js for the browser).
//
// Every worker builds the same engine from the same request (lib/analysis/worker-entry.ts,
// `chunkServer`) and computes the chunks it is handed; chunks are handed out one or two at a time as
// workers finish, and the chunk results are merged in chunk order (`mergeChunks`). A worker counts
// the kept values of its chunks into buckets for the percentiles (`countKept`) and sends the counts
// once it has no more chunks to get; the counts of all workers are added up (integers: exact in any
// order), so the main thread does not count them again. A chunk's draws
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

/** Chunks in flight per worker: one computing, one waiting, so a worker never idles between messages. */
const IN_FLIGHT = 2;

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
    const hand = (w: PoolWorker, count: number) => {
      const chunks: number[] = [];
      while (chunks.length < count && meta && next < meta.chunks) chunks.push(next++);
      if (chunks.length) w.post({type: "chunks", chunks});
      // No chunks left to hand out: ask this worker for its counts (answered after its last chunk).
      if (meta && next === meta.chunks && !asked.has(w)) {
        asked.add(w);
        w.post({type: "counts"});
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
          const counts = merger!.counts;
          for (let i = 0; i < counts.length; ++i) counts[i] += m.counts[i];
          ++answered;
          return finish();
        }
        merger!.add(m.result);
        done += m.result.draws;
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
