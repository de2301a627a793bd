// Reader-facing layout and language (issue 10), at the width of the visit (1280 × 900 and 390 × 844).
// Moved from the "fits 1280 and 390 px …" loop of tests/browser/pages.test.ts.
import {readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {expect} from "vitest";
import type {Page} from "playwright-core";
import {englishWords, layoutReport, readerText} from "../harness.js";
import type {PageCheck} from "./types.js";

export const order = 10;

// The widest element per page at 390 px, for whoever makes the phone layout narrower. The visits run
// in several files side by side (site-<k>.test.ts), so each adds its pages to what the file holds.
const WIDEST_FILE = join(tmpdir(), "rendement-widest-390.json");

// English text owned by another branch and being translated there: stripped before the check, and
// asserted to still be present, so an entry fails (and must be removed) once it is fixed. Empty now.
const KNOWN_ENGLISH: Record<string, string[]> = {};

async function english(path: string, page: Page): Promise<string[]> {
  let text = await readerText(page);
  for (const known of KNOWN_ENGLISH[path] ?? []) {
    expect(text, `known English text "${known}" is gone: remove it from KNOWN_ENGLISH`).toContain(known);
    text = text.split(known).join("");
  }
  return englishWords(text);
}

export const checks: PageCheck[] = [
  {
    name: "fits the window's width (no horizontal scrolling) and cuts no number with …",
    run: async ({page, width, path}) => {
      const r = await layoutReport(page);
      if (width === 390) {
        let widest: Record<string, string> = {};
        try {
          widest = JSON.parse(readFileSync(WIDEST_FILE, "utf8"));
        } catch {
          // none yet, or written half by another file at this moment: start again
        }
        widest[path] = r.widest;
        writeFileSync(WIDEST_FILE, JSON.stringify(widest, null, 2));
      }
      expect(r.scrollWidth, `${r.scrollWidth} px wide at ${width} px; widest: ${r.widest}`).toBeLessThanOrEqual(r.innerWidth);
      expect(r.ellipsisNumbers, "numbers cut with …").toEqual([]);
    }
  },
  {
    name: "at 1280 px: chart and effect-scheme text is at least 10 px and no tick labels overlap",
    run: async ({page, width}) => {
      if (width !== 1280) return;
      const r = await layoutReport(page);
      expect(r.smallText, "chart text under 10 px").toEqual([]);
      expect(r.overlappingTicks, "overlapping tick labels").toEqual([]);
    }
  },
  {
    name: "at 1280 px an effect scheme opens whole in its box: folded into the columns that fit, no sideways scrolling",
    applies: (_path, html) => html.includes("effectScheme"),
    run: async ({page, width}) => {
      if (width !== 1280) return;
      const boxes = await page.$$eval(".effect-scheme .effect-svg", (els) => els.map((e) => ({scroll: e.scrollWidth, client: e.clientWidth})));
      for (const box of boxes) expect(box.scroll, `effect scheme ${box.scroll} px wide in a ${box.client}-px box`).toBeLessThanOrEqual(box.client + 1);
    }
  },
  {
    // A chart slot (src/components/redrawn.js) has content-visibility: auto, which clips what
    // overflows it and keeps that overflow out of the page's width: so the width check above cannot
    // see a chart that is too wide for its slot, and this one looks inside every slot instead.
    name: "nothing in a chart slot reaches past its edges (a slot clips what overflows it)",
    applies: (_path, html) => html.includes("chartSlot") || html.includes("chart-slot"),
    run: async ({page}) => {
      // Each slot is looked at as the reader sees it: scrolled into view (off screen it is not laid
      // out and measures as its placeholder size), two frames later; then back to the top.
      const cut = await page.evaluate(async () => {
        const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
        const found: string[] = [];
        for (const slot of Array.from(document.querySelectorAll(".chart-slot"))) {
          if (!slot.checkVisibility()) continue;
          slot.scrollIntoView({block: "start"});
          await frame();
          const box = slot.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) continue;
          const outside = Array.from(slot.querySelectorAll("svg, canvas, img, text, button, a, p, span, div, summary, table")).filter((e) => {
            if (!e.checkVisibility()) return false;
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1);
          });
          const name = slot.closest("[data-chart]")?.getAttribute("data-chart") ?? slot.querySelector("[data-chart]")?.getAttribute("data-chart") ?? "slot";
          for (const e of outside.slice(0, 3)) found.push(`${name}: <${e.tagName.toLowerCase()}> "${(e.textContent ?? "").trim().slice(0, 30)}" outside the ${Math.round(box.width)} × ${Math.round(box.height)} px slot`);
        }
        window.scrollTo(0, 0);
        await frame();
        return found;
      });
      expect(cut, "content cut off by a chart slot").toEqual([]);
    }
  },
  {
    name: "shows no English UI words (Framework, Inputs or browser text, code left in text)",
    run: async ({page, path}) => {
      expect(await english(path, page), "English UI text").toEqual([]);
    }
  }
];
