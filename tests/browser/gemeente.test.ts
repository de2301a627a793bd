// "Uw gemeente" and the comparison picker on one built item page (issue 20, points 1 and 2). The
// page is found from the data: the first item page whose intervention has complete roles (all four
// inputs and an evidence range for the effect), else the first with a participants input and an
// effect with an evidence range; its model must declare a named scenario for the comparison.
import {readFileSync} from "node:fs";
import {expect, test} from "vitest";
import {browserSuite, listPages, pageFile} from "./harness.js";
import {itemPage} from "./page-model.js";
import {interventionRoles} from "../../lib/analysis/roles.js";
import {municipalityLimits} from "../../lib/analysis/municipality.js";
import {formatInputNumber} from "../../lib/format.js";

const candidates = listPages()
  .map((path) => {
    const ip = itemPage(path);
    if (!ip) return null;
    const roles = interventionRoles(ip.model).find((r) => r.intervention === ip.item.intervention);
    if (!roles) return null;
    const by = Object.fromEntries(roles.roles.map((r) => [r.role, r]));
    if (!by.participants.input || !by.effect.input || !by.effect.range || !ip.model.file.scenarios.length) return null;
    return {path, model: ip.model, roles, by, complete: municipalityLimits(roles).complete};
  })
  .filter((x) => x !== null);
const PICK = candidates.find((c) => c.complete) ?? candidates[0];

