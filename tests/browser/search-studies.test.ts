// Site search finds what a reader sees on the pages generated from data (issue 19): the title of
// every item page of every study, with the study's name in the result (lib/io/search-index.ts).
import {expect, test} from "vitest";
import {studyPages} from "../../lib/io/study-pages.js";
import {browserSuite, listPages} from "./harness.js";

const built = new Set(listPages());
// Item pages: a study's pages other than its start, calculator, cockpit, assumptions and uncertainty pages.
const items = studyPages().flatMap((s) =>
  s.pages.filter((p) => !/\/(index|cockpit|aannames|aannameregister|rapport|onzekerheid)$|\/rekenhulp\//.test(p.path)).map((p) => ({...p, study: s.title}))
);

browserSuite("site search over the studies", (suite) => {

  test(`the title of each of the ${items.length} item pages finds that page, its result naming the study`, async () => {
    expect(items.length).toBeGreaterThan(0);
    const {page, context} = await suite.open("/");
    try {
      const box = page.locator("#observablehq-search input");
      await box.focus();
      const missing: string[] = [];
      for (const item of items) {
        await box.fill(item.name);
        const href = `${item.path}.html`;
        const link = page.locator(`#observablehq-search-results a[href$="${href}"]`).first();
        try {
          await link.waitFor({timeout: 5_000});
          const text = (await link.textContent()) ?? "";
          if (!text.includes(item.study)) missing.push(`${item.path}: result "${text}" does not name the study ${item.study}`);
        } catch {
          missing.push(`${item.path}: "${item.name}" does not find it`);
        }
      }
      expect(missing).toEqual([]);
    } finally {
      await context.close();
    }
  });
}, {skip: built.size === 0});
