import {describe, expect, it} from "vitest";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {handle, type PsaMessage, type PsaRequest} from "../../lib/analysis/worker-entry.js";
import {chunkServer, THREAD_BATCH, threadWorker, transferables, type PoolReply, type PoolRequest} from "../../lib/analysis/worker-entry.js";
import {batchSize, CancelledError, MAX_BATCH, runPsaPool, type PoolWorker} from "../../lib/analysis/psa-pool.js";
import {psa} from "../../lib/analysis/psa.js";
import {compileModel} from "../../lib/model/compile.js";
import {registryContext} from "../../lib/model/context.js";
import {Registry} from "../../lib/kengetallen/registry.js";
import {loadStudy, defaultRegistry} from "../../lib/io/study.js";
import {tempDir} from "../temp-dir.js";
import {runCli} from "../cli/run.js";
import {load as loadPsaWorker} from "../../src/workers/psa.js.js";

const path = "data/studies/zoetermeer/investering-per-deelnemer.yaml";
const linear = "tests/fixtures/model-linear.yaml";

function request(modelPath: string, draws: number, seed: number): PsaRequest {
  const model = loadStudy(modelPath);
  return {file: JSON.parse(JSON.stringify(model.file)), registry: JSON.parse(JSON.stringify(defaultRegistry().toJSON())), draws, seed};
}

describe("the PSA worker", () => {
  it("compiles the model from file and registry JSON and posts progress, then the same result as psa() in Node", () => {
    const req = request(linear, 1300, 7);
    const messages: PsaMessage[] = [];
    handle(req, (m) => messages.push(m));
    const last = messages[messages.length - 1];
    expect(last.type).toBe("result");
    const progress = messages.filter((m) => m.type === "progress");
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.map((m) => (m as {done: number}).done)).toEqual([...progress.map((m) => (m as {done: number}).done)].sort((a, b) => a - b));
    const model = compileModel(req.file, registryContext(Registry.fromJSON(req.registry)));
    expect(progress.map((m) => (m as {done: number}).done)).toEqual([512, 1024, 1300]);
    expect((last as {result: unknown}).result).toEqual(psa(model, {draws: 1300, seed: 7}));
  }, 60_000);
  it("posts an error message (not an exception) for a bad request", () => {
    const messages: PsaMessage[] = [];
    handle({...request(path, 10, 1), draws: -5}, (m) => messages.push(m));
    expect(messages).toEqual([{type: "error", message: "draws must be a positive integer, found -5"}]);
  });
  it("the loader src/workers/psa.js.ts bundles a browser module without node: imports that gives the same result", async () => {
    // The loader's load(), in-process, as the build calls it (scripts/precompute-loaders.mjs); run as a
    // program it writes the same text (lib/io/loader-run.ts, tests/io/loader-run.test.ts). A tsx
    // process for it cost about 1,5 s of CPU.
    const text = await loadPsaWorker();
    expect(text).not.toMatch(/from\s*"node:|require\(/);
    const file = join(tempDir("psa-worker-"), "psa.mjs");
    writeFileSync(file, text);
    const mod = (await import(pathToFileURL(file).href)) as {handle: typeof handle};
    const req = request(linear, 200, 3);
    const a: PsaMessage[] = [];
    const b: PsaMessage[] = [];
    mod.handle(req, (m) => a.push(m));
    handle(req, (m) => b.push(m));
    const strip = (m: PsaMessage) => (m.type === "result" ? {...m, milliseconds: 0} : m);
    expect(a.map(strip)).toEqual(b.map(strip));
  }, 60_000);
});

/** A pool worker in this thread: the chunk server behind asynchronous messages (structured clones), as a real worker. */
function inThread(log: string[] = []): PoolWorker {
  let listener: (m: PoolReply) => void = () => {};
  let alive = true;
  const serve = chunkServer((m) => setTimeout(() => alive && listener(structuredClone(m)), 0));
  return {
    post: (m: PoolRequest) => {
      log.push(m.type === "chunks" ? `chunks ${m.chunks.join(",")}` : m.type);
      setTimeout(() => alive && serve(structuredClone(m)), 0);
    },
    onMessage: (l) => (listener = l),
    onError: () => {},
    terminate: () => {
      alive = false;
      log.push("terminated");
    }
  };
}

