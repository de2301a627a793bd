// The merge of chunk results (lib/analysis/psa.ts, mergeChunks): the bucket counts of the kept
// columns may be counted anywhere (per worker, any order) and handed to the merge, or counted by
// the merge itself; both routes must give the same result bit for bit, and the percentiles must be
// the exact type-7 percentiles of the whole column (sorted in full, −0 before +0). A PsaMerger's
// guess of the buckets to collect only saves work: right or wrong, the result is the same.
import {describe as group, expect, it} from "vitest";
import {BUCKETS, countKept, histogram, percentileKey, PERCENTILES, keptCount, mergeChunks, psa, psaEngine, PsaMerger, type ChunkResult, type PsaMeta} from "../../lib/analysis/psa.js";
import {runPsaPool, type PoolWorker} from "../../lib/analysis/psa-pool.js";
import {evpiSummary} from "../../lib/analysis/voi.js";
import {chunkServer, type PoolReply, type PoolRequest} from "../../lib/analysis/worker-entry.js";
import {loadStudy, defaultRegistry} from "../../lib/io/study.js";
import {loadFixture} from "../model/helpers.js";

// A fixed linear congruential stream, so the data are the same in every run.
function stream(seed: number) {
  let x = seed;
  return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** Synthetic chunk results for `meta`: kept columns from `value(i)`, some chunks empty (valid 0). */
function synthetic(meta: PsaMeta, sizes: number[], value: (column: number) => number): ChunkResult[] {
  const K = keptCount(meta);
  const nOut = 8 + meta.actors.length + 3 * meta.interventions.length;
  return sizes.map((valid, chunk) => {
    const kept = new Float64Array(K * valid);
    for (let i = 0; i < K; ++i) for (let b = 0; b < valid; ++b) kept[i * valid + b] = value(i);
    return {chunk, draws: valid, nonFinite: 0, valid, moments: new Float64Array(nOut * 6), kept, qaly: null, discountRate: null};
  });
}

/**
 * The reference: type-7 percentiles of the finite values sorted in full, −0 before +0 (the order
 * of the buckets; as numbers the two are equal, so a selection may return either).
 */
function sortedPercentiles(values: number[]): Record<string, number> {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b || (Object.is(a, -0) ? -1 : 0) + (Object.is(b, -0) ? 1 : 0));
  const out: Record<string, number> = {};
  for (const p of PERCENTILES) {
    const h = (s.length - 1) * (p / 100);
    const lo = Math.floor(h);
    let value = s.length ? s[lo] : NaN;
    if (h > lo) value += (s[lo + 1] - value) * (h - lo);
    out[percentileKey(p)] = value;
  }
  return out;
}

/** Column i of the chunks, in chunk order, as one plain array. */
function column(chunks: ChunkResult[], i: number): number[] {
  return chunks.flatMap((c) => Array.from(c.kept.subarray(i * c.valid, (i + 1) * c.valid)));
}

const model = loadFixture("tests/fixtures/model-linear.yaml");
const base: PsaMeta = {...psaEngine(model, {draws: 10, seed: 1}).meta, curves: {qaly: null, discountRate: null}};
/** The meta of a run with these chunk sizes. */
const metaFor = (sizes: number[]): PsaMeta => ({...base, chunks: sizes.length, draws: sizes.reduce((s, x) => s + x, 0)});

