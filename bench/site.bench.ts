// The site in Chromium (issue 12): slider change → charts redrawn, on every built page that has a
// range input and a [data-chart] (the cockpit, intervention pages; found in dist/, not by name),
// plus the gzipped JavaScript each of those pages loads. Goal: under 50 ms; at most 300 KB.
// Runs only when dist/ exists (`npm run build`) and Chromium is found; otherwise it says so.
// A measurement, never a test: tests/site/js-size.test.ts holds the size limit.
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {BenchResult} from "./harness.js";
import {DIST, chartStates, findChromium, launchChromium, listPages, openPage, serveDist} from "../tests/browser/harness.js";
import {pageWeight} from "../tests/site/page-weight.js";

const REPEATS = 9;
/** A redraw is over when no chart has changed for this long. */
const QUIET_MS = 250;

// Runs in the page. A plain string, because tsx would add helper calls (__name) to a compiled function.
// Moves the first slider between two values a third of its range from either end; returns the ms from
// the input event to the last change inside any [data-chart] (after which nothing changed for `quiet`
// ms), or -1 when no chart changed.
const SLIDER_TO_REDRAW = `async function (i, quiet) {
  const input = document.querySelector('input[type="range"]');
  const min = Number(input.min || 0), max = Number(input.max || 100);
  const step = Number(input.step) || (max - min) / 100;
  const k = Math.round((max - min) / (3 * step));
  const value = i % 2 === 0 ? Math.min(max, min + k * step) : Math.max(min, max - k * step);
  let last = -1;
  // Reactive cells may redraw a chart in place or replace its element: both count.
  const isChart = function (n) { return n && n.nodeType === 1 && (n.matches("[data-chart]") || n.querySelector("[data-chart]") !== null); };
  const observer = new MutationObserver(function (records) {
    for (const r of records) {
      const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if ((t && t.closest("[data-chart]")) || Array.from(r.addedNodes).some(isChart) || Array.from(r.removedNodes).some(isChart)) last = performance.now();
    }
  });
  observer.observe(document.body, {childList: true, subtree: true, attributes: true, characterData: true});
  const t0 = performance.now();
  input.value = String(value);
  input.dispatchEvent(new Event("input", {bubbles: true}));
  await new Promise(function (done) {
    function check() { if ((last >= 0 && performance.now() - last > quiet) || performance.now() - t0 > 5000) done(); else setTimeout(check, 20); }
    setTimeout(check, 20);
  });
  observer.disconnect();
  if (last < 0) return -1;
  await new Promise(function (r) { requestAnimationFrame(function () { r(null); }); });
  return last - t0;
}`;

function skipped(reason: string): BenchResult[] {
  return [{name: `site: slider → charts (skipped: ${reason})`, unit: "-", runs: 0, medianMs: 0, minMs: 0, maxMs: 0, iqrMs: 0}];
}

export async function run(): Promise<BenchResult[]> {
  const executable = findChromium();
  if (!existsSync(join(DIST, "index.html"))) return skipped("no dist/; run npm run build");
  if (!executable) return skipped("Chromium not found");
  // Charts get their data-chart attribute when they are drawn, so every page is opened and looked at.
  const candidates = listPages();
  const server = await serveDist();
  const browser = await launchChromium(executable);
  const results: BenchResult[] = [];
  try {
    for (const path of candidates) {
      const {page, context} = await openPage(browser, server.origin, path);
      try {
        const ranges = await page.locator('input[type="range"]').count();
        if (!ranges || !(await chartStates(page)).some((c) => c.drawn > 0)) continue;
        const times: number[] = [];
        for (let i = 0; i < REPEATS; ++i) {
          // Move the first slider between two values a few steps apart; time from the input event to
          // the last change inside any [data-chart] (then no change for QUIET_MS), plus one frame.
          const ms = (await page.evaluate(`(${SLIDER_TO_REDRAW})(${i}, ${QUIET_MS})`)) as number;
          if (ms >= 0) times.push(ms);
        }
        const weight = pageWeight(join(DIST, path.endsWith("/") ? `${path}index.html` : `${path}.html`));
        const kb = Math.round(weight.bytes / 1024);
        if (!times.length) {
          results.push({name: `site ${path}: slider → charts`, unit: "1 slider change", runs: 0, medianMs: 0, minMs: 0, maxMs: 0, iqrMs: 0, note: `no chart changed after the first slider moved; JS ${kb} KB gzipped (limit 300 KB)`});
          continue;
        }
        times.sort((a, b) => a - b);
        const q = (p: number) => times[Math.round((times.length - 1) * p)];
        results.push({
          name: `site ${path}: slider → charts redrawn`,
          unit: "1 slider change",
          runs: times.length,
          medianMs: q(0.5),
          minMs: times[0],
          maxMs: times[times.length - 1],
          iqrMs: q(0.75) - q(0.25),
          note: `goal < 50 ms; JS ${kb} KB gzipped (limit 300 KB); headless Chromium, last chart mutation`
        });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results.length ? results : skipped("no built page has both a range input and a drawn [data-chart]");
}
