// Frame benchmark (issue 18, point 1): in Debian's Chromium, how long from a slider change until the
// page's figures show the new numbers and two more animation frames have been drawn. It builds
// nothing: it serves the existing dist/ (run `npm run build` first). Pages are found generically:
// every built page that loads the model controls or the number input (its modulepreload links) and,
// once rendered, has a visible slider or number box. Per page the first slider that changes the figures
// (else the first number box without a slider, typed as one input) is moved between 30 % and 70 % of its range, FRAME_RUNS times (default 10) after two warm-up moves. One run is: dispatch the
// `input` event -> the text of the page's figures ([data-value] elements, else <main>) differs from
// before -> two requestAnimationFrame callbacks. Goal: median < 50 ms, 95th percentile < 100 ms.
// A page with a Monte Carlo (a `.psa-status` element: the uncertainty pages, whose only number box is
// the seed) is measured in two rows: until the page shows the change (the status marks the previous
// result as being recomputed; the goal above applies) and until the workers' result is shown (no
// goal: it is computed off the main thread), with the main thread's CPU and its longest task per
// move until then (a long task blocks typing). A page with no slider or box gets a row saying so.
// The machine load (1-minute load average) is printed beside each row: on a shared machine the
// figures may be inflated; the main thread's CPU time over the same moves (Chromium's trace, thread
// time of its tasks) is printed beside them, as the issue asks for CPU time where the load is above 1. Run alone with `npm run bench -- --only frame`; FRAME_PAGES=<substring>
// (comma-separated substrings) limits the pages, e.g.
// FRAME_PAGES=cockpit,/vh,fs01,vip,caseload,leidse-kracht for the pages issue 18 measured.
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import os from "node:os";
import type {Page} from "playwright-core";
import type {BenchResult} from "./harness.js";
import {DIST, findChromium, launchChromium, listPages, openPage, serveDist} from "../tests/browser/harness.js";

const RUNS = Number(process.env.FRAME_RUNS ?? 10);
const WARMUP = 2;
const TIMEOUT_MS = 5000;
/** On a page with a Monte Carlo: the longest wait for the worker's result (10.000 draws take ~1 s on 2 cores). */
const WORKER_TIMEOUT_MS = 30_000;
/** Pause between moves, so that work a move starts in the background (a worker) settles. */
const PAUSE_MS = 300;
/** Sliders tried per page for one that changes the figures. */
const MAX_TRIED = 4;

function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (h - lo);
}

/** What `inPage` defines in the page, for the code that runs there. */
export type FramePage = {__figures: (text: boolean) => string; __inputs: () => HTMLInputElement[]; __input: (index: number, at: number) => {input: HTMLInputElement; value: number; text: string} | null; __shown: (changed: () => boolean, timeoutMs: number) => Promise<boolean>};

/**
 * Prepares an opened page for code evaluated in it by this bench and its tools (frame-chain.ts,
 * frame-trace.ts), so that all read the figures alike: defines `__name` (tsx, through esbuild's
 * keepNames, wraps named functions in it); `__figures(text)`, the text of the page's figures
 * ([data-value] elements other than the number boxes' forms, which carry data-value too), or, with
 * `text` or on a page without figures, the text of <main>; `__inputs()`, the visible inputs (the
 * sliders first, then the number boxes that have no slider); and `__input(index, at)`, the index-th
 * of them with the value at fraction `at` of its range (on its step; whole numbers in a whole-number
 * box) and the text to set it to (a box's with a decimal comma, as a reader types it), or null;
 * `__shown(changed, timeoutMs)`, called just after an input event: resolves true two frames after
 * `changed()` first holds (read after the synchronous handlers, then once per frame), or false after
 * `timeoutMs`. On a timeout the poll stops too: a poll left running (a search for the slider that
 * changes the figures, on a page whose figures do not change) keeps the page animating, and then
 * every later move waits for the next vsync before its first frame: one frame (~17 ms) more on every
 * move (effect-instrumenten, nieuwe-doelgroepen, UWV-tarieven and Leiden scholing measured ~61 ms
 * instead of ~45 with the search's eight polls left running; fs01 measured 62 ms with one).
 */
