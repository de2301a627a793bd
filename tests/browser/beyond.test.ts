// Issue 20 on the site, flows that need more than one look at a page: the settings file of an item
// page saved and loaded back (and a file for another model refused), and value of information on an
// uncertainty page (a short Monte Carlo: ?draws=200). One item page and one uncertainty page,
// whichever the build has first with a slider.
import {readFileSync} from "node:fs";
import {expect, test} from "vitest";
import {browserSuite, listPages, pageFile} from "./harness.js";
import {itemPage} from "./page-model.js";

const pages = listPages();
const ITEM = pages.find((p) => itemPage(p) !== null);
const UNCERTAINTY = pages.find((p) => /^\/studies\/[^/]+\/onzekerheid$/.test(p));

browserSuite("issue 20 on the site (Chromium, dist/)", (suite) => {
  test.skipIf(!ITEM)(`${ITEM}: "Instellingen opslaan" writes the moved input; "Instellingen laden" restores it; another model's file is refused`, async () => {
    const {page, context, report} = await suite.open(pageFile(ITEM!));
    try {
      const slider = page.locator(".model-controls .number-input-slider").first();
      await slider.evaluate((input: HTMLInputElement) => {
        input.value = input.value === input.max ? input.min : input.max;
        input.dispatchEvent(new Event("input", {bubbles: true}));
      });
      await expect.poll(() => new URL(page.url()).searchParams.get("v"), {timeout: 15_000}).toBe("1");
      const moved = [...new URL(page.url()).searchParams].filter(([k]) => k !== "v");
      expect(moved.length).toBe(1);
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-settings="save"]').click()]);
      const file = await download.path();
      const text = readFileSync(file!, "utf8");
      expect(text).toMatch(/^model: \S+$/m);
      expect(text).toMatch(/^version: "?[0-9a-f]{12}"?$/m);
      expect(text).toContain(moved[0][0]);

      // Back to the base address, then load the file: the page reopens with the saved input.
      await page.goto(new URL(pageFile(ITEM!), page.url()).href);
      await page.locator('[data-settings="load"]').waitFor();
      await Promise.all([page.waitForURL((u) => u.searchParams.get(moved[0][0]) !== null, {timeout: 30_000}), page.locator('[data-settings="load"]').setInputFiles(file!)]);
      expect(new URL(page.url()).searchParams.get(moved[0][0])).toBe(moved[0][1]);
      await expect.poll(() => page.locator(".settings-message").textContent(), {timeout: 30_000}).toContain("Instellingen geladen");

      // A file for another model is refused with a Dutch message naming the model.
      await page.locator('[data-settings="load"]').setInputFiles({name: "ander.yaml", mimeType: "application/yaml", buffer: Buffer.from(text.replace(/^model: .*$/m, "model: een-ander-model"))});
      await expect.poll(() => page.locator('[data-settings="refused"]').textContent(), {timeout: 15_000}).toMatch(/niet geladen.*hoort bij model "een-ander-model"/);
      expect(report.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  test.skipIf(!UNCERTAINTY)(`${UNCERTAINTY}: after the Monte Carlo the conclusion uses its 90 % interval and EVPI and EVPPI are shown (or a Dutch line without uncertain inputs)`, async () => {
    const {page, context, report} = await suite.open(`${pageFile(UNCERTAINTY!)}?draws=200`);
    try {
      await expect.poll(() => page.locator('[data-voi="evpi"], [data-voi="none"]').count(), {timeout: 90_000}).toBeGreaterThan(0);
      const uncertain = (await page.locator('[data-voi="evpi"]').count()) > 0;
      // With distributions the conclusion uses the Monte Carlo's 90 % interval; with sliders only, the tornado's range.
      await expect.poll(() => page.locator("p.conclusion").getAttribute("data-conclusion"), {timeout: 30_000}).toBe(uncertain ? "montecarlo" : "tornado");
      if (uncertain) {
        await expect.poll(() => page.locator('[data-voi="evppi"]').textContent(), {timeout: 120_000}).toMatch(/Berekend uit 200 trekkingen/);
        expect(await page.locator('[data-voi="evppi"] table').count()).toBeGreaterThan(0);
      }
      expect(report.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
