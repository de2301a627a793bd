// Every built page, opened in Debian's Chromium from dist/ served on 127.0.0.1.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import type {Browser} from "playwright-core";
import {CHROMIUM_MISSING, chartStates, declaredCharts, findChromium, launchChromium, listPages, openPage, serveDist, type StaticServer} from "./harness.js";

const executable = findChromium();
const pages = listPages();

// Without a browser the tests below are skipped, unless REQUIRE_BROWSER=1 (as in .ci/run).
if (!executable && process.env.REQUIRE_BROWSER === "1") {
  test("a browser is available when REQUIRE_BROWSER=1", () => {
    throw new Error(CHROMIUM_MISSING);
  });
}

describe.skipIf(!executable)("built pages in Chromium", () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium(executable!);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("dist/ holds at least the home page (run `npm run build` first)", () => {
    expect(pages).toContain("/");
  });

  for (const path of pages) {
    test(`${path} loads with no page error, console error, outside request or error box, and draws every declared chart`, async () => {
      const {page, context, report} = await openPage(browser, server.origin, path);
      try {
        const errorBoxes = await page.$$eval(".observablehq--error", (els) => els.map((e) => e.textContent ?? ""));
        const charts = await chartStates(page);
        const declared = declaredCharts(path);
        expect({...report, errorBoxes}).toEqual({pageErrors: [], consoleErrors: [], outsideRequests: [], failedRequests: [], errorBoxes: []});
        // Every chart the page declares in its Markdown is on the page and drew something.
        expect(charts.map((c) => c.name)).toEqual(expect.arrayContaining(declared));
        for (const chart of charts) {
          expect(chart.drawn, `chart "${chart.name}" on ${path} has no svg or canvas with a size`).toBeGreaterThan(0);
          expect(chart.shapes, `chart "${chart.name}" on ${path} drew no shapes`).toBeGreaterThan(0);
        }
      } finally {
        await context.close();
      }
    });
  }

  test("home page: moving the discount-rate slider from 2,25% to 10% recomputes the saldo and redraws the chart", async () => {
    const {page, context, report} = await openPage(browser, server.origin, "/");
    try {
      const saldo = page.locator('[data-value="saldo"]');
      const chart = page.locator('[data-chart="contante-waarde"] svg').last();
      // data/examples/discounting.yaml: −6.000 in year 0, then 1.500 a year in years 1–5.
      // At 2,25%: −6000 + 1500 × (1 − 1,0225^−5) / 0,0225 = 1.019,18 → "€ 1.019".
      await expect.poll(() => saldo.textContent()).toBe("€\u00A01.019");
      const before = await chart.innerHTML();
      await page.locator('input[type="range"]').evaluate((input: HTMLInputElement) => {
        input.value = "10";
        input.dispatchEvent(new Event("input", {bubbles: true}));
      });
      // At 10%: −6000 + 1500 × (1 − 1,1^−5) / 0,1 = −313,82 → "€ -314".
      await expect.poll(() => saldo.textContent()).toBe("€\u00A0-314");
      await expect.poll(() => chart.innerHTML()).not.toBe(before);
      expect(report.pageErrors).toEqual([]);
      expect(report.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("reproductie?study=leiden shows only Leiden's checks, with units (20% not 2000%) and a sticky first column", async () => {
    const {page, context, report} = await openPage(browser, server.origin, "/reproductie?study=leiden");
    try {
      const rows = page.locator("tr[data-check]");
      await rows.first().waitFor();
      const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-check") ?? ""));
      expect(ids.length).toBeGreaterThan(30);
      expect(ids.filter((id) => !id.startsWith("leiden/"))).toEqual([]);
      // seed 004 §2.4: 'zo'n 20%' uitstroom naar werk, unit "%".
      const printed = await page.locator('tr[data-check="leiden/uitstroom_werk_binnen_jaar"] td').nth(2).textContent();
      expect(printed?.trim()).toBe("20%");
      const position = await page.locator("tr[data-check] td").first().evaluate((td) => getComputedStyle(td).position);
      expect(position).toBe("sticky");
      // The headline counts independent checks only; calibration and input checks are named apart.
      const headline = await page.locator(".verdict-summary").first().textContent();
      expect(headline).toMatch(/^\d+ van \d+ onafhankelijke controles kloppen: /);
      expect(headline).toMatch(/Daarnaast \d+ kalibratiecontroles en \d+ invoercontroles, apart getoond/);
      expect(report.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
