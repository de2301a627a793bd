/// <reference types="vite/client" />
// The one-visit runner: every built page is opened once per width (1280 × 900 and 390 × 844) by its
// file name on a static server that does no rewriting, and every check of every module in
// tests/browser/checks/*.ts runs on that visit (found with a glob when the tests are collected: a new
// module needs no registration here). One test per page and width; a failure names each failing check.
//
// The visits are split over the files tests/browser/site-<k>.test.ts (`siteVisits(k, SITE_SHARDS)`):
// page i of the sorted page list goes to shard i mod SITE_SHARDS, so vitest runs shards side by side
// (vitest.browser.config.ts) while a new page or study joins a shard without being listed anywhere.
//
// Modules run in the order of their `export const order` (default 50), then by file name; a check
// that changes the page (print media, typing) restores it or runs late. Redirect pages (old addresses)
// get one visit and only the checks whose `applies` accepts them; content pages get every check
// without `applies` and those whose `applies` accepts them. After the checks, the page must still have
// recorded no page error, console error, outside request or failed request.
//
// Uncertainty pages read the reserved address key `draws` (src/components/psaRun.js drawsFromAddress):
// the runner opens them with ?draws=TEST_DRAWS so their Monte Carlo is short; the full 10.000-draw
// result is checked once, in tests/browser/psa.test.ts.
import {appendFileSync} from "node:fs";
import {expect, test} from "vitest";
import {WIDTHS, browserSuite, isRedirectPage, listPages, pageFile, pageHtml, pageReport} from "./harness.js";
import type {PageCheck, PageVisit} from "./checks/types.js";

const TEST_DRAWS = 200;

// CHECK_TIMES=<file>: append one JSON line per check and visit ({path, width, module, check, ms}),
// to see where the visits spend their time.
const CHECK_TIMES = process.env.CHECK_TIMES;
const recordTime = (path: string, width: number, module: string, check: string, since: number) => {
  if (CHECK_TIMES) appendFileSync(CHECK_TIMES, JSON.stringify({path, width, module, check: check.slice(0, 60), ms: Math.round(performance.now() - since)}) + "\n");
};

// Errors the checks provoke on a page that are known and reported, not yet fixed: removed from the
// closing check, and asserted to still happen, so an entry fails (and must go) once it is fixed.
// Keyed by "<path> at <width>" (typing runs at 1280 px only). None at present.
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

/** The checks that run on a page, with the module they come from. */
function checksFor(path: string, html: string, redirect: boolean): {module: string; check: PageCheck}[] {
  return modules.flatMap(({file, checks}) =>
    checks.filter((check) => (check.applies ? check.applies(path, html) : !redirect)).map((check) => ({module: file, check}))
  );
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
    `every built page, one visit per width (shard ${shard} of ${of})`,
    (suite) => {
      for (const {path, html, redirect} of pages.filter((_, i) => i % of === shard - 1)) {
        const readsDraws = html.includes("drawSetting(");
        for (const {width, height} of redirect ? [WIDTHS[0]] : WIDTHS) {
          const applicable = checksFor(path, html, redirect);
          // One visit at a time: checks use the global `expect` (expect.poll needs the current test,
          // which concurrent tests do not have).
          test(`${path} at ${width} px${redirect ? " (old address)" : ""}: ${applicable.length} checks`, async () => {
            const address = pageFile(path) + (readsDraws ? `?draws=${TEST_DRAWS}` : "");
            const opening = performance.now();
            const {page, context} = await suite.open(address, {viewport: {width, height}});
            recordTime(path, width, "open", "open", opening);
            const visit: PageVisit = {page, path, width: width as 1280 | 390, origin: await suite.origin()};
            const failures: string[] = [];
            const report = pageReport(page);
            const seen = {pageErrors: report.pageErrors.length, consoleErrors: report.consoleErrors.length, outsideRequests: report.outsideRequests.length, failedRequests: report.failedRequests.length};
            try {
              for (const {module, check} of applicable) {
                const started = performance.now();
                try {
                  await check.run(visit);
                } catch (error) {
                  failures.push(`✗ ${module}: ${check.name}\n    ${String((error as Error)?.message ?? error).split("\n").join("\n    ")}`);
                }
                recordTime(path, width, module, check.name, started);
              }
              // What went wrong while the checks ran (the load check reports what happened before).
              let after = (Object.keys(seen) as (keyof typeof seen)[]).flatMap((key) => report[key].slice(seen[key]).map((x) => `${key}: ${x}`));
              for (const known of KNOWN_DURING_CHECKS[`${path} at ${width}`] ?? []) {
                const found = after.filter((x) => known.test(x));
                if (!found.length) failures.push(`✗ site-visits.ts: known error ${known} did not happen: remove it from KNOWN_DURING_CHECKS`);
                after = after.filter((x) => !known.test(x));
              }
              if (after.length) failures.push(`✗ site-visits.ts: no page error, console error, outside or failed request during the checks\n    ${after.join("\n    ")}`);
            } finally {
              await context.close();
            }
            if (failures.length) throw new Error(`${failures.length} of ${applicable.length} checks failed on ${path} at ${width} px:\n${failures.join("\n")}`);
          });
        }
      }
    },
    {rewrite: false}
  );
}