export async function inPage(page: Page): Promise<void> {
  await page.evaluate(`globalThis.__name = (f) => f;
globalThis.__figures = (text) => {
  const figures = text ? [] : document.querySelectorAll("[data-value]:not(form)");
  return figures.length ? Array.from(figures, (f) => f.textContent).join("|") : (document.querySelector("main")?.textContent ?? "");
};
globalThis.__inputs = () => {
  const sliders = Array.from(document.querySelectorAll('main input[type="range"]')).filter((i) => !i.disabled && i.checkVisibility());
  const boxes = Array.from(document.querySelectorAll("main form.number-input"))
    .filter((f) => !f.querySelector('input[type="range"]') && f.checkVisibility())
    .map((f) => f.querySelector(".number-input-box"));
  return [...sliders, ...boxes];
};
globalThis.__input = (index, at) => {
  const input = globalThis.__inputs()[index];
  if (!input) return null;
  const box = input.type !== "range";
  const form = input.closest("form");
  const min = Number(box ? form?.dataset.min : input.min);
  const max = Number(box ? form?.dataset.max : input.max);
  const step = box ? (input.inputMode === "numeric" ? 1 : 0) : input.step && input.step !== "any" ? Number(input.step) : 0;
  let value = min + (max - min) * at;
  if (step > 0) value = min + Math.round((value - min) / step) * step;
  return {input, value, text: box ? String(Number(value.toFixed(3))).replace(".", ",") : String(value)};
};
globalThis.__shown = (changed, timeoutMs) =>
  new Promise((done) => {
    let gaveUp = false;
    const give = setTimeout(() => {
      gaveUp = true;
      done(false);
    }, timeoutMs);
    const poll = () => {
      if (gaveUp) return;
      if (!changed()) return requestAnimationFrame(poll);
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          clearTimeout(give);
          done(true);
        })
      );
    };
    // Polling every frame costs one read per frame (a few µs).
    queueMicrotask(() => Promise.resolve().then(poll));
  });`);
}

/** Pages whose built HTML loads the controls (a page with model inputs). */
function pagesWithInputs(): string[] {
  const filters = process.env.FRAME_PAGES?.split(",").filter(Boolean);
  return listPages().filter((path) => {
    if (filters && !filters.some((f) => path.includes(f))) return false;
    const file = join(DIST, path.endsWith("/") ? `${path}index.html` : `${path}.html`);
    const html = readFileSync(file, "utf8");
    return /modulepreload"? href="[^"]*\/(controls|numberInput)\.[0-9a-f]+\.js"/.test(html);
  });
}

/**
 * Moves the `index`-th visible input to fraction `at` of its range: the sliders first, then the number
 * boxes that have no slider (typed as a reader's one input, with a decimal comma); ms until the figures
 * changed + 2 frames, or null.
 */
async function timeChange(page: Page, at: number, index = 0, timeoutMs = TIMEOUT_MS, text = false): Promise<number | null> {
  return page.evaluate(
    ({at, index, timeoutMs, text}) =>
      new Promise<number | null>((done) => {
        const picked = (globalThis as unknown as FramePage).__input(index, at);
        if (!picked) return done(null);
        const {input, text: typed} = picked;
        // The figures (inPage); with `text`, or on a page without figures, the text of the whole page.
        const signature = () => (globalThis as unknown as FramePage).__figures(text);
        const before = signature();
        performance.mark("frame-move-start");
        const t0 = performance.now();
        input.value = typed;
        input.dispatchEvent(new Event("input", {bubbles: true}));
        void (globalThis as unknown as FramePage).__shown(() => signature() !== before, timeoutMs).then((shown) => {
          if (!shown) return done(null);
          performance.mark("frame-move-end");
          done(performance.now() - t0);
        });
      }),
    {at, index, timeoutMs, text}
  );
}

/**
 * Chromium's trace over the timed moves: per move, the CPU time of the page's main thread (the
 * thread time of its tasks, `tdur`) from the input event until the figures changed and two frames
 * were drawn. On a loaded machine the wall time above includes waiting for a core; this does not.
 * Beside it the longest single task of the move (its thread time): a task that long blocks typing.
 */
async function startTrace(page: Page): Promise<{stop: () => Promise<{cpu: number; longest: number}[]>}> {
  const cdp = await page.context().newCDPSession(page);
  const events: {name: string; ph: string; ts: number; dur?: number; tdur?: number; tid: number}[] = [];
  cdp.on("Tracing.dataCollected", (e) => void events.push(...(e.value as unknown as typeof events)));
  // RunTask (with its thread time) is in the disabled-by-default category.
  await cdp.send("Tracing.start", {traceConfig: {includedCategories: ["disabled-by-default-devtools.timeline", "blink.user_timing"]}} as never);
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
      await cdp.send("Tracing.end");
      await complete;
      await cdp.detach();
      const starts = events.filter((e) => e.name === "frame-move-start").sort((a, b) => a.ts - b.ts);
      const ends = events.filter((e) => e.name === "frame-move-end").sort((a, b) => a.ts - b.ts);
      const main = starts[0]?.tid;
      const tasks = events.filter((e) => e.name === "RunTask" && e.ph === "X" && e.tid === main);
      return starts.flatMap((s) => {
        const end = ends.find((e) => e.ts >= s.ts);
        if (!end) return [];
        // The task that dispatched the input is the evaluate call's own: count the tasks that start in the window, plus that one.
        const inMove = tasks.filter((t) => t.ts + (t.dur ?? 0) >= s.ts && t.ts <= end.ts).map((t) => (t.tdur ?? t.dur ?? 0) / 1000);
        return [{cpu: inMove.reduce((a, b) => a + b, 0), longest: Math.max(0, ...inMove)}];
      });
    }
  };
}

