// The study report (issue 20, point 7) on the built site: one report page, of the first study folder
// with a model (found from the data, no list of studies here), opened with an input set in its
// address. The changed input is marked; the Word download (docx, loaded on click) is a valid .docx
// whose word/document.xml holds the saldo the page shows. And the link from an item page carries the
// page's inputs to the report.
import {readFileSync} from "node:fs";
import {expect, test} from "vitest";
import {strFromU8, unzipSync} from "fflate";
import {browserSuite, listPages, pageFile} from "./harness.js";
import {listStudies, readStudy} from "../../lib/io/study-description.js";
import {studyModelFiles} from "../../lib/io/study-pages.js";
import {itemPage} from "./page-model.js";

const study = listStudies().map((l) => readStudy(l)).find((s) => studyModelFiles(s).length > 0);
const REPORT = study ? `/studies/${study.id}/rapport` : undefined;
const pages = listPages();
const ITEM = pages.find((p) => itemPage(p) !== null);

/** The XML text of a .docx file's body: the text of its runs, joined (Word may split a line in runs). */
function documentText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

browserSuite("study report (Chromium, dist/)", (suite) => {
  test.skipIf(!REPORT)(`${REPORT}: an input set in the address is marked; the .docx download holds the saldo`, async () => {
    expect(pages, "the report page is built").toContain(REPORT);
    const {page, context, report} = await suite.open(pageFile(REPORT!));
    try {
      const first = page.locator("tr[data-input]").first();
      await first.waitFor({timeout: 60_000});
      // Nothing is marked at the report's inputs.
      expect(await page.locator('tr[data-changed="true"]').count()).toBe(0);
      // The docx library is not loaded before the click.
      expect(await page.evaluate(() => performance.getEntriesByType("resource").some((r) => /docx/.test(r.name)))).toBe(false);
      const key = (await first.getAttribute("data-input"))!;
      const [min, max] = [Number(await first.getAttribute("data-min")), Number(await first.getAttribute("data-max"))];
      // The top of the range, or the bottom when the report's value is the top.
      let marked = false;
      for (const value of [max, min]) {
        await page.goto(new URL(`${pageFile(REPORT!)}?${encodeURIComponent(key)}=${value}&v=1`, page.url()).href);
        const row = page.locator(`tr[data-input="${key}"]`).first();
        await row.waitFor({timeout: 60_000});
        if ((await row.getAttribute("data-changed")) === "true") {
          marked = true;
          expect(await row.textContent()).toContain("gewijzigd");
          break;
        }
      }
      expect(marked, `${key} set in the address is marked as changed`).toBe(true);
      expect(await page.locator(".report-subtitle").textContent()).toContain("af van het rapport");
      const saldi: string[] = JSON.parse((await page.locator("article.study-report").getAttribute("data-saldi"))!);
      expect(saldi.length).toBeGreaterThan(0);
      expect(await page.locator("article.study-report").textContent()).toContain(saldi[0]);

      const [download] = await Promise.all([page.waitForEvent("download", {timeout: 60_000}), page.locator("button.report-docx").click()]);
      expect(download.suggestedFilename()).toBe(`${study!.id}-studierapport.docx`);
      const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
      expect(Object.keys(zip)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml"]));
      const body = documentText(strFromU8(zip["word/document.xml"]));
      for (const s of saldi) expect(body).toContain(s);
      expect(body).toContain("gewijzigd");
      expect(report.pageErrors).toEqual([]);
      expect(report.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  test.skipIf(!ITEM)(`${ITEM}: the "Studierapport" link carries the page's moved input to the report, which marks it`, async () => {
    const {page, context} = await suite.open(pageFile(ITEM!));
    try {
      const slider = page.locator(".model-controls .number-input-slider").first();
      await slider.evaluate((input: HTMLInputElement) => {
        input.value = input.value === input.max ? input.min : input.max;
        input.dispatchEvent(new Event("input", {bubbles: true}));
      });
      await expect.poll(() => new URL(page.url()).searchParams.get("v"), {timeout: 15_000}).toBe("1");
      const [key] = [...new URL(page.url()).searchParams].find(([k]) => k !== "v")!;
      await page.locator("a.report-link").hover();
      const href = (await page.locator("a.report-link").getAttribute("href"))!;
      expect(new URL(href, page.url()).searchParams.get(key)).toBe(new URL(page.url()).searchParams.get(key));
      await page.locator("a.report-link").click();
      await page.waitForURL(/rapport\.html/);
      await expect.poll(() => page.locator(`tr[data-input="${key}"][data-changed="true"]`).count(), {timeout: 60_000}).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  }, 240_000);
});
