/// <reference types="vite/client" />
// The one-visit runner: every built page is opened once, by its file name on a static server that does
// no rewriting, and every check of every module in tests/browser/checks/*.ts runs on that visit at
// both widths (found with a glob when the tests are collected: a new module needs no registration
// here). One test per page; a failure names each failing check and the width it failed at.
//
// A visit opens the page at 390 × 844 (a phone opens a page at its width and never resizes it), runs
// the checks that read the page as it loaded (modules with order < MOVES), resizes to 1280 × 900 (from
// the top, after the cells that follow the width have redrawn) and runs them again; then the modules
// that move inputs (order ≥ MOVES: state, equality, typing), each at the current width and then at the
// other. A check that changes the page otherwise (print media) restores it; a check may skip a width.
//
// The visits are split over the files tests/browser/site-<k>.test.ts (`siteVisits(k, SITE_SHARDS)`):
// page i of the sorted page list goes to shard i mod SITE_SHARDS, so vitest runs shards side by side
// (vitest.browser.config.ts) while a new page or study joins a shard without being listed anywhere.
//
// Modules run in the order of their `export const order` (default 50: reads the page as loaded), then
// by file name. Redirect pages (old addresses) get one visit at 1280 px and only the checks whose
// `applies` accepts them; content pages get every check without `applies` and those whose `applies`
// accepts them. After the checks, the page must still have recorded no page error, console error,
// outside request or failed request.
//
// Uncertainty pages read the reserved address key `draws` (src/components/psaRun.js drawsFromAddress):
// the runner opens them with ?draws=TEST_DRAWS so their Monte Carlo is short; the full 10.000-draw
// result is checked once, in tests/browser/psa.test.ts.
import {appendFileSync} from "node:fs";
import {expect, test} from "vitest";
import type {Page} from "playwright-core";
import {WIDTHS, browserSuite, cellsSettled, isRedirectPage, listPages, pageFile, pageHtml, pageReport} from "./harness.js";
import type {PageCheck} from "./checks/types.js";

const TEST_DRAWS = 200;

// CHECK_TIMES=<file>: append one JSON line per check and visit ({path, width, module, check, ms}),
// to see where the visits spend their time.
const CHECK_TIMES = process.env.CHECK_TIMES;
const recordTime = (path: string, width: number, module: string, check: string, since: number) => {
  if (CHECK_TIMES) appendFileSync(CHECK_TIMES, JSON.stringify({path, width, module, check: check.slice(0, 60), ms: Math.round(performance.now() - since)}) + "\n");
};

// Errors the checks provoke on a page that are known and reported, not yet fixed: removed from the
// closing check, and asserted to still happen, so an entry fails (and must go) once it is fixed.
// Keyed by the page's path. None at present.
const KNOWN_DURING_CHECKS: Record<string, RegExp[]> = {};

interface CheckModule {
  file: string;
  order: number;
  checks: PageCheck[];
}

