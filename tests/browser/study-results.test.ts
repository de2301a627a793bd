// Result figures that explain themselves, and the whole-study download, checked in Chromium on the
// built study pages (src/studies/[study]/…, lib/finance/explain-result.ts, lib/finance/study-export.ts).
import {expect, test} from "vitest";
import {readFileSync} from "node:fs";
import {strFromU8, unzipSync} from "fflate";
import {browserSuite} from "./harness.js";
import {parseDutchNumber} from "../../lib/format.js";
import {parseSpreadsheetCsv} from "../spreadsheet-csv-read.js";

const VIP = "/studies/voorbeeldprojecten/vip-amsterdam";

/** "€ 4.456" or "€ -1.234" as a number. */
const euros = (text: string | null) => parseDutchNumber((text ?? "").replace(/€|\u00A0|\s/g, ""));

browserSuite("result figures and the whole-study download", (suite) => {
  test("clicking the saldo card of an intervention shows its formula, the numbers filled in, and the kengetallen with source (seed 002 § 5.1) and price year", async () => {
    const {page, context, report} = await suite.open(VIP);
    try {
      const card = page.locator('[data-value="saldo"] button.explainable');
      await expect.poll(() => card.count()).toBe(1);
      await card.scrollIntoViewIfNeeded();
      await card.click();
      const dialog = page.locator("dialog.explain-dialog[open]");
      await expect.poll(() => dialog.count()).toBe(1);
      const text = (await dialog.textContent()) ?? "";
      expect(text).toContain("Formule: saldo = baten − kosten");
      expect(text).toMatch(/Ingevuld: [\d.,]+ − [\d.,]+ = €\u00A0[\d.]+/);
      expect(text).toContain("Kengetallen en parameters erachter");
      expect(text).toMatch(/Bron: Monitor Voorbeeldprojecten[^]*seed 002/);
      expect(text).toContain("Prijspeil van de bron: 2015");
      await dialog.getByRole("button", {name: "Sluiten"}).click();
      await expect.poll(() => page.locator("dialog.explain-dialog").count()).toBe(0);
      // the costs and benefits in the ratio card explain themselves too
      await page.locator('[data-value="ratio"] + p button.explainable').first().click();
      await expect.poll(async () => (await page.locator("dialog.explain-dialog[open]").textContent()) ?? "").toContain("baten = som van de contante waarden van de batenposten");
      expect(report.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("the cockpit's total rows explain themselves: the study's MKBA-saldo opens its rule and posts", async () => {
    const {page, context, report} = await suite.open("/studies/zoetermeer/cockpit");
    try {
      const cell = page.locator('[data-value="total:MKBA-saldo"] button.explainable');
      await expect.poll(() => cell.count()).toBe(1);
      await cell.scrollIntoViewIfNeeded();
      await cell.click();
      const dialog = page.locator("dialog.explain-dialog[open]");
      await expect.poll(() => dialog.count()).toBe(1);
      const text = (await dialog.textContent()) ?? "";
      expect(text).toContain("saldo = baten − kosten");
      expect(text).toContain("Posten (contante waarde)");
      expect(text).toMatch(/Bron: /);
      expect(report.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("the whole study downloads as one CSV for Dutch Excel (BOM, `;`, decimal comma), JSON with dot-decimal numbers whose yearly rows add up to the saldo shown after the reader moved a control, and XLSX with a sheet per table", async () => {
    const {page, context, report} = await suite.open(VIP);
    try {
      const saldo = page.locator('[data-value="saldo"]');
      await expect.poll(() => saldo.textContent()).toMatch(/€/);
      const before = await saldo.textContent();
      // Move sliders (to their far end) until the page's saldo changes; the download must follow.
      const sliders = page.locator('.model-controls input[type="range"]');
      const count = await sliders.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count && (await saldo.textContent()) === before; ++i) {
        await sliders.nth(i).evaluate((input: HTMLInputElement) => {
          input.value = input.value === input.max ? input.min : input.max;
          input.dispatchEvent(new Event("input", {bubbles: true}));
        });
        await page.waitForTimeout(200);
      }
      await expect.poll(() => saldo.textContent()).not.toBe(before);
      const shown = euros(await saldo.textContent());

      const downloads = page.locator(".study-downloads");
      const [csv] = await Promise.all([page.waitForEvent("download"), downloads.locator('button[data-format="csv"]').click()]);
      expect(csv.suggestedFilename()).toBe("voorbeeldprojecten-hele-studie.csv");
      const text = readFileSync((await csv.path())!, "utf8");
      expect(text.startsWith("\uFEFF")).toBe(true);
      expect(text.endsWith("\r\n")).toBe(true);
      const rows = parseSpreadsheetCsv(text);
      expect(rows[0].slice(0, 4).join(";")).toBe("tabel;modelbestand;interventie;naam");
      expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(["invoer", "resultaten", "totalen"]));
      // amounts with a decimal comma, never a dot decimal
      expect(rows.slice(1).flat().some((c) => /^-?\d+,\d+$/.test(c))).toBe(true);
      expect(rows.slice(1).flat().filter((c) => /^-?\d+\.\d+$/.test(c))).toEqual([]);

      const [json] = await Promise.all([page.waitForEvent("download"), downloads.locator('button[data-format="json"]').click()]);
      const data = JSON.parse(readFileSync((await json.path())!, "utf8")) as {tabellen: Record<string, {rijen: Record<string, unknown>[]}>};
      const results = data.tabellen.resultaten.rijen.filter((r) => r.model === "vip-amsterdam.yaml");
      expect(results.length).toBeGreaterThan(0);
      const sum = results.reduce((a, r) => a + (r.presentValue as number), 0);
      expect(Math.round(sum)).toBe(shown);
      // the moved control is the one input with a reader's value
      const set = data.tabellen.invoer.rijen.filter((r) => r.currentValue !== null);
      expect(set.length).toBeGreaterThanOrEqual(1);
      expect(set.every((r) => r.model === "vip-amsterdam.yaml")).toBe(true);
      // the other projects of the study are in the download too, at their base values
      expect(new Set(data.tabellen.totalen.rijen.map((r) => r.model))).toEqual(new Set(["vip-amsterdam.yaml", "ips-nhn.yaml", "exit-rotterdam.yaml"]));

      const [xlsx] = await Promise.all([page.waitForEvent("download"), downloads.locator('button[data-format="xlsx"]').click()]);
      const zip = unzipSync(new Uint8Array(readFileSync((await xlsx.path())!)));
      const workbook = strFromU8(zip["xl/workbook.xml"]);
      expect([...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(["invoer", "resultaten", "totalen"]);
      expect(strFromU8(zip["xl/worksheets/sheet2.xml"])).toMatch(/<c r="[A-Z]+\d+"(?: s="\d+")?><v>-?\d+(\.\d+)?(E[-+]?\d+)?<\/v><\/c>/);
      expect(strFromU8(zip["xl/styles.xml"])).toMatch(/formatCode="\[\$€-413\] #,##0"/);
      expect(report.pageErrors).toEqual([]);
      expect(report.outsideRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("the study start page offers the whole-study download", async () => {
    const {page, context} = await suite.open("/studies/voorbeeldprojecten/");
    try {
      await expect.poll(() => page.locator(".study-downloads button").count()).toBe(3);
    } finally {
      await context.close();
    }
  });
});
