// Site search (Framework's `search: true`): it runs on files of the site only, and a reader sees it
// in Dutch (the inline script `searchInDutch` in observablehq.config.ts).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {DIST, browserSuite, listPages} from "./harness.js";

const pages = listPages();

/** A word from the title of a built page other than the home page, to search for. */
function wordFromATitle(): string | undefined {
  for (const path of pages.filter((p) => p !== "/")) {
    const file = join(DIST, path.endsWith("/") ? `${path}index.html` : `${path}.html`);
    const title = /<title>([^<|]*)/.exec(readFileSync(file, "utf8"))?.[1] ?? "";
    const word = title.split(/[^\p{L}]+/u).find((w) => w.length >= 6);
    if (word) return word.toLowerCase();
  }
  return undefined;
}

browserSuite("site search", (suite) => {
  test("placeholder, label and result counts are Dutch; results link to built pages; nothing leaves the site", async () => {
    const word = wordFromATitle();
    expect(word, "no page title with a word of six letters or more").toBeDefined();
    const {page, context, report} = await suite.open("/");
    try {
      const box = page.locator("#observablehq-search input");
      expect(await box.getAttribute("placeholder")).toBe("Zoeken");
      expect(await box.getAttribute("aria-label")).toBe("Zoeken op deze site");
      const loaded = page.waitForResponse((r) => /\/_observablehq\/minisearch\.[0-9a-f]+\.json$/.test(r.url()));
      await box.focus();
      expect((await loaded).status()).toBe(200);
      await box.fill(word!);
      const count = page.locator("#observablehq-search-results > div").first();
      await expect.poll(() => count.textContent()).toMatch(/^(?:1 resultaat|\d+(?:\.\d{3})* resultaten)$/);
      const hrefs = await page.locator("#observablehq-search-results a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) {
        expect(href.startsWith((await suite.origin()) + "/")).toBe(true);
        expect(href).toMatch(/\.html$/);
      }
      await box.fill("qqxqzzvw");
      await expect.poll(() => count.textContent()).toBe("geen resultaten");
      expect(report).toEqual({pageErrors: [], consoleErrors: [], outsideRequests: [], failedRequests: []});
    } finally {
      await context.close();
    }
  });
});
