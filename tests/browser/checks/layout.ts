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
    name: "shows no English UI words (Framework, Inputs or browser text, code left in text)",
    run: async ({page, path}) => {
      expect(await english(path, page), "English UI text").toEqual([]);
    }
  }
];
