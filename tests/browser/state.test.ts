// Page state in the address: the regressions of issue 17, case 1 (VH effect years 5,625 came back as
// 10 from a shared link) and case 6 (inputs that give no finite result showed Framework's English
// error box with NaN), and the input fixes of issue 19 point 8. The round trip on every page is the
// check module tests/browser/checks/state.ts, run by the one-visit runner (site-visits.ts).
import {expect, test} from "vitest";
import {browserSuite, listPages, pageFile} from "./harness.js";
import {boundBoxes, boxShows, settle, typeAndEnter} from "./checks/state.js";

const pages = listPages();

// The regression pages of issue 17 (a test of a reported bug may name the page it was found on).
const VH = "/studies/zoetermeer/vh";
const COCKPIT = "/studies/zoetermeer/cockpit";
const VIP = "/studies/voorbeeldprojecten/vip-amsterdam";

browserSuite("page state in the address (Chromium, dist/)", (suite) => {
  test("issue 17 case 1: VH effect years typed as 5,625 go into the address as 5.625, and the reopened address shows 5,625 and the same saldo", async () => {
    const {page, context, report} = await suite.open(pageFile(VH));
    try {
      const key = (await boundBoxes(page)).map((b) => b.key).find((k) => k.endsWith(".effectJaren"));
      expect(key, "the VH page has an effect-years box").toBeDefined();
      const saldo = page.locator('[data-value="saldo"]').first();
      const baseSaldo = await saldo.textContent();
      await typeAndEnter(page, key!, "5,625", {perKey: true});
      await expect.poll(() => page.evaluate(() => location.search)).toContain(`${key}=5.625`);
      await settle(page);
      const before = {box: await boxShows(page, key!), saldo: await saldo.textContent()};
      expect(before.box.text).toBe("5,625");
      expect(before.box.value).toBe("5.625");
      expect(before.saldo, "the saldo follows the typed value").not.toBe(baseSaldo);
      const address = await page.evaluate(() => location.href);
      await page.goto(address, {waitUntil: "load"});
      await settle(page);
      const after = {box: await boxShows(page, key!), saldo: await page.locator('[data-value="saldo"]').first().textContent()};
      expect(after.box.text, `reopened ${address}`).toBe("5,625");
      expect(after.box.value).toBe("5.625");
      expect(after.saldo, "same saldo after reopening the address").toBe(before.saldo);
      expect(report.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("issue 19 point 8: an out-of-range message stays after Enter; the slider is keyboard-reachable and named", async () => {
    const {page, context} = await suite.open(pageFile(VH));
    try {
      const key = (await boundBoxes(page)).map((b) => b.key).find((k) => k.endsWith(".effectJaren"))!;
      await typeAndEnter(page, key, "999", {perKey: true});
      await settle(page);
      const shown = await boxShows(page, key);
      expect(shown.message).toMatch(/999 ligt buiten het bereik/);
      const slider = page.locator(`form[data-state-key="${key}"] input[type=range]`);
      expect(await slider.getAttribute("tabindex")).toBeNull();
      expect(await slider.getAttribute("aria-label")).toMatch(/schuifregelaar/);
    } finally {
      await context.close();
    }
  });

  test("issue 17 case 6: the cockpit with the three LKS shares at 0 shows a Dutch message and the last good figures dimmed, no English error box", async () => {
    const {page, context, report} = await suite.open(pageFile(COCKPIT));
    try {
      const keys = (await boundBoxes(page)).map((b) => b.key).filter((k) => /\.lks(Voltijd|Deeltijd|Beschut)$/.test(k));
      expect(keys).toHaveLength(3);
      const url = new URL(page.url());
      for (const k of keys) url.searchParams.set(k, "0");
      await page.goto(url.href, {waitUntil: "load"});
      await settle(page);
      expect(await page.locator(".observablehq--error").count(), "no Framework error box").toBe(0);
      const notice = page.locator(".evaluation-notice");
      await expect.poll(() => notice.isVisible()).toBe(true);
      expect(await notice.textContent()).toMatch(/^Geen uitkomst: .*gedimd/);
      expect(await notice.textContent()).not.toMatch(/no finite result|Error/);
      // No English heading from Framework's .warning style ("Warning" drawn by CSS).
      expect(await notice.evaluate((n) => getComputedStyle(n, "::before").content)).toMatch(/^(none|normal)$/);
      expect(await page.evaluate(() => document.body.classList.contains("results-stale"))).toBe(true);
      expect(await page.locator(".cockpit-table").count(), "the last good figures stay").toBeGreaterThan(0);
      // Dimmed: the result blocks (a card with the cockpit table), not the blocks holding the inputs.
      // (the effective opacity: the product over the element and its ancestors).
      const opacityOf = (selector: string) =>
        page.locator(selector).first().evaluate((t) => {
          let o = 1;
          for (let n: Element | null = t; n; n = n.parentElement) o *= Number(getComputedStyle(n).opacity);
          return Math.round(o * 100) / 100;
        });
      await expect.poll(() => opacityOf(".cockpit-table")).toBe(0.45);
      expect(await opacityOf(".model-controls")).toBe(1);
      // Back to a valid value: the message goes, the figures are bright again.
      await page.locator(".reset-controls").first().click();
      await expect.poll(() => notice.isVisible()).toBe(false);
      expect(await page.evaluate(() => document.body.classList.contains("results-stale"))).toBe(false);
      await expect.poll(() => opacityOf(".cockpit-table")).toBe(1);
      expect(report.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("issue 17 case 6: VIP with its first box at 0 shows a Dutch message instead of an error box", async () => {
    const {page, context, report} = await suite.open(pageFile(VIP));
    try {
      const [first] = await boundBoxes(page);
      const url = new URL(page.url());
      url.searchParams.set(first.key, "0");
      await page.goto(url.href, {waitUntil: "load"});
      await settle(page);
      expect(await page.locator(".observablehq--error").count(), "no Framework error box").toBe(0);
      expect((await boxShows(page, first.key)).message, "0 is inside the range: taken, not refused").toBe("");
      // The Dutch message where the figures cannot be computed (the results or, on top of these
      // inputs, a scenario), never Framework's English box.
      const notices = await page.locator(".evaluation-notice:visible").allTextContents();
      expect(notices.length, "a Dutch message").toBeGreaterThan(0);
      for (const n of notices) expect(n).toMatch(/Geen uitkomst: /);
      expect(report.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("issue 19 point 8: a 0/1 switch is a checkbox whose state goes into the address; an opened or closed table keeps its state when an input redraws it", async () => {
    const {page, context, report} = await suite.open(pageFile(COCKPIT));
    try {
      // No number box with range 0–1 and step 1 is left: those are checkboxes.
      const switches = page.locator("form.switch-input[data-state-key]");
      expect(await switches.count(), "the cockpit's 0/1 options are checkboxes").toBeGreaterThan(0);
      const sw = switches.first();
      const key = (await sw.getAttribute("data-state-key"))!;
      const checked = await sw.locator("input[type=checkbox]").isChecked();
      // A details table that an input change redraws: the reader flips it, then changes an input.
      const TABLE = "NCW per kosten- en batenpost";
      const isOpen = () =>
        page.evaluate((text) => {
          const d = Array.from(document.querySelectorAll("#observablehq-main details")).find((x) => x.querySelector(":scope > summary")?.textContent?.includes(text));
          return d ? (d as HTMLDetailsElement).open : null;
        }, TABLE);
      const open = await isOpen();
      expect(open, `a table "${TABLE}"`).not.toBeNull();
      await page.locator("#observablehq-main details > summary", {hasText: TABLE}).first().click();
      await expect.poll(isOpen).toBe(!open);
      await sw.locator("input[type=checkbox]").click();
      await expect.poll(() => page.evaluate(() => location.search)).toContain(`${key}=${checked ? 0 : 1}`);
      await settle(page);
      expect(await isOpen(), "the table keeps the state the reader chose").toBe(!open);
      await page.goto(await page.evaluate(() => location.href), {waitUntil: "load"});
      await settle(page);
      expect(await page.locator(`form.switch-input[data-state-key="${key}"] input[type=checkbox]`).isChecked(), "the switch comes back from the address").toBe(!checked);
      expect(report.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
}, {skip: !pages.length});
