// Print shows the inputs its results were computed with (issue 19): on an intervention page, a
// changed input's value appears in the printed PDF's text (A4, Chromium's own PDF, read back with
// pdftotext from poppler-utils), beside the citation footer.
import {execFileSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, expect, test} from "vitest";
import {browserSuite, listPages, typeInto} from "./harness.js";

const pdftotext = (() => {
  try {
    execFileSync("pdftotext", ["-v"], {stdio: "ignore"});
    return true;
  } catch {
    return false;
  }
})();
// The first intervention page of the site (a page with result cards first; no study is named).
const item = listPages().find((p) => /^\/studies\/[^/]+\/(?!index$|onzekerheid$|aannames$|aannameregister$|rapport$|cockpit$)[^/]+$/.test(p));

browserSuite("printed PDF of an intervention page", (suite) => {
  const dir = mkdtempSync(join(tmpdir(), "rendement-pdf-"));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  test(`${item}: the PDF's text holds a changed input's value beside its label, the results and the citation`, async () => {
    const {page, context} = await suite.open(item!);
    try {
      const form = page.locator("form.number-input").first();
      const label = ((await form.locator("label").first().textContent()) ?? "").trim();
      const before = await form.locator(".number-input-box").inputValue();
      // A value unlike the base value and unlikely elsewhere on the page: base + 7 (or 7).
      const base = Number(before.replace(/\./g, "").replace(",", "."));
      const value = Number.isFinite(base) ? Math.round(base) + 7 : 7;
      await typeInto(page, 0, String(value));
      await page.waitForTimeout(500);
      await page.emulateMedia({media: "print"});
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 300))));
      const pdf = await page.pdf({format: "A4", printBackground: true, preferCSSPageSize: true});
      const file = join(dir, "page.pdf");
      writeFileSync(file, pdf);
      const text = execFileSync("pdftotext", ["-layout", file, "-"], {encoding: "utf8"}).replace(/\s+/g, " ");
      const shown = value.toLocaleString("nl-NL");
      // The label's first words, then (on the same printed line or the next) the new value.
      const words = label.split(/\s+/).slice(0, 3).join(" ");
      expect(text, `label "${words}" in the PDF`).toContain(words);
      const at = text.indexOf(words);
      expect(text.slice(at, at + label.length + 80), `value ${shown} printed beside "${label}"`).toContain(shown);
      expect(text).toMatch(/Citeer als: Rendement \(versie/);
    } finally {
      await context.close();
    }
  });
}, {skip: !pdftotext || !item});
