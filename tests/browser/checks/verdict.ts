// What a result card says about the report (lib/reproduce/verdict.ts), on every intervention page:
// at the report's inputs each headline figure with a printed counterpart carries its verdict,
// linked to its row on the Reproductie page; after the reader moves an input, the card shows
// "rapport: <waarde>" as a reference and no verdict; a page without printed counterparts says its
// figures are Rendement's own valuation. The saldo card says "per deelnemer" or "totaal".
import {expect} from "vitest";
import type {PageCheck} from "./types.js";
import {itemPage} from "../page-model.js";

// Runs before the checks that move inputs (state, equality, typing): it needs the report's inputs, and
// puts back the one input it moves.
export const order = 30;
export const checks: PageCheck[] = [
  {
    name: "a result card states its basis and, beside a figure the report prints, its verdict at the report's inputs and 'rapport: <waarde>' once an input moved",
    applies: (path) => itemPage(path) !== null,
    run: async ({page, path, origin}) => {
      const found = itemPage(path)!;
      const cards = page.locator(".key-figures").first();
      await cards.waitFor();
      await expect.poll(() => cards.locator("h2").allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Saldo \(NCW\), (per deelnemer|totaal)/)]));
      const own = !found.item.printed.length && !(found.item.comparisons ?? []).some((c) => c.printed.length);
      if (own) {
        expect(await cards.locator('[data-note="own"]').count()).toBeGreaterThan(0);
        expect(await cards.locator('[data-note="verdict"]').count()).toBe(0);
        return;
      }
      const linked = found.item.printed.filter((p) => ["ratio", "financialRatio"].includes(p.computed));
      if (!linked.length) return;
      const verdicts = cards.locator('a[data-note="verdict"]');
      await expect.poll(() => verdicts.count()).toBeGreaterThanOrEqual(linked.length);
      // The link goes to the figure's row on the Reproductie page.
      const href = await verdicts.first().getAttribute("href");
      expect(href).toMatch(new RegExp(`reproductie\\.html\\?study=${found.study}#${found.study}--`));
      expect(new URL(href!, origin + path).pathname).toBe("/reproductie.html");
      // Move one input: the verdicts give way to the report's value as a reference.
      const form = page.locator(".model-controls form.number-input:has(.number-input-slider)").first();
      if (!(await form.count())) return;
      const typed = await form.locator(".number-input-box").inputValue();
      await form.locator(".number-input-slider").evaluate((input: HTMLInputElement) => {
        input.value = input.value === input.max ? input.min : input.max;
        input.dispatchEvent(new Event("input", {bubbles: true}));
      });
      await expect.poll(() => cards.locator('[data-note="verdict"]').count(), {timeout: 15_000}).toBe(0);
      expect(await cards.locator('[data-note="reference"]').first().textContent()).toMatch(/^rapport: /);
      // Back at the report's value (typed into the box as it stood, not set by the slider, whose grid
      // may not hold it): the verdicts return, and the page is as the check found it.
      await form.locator(".number-input-box").evaluate((box: HTMLInputElement, text) => {
        box.value = text;
        box.dispatchEvent(new Event("input", {bubbles: true}));
        box.dispatchEvent(new Event("change", {bubbles: true}));
      }, typed);
      await expect.poll(() => verdicts.count(), {timeout: 15_000}).toBeGreaterThanOrEqual(linked.length);
    }
  }
];
