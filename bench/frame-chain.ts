// In which animation frame a slider change reaches the figures (issue 18): `npx tsx bench/frame-chain.ts <path> [moves]`.
// Serves dist/, finds the slider that changes the page's figures as frame.bench.ts does, and moves
// it as frame.bench.ts does (its poll included: the input event, the figures' text changed, two more
// frames). Per move it lists every requestAnimationFrame callback run until then: its frame (by the
// frame's timestamp; 1 = the first frame after the input), its time after the input, whether the
// figures had changed before it ran, and where it was registered (the top of the stack). A figure
// that changes a frame late waits for something (a generator hop of the Observable runtime, a
// page's own requestAnimationFrame); the stacks name it. QUIET=1 prints one line per move; TEXT=1 reads
// the page's whole text instead of its figures (as frame.bench.ts does on a page whose figures do not change).
import {cellsSettled, findChromium, launchChromium, openPage, serveDist} from "../tests/browser/harness.js";
import {inPage, type FramePage} from "./frame.bench.js";

const path = process.argv[2] ?? "/";
const moves = Number(process.argv[3] ?? 4);
const server = await serveDist();
const browser = await launchChromium(findChromium()!);
type Row = {frame: number; ms: number; changed: boolean; where: string};
type Move = {rows: Row[]; ms: number; frames: number[]};
try {
  const {page} = await openPage(browser, server.origin, path);
  await page.setViewportSize({width: 1280, height: 900});
  // Before the page's own scripts (the runtime keeps its own reference to requestAnimationFrame):
  // every callback registered while a move is watched is logged.
  await page.addInitScript("globalThis.__name = (f) => f");
  await page.addInitScript(() => {
    const raf = window.requestAnimationFrame.bind(window);
    const chain = {log: null as Row[] | null, frames: [] as number[], t0: 0, changed: () => false};
    (globalThis as unknown as {__chain: typeof chain}).__chain = chain;
    window.requestAnimationFrame = (callback) => {
      const where = chain.log
        ? (new Error().stack ?? "")
            .split("\n")
            .slice(2, 7)
            .map((l) => l.trim().replace(/^at /, "").replace(/https?:\/\/[^/]+\/(_import|_observablehq|_npm|_node)\//, "").replace(/\.[0-9a-f]{8}\.js/, ".js"))
            .join(" < ")
        : "";
      return raf((t) => {
        if (chain.log) {
          if (!chain.frames.includes(t)) chain.frames.push(t);
          chain.log.push({frame: chain.frames.indexOf(t) + 1, ms: performance.now() - chain.t0, changed: chain.changed(), where});
        }
        callback(t);
      });
    };
  });
  await page.reload({waitUntil: "load"});
  await cellsSettled(page);
  await inPage(page);
  await page.waitForTimeout(1000);
  const result = await page.evaluate(
    async ({moves, text}) => {
      const chain = (globalThis as unknown as {__chain: {log: Row[] | null; frames: number[]; t0: number; changed: () => boolean}}).__chain;
      // As frame.bench.ts reads them (inPage); TEXT=1 reads the page's text.
      const signature = () => (globalThis as unknown as FramePage).__figures(text);
      const sliders = () => Array.from(document.querySelectorAll<HTMLInputElement>('main input[type="range"]')).filter((i) => !i.disabled && i.checkVisibility());
      // frame.bench.ts's timeChange, with the log around it.
      const move = (index: number, at: number, timeoutMs = 2000) =>
        new Promise<Move | null>((done) => {
          const input = sliders()[index];
          if (!input) return done(null);
          const before = signature();
          chain.changed = () => signature() !== before;
          chain.log = [];
          chain.frames = [];
          const finish = (ms: number | null) => {
            const rows = chain.log ?? [];
            chain.log = null;
            done(ms === null ? null : {rows, ms, frames: chain.frames.map((t) => t - chain.t0)});
          };
          input.value = String(Number(input.min) + (Number(input.max) - Number(input.min)) * at);
          chain.t0 = performance.now();
          input.dispatchEvent(new Event("input", {bubbles: true}));
          // As frame.bench.ts times a move (inPage's __shown: two frames after the change, or null on a timeout).
          void (globalThis as unknown as FramePage).__shown(chain.changed, timeoutMs).then((shown) => finish(shown ? performance.now() - chain.t0 : null));
        });
      const pause = () => new Promise((r) => setTimeout(r, 300));
      let index = 0;
      for (; index < 4; ++index) {
        if (await move(index, 0.7)) break;
        await pause();
        if (await move(index, 0.3)) break;
        await pause();
      }
      const out: Move[] = [];
      for (let i = 0; i < moves + 2; ++i) {
        await pause();
        const r = await move(index, i % 2 ? 0.7 : 0.3, 5000);
        if (r && i >= 2) out.push(r);
      }
      return {index, out};
    },
    {moves, text: process.env.TEXT === "1"}
  );
  console.log(`${path}: slider ${result.index} (0 = the first visible one)`);
  for (const [i, m] of result.out.entries()) {
    const seen = m.rows.find((r) => r.changed);
    console.log(`move ${i + 1}: ${m.ms.toFixed(1)} ms (as frame.bench.ts); first seen changed in frame ${seen?.frame ?? "?"}; ${m.frames.length} frames, begun at ${m.frames.map((t) => t.toFixed(1)).join(", ")} ms`);
    if (process.env.QUIET) continue;
    for (const r of m.rows) console.log(`  frame ${r.frame} ${r.ms.toFixed(1).padStart(6)} ms ${r.changed ? "changed" : "       "}  ${r.where}`);
  }
} finally {
  await browser.close();
  await server.close();
}