group("merging chunk results with bucket counts", () => {
  const u = stream(777);
  const cases: [string, () => number][] = [
    ["a wide spread of values", () => u() * 1e6 - 3e5],
    ["signed zeros, NaN and ±Infinity among ordinary values", () => [NaN, Infinity, -Infinity, 0, -0, 1, -2.5, 1e-310][Math.floor(u() * 8)]],
    ["many ties (one value per bucket and sub-bucket)", () => 42],
    ["a narrow normal-like spread (large buckets, split by the next 10 bits)", () => 1e6 + (u() + u() + u() - 1.5) * 1e3]
  ];
  // Chunks of 512 draws and shorter ones, with empty chunks between (valid 0: every draw non-finite).
  const sizes = [512, 0, 512, 17, 0, 512, 300, ...Array.from({length: 40}, () => 512), 1];
  for (const [what, value] of cases) {
    it(`counts made per "worker" (any split, any order) give the same result as counts made by the merge, and the percentiles are type 7 of the whole column sorted with −0 before +0: ${what}`, () => {
      const meta = metaFor(sizes);
      const chunks = synthetic(meta, sizes, value);
      const K = keptCount(meta);
      // Two "workers": odd and even chunks, each counting its own, added up afterwards.
      const a = new Int32Array(K * BUCKETS);
      const b = new Int32Array(K * BUCKETS);
      for (const c of chunks) countKept(c.chunk % 2 ? a : b, c.kept, K, c.valid);
      for (let i = 0; i < a.length; ++i) a[i] += b[i];
      const shuffled = [...chunks].reverse();
      const withCounts = mergeChunks(meta, shuffled, a);
      const without = mergeChunks(meta, chunks);
      expect(withCounts).toEqual(without);
      // toEqual tells −0 from +0 (Object.is): the percentiles are the reference's bit for bit.
      expect(without.saldo.percentiles).toEqual(sortedPercentiles(column(chunks, 2)));
      expect(without.costs.percentiles).toEqual(sortedPercentiles(column(chunks, 0)));
      expect(without.ratio.percentiles).toEqual(sortedPercentiles(column(chunks, 3)));
      meta.actors.forEach((_, i) => expect(without.actors[i].saldo.percentiles).toEqual(sortedPercentiles(column(chunks, 5 + i))));
      // The histogram and EVPI read the chunks in order as one column.
      expect(without.histogram).toEqual(histogram(column(chunks, 2), meta.bins));
      expect(without.evpi).toEqual(evpiSummary(column(chunks, 2), meta.actors.map((x, i) => ({...x, saldo: column(chunks, 5 + i)})), meta.participants, meta.inputs.length));
    });
  }
  it("all chunks empty: every percentile is NaN, the histogram is empty", () => {
    const meta = metaFor([0, 0, 0]);
    const chunks = synthetic(meta, [0, 0, 0], () => 1);
    const r = mergeChunks(meta, chunks, new Int32Array(keptCount(meta) * BUCKETS));
    expect(Object.values(r.saldo.percentiles).every(Number.isNaN)).toBe(true);
    expect(r.histogram).toEqual([]);
    expect(r).toEqual(mergeChunks(meta, chunks));
  });
  it("a guess of the percentiles' buckets from the first chunks that turns out wrong (the later chunks lie elsewhere) still gives the result of merging without a guess", () => {
    const sizes = Array.from({length: 80}, () => 512);
    const meta = metaFor(sizes);
    const early = stream(3);
    const late = stream(4);
    const chunks = synthetic(meta, sizes, () => 0);
    chunks.forEach((c) => {
      for (let j = 0; j < c.kept.length; ++j) c.kept[j] = c.chunk < 16 ? early() : 1000 + 1000 * late();
    });
    for (const counted of [false, true]) {
      const merger = new PsaMerger(meta, counted, true);
      for (const c of chunks) merger.add(c);
      if (counted) for (const c of chunks) countKept(merger.counts, c.kept, keptCount(meta), c.valid);
      expect(merger.result()).toEqual(mergeChunks(meta, chunks));
    }
  });
  it("a merger that guesses and collects the buckets, fed the chunks of a real run in a shuffled order, equals merging them without counts", () => {
    const engine = psaEngine(model, {draws: 90 * 512 + 7, seed: 2});
    const chunks = Array.from({length: engine.meta.chunks}, (_, c) => engine.run(c));
    const order = [...chunks].sort((a, b) => ((a.chunk * 7919) % 97) - ((b.chunk * 7919) % 97) || a.chunk - b.chunk);
    const merger = new PsaMerger(engine.meta, false, true);
    for (const c of order) merger.add(c);
    expect(merger.result()).toEqual(mergeChunks(engine.meta, chunks));
  });
  it("counts of the wrong size are refused", () => {
    const meta = metaFor([3]);
    const chunks = synthetic(meta, [3], () => 1);
    expect(() => mergeChunks(meta, chunks, new Int32Array(5))).toThrow(/bucket counts/);
  });
});

