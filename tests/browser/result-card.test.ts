// A result card's verdict links to its row on the Reproductie page. The verdict, basis and
// page = library checks on every intervention page are the check modules
// tests/browser/checks/verdict.ts and equality.ts, run by the one-visit runner (site-visits.ts).
import {expect, test} from "vitest";
import {browserSuite} from "./harness.js";
import {listStudies, readStudy} from "../../lib/io/study-description.js";

// The first intervention page with a printed financial ratio, whichever study has it.
const first = listStudies()
  .flatMap((s) => readStudy(s).items.map((item) => ({path: `/studies/${s.id}/${item.id}`, item})))
  .find((i) => i.item.printed.some((p) => p.computed === "financialRatio"));

browserSuite("a verdict's link lands on its Reproductie row", (suite) => {
  test("the first verdict on a page with printed figures links to a row that exists, is marked and scrolled into view", async () => {
    const {page, context} = await suite.open(`${first!.path}.html`);
    let href: string;
    try {
      href = (await page.locator('.key-figures a[data-note="verdict"]').first().getAttribute("href"))!;
    } finally {
      await context.close();
    }
    const origin = await suite.origin();
    const url = new URL(href, `${origin}${first!.path}.html`);
    const target = await suite.open(`${url.pathname}${url.search}${url.hash}`);
    try {
      const row = target.page.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`);
      await expect.poll(() => row.count(), {timeout: 30_000}).toBe(1);
      await expect.poll(() => row.getAttribute("aria-current")).toBe("true");
      await expect.poll(() => row.evaluate((r) => {
        const box = r.getBoundingClientRect();
        return box.height > 0 && box.top >= 0 && box.top < innerHeight;
      })).toBe(true);
      expect(target.report.pageErrors).toEqual([]);
    } finally {
      await target.context.close();
    }
  }, 180_000);
}, {skip: !first});