describe("the worker pool (lib/analysis/psa-pool.ts)", () => {
  it("1, 2 and 3 workers give the same result, equal to psa() in one thread, with progress up to the total", async () => {
    const req = request(linear, 2600, 11);
    const model = compileModel(req.file, registryContext(Registry.fromJSON(req.registry)));
    const expected = JSON.stringify(psa(model, {draws: 2600, seed: 11}));
    for (const workers of [1, 2, 3]) {
      const seen: number[] = [];
      const r = await runPsaPool(req, {workers, create: () => inThread(), onProgress: (done) => seen.push(done)}).result;
      expect(JSON.stringify(r)).toBe(expected);
      expect(seen[seen.length - 1]).toBe(2600);
      expect(seen.length).toBe(6); // 6 chunks of at most 512 draws
    }
  }, 60_000);
  it("batches: from 1 to MAX_BATCH consecutive chunks, shrinking to one at the end; 1.000.000 draws (1.954 chunks) in about 100 messages", () => {
    for (const [chunks, workers] of [[1954, 2], [1954, 1], [1954, 8], [70, 3], [1, 2]]) {
      const sizes: number[] = [];
      for (let left = chunks; left > 0; left -= sizes[sizes.length - 1]) sizes.push(batchSize(left, workers));
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(chunks);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_BATCH);
      expect(Math.min(...sizes)).toBe(1);
      expect(sizes[sizes.length - 1]).toBe(1);
      expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
      if (chunks === 1954 && workers === 2) expect(sizes.length).toBeLessThan(120);
    }
  });
  it("2 and 3 workers on 300 chunks: every chunk handed out once in consecutive batches, the same JSON as psa() in one thread", async () => {
    const draws = 300 * 512 - 7;
    const req = request(linear, draws, 13);
    const model = compileModel(req.file, registryContext(Registry.fromJSON(req.registry)));
    const expected = JSON.stringify(psa(model, {draws, seed: 13}));
    for (const workers of [2, 3]) {
      const logs: string[][] = [];
      const seen: number[] = [];
      const r = await runPsaPool(req, {workers, create: () => inThread((logs[logs.length] = [])), onProgress: (done) => seen.push(done)}).result;
      expect(JSON.stringify(r)).toBe(expected);
      const batches = logs.flat().filter((l) => l.startsWith("chunks ")).map((l) => l.slice(7).split(",").map(Number));
      expect(batches.flat().sort((a, b) => a - b)).toEqual(Array.from({length: 300}, (_, c) => c));
      for (const b of batches) expect(b).toEqual(Array.from({length: b.length}, (_, i) => b[0] + i));
      expect(batches.length).toBeLessThan(100);
      expect(seen.length).toBe(batches.length);
      expect(seen[seen.length - 1]).toBe(draws);
    }
  }, 120_000);
  it("a threadWorker (this thread) beside other workers: batches of at most THREAD_BATCH chunks for it, the same JSON as psa() in one thread", async () => {
    const draws = 300 * 512 - 7;
    const req = request(linear, draws, 17);
    const model = compileModel(req.file, registryContext(Registry.fromJSON(req.registry)));
    const expected = JSON.stringify(psa(model, {draws, seed: 17}));
    for (const workers of [1, 2, 3]) {
      const mine: number[] = [];
      const others: number[][] = [];
      let made = 0;
      const create = (): PoolWorker => {
        if (made++ > 0) {
          const w = inThread();
          const batches: number[] = [];
          others.push(batches);
          return {...w, post: (m) => (m.type === "chunks" && batches.push(m.chunks.length), w.post(m))};
        }
        const w = threadWorker();
        return {...w, post: (m) => (m.type === "chunks" && mine.push(m.chunks.length), w.post(m))};
      };
      const r = await runPsaPool(req, {workers, create}).result;
      expect(JSON.stringify(r)).toBe(expected);
      expect(mine.length).toBeGreaterThan(0);
      expect(Math.max(...mine)).toBeLessThanOrEqual(THREAD_BATCH);
      // The other workers still get the larger batches.
      if (workers > 1) expect(Math.max(...others.flat())).toBeGreaterThan(THREAD_BATCH);
      expect([...mine, ...others].flat().reduce((a, b) => a + b, 0)).toBe(300);
    }
  }, 120_000);
  it("cancel() stops every worker and rejects with a CancelledError", async () => {
    const logs: string[][] = [];
    const run = runPsaPool(request(linear, 5000, 1), {workers: 2, create: () => inThread((logs[logs.length] = []))});
    run.cancel();
    await expect(run.result).rejects.toBeInstanceOf(CancelledError);
    expect(logs.map((l) => l[l.length - 1])).toEqual(["terminated", "terminated"]);
  });
  it("a worker's error rejects the run with its message and stops the others", async () => {
    const logs: string[][] = [];
    const run = runPsaPool({...request(linear, 100, 1), draws: 0}, {workers: 2, create: () => inThread((logs[logs.length] = []))});
    await expect(run.result).rejects.toThrow("draws must be a positive integer, found 0");
    expect(logs.every((l) => l.includes("terminated"))).toBe(true);
  });
  it("rendement psa --workers 1, 2 and 3 (worker_threads) print byte-identical JSON", async () => {
    const out: string[] = [];
    for (const w of [1, 2, 3]) {
      const r = await runCli(["psa", "data/studies/zoetermeer/model.yaml", "--draws", "1500", "--seed", "9", "--json", "--workers", String(w)]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      out.push(r.out);
    }
    expect(out[1]).toBe(out[0]);
    expect(out[2]).toBe(out[0]);
    expect(JSON.parse(out[0]).draws).toBe(1500);
  }, 120_000);
  it("rendement psa --workers 1 and 2 print byte-identical JSON on a run of 79 chunks (batches of several chunks)", async () => {
    const out: string[] = [];
    for (const w of [1, 2]) {
      const r = await runCli(["psa", "data/studies/zoetermeer/model.yaml", "--draws", "40000", "--seed", "3", "--json", "--workers", String(w)]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      out.push(r.out);
    }
    expect(out[1]).toBe(out[0]);
  }, 120_000);
  it("a batch of chunks is answered with one message; its chunks' arrays are transferred to the main thread, each buffer once; other replies transfer nothing", () => {
    const replies: PoolReply[] = [];
    const serve = chunkServer((m) => replies.push(m));
    serve({type: "init", request: request(linear, 1100, 3)});
    serve({type: "chunks", chunks: [2, 0]});
    expect(replies.length).toBe(2);
    const [ready, batch] = replies;
    expect(transferables(ready)).toEqual([]);
    if (batch.type !== "chunks") throw new Error(`expected chunks, found ${batch.type}`);
    expect(batch.results.map((r) => r.chunk)).toEqual([2, 0]);
    const buffers = transferables(batch);
    expect(new Set(buffers).size).toBe(buffers.length);
    for (const r of batch.results) {
      expect(buffers).toContain(r.kept.buffer);
      expect(buffers).toContain(r.moments.buffer);
    }
    // Structured clone with the transfer list keeps the values and empties the sender's arrays.
    const kept = Array.from(batch.results[1].kept);
    const copy = structuredClone(batch, {transfer: buffers});
    expect(Array.from(copy.results[1].kept)).toEqual(kept);
    expect(batch.results[1].kept.length).toBe(0);
  });
  it("rendement psa --workers 2 refuses a bad option with the usual message (checked in the main thread once a worker fails) and stops the workers", async () => {
    const one = await runCli(["psa", linear, "--draws", "1100", "--workers", "1", "--qaly-value", "nope"]);
    const two = await runCli(["psa", linear, "--draws", "1100", "--workers", "2", "--qaly-value", "nope"]);
    expect(one.code).toBe(2);
    expect(two.code).toBe(2);
    expect(two.err).toBe(one.err);
    expect(two.err).toMatch(/unknown input "nope"/);
  }, 120_000);
  it("rendement psa --progress writes progress to stderr only; stdout stays the JSON result", async () => {
    const r = await runCli(["psa", linear, "--draws", "1100", "--seed", "2", "--json", "--workers", "2", "--progress"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).draws).toBe(1100);
    // stderr is not a terminal here: one line per report, the last at the total.
    const lines = r.err.trim().split("\n");
    expect(lines[lines.length - 1]).toBe("rendement psa: 1.100 van 1.100 trekkingen");
    for (const line of lines) expect(line).toMatch(/^rendement psa: [\d.]+ van 1\.100 trekkingen$/);
    // Without --progress (and without a terminal) nothing goes to stderr.
    const quiet = await runCli(["psa", linear, "--draws", "1100", "--seed", "2", "--json", "--workers", "2"]);
    expect(quiet.err).toBe("");
    expect(quiet.out).toBe(r.out);
  }, 120_000);
});
