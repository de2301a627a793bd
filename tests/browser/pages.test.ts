// Page features that need their own flow (search, downloads, dialogs, sliders, shareable state), each
// on the one page it needs. What every page must do is checked in one visit per page and width by
// tests/browser/site-visits.ts with the modules in tests/browser/checks/ (see docs/testing.md).
import {expect, test} from "vitest";
import {readFileSync} from "node:fs";
import {DIST, browserSuite, listPages, pageFile, pageHtml, serveDist, typeInto} from "./harness.js";
import {formatInputNumber, parseDutchNumber} from "../../lib/format.js";
import {strFromU8, unzipSync} from "fflate";
import {parseSpreadsheetCsv} from "../spreadsheet-csv-read.js";

const pages = listPages();

browserSuite("page features in Chromium", (suite) => {
  test("plain static hosting: a clean URL (/methode) is not served by a server that does no rewriting (the reason links end in .html; that every page is served by its file name is the load check of tests/browser/checks/load.ts)", async () => {
    const plain = await serveDist(DIST, {rewrite: false});
    try {
      expect((await fetch(plain.origin + "/methode.html")).status).toBe(200);
      expect((await fetch(plain.origin + "/methode")).status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  test("site search works offline and answers in Dutch: typing 'discontovoet' lists pages with a Dutch count", async () => {
    const {page, context, report} = await suite.open("/");
    try {
      const input = page.locator("#observablehq-search input");
      expect(await input.getAttribute("placeholder")).toBe("Zoeken");
      await input.focus();
      await input.pressSequentially("discontovoet");
      const results = page.locator("#observablehq-search-results");
      await expect.poll(() => results.locator("ol li").count()).toBeGreaterThan(0);
      await expect.poll(async () => (await results.locator("div").first().textContent()) ?? "").toMatch(/^\d[\d.]* resulta(at|ten)$/);
      expect(report.outsideRequests).toEqual([]);
      expect(report.failedRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("every chart has SVG and PNG save buttons; saving the discounting example's chart (Methode) gives a real SVG and a real PNG", async () => {
    const {page, context} = await suite.open("/methode");
    try {
      const chart = page.locator('[data-chart="contante-waarde"]');
      await expect.poll(() => chart.locator(".chart-save button").count()).toBe(2);
      // every chart on the page got its buttons
      const without = await page.$$eval("[data-chart]", (cs) => cs.filter((c) => c.querySelector("svg") && !c.querySelector(".chart-save")).map((c) => c.getAttribute("data-chart")));
      expect(without).toEqual([]);
      const [svgDownload] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", {name: "Opslaan als SVG"}).click()]);
      expect(svgDownload.suggestedFilename()).toBe("contante-waarde.svg");
      const svgText = readFileSync((await svgDownload.path())!, "utf8");
      expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svgText).toMatch(/<rect|<path/);
      const [pngDownload] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", {name: "Opslaan als PNG"}).click()]);
      expect(pngDownload.suggestedFilename()).toBe("contante-waarde.png");
      const png = readFileSync((await pngDownload.path())!);
      expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
      expect(png.length).toBeGreaterThan(1000);
    } finally {
      await context.close();
    }
  });

  test("provenance on results: clicking a result number opens how it was computed (formula and kengetallen with source), and closes again", async () => {
    let checked = false;
    // Cockpit pages first: their post cells are clickable numbers (no need to open every page).
    const cockpitFirst = [...pages].sort((a, b) => Number(b.includes("cockpit")) - Number(a.includes("cockpit")));
    for (const path of cockpitFirst) {
      const {page, context, report} = await suite.open(pageFile(path));
      try {
        // numbers tables are collapsed <details>: open them so their numbers can be clicked
        await page.$$eval("details.numbers", (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        const numbers = page.locator("button.explainable");
        if ((await numbers.count()) === 0) continue;
        const first = numbers.first();
        expect(await first.textContent(), `${path}: the clickable number shows a Dutch amount or ratio`).toMatch(/^(€\u00A0-?[\d.]+|-?\d+(,\d+)?)$/);
        await first.scrollIntoViewIfNeeded();
        await first.click();
        const dialog = page.locator("dialog.explain-dialog[open]");
        await expect.poll(() => dialog.count()).toBe(1);
        const text = (await dialog.textContent()) ?? "";
        expect(text, `${path}: the dialog explains the number (a post's valuation or a result's posts)`).toMatch(/Waardering|Posten \(contante waarde\)/);
        expect(text).toMatch(/Formule/);
        expect(text).toMatch(/Kengetallen en parameters/);
        await dialog.getByRole("button", {name: "Sluiten"}).click();
        await expect.poll(() => page.locator("dialog.explain-dialog").count()).toBe(0);
        expect(report.pageErrors).toEqual([]);
        checked = true;
        break;
      } finally {
        await context.close();
      }
      if (checked) break;
    }
    expect(checked, "no page has a clickable result number").toBe(true);
  });

  test("the kengetallen registry downloads whole as CSV for Dutch Excel (BOM, `;`, decimal comma, CRLF, no sep= line) and as JSON with dot-decimal numbers as numbers", async () => {
    const {page, context} = await suite.open("/kengetallen.html");
    try {
      const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("a.csv-download", {hasText: "kengetallen.csv"}).click()]);
      const text = readFileSync((await csv.path())!, "utf8");
      expect(text.startsWith("\uFEFF")).toBe(true);
      expect(text).not.toMatch(/^\uFEFF?sep=/);
      const rows = parseSpreadsheetCsv(text);
      expect(rows[0].join(";")).toBe("id;kengetal;thema;waarde;eenheid;prijspeil;prijspeil_basis;actor;aard;bron;onzekerheid;toelichting;bestand");
      const [json] = await Promise.all([page.waitForEvent("download"), page.locator("a.json-download", {hasText: "kengetallen.json"}).click()]);
      const data = JSON.parse(readFileSync((await json.path())!, "utf8")) as {rows: {raw: unknown; id: string}[]};
      // one CSV row per registry row, plus the header
      expect(rows.length).toBe(data.rows.length + 1);
      expect(data.rows.length).toBeGreaterThan(100);
      const numeric = data.rows.filter((r) => typeof r.raw === "number");
      expect(numeric.length).toBeGreaterThan(data.rows.length / 2);
      // the same value, with a decimal comma in the CSV and a dot-decimal number in the JSON
      const sample = numeric.find((r) => !Number.isInteger(r.raw as number)) ?? numeric[0];
      expect(rows.find((r) => r[0] === sample.id)?.[3]).toBe(String(sample.raw).replace(".", ","));
      // no text cell a spreadsheet would evaluate
      expect(rows.flat().filter((c) => /^[=+@\t\r]/.test(c) || /^-(?!\d)/.test(c))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  // Print to A4 is checked page by page in tests/browser/checks/print.ts.

  test("a results table downloads as XLSX with numbers as numbers and a euro display format, the writer loaded only on click", async () => {
    let checked = false;
    // Cockpit pages first: their results tables have downloads (no need to open every page).
    const cockpitFirst = [...pages].sort((a, b) => Number(b.includes("cockpit")) - Number(a.includes("cockpit")));
    for (const path of cockpitFirst) {
      const {page, context, report} = await suite.open(pageFile(path));
      const requested: string[] = [];
      page.on("request", (r) => requested.push(r.url()));
      try {
        await page.$$eval("details.numbers", (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        const buttons = page.locator("button.xlsx-download");
        if ((await buttons.count()) === 0) continue;
        // the XLSX writer is not part of the page until a reader asks for a download
        expect(requested.filter((u) => u.includes("write-excel-file"))).toEqual([]);
        const button = buttons.first();
        await button.scrollIntoViewIfNeeded();
        const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
        expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
        const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
        const sheet = strFromU8(zip["xl/worksheets/sheet1.xml"]);
        const styles = strFromU8(zip["xl/styles.xml"]);
        // at least one plain numeric cell (no t="s"/"inlineStr"), and a euro number format
        expect(sheet).toMatch(/<c r="[A-Z]+\d+"(?: s="\d+")?><v>-?\d+(\.\d+)?(E[-+]?\d+)?<\/v><\/c>/);
        expect(styles).toMatch(/formatCode="\[\$€-413\] #,##0/);
        expect(report.outsideRequests).toEqual([]);
        checked = true;
      } finally {
        await context.close();
      }
      if (checked) break;
    }
    expect(checked, "no page has an XLSX download").toBe(true);
  });

  test("shareable state: a changed model input goes into the address, opening that address restores it, and reset removes it", async () => {
    // The first page with model controls (src/components/controls.js), whichever study it shows: of the
    // built pages that load that module (a page without it cannot show them), the first that shows them.
    let found: string | undefined;
    let typedValue: string | null = null;
    for (const path of pages.filter((p) => /\/controls\.[0-9a-f]+\.js"/.test(pageHtml(p)))) {
      const {page, context} = await suite.open(pageFile(path));
      try {
        if ((await page.locator(".model-controls form.number-input").count()) === 0) continue;
        const form = page.locator(".model-controls form.number-input").first();
        const min = Number(await form.getAttribute("data-min"));
        const max = Number(await form.getAttribute("data-max"));
        const start = Number(await form.getAttribute("data-value"));
        const target = start === max ? min : max;
        const index = await page.locator("form.number-input").evaluateAll((all, first) => all.indexOf(first as HTMLFormElement), await form.elementHandle());
        await typeInto(page, index, formatInputNumber(target));
        await expect.poll(() => page.evaluate(() => location.search)).not.toBe("");
        found = await page.evaluate(() => location.href);
        typedValue = await form.getAttribute("data-value");
      } finally {
        await context.close();
      }
      if (found) break;
    }
    expect(found, "no page with model controls").toBeDefined();
    const url = new URL(found!);
    const {page, context} = await suite.open(url.pathname + url.search);
    try {
      // The address holds the model value (a fraction as a fraction, lib/page-state.ts); the box shows
      // what was typed (percent for a fraction).
      const form = page.locator(".model-controls form.number-input").first();
      const name = (await form.getAttribute("data-state-key"))!;
      expect(url.searchParams.has(name), `${name} in ${url.search}`).toBe(true);
      expect(await form.getAttribute("data-value"), `restored ${name}`).toBe(typedValue);
      expect(parseDutchNumber(await form.locator(".number-input-box").inputValue())).toBe(Number(typedValue));
      expect(JSON.parse((await page.locator(".model-controls").first().getAttribute("data-overrides")) ?? "{}")).toHaveProperty([name]);
      await page.locator(".model-controls .reset-controls").first().click();
      await expect.poll(() => page.evaluate(() => location.search)).toBe("");
      expect(await page.locator(".model-controls").first().getAttribute("data-overrides")).toBe("{}");
    } finally {
      await context.close();
    }
  });

  test("Methode's discounting example: moving its discount-rate slider from 2,25% to 10% recomputes the saldo and redraws the chart", async () => {
    const {page, context, report} = await suite.open("/methode");
    try {
      const saldo = page.locator('[data-value="saldo"]');
      const chart = page.locator('[data-chart="contante-waarde"] svg').last();
      // data/examples/discounting.yaml: −6.000 in year 0, then 1.500 a year in years 1–5.
      // At 2,25%: −6000 + 1500 × (1 − 1,0225^−5) / 0,0225 = 1.019,18 → "€ 1.019".
      await expect.poll(() => saldo.textContent()).toBe("€\u00A01.019");
      const before = await chart.innerHTML();
      await page.locator('[data-example="contante-waarde"] input[type="range"]').first().evaluate((input: HTMLInputElement) => {
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
    const {page, context, report} = await suite.open("/reproductie?study=leiden");
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
      expect(headline).toMatch(/^Modelberekeningen uit onafhankelijke invoer die kloppen: \d+ van \d+: /);
      expect(headline).toMatch(/Daarnaast \d+ kalibratiecontroles, \d+ rekensomcontroles en \d+ invoercontroles, apart getoond/);
      expect(report.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
