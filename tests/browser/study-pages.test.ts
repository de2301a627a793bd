// What the study templates show for the seed studies, checked in Chromium against the reports.
import {expect, test} from "vitest";
import {browserSuite} from "./harness.js";

browserSuite("study pages built from study data", (suite) => {
  test("factsheet 2 (seed 001) shows its eight steps, and the printed total benefits (€ 2.370) beside the sum of its lines (€ 2.380)", async () => {
    const {page, context} = await suite.open("/studies/jeugdwerkloosheid/fs02-casusregisseur");
    try {
      await expect.poll(() => page.locator("[data-step]").count()).toBe(8);
      const text = await page.locator("main").innerText();
      expect(text).toContain("€\u00A02.370");
      expect(text).toContain("€\u00A02.380");
      // The model gives no slider ranges, so the page derives them (0 to twice the value). Moving
      // "1a. Kosten begeleiding" (€ 390) to 0 raises the saldo from € 1.330 to € 1.720.
      const saldo = page.locator('[data-value="saldo"]');
      await expect.poll(() => saldo.textContent()).toBe("€\u00A01.330");
      await page.locator('input[type="range"]').first().evaluate((input: HTMLInputElement) => {
        input.value = "0";
        input.dispatchEvent(new Event("input", {bubbles: true}));
      });
      await expect.poll(() => saldo.textContent()).toBe("€\u00A01.720");
    } finally {
      await context.close();
    }
  });

  test("VIP Amsterdam (seed 002) shows Table 9 per post and stakeholder (benefit saving € 4.516, income from work € 9.019) and Table 12's payback against geen re-integratie: gemeente/UWV 4,4 and zorgverzekeraar 2,7 years", async () => {
    const {page, context} = await suite.open("/studies/voorbeeldprojecten/vip-amsterdam");
    try {
      await expect.poll(() => page.locator("main").innerText()).toContain("4,4 jaar");
      const text = await page.locator("main").innerText();
      expect(text).toContain("2,7 jaar");
      expect(text).toContain("€\u00A04.516");
      expect(text).toContain("€\u00A09.019");
    } finally {
      await context.close();
    }
  });

  test("the caseload calculator (seed 003 § 5.2.2) answers the reverse question: € 300 mln buys 1:33, and € 250 mln 1:40 when the reader moves the budget", async () => {
    const {page, context, report} = await suite.open("/studies/afstand-arbeidsmarkt/rekenhulp/caseload-en-budget");
    try {
      const solved = page.locator('[data-value="opgelost"]');
      await expect.poll(() => solved.textContent()).toBe("33,33\u00A0personen per fte");
      // The last range input on the page is the budget target.
      await page.locator('input[type="range"]').last().evaluate((input: HTMLInputElement) => {
        input.value = "250000000";
        input.dispatchEvent(new Event("input", {bubbles: true}));
      });
      await expect.poll(() => solved.textContent()).toBe("40\u00A0personen per fte");
      expect(report.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("an old address (/zoetermeer/vh) sends the reader to the study page", async () => {
    const {page, context} = await suite.open("/zoetermeer/vh");
    try {
      await page.waitForURL(/\/studies\/zoetermeer\/vh\.html$/);
      await expect.poll(() => page.locator("h1").first().innerText()).toBe("Vergunninghouders (VH)");
    } finally {
      await context.close();
    }
  });

  test("the comparison page states the caveat and filters its table by a search word", async () => {
    const {page, context} = await suite.open("/vergelijking");
    try {
      await expect.poll(() => page.locator('[data-caveat="vergelijkbaarheid"]').innerText()).toContain("nulalternatieven");
      const links = page.locator("main li a");
      await expect.poll(() => links.count()).toBe(18);
      // Each intervention with its conclusion by the intervention page's rule, and the page's own
      // sentence at the study's values is the same sentence.
      const first = page.locator("main li[data-conclusion]").first();
      expect(await page.locator("main li[data-conclusion]").count()).toBe(18);
      const [href, listed] = [await first.locator("a").getAttribute("href"), await first.textContent()];
      await page.locator('input[type="text"]').fill("IPS");
      await expect.poll(() => links.count()).toBeLessThan(18);
      expect(await links.count()).toBeGreaterThan(0);
      const item = await suite.open(new URL(href!, page.url()).pathname);
      try {
        const box = item.page.locator("#observablehq-main p.conclusion").first();
        await expect.poll(() => box.getAttribute("data-conclusion"), {timeout: 60_000}).not.toBe("pending");
        expect(listed).toContain(await box.textContent());
      } finally {
        await item.context.close();
      }
    } finally {
      await context.close();
    }
  });
});