/**
 * On a page with a Monte Carlo (its status element `.psa-status`, src/components/psaRun.js) the
 * `index`-th input is moved to fraction `at` of its range and two times are taken: until the page
 * shows the change (its text, in practice the status "Bezig: …" that marks the previous result as
 * being recomputed) + 2 frames, and until the worker's result is shown (the status has no progress
 * bar any more and its text differs from before: "… met seed N …; berekend in …") + 2 frames.
 */
async function timeWorkerChange(page: Page, at: number, index: number, timeoutMs: number): Promise<{shown: number | null; done: number | null}> {
  return page.evaluate(
    ({at, index, timeoutMs}) =>
      new Promise<{shown: number | null; done: number | null}>((resolve) => {
        const picked = (globalThis as unknown as FramePage).__input(index, at);
        const status = document.querySelector(".psa-status");
        if (!picked || !status) return resolve({shown: null, done: null});
        const {input, text: typed} = picked;
        const text = () => (globalThis as unknown as FramePage).__figures(true);
        const before = text();
        const statusBefore = status.textContent;
        const finished = () => !status.querySelector("progress") && status.textContent !== statusBefore;
        let shown: number | null = null;
        performance.mark("frame-move-start");
        const t0 = performance.now();
        let gaveUp = false;
        const give = setTimeout(() => {
          gaveUp = true;
          resolve({shown, done: null});
        }, timeoutMs);
        // Frames since the change was first seen, and since the worker's result was first seen.
        let sinceShown = -1;
        let sinceDone = -1;
        const poll = () => {
          if (gaveUp) return;
          if (sinceShown < 0 && text() !== before) sinceShown = 0;
          else if (sinceShown >= 0 && sinceShown < 2 && ++sinceShown === 2) shown = performance.now() - t0;
          if (sinceDone < 0 && finished()) sinceDone = 0;
          else if (sinceDone >= 0 && ++sinceDone === 2) {
            clearTimeout(give);
            performance.mark("frame-move-end");
            return resolve({shown: shown ?? performance.now() - t0, done: performance.now() - t0});
          }
          requestAnimationFrame(poll);
        };
        input.value = typed;
        input.dispatchEvent(new Event("input", {bubbles: true}));
        queueMicrotask(() => Promise.resolve().then(poll));
      }),
    {at, index, timeoutMs}
  );
}