browserSuite("Uw gemeente and the comparison picker (Chromium, dist/)", (suite) => {
  test.skipIf(!PICK)(`${PICK?.path}: participants typed in "Uw gemeente" change the per-actor totals, the address and the settings file; reopening the address gives the same numbers; a value outside the effect's evidence range is refused`, async () => {
    const {page, context, report} = await suite.open(pageFile(PICK!.path));
    try {
      const participants = PICK!.by.participants.input!;
      const saldos = () => page.$$eval(".municipality-results td[data-saldo]", (tds) => tds.map((td) => td.getAttribute("data-saldo")));
      // The section is folded and loads its code when opened.
      const summary = page.locator("details.municipality-section > summary");
      await summary.scrollIntoViewIfNeeded();
      await summary.click();
      await expect.poll(async () => (await saldos()).length, {timeout: 60_000}).toBeGreaterThan(0);
      const before = await saldos();
      const box = page.locator('.municipality form[data-role="participants"] .number-input-box');
      await box.scrollIntoViewIfNeeded();
      // A small municipality: 20 persons (the calculators' new lower bound), unless that is the study's value.
      const n = PICK!.by.participants.value === 20 ? 25 : 20;
      await box.fill(formatInputNumber(n));
      await box.press("Enter");
      await expect.poll(() => new URL(page.url()).searchParams.get(participants), {timeout: 15_000}).toBe(String(n));
      await expect.poll(saldos, {timeout: 30_000}).not.toEqual(before);
      const after = await saldos();
      // Box, the page's own control and the model hold the same value; the changed input is marked.
      expect(await page.locator(`form.number-input[data-state-key="${participants}"]`).first().getAttribute("data-value")).toBe(String(n));
      expect(await page.locator('.municipality form[data-role="participants"]').getAttribute("data-value")).toBe(String(n));
      expect(await page.locator('.municipality-role[data-role="participants"][data-changed]').count()).toBe(1);
      // The society row is the sum of the actors (transfers net to zero).
      const numbers = after.map(Number);
      const total = numbers.at(-1)!;
      expect(Math.abs(numbers.slice(0, -1).reduce((a, b) => a + b, 0) - total)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(total)));

      // The settings file holds the municipality's number under the input's --set name.
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-settings="save"]').click()]);
      const saved = readFileSync((await download.path())!, "utf8");
      expect(saved).toMatch(new RegExp(`^\\s+${participants.replace(/\./g, "\\.")}: ${n}$`, "m"));

      // Reopen the address: the section opens by itself (the address holds one of its inputs), the same numbers, the same box.
      const address = page.url();
      await page.goto(address, {waitUntil: "load"});
      await expect.poll(saldos, {timeout: 60_000}).toEqual(after);
      expect(await page.locator('.municipality form[data-role="participants"] .number-input-box').inputValue()).toBe(formatInputNumber(n));

      // The effect box refuses a value beyond the evidence range, beside the box, never clamped.
      const effect = page.locator('.municipality form[data-role="effect"]');
      const kept = await effect.getAttribute("data-value");
      const high = Number(await effect.getAttribute("data-max"));
      const outside = high + Math.max(1, Math.abs(high));
      await effect.locator(".number-input-box").fill(formatInputNumber(outside));
      await effect.locator(".number-input-box").press("Enter");
      await expect.poll(() => effect.locator(".number-input-message").textContent(), {timeout: 15_000}).toMatch(/niet overgenomen: dat ligt buiten het bereik dat het bewijs steunt/);
      expect(await effect.getAttribute("data-value")).toBe(kept);
      expect(new URL(page.url()).searchParams.get(PICK!.by.effect.input!)).toBeNull();
      expect(report.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  test.skipIf(!PICK)(`${PICK?.path}: comparing the report's base with a named scenario: the difference in saldo equals the sum of the waterfall's bars`, async () => {
    const {page, context, report} = await suite.open(pageFile(PICK!.path));
    try {
      const details = page.locator("details.compare");
      await details.locator("summary").scrollIntoViewIfNeeded();
      await details.locator("summary").click();
      const scenario = `scenario:${PICK!.model.file.scenarios[0].id}`;
      await expect.poll(() => page.locator('select[data-compare-pick="b"] option').count(), {timeout: 30_000}).toBeGreaterThan(2);
      await page.selectOption('select[data-compare-pick="a"]', "base");
      await page.selectOption('select[data-compare-pick="b"]', scenario);
      const view = page.locator(".compare-result [data-difference]");
      await expect.poll(() => view.locator("th, td").filter({hasText: PICK!.model.file.scenarios[0].label}).count().then((c) => c > 0 || null), {timeout: 30_000}).toBeTruthy();
      const difference = Number(await view.getAttribute("data-difference"));
      const bars = JSON.parse((await view.locator(".waterfall").getAttribute("data-bars")) ?? "[]") as number[];
      expect(bars.length).toBeGreaterThan(0);
      expect(Math.abs(bars.reduce((a, b) => a + b, 0) - difference)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(difference)));
      // One bar per changed input plus the two totals are drawn.
      expect(await view.locator(".waterfall svg rect").count()).toBeGreaterThanOrEqual(bars.length + 2);
      expect(report.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  test.skipIf(!PICK)(`${PICK?.path}: the chosen pair lives in the address (compare=<left>~<right>); a shared link reopens the same comparison; a settings file asked for by a link is named, not chosen silently`, async () => {
    const scenario = `scenario:${PICK!.model.file.scenarios[0].id}`;
    const pair = new URLSearchParams({compare: `${scenario}~base`});
    const {page, context, report} = await suite.open(`${pageFile(PICK!.path)}?${pair}`);
    try {
      const view = page.locator(".compare-result [data-difference]");
      await expect.poll(() => view.count(), {timeout: 60_000}).toBeGreaterThan(0);
      expect(await page.locator("details.compare").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await page.locator('select[data-compare-pick="a"]').inputValue()).toBe(scenario);
      expect(await page.locator('select[data-compare-pick="b"]').inputValue()).toBe("base");
      const shared = Number(await view.getAttribute("data-difference"));
      // Base minus the scenario: the opposite of the scenario's own difference against base.
      await page.selectOption('select[data-compare-pick="a"]', "base");
      await page.selectOption('select[data-compare-pick="b"]', scenario);
      await expect.poll(() => new URL(page.url()).searchParams.get("compare"), {timeout: 30_000}).toBe(`base~${scenario}`);
      await expect.poll(async () => Number(await view.getAttribute("data-difference")), {timeout: 30_000}).toBeCloseTo(-shared, 6);
      // Folding the comparison takes it out of the address.
      await page.locator("details.compare > summary").click();
      await expect.poll(() => new URL(page.url()).searchParams.has("compare"), {timeout: 30_000}).toBe(false);
      expect(report.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
    const withFile = await suite.open(`${pageFile(PICK!.path)}?${new URLSearchParams({compare: "base~file"})}`);
    try {
      const refused = withFile.page.locator("[data-compare-refused]");
      await expect.poll(() => refused.count(), {timeout: 60_000}).toBeGreaterThan(0);
      expect(await refused.textContent()).toContain("laad het hieronder opnieuw");
      expect(await withFile.page.locator('select[data-compare-pick="b"]').inputValue()).toBe("current");
    } finally {
      await withFile.context.close();
    }
  }, 240_000);
});
