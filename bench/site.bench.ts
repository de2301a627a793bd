// Site benchmark (issue 12): in Debian's Chromium, how long from moving a slider until the charts are
// redrawn. Pages are found in dist/ generically: every built page that, once rendered, has a range
// input and at least one [data-chart]. Per page, a range input whose change redraws a chart is
// moved back and forth between 30 % and 70 % of its range; one run is the time from dispatching
// the `input` event to the first animation frame after the last change inside any [data-chart]
// (a MutationObserver watches them; the run ends after QUIET_MS without a change, not counted).
// Skipped with a message when dist/ or Chromium is missing. Goal: under 50 ms.
// Run alone with `npm run bench -- --only site`.
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import type {BenchResult} from "./harness.js";
import {DIST, findChromium, launchChromium, listPages, openPage, serveDist} from "../tests/browser/harness.js";

const RUNS = Number(process.env.SITE_BENCH_RUNS ?? 21);
const WARMUP = 3;
const QUIET_MS = 250;
/** Give up on a slider when no chart changes within this time. */
const TIMEOUT_MS = 1500;
/** Sliders tried per page before giving up on it. */
const MAX_TRIED = 6;

function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (h - lo);
}

/** Candidate sliders on the page: index among input[type=range] that are visible and enabled. */
async function sliders(page: Page): Promise<{index: number; label: string}[]> {
  return page.$$eval('input[type="range"]', (inputs) =>
    inputs
      .map((input, index) => {
        const el = input as HTMLInputElement;
        const label = (el.labels?.[0]?.textContent || el.closest("form")?.querySelector("label")?.textContent || el.getAttribute("aria-label") || `range ${index + 1}`).trim();
        return {index, label, ok: !el.disabled && el.checkVisibility() && Number(el.max) > Number(el.min)};
      })
      .filter((s) => s.ok)
      .map(({index, label}) => ({index, label}))
  );
}

/**
 * Move slider `index` to the fraction `at` of its range and time the redraw. Returns milliseconds,
 * or null when no chart changed within TIMEOUT_MS.
 */
async function timeRedraw(page: Page, index: number, at: number): Promise<number | null> {
  return page.evaluate(
    ({index, at, quietMs, timeoutMs}) =>
      new Promise<number | null>((done) => {
        const input = document.querySelectorAll<HTMLInputElement>('input[type="range"]')[index];
        const min = Number(input.min);
        const max = Number(input.max);
        const step = input.step && input.step !== "any" ? Number(input.step) : 0;
        let value = min + (max - min) * at;
        if (step > 0) value = min + Math.round((value - min) / step) * step;
        // A cell that re-renders replaces its chart element, so watch the whole page and keep the
        // changes that touch a chart: inside a [data-chart], or adding/removing one.
        const touchesChart = (node: Node) =>
          node instanceof Element && (node.matches("[data-chart]") || node.querySelector("[data-chart]") !== null || node.closest("[data-chart]") !== null);
        let lastFrame: number | null = null;
        let quiet: ReturnType<typeof setTimeout> | undefined;
        let finished = false;
        const finish = () => {
          if (finished) return;
          finished = true;
          clearTimeout(quiet);
          observer.disconnect();
          done(lastFrame === null ? null : lastFrame - t0);
        };
        const observer = new MutationObserver((records) => {
          const relevant = records.some(
            (r) =>
              (r.target instanceof Element ? r.target : r.target.parentElement)?.closest("[data-chart]") ||
              Array.from(r.addedNodes).some(touchesChart) ||
              Array.from(r.removedNodes).some(touchesChart)
          );
          if (!relevant) return;
          clearTimeout(quiet);
          requestAnimationFrame(() => {
            lastFrame = performance.now();
            clearTimeout(quiet);
            quiet = setTimeout(finish, quietMs);
          });
        });
        observer.observe(document.body, {childList: true, subtree: true, attributes: true, characterData: true});
        const t0 = performance.now();
        input.value = String(value);
        input.dispatchEvent(new Event("input", {bubbles: true}));
        setTimeout(() => lastFrame === null && finish(), timeoutMs);
        setTimeout(finish, 10 * timeoutMs); // charts that never settle (an animation): stop anyway
      }),
    {index, at, quietMs: QUIET_MS, timeoutMs: TIMEOUT_MS}
  );
}

export async function run(): Promise<BenchResult[]> {
  const executable = findChromium();
  if (!existsSync(join(DIST, "index.html"))) {
    console.log("site.bench: skipped, no built site in dist/ (run `npm run build` first).");
    return [];
  }
  if (!executable) {
    console.log("site.bench: skipped, Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH).");
    return [];
  }
  const server = await serveDist();
  const browser = await launchChromium(executable);
  const results: BenchResult[] = [];
  try {
    console.log(`site.bench: Chromium ${browser.version()}, viewport 1280 × 900, ${RUNS} runs per page after ${WARMUP} warm-up runs`);
    for (const path of listPages()) {
      const {page, context} = await openPage(browser, server.origin, path);
      try {
        // tsx (esbuild keepNames) wraps named functions in __name(); define it in the page too.
        await page.evaluate("globalThis.__name = (f) => f");
        await page.setViewportSize({width: 1280, height: 900});
        if ((await page.locator("[data-chart]").count()) === 0) continue;
        let chosen: {index: number; label: string} | undefined;
        for (const s of (await sliders(page)).slice(0, MAX_TRIED)) {
          if ((await timeRedraw(page, s.index, 0.3)) !== null) {
            chosen = s;
            break;
          }
        }
        if (!chosen) continue;
        const times: number[] = [];
        let missed = 0;
        for (let i = 0; i < WARMUP + RUNS; ++i) {
          const ms = await timeRedraw(page, chosen.index, i % 2 === 0 ? 0.7 : 0.3);
          if (ms === null) ++missed;
          else if (i >= WARMUP) times.push(ms);
        }
        if (times.length === 0) continue;
        times.sort((a, b) => a - b);
        results.push({
          name: `slider → charts redrawn: ${path}`,
          unit: `slider "${chosen.label.slice(0, 40)}", ${await page.locator("[data-chart]").count()} charts`,
          runs: times.length,
          medianMs: quantile(times, 0.5),
          minMs: times[0],
          maxMs: times[times.length - 1],
          iqrMs: quantile(times, 0.75) - quantile(times, 0.25),
          note: `goal < 50 ms${missed ? `; ${missed} moves redrew nothing` : ""}`
        });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (results.length === 0) console.log("site.bench: no built page has a range input that redraws a [data-chart].");
  return results;
}
