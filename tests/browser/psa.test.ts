// The Monte Carlo analysis on the built Onzekerheid page, in Chromium: a pool of Web Workers gives
// the same numbers as `psa()` in Node for the same model and seed (10.000 draws, seed 1, the
// page's defaults), and "Annuleren" stops a rerun and keeps the previous result.
import {expect, test} from "vitest";
import {browserSuite, listPages} from "./harness.js";
import {loadStudy} from "../../lib/io/study.js";
import {psa} from "../../lib/analysis/psa.js";
import {formatEuro, formatPercent} from "../../lib/format.js";

browserSuite("Monte Carlo on /onzekerheid in Chromium", (suite) => {
  test("the page's result equals psa() in Node for 10.000 draws, seed 1; a rerun can be cancelled and keeps the previous result", async () => {
    // The page's model: the Zoetermeer study (src/data/onzekerheid.json.ts).
    const expected = psa(loadStudy("data/studies/zoetermeer/model.yaml"), {draws: 10_000, seed: 1});
    const {page, context, report} = await suite.open("/onzekerheid");
    try {
      const kans = page.locator('[data-value="psa-kans"]');
      await expect.poll(() => kans.textContent(), {timeout: 120_000}).toBe(formatPercent(expected.probPositive));
      await expect.poll(() => page.getByText(/berekend in .* s met \d+ rekenhulp/).count()).toBe(1);
      await expect.poll(() => page.getByText(`${formatEuro(expected.saldo.percentiles.p2_5)} tot ${formatEuro(expected.saldo.percentiles.p97_5)}`).count()).toBeGreaterThan(0);
      // Rerun with 100.000 draws and cancel it.
      await page.locator("select").filter({hasText: "100.000"}).selectOption({label: "100.000"});
      const cancel = page.getByRole("button", {name: "Annuleren"});
      await cancel.click({timeout: 60_000});
      await expect.poll(() => page.getByText("Berekening geannuleerd; hieronder staat de vorige uitkomst.").count()).toBe(1);
      expect(await kans.textContent()).toBe(formatPercent(expected.probPositive));
      expect(report.pageErrors).toEqual([]);
      expect(report.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
}, {skip: !listPages().includes("/onzekerheid")});