group("a pool worker's bucket counts", () => {
  /** A pool worker's message handler for the linear fixture model (2.000 draws, seed 5), initialised, and the replies it posts. */
  const linearServer = () => {
    const study = loadStudy("tests/fixtures/model-linear.yaml");
    const request = {file: JSON.parse(JSON.stringify(study.file)), registry: JSON.parse(JSON.stringify(defaultRegistry().toJSON())), draws: 2000, seed: 5};
    const replies: PoolReply[] = [];
    const serve = chunkServer((m) => replies.push(m));
    serve({type: "init", request});
    return {serve, replies};
  };
  it('answer {type: "counts"} with the counts of the chunks it computed since the last answer, then start again from zero', () => {
    const {serve, replies} = linearServer();
    serve({type: "chunks", chunks: [3, 1]});
    serve({type: "counts"});
    serve({type: "counts"});
    const chunks = replies.filter((m) => m.type === "chunks").flatMap((m) => (m as {results: ChunkResult[]}).results);
    const counts = replies.filter((m) => m.type === "counts").map((m) => (m as {counts: Int32Array}).counts);
    expect(chunks.map((c) => c.chunk)).toEqual([3, 1]);
    const meta = (replies[0] as {meta: PsaMeta}).meta;
    const K = keptCount(meta);
    const expected = new Int32Array(K * BUCKETS);
    for (const c of chunks) countKept(expected, c.kept, K, c.valid);
    expect(counts[0]).toEqual(expected);
    expect(counts[1]).toEqual(new Int32Array(K * BUCKETS));
  }, 120_000);
  it('answer {type: "counts", add} with its counts added to `add` (the sum of the workers asked before), so the page\'s thread adds none; counts of the wrong size are refused', () => {
    const {serve, replies} = linearServer();
    serve({type: "chunks", chunks: [0, 2]});
    const meta = (replies[0] as {meta: PsaMeta}).meta;
    const K = keptCount(meta);
    const before = new Int32Array(K * BUCKETS).map((_, i) => i % 3);
    serve({type: "counts", add: before.slice()});
    const chunks = replies.filter((m) => m.type === "chunks").flatMap((m) => (m as {results: ChunkResult[]}).results);
    const expected = before.slice();
    for (const c of chunks) countKept(expected, c.kept, K, c.valid);
    expect((replies.at(-1) as {counts: Int32Array}).counts).toEqual(expected);
    serve({type: "counts", add: new Int32Array(7)});
    expect(replies.at(-1)).toEqual({type: "error", message: `counts: expected ${K * BUCKETS} bucket counts to add to, found 7`});
  }, 120_000);
  it("the pool (2 and 3 workers in this thread; counts from the workers, buckets collected as the chunks come) equals psa() in one thread, on a run of 70 chunks", async () => {
    const study = loadStudy("tests/fixtures/model-linear.yaml");
    const request = {file: JSON.parse(JSON.stringify(study.file)), registry: JSON.parse(JSON.stringify(defaultRegistry().toJSON())), draws: 70 * 512 - 5, seed: 8};
    const inThread = (): PoolWorker => {
      let listener: (m: PoolReply) => void = () => {};
      let alive = true;
      const serve = chunkServer((m) => setTimeout(() => alive && listener(structuredClone(m)), 0));
      return {post: (m: PoolRequest) => setTimeout(() => alive && serve(structuredClone(m)), 0), onMessage: (l) => (listener = l), onError: () => {}, terminate: () => void (alive = false)};
    };
    const expected = psa(model, {draws: request.draws, seed: 8});
    for (const workers of [2, 3]) expect(await runPsaPool(request, {workers, create: inThread}).result).toEqual(expected);
  }, 120_000);
  it("psa() in one thread equals merging its chunks without counts (6 chunks)", () => {
    const engine = psaEngine(model, {draws: 3000, seed: 9});
    const chunks = Array.from({length: engine.meta.chunks}, (_, c) => engine.run(c));
    expect(psa(model, {draws: 3000, seed: 9})).toEqual(mergeChunks(engine.meta, chunks));
  });
  it("psa() of a run of 70 chunks equals merging its chunks without counts", () => {
    const draws = 70 * 512 - 5;
    const engine = psaEngine(model, {draws, seed: 4});
    const chunks = Array.from({length: engine.meta.chunks}, (_, c) => engine.run(c));
    expect(psa(model, {draws, seed: 4})).toEqual(mergeChunks(engine.meta, chunks));
  }, 120_000);
});