/** Waits until the page's text has not changed for `quietMs` (at most `maxMs`): work a move started after its result (an uncertainty page's EVPPI) has ended. */
async function settle(page: Page, quietMs = 500, maxMs = 20_000): Promise<void> {
  await page.evaluate(
    ({quietMs, maxMs}) =>
      new Promise<void>((resolve) => {
        const text = () => (globalThis as unknown as FramePage).__figures(true);
        let last = text();
        let since = performance.now();
        const t0 = since;
        const check = () => {
          const now = performance.now();
          const t = text();
          if (t !== last) [last, since] = [t, now];
          if (now - since >= quietMs || now - t0 >= maxMs) resolve();
          else setTimeout(check, 50);
        };
        check();
      }),
    {quietMs, maxMs}
  );
}

/** Rows of a page with a Monte Carlo: the change shown, and the worker's result shown (with the main thread's CPU and longest task per move). */
async function workerRows(page: Page, path: string): Promise<BenchResult[]> {
  const shown: number[] = [];
  const done: number[] = [];
  const loads: number[] = [];
  let missed = 0;
  await settle(page);
  const trace = await startTrace(page);
  for (let i = 0; i < WARMUP + RUNS; ++i) {
    await settle(page);
    await page.waitForTimeout(PAUSE_MS);
    const r = await timeWorkerChange(page, i % 2 === 0 ? 0.3 : 0.7, 0, WORKER_TIMEOUT_MS);
    if (i < WARMUP) continue;
    loads.push(os.loadavg()[0]);
    if (r.shown === null || r.done === null) ++missed;
    else {
      shown.push(r.shown);
      done.push(r.done);
    }
  }
  const perMove = (await trace.stop()).slice(WARMUP);
  const cpu = perMove.map((m) => m.cpu).sort((a, b) => a - b);
  const longest = perMove.map((m) => m.longest).sort((a, b) => a - b);
  if (shown.length === 0) return [{name: `input → Monte Carlo recomputed: ${path}`, unit: "—", runs: 0, medianMs: NaN, minMs: NaN, maxMs: NaN, iqrMs: NaN, note: "the worker's result never came"}];
  shown.sort((a, b) => a - b);
  done.sort((a, b) => a - b);
  const load = loads.reduce((a, b) => a + b, 0) / loads.length;
  const cpuNote = `main-thread CPU per move (until the worker's result is shown) median ${quantile(cpu, 0.5).toFixed(1)} ms, p95 ${quantile(cpu, 0.95).toFixed(1)} ms; longest task median ${quantile(longest, 0.5).toFixed(1)} ms, max ${longest[longest.length - 1].toFixed(1)} ms`;
  const row = (name: string, times: number[], note: string): BenchResult => ({name, unit: "1 input change", runs: times.length, medianMs: quantile(times, 0.5), minMs: times[0], maxMs: times[times.length - 1], iqrMs: quantile(times, 0.75) - quantile(times, 0.25), load, note});
  const p95 = quantile(shown, 0.95);
  const rows = [
    row(`input → page shows the Monte Carlo is recomputed: ${path}`, shown, `p95 ${p95.toFixed(1)} ms; goal median < 50 ms ${quantile(shown, 0.5) < 50 ? "✓" : "✗"}, p95 < 100 ms ${p95 < 100 ? "✓" : "✗"}; load ${load.toFixed(1)} on ${os.cpus().length} cores${missed ? `; ${missed} moves timed out` : ""}`),
    row(`input → worker's Monte Carlo figures shown: ${path}`, done, `p95 ${quantile(done, 0.95).toFixed(1)} ms (no goal: computed in the workers); ${cpuNote}; load ${load.toFixed(1)}`)
  ];
  console.log(`  ${path}: page shows the recomputation: median ${quantile(shown, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (load ${load.toFixed(1)})`);
  console.log(`  ${path}: worker's figures shown: median ${quantile(done, 0.5).toFixed(1)} ms, p95 ${quantile(done, 0.95).toFixed(1)} ms; ${cpuNote}`);
  return rows;
}

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(join(DIST, "index.html"))) {
    console.log("frame.bench: skipped, no built site in dist/ (run `npm run build` first).");
    return [{name: "slider → page redrawn", unit: "—", runs: 0, medianMs: NaN, minMs: NaN, maxMs: NaN, iqrMs: NaN, note: "no dist/: run `npm run build` first"}];
  }
  const executable = findChromium();
  if (!executable) {
    console.log("frame.bench: skipped, Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH).");
    return [];
  }
  const server = await serveDist();
  const browser = await launchChromium(executable);
  const results: BenchResult[] = [];
  try {
    console.log(`frame.bench: Chromium ${browser.version()}, viewport 1280 × 900, ${RUNS} moves per page after ${WARMUP} warm-up moves`);
    for (const path of pagesWithInputs()) {
      const {page, context} = await openPage(browser, server.origin, path);
      try {
        await inPage(page);
        await page.setViewportSize({width: 1280, height: 900});
        const {inputs, worker} = await page.evaluate(() => ({
          inputs: (globalThis as unknown as FramePage).__inputs().length,
          worker: document.querySelector(".psa-status") !== null
        }));
        if (inputs === 0) {
          console.log(`  ${path}: no slider or number box on the page (nothing to move)`);
          results.push({name: `slider → page redrawn: ${path}`, unit: "—", runs: 0, medianMs: NaN, minMs: NaN, maxMs: NaN, iqrMs: NaN, note: "no visible slider or number box on the page (nothing to move)"});
          continue;
        }
        // A page with a Monte Carlo: its first input (the seed box) in two parts.
        if (worker) {
          results.push(...(await workerRows(page, path)));
          continue;
        }
        // The first slider that changes the figures (a page's first slider may move only a chart).
        // Its figures first; else the first that changes the page's text (a page whose results are not
        // marked as figures, such as a calculator's table).
        const moves = async (i: number, text: boolean) => (await timeChange(page, 0.7, i, 2000, text)) !== null || (await timeChange(page, 0.3, i, 2000, text)) !== null;
        let index = 0;
        let text = false;
        while (index < MAX_TRIED && !(await moves(index, text))) ++index;
        if (index === MAX_TRIED) {
          text = true;
          index = 0;
          while (index < MAX_TRIED && !(await moves(index, text))) ++index;
        }
        const times: number[] = [];
        let missed = 0;
        const loads: number[] = [];
        const trace = await startTrace(page);
        for (let i = 0; i < WARMUP + RUNS; ++i) {
          await page.waitForTimeout(PAUSE_MS);
          const ms = await timeChange(page, i % 2 === 0 ? 0.3 : 0.7, index, TIMEOUT_MS, text);
          if (i < WARMUP) continue;
          loads.push(os.loadavg()[0]);
          if (ms === null) ++missed;
          else times.push(ms);
        }
        const cpu = (await trace.stop())
          .slice(WARMUP)
          .map((m) => m.cpu)
          .sort((a, b) => a - b);
        if (times.length === 0) {
          results.push({name: `slider → page redrawn: ${path}`, unit: "—", runs: 0, medianMs: NaN, minMs: NaN, maxMs: NaN, iqrMs: NaN, note: "the figures and the page's text never changed"});
          continue;
        }
        times.sort((a, b) => a - b);
        const median = quantile(times, 0.5);
        const p95 = quantile(times, 0.95);
        const load = loads.reduce((a, b) => a + b, 0) / loads.length;
        const row: BenchResult = {
          name: `slider → page redrawn: ${path}`,
          unit: "1 slider change",
          runs: times.length,
          medianMs: median,
          minMs: times[0],
          maxMs: times[times.length - 1],
          iqrMs: quantile(times, 0.75) - quantile(times, 0.25),
          note: `p95 ${p95.toFixed(1)} ms; goal median < 50 ms ${median < 50 ? "✓" : "✗"}, p95 < 100 ms ${p95 < 100 ? "✓" : "✗"}; ${cpu.length ? `main-thread CPU median ${quantile(cpu, 0.5).toFixed(1)} ms, p95 ${quantile(cpu, 0.95).toFixed(1)} ms; ` : ""}load ${load.toFixed(1)} on ${os.cpus().length} cores${text ? "; read as the page's text (no figure changed)" : ""}${missed ? `; ${missed} moves changed nothing` : ""}`
        };
        console.log(`  ${path}: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms${cpu.length ? `; main-thread CPU median ${quantile(cpu, 0.5).toFixed(1)} ms, p95 ${quantile(cpu, 0.95).toFixed(1)} ms` : ""} (load ${load.toFixed(1)})`);
        results.push(row);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
