// Where a slider change spends the main thread's time (issue 18): `npx tsx bench/frame-trace.ts <path> [moves]`.
// Serves dist/, moves the first visible slider `moves` times (default 10) under Chromium's trace and
// prints, per move (median), the main thread's time per trace event kind (script, style, layout,
// paint, ...) from the input event until 150 ms later, and the time until the figures changed. Top
// level events only (nested events are counted in their parent). A tool beside frame-profile.ts.
import os from "node:os";
import {findChromium, launchChromium, openPage, serveDist} from "../tests/browser/harness.js";
import {inPage, type FramePage} from "./frame.bench.js";

const path = process.argv[2] ?? "/";
const moves = Number(process.argv[3] ?? 10);
const server = await serveDist();
const browser = await launchChromium(findChromium()!);
type Ev = {name: string; ph: string; ts: number; dur?: number; tdur?: number; tid: number; args?: {data?: {functionName?: string; url?: string}; beginData?: Record<string, unknown>; elementCount?: number}};
try {
  const {page} = await openPage(browser, server.origin, path);
  await page.setViewportSize({width: 1280, height: 900});
  await inPage(page);
  if (process.env.EXTRA_CSS) await page.addStyleTag({content: process.env.EXTRA_CSS});
  // SCROLL_TO=<selector>: that element in view while the slider moves (a chart on screen is laid out).
  if (process.env.SCROLL_TO) await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({block: "center"}), process.env.SCROLL_TO);
  await page.waitForTimeout(1500);
  const changed: number[] = [];
  // The slider frame.bench.ts moves: the first that changes the figures (on /methode the first slider
  // moves only a table, and the time until the figures changed was NaN).
  const move = (at: number, index: number, timeoutMs = 3000) =>
    page.evaluate(
      ({at, index, timeoutMs}) =>
        new Promise<number>((done) => {
          const input = Array.from(document.querySelectorAll<HTMLInputElement>('main input[type="range"]')).filter((x) => !x.disabled && x.checkVisibility())[index];
          if (!input) return done(NaN);
          // The figures as frame.bench.ts reads them (inPage).
          const sig = () => (globalThis as unknown as FramePage).__figures(false);
          const before = sig();
          performance.mark("move-start");
          const t0 = performance.now();
          // The poll stops on a timeout: left running, it keeps the page animating and delays every
          // later move's first frame to the next vsync (frame.bench.ts timeChange).
          let gaveUp = false;
          const poll = () => (gaveUp ? undefined : sig() === before ? requestAnimationFrame(poll) : done(performance.now() - t0));
          input.value = String(Number(input.min) + (Number(input.max) - Number(input.min)) * at);
          input.dispatchEvent(new Event("input", {bubbles: true}));
          requestAnimationFrame(poll);
          setTimeout(() => {
            gaveUp = true;
            done(NaN);
          }, timeoutMs);
        }),
      {at, index, timeoutMs}
    );
  let index = 0;
  while (index < 4 && Number.isNaN(await move(0.7, index, 1000)) && Number.isNaN(await move(0.3, index, 1000))) ++index;
  await page.waitForTimeout(400);
  // The trace covers the timed moves only (not the search above).
  const cdp = await page.context().newCDPSession(page);
  const events: Ev[] = [];
  cdp.on("Tracing.dataCollected", (e) => void events.push(...(e.value as unknown as Ev[])));
  await cdp.send("Tracing.start", {traceConfig: {includedCategories: ["devtools.timeline", "v8.execute", "disabled-by-default-devtools.timeline", "blink.user_timing"]}} as never);
  for (let i = 0; i < moves + 2; ++i) {
    await page.waitForTimeout(400);
    const ms = await move(i % 2 ? 0.3 : 0.7, index);
    if (i >= 2) changed.push(ms);
  }
  await page.waitForTimeout(400);
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.end");
  await complete;
  const starts = events.filter((e) => e.name === "move-start").sort((a, b) => a.ts - b.ts).slice(2);
  const main = starts[0].tid;
  const mine = events.filter((e) => e.tid === main && e.ph === "X" && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const perMove: Map<string, number>[] = starts.map((s) => {
    const m = new Map<string, number>();
    // Top-level events only: skip an event inside the previous counted one.
    let end = -1;
    for (const e of mine) {
      if (e.ts < s.ts || e.ts > s.ts + 150_000 || e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") continue;
      if (e.ts < end) continue;
      end = e.ts + (e.dur ?? 0);
      const key = e.name === "FunctionCall" || e.name === "EvaluateScript" ? `${e.name} ${e.args?.data?.functionName ?? ""} ${(e.args?.data?.url ?? "").split("/").pop()}` : e.name;
      m.set(key, (m.get(key) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
    }
    return m;
  });
  const keys = new Set(perMove.flatMap((m) => [...m.keys()]));
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rows = [...keys].map((k) => [k, med(perMove.map((m) => m.get(k) ?? 0))] as const).filter(([, v]) => v > 0.2).sort((a, b) => b[1] - a[1]);
  const total = med(perMove.map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
  // The first frame after the input: it begins at once (its BeginFrame is already pending), and the
  // figures' change is drawn in it only if its work (the cells, style, layout, paint: up to its first
  // Commit) ends before the next vsync, about 15 ms after the input; else the page waits a frame
  // (frame.bench.ts then measures ~65 instead of ~49 ms). Its main-thread time, per move:
  const firstFrame = starts.map((s) => {
    const commit = mine.find((e) => e.ts >= s.ts && e.name === "Commit");
    if (!commit) return {wall: NaN, cpu: NaN};
    const end = commit.ts + (commit.dur ?? 0);
    const tasks = mine.filter((e) => e.name === "RunTask" && e.ts + (e.dur ?? 0) >= s.ts && e.ts <= end);
    return {wall: (end - s.ts) / 1000, cpu: tasks.reduce((a, t) => a + (t.tdur ?? t.dur ?? 0), 0) / 1000};
  });
  console.log(`${path}: ${moves} moves; figures changed after (median) ${med(changed).toFixed(1)} ms; main-thread time in 150 ms after the input (median) ${total.toFixed(1)} ms; first frame's work until its commit (median) ${med(firstFrame.map((f) => f.wall)).toFixed(1)} ms wall, ${med(firstFrame.map((f) => f.cpu)).toFixed(1)} ms CPU (thread time); load ${os.loadavg()[0].toFixed(1)}`);
  for (const [k, v] of rows.slice(0, 25)) console.log(`${v.toFixed(2).padStart(8)}  ${k}`);
  if (process.env.TIMELINE) {
    // One move's events in time order (ms after the input; depth by nesting), for reading by eye.
    const s = starts[Math.min(starts.length - 1, 3)];
    const stack: number[] = [];
    for (const e of mine) {
      if (e.ts < s.ts || e.ts > s.ts + 150_000) continue;
      while (stack.length && e.ts >= stack[stack.length - 1]) stack.pop();
      if ((e.dur ?? 0) >= 300 && stack.length <= Number(process.env.TIMELINE)) console.log(`${((e.ts - s.ts) / 1000).toFixed(1).padStart(7)} ${"  ".repeat(stack.length)}${e.name} ${((e.dur ?? 0) / 1000).toFixed(2)} ${e.args?.data?.functionName ?? ""} ${(e.args?.data?.url ?? "").split("/").pop()}${e.name === "Layout" ? ` ${JSON.stringify({dirty: e.args?.beginData?.dirtyObjects, total: e.args?.beginData?.totalObjects, partial: e.args?.beginData?.partialLayout})}` : ""}${e.name === "UpdateLayoutTree" ? ` elements ${e.args?.elementCount ?? ""}` : ""}`);
      stack.push(e.ts + (e.dur ?? 0));
    }
  }
} finally {
  await browser.close();
  await server.close();
}