const modules: CheckModule[] = Object.entries(import.meta.glob<{checks?: PageCheck[]; order?: number}>("./checks/*.ts", {eager: true}))
  .filter(([file]) => !file.endsWith("/types.ts"))
  .map(([file, mod]) => ({file: file.replace(/^\.\/checks\//, ""), order: mod.order ?? 50, checks: mod.checks ?? []}))
  .sort((a, b) => a.order - b.order || a.file.localeCompare(b.file));

const pages = listPages().map((path) => {
  const html = pageHtml(path);
  return {path, html, redirect: isRedirectPage(html)};
});

/** The checks that run on a page, with the module they come from and its order. */
function checksFor(path: string, html: string, redirect: boolean): {module: string; order: number; check: PageCheck}[] {
  return modules.flatMap(({file, order, checks}) =>
    checks.filter((check) => (check.applies ? check.applies(path, html) : !redirect)).map((check) => ({module: file, order, check}))
  );
}

/** Modules from this order on move inputs (state, equality, typing); the ones before read the page as it loaded. */
export const MOVES = 70;

/** A visit opens the page at a phone's width (as a phone opens it, never resized), then resizes to 1280 px. */
const OPEN = WIDTHS.find((w) => w.width === 390)!;

/** Resizes the page's viewport and scrolls to the top, then waits until cells that follow the width have redrawn. */
async function resizeTo(page: Page, {width, height}: {width: number; height: number}): Promise<void> {
  await page.setViewportSize({width, height});
  await page.evaluate(() => window.scrollTo(0, 0));
  // The width reaches the cells through a ResizeObserver (a frame), the runtime recomputes on the next.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 100)))));
  await cellsSettled(page);
}

/** How many files share the visits (tests/browser/site-1.test.ts … site-<SITE_SHARDS>.test.ts). */
export const SITE_SHARDS = 6;

/** Registers the tests of shard `shard` (1 … of): the module checks, then its pages' visits. */
export function siteVisits(shard: number, of = SITE_SHARDS): void {
  if (shard === 1) {
    test("check modules: each exports a non-empty `checks` array of named checks", () => {
      expect(modules.length).toBeGreaterThan(0);
      for (const {file, checks} of modules) {
        expect(checks.length, `${file} exports no checks`).toBeGreaterThan(0);
        for (const check of checks) expect(typeof check.name === "string" && check.name.length > 0 && typeof check.run === "function", `${file}: a check without name or run`).toBe(true);
      }
    });
    test(`the visits are split over ${of} files, site-1.test.ts … site-${of}.test.ts`, () => {
      const files = Object.keys(import.meta.glob("./site-*.test.ts")).sort();
      expect(files).toEqual(Array.from({length: of}, (_, i) => `./site-${i + 1}.test.ts`));
    });
    test("dist/ holds at least the home page (run `npm run build` first)", () => {
      expect(pages.map((p) => p.path)).toContain("/");
    });
  }

  browserSuite(
    `every built page, one visit (shard ${shard} of ${of})`,
    (suite) => {
      for (const {path, html, redirect} of pages.filter((_, i) => i % of === shard - 1)) {
        const readsDraws = html.includes("drawSetting(");
        const applicable = checksFor(path, html, redirect);
        const widths = redirect ? [WIDTHS[0]] : [OPEN, ...WIDTHS.filter((w) => w.width !== OPEN.width)];
        const runs = applicable.length * widths.length;
        // One visit at a time: checks use the global `expect` (expect.poll needs the current test,
        // which concurrent tests do not have).
        test(`${path}${redirect ? " (old address)" : ""}: ${runs} checks at ${widths.map((w) => w.width).join(" and ")} px`, async () => {
          const address = pageFile(path) + (readsDraws ? `?draws=${TEST_DRAWS}` : "");
          const opening = performance.now();
          const {page} = await suite.visit(address, {viewport: widths[0]});
          recordTime(path, widths[0].width, "open", "open", opening);
          const origin = await suite.origin();
          const failures: string[] = [];
          const report = pageReport(page);
          const seen = {pageErrors: report.pageErrors.length, consoleErrors: report.consoleErrors.length, outsideRequests: report.outsideRequests.length, failedRequests: report.failedRequests.length};
          let current = widths[0];
          const runCheck = async (module: string, check: PageCheck) => {
            const started = performance.now();
            try {
              await check.run({page, path, width: current.width as 1280 | 390, origin});
            } catch (error) {
              failures.push(`✗ ${module} at ${current.width} px: ${check.name}\n    ${String((error as Error)?.message ?? error).split("\n").join("\n    ")}`);
            }
            recordTime(path, current.width, module, check.name, started);
          };
          const resize = async (to: (typeof widths)[number]) => {
            if (to.width === current.width) return;
            const started = performance.now();
            await resizeTo(page, to);
            current = to;
            recordTime(path, to.width, "open", "resize", started);
          };
          try {
            // The page as it loaded: at the width it opened at, then at the other (resized, from the top).
            const reading = applicable.filter(({order}) => order < MOVES);
            for (const width of widths) {
              await resize(width);
              for (const {module, check} of reading) await runCheck(module, check);
            }
            // Checks that move inputs, module by module, at the current width first, then the other.
            const moving = applicable.filter(({order}) => order >= MOVES);
            for (const module of [...new Set(moving.map((m) => m.module))]) {
              for (const width of [current, ...widths.filter((w) => w !== current)]) {
                await resize(width);
                for (const {check} of moving.filter((m) => m.module === module)) await runCheck(module, check);
              }
            }
            // What went wrong while the checks ran (the load check reports what happened before).
            let after = (Object.keys(seen) as (keyof typeof seen)[]).flatMap((key) => report[key].slice(seen[key]).map((x) => `${key}: ${x}`));
            for (const known of KNOWN_DURING_CHECKS[path] ?? []) {
              const found = after.filter((x) => known.test(x));
              if (!found.length) failures.push(`✗ site-visits.ts: known error ${known} did not happen: remove it from KNOWN_DURING_CHECKS`);
              after = after.filter((x) => !known.test(x));
            }
            if (after.length) failures.push(`✗ site-visits.ts: no page error, console error, outside or failed request during the checks\n    ${after.join("\n    ")}`);
          } finally {
            await page.close();
          }
          if (failures.length) throw new Error(`${failures.length} of ${runs} checks failed on ${path}:\n${failures.join("\n")}`);
        });
      }
    },
    {rewrite: false}
  );
}
