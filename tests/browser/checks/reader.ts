// A page reads like a well-set report (issue 19): no number and no word broken across two lines,
// the first result card within reach on intervention pages, and no chart label cut off by its chart.
import {expect} from "vitest";
import type {Page} from "playwright-core";
import type {PageCheck} from "./types.js";

/** Tokens broken across lines: number tokens always, words unless hyphenation is on where they sit. */
export async function brokenTokens(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const main = document.querySelector("#observablehq-main");
    if (!main) return out;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => {
        const p = n.parentElement;
        if (!p || p.closest("svg, pre, script, style, dialog, [hidden]")) return NodeFilter.FILTER_REJECT;
        return /\S/.test(n.nodeValue ?? "") ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      }
    });
    // A number token: an optional sign or currency, digits with Dutch thousands points and a decimal
    // comma, an optional percent sign ("€ 1.234", "−1,3", "15%"). A word: letters only.
    // A sign counts only where it starts the token ("1184-1186" is a range of two numbers).
    const tokens = /(?:(?<![\p{L}\p{N}])(?:€[\u00a0 ]?[−-]?|[−-]))?\d(?:[\d.,]*\d)?%?|\p{L}{2,}/gu;
    const lines = (rects: DOMRectList) => {
      const tops: number[] = [];
      for (const r of Array.from(rects)) {
        if (r.width === 0 && r.height === 0) continue;
        if (!tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
      }
      return tops.length;
    };
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.nodeValue ?? "";
      const parent = n.parentElement!;
      if (parent.getClientRects().length === 0) continue; // not rendered (closed details, display none)
      const hyphenated = getComputedStyle(parent).hyphens === "auto";
      for (const m of text.matchAll(tokens)) {
        const isNumber = /\d/.test(m[0]);
        if (!isNumber && hyphenated) continue;
        // Part of a code name (k.aandeel_intensief, a file path): not a word of the text.
        if (!isNumber && (parent.closest("code") || /[_./]/.test(text[m.index! - 1] ?? "") || /[_./]/.test(text[m.index! + m[0].length] ?? ""))) continue;
        const range = document.createRange();
        range.setStart(n, m.index!);
        range.setEnd(n, m.index! + m[0].length);
        if (lines(range.getClientRects()) > 1) {
          const where = parent.closest("table") ? "table" : parent.tagName.toLowerCase();
          out.push(`${isNumber ? "number" : "word"} "${m[0]}" in ${where}: "…${text.slice(Math.max(0, m.index! - 20), m.index! + m[0].length + 20)}…"`);
        }
      }
    }
    return out;
  });
}

/** Top of the first result card (document coordinates), or null when the page has none. */
export async function firstResultTop(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const card = document.querySelector("#observablehq-main [data-results] .card, #observablehq-main [data-results] [data-value]");
    return card ? Math.round(card.getBoundingClientRect().top + window.scrollY) : null;
  });
}

/**
 * What is wrong with the texts of the page's charts (each top-level svg in a [data-chart] or an effect
 * scheme): `clipped`, text drawn outside its svg's box where the svg does not show overflow (cut off
 * on screen); `overlapping`, pairs of texts of one chart drawn over each other (a bar's amount over a
 * post's name).
 */
export async function chartTextFaults(page: Page): Promise<{clipped: string[]; overlapping: string[]}> {
  return page.evaluate(() => {
    const clipped: string[] = [];
    const overlapping: string[] = [];
    for (const svg of Array.from(document.querySelectorAll("#observablehq-main [data-chart] svg, #observablehq-main .effect-scheme svg"))) {
      if (svg.parentElement?.closest("svg")) continue;
      const box = svg.getBoundingClientRect();
      if (box.width === 0) continue;
      const chart = svg.closest("[data-chart]")?.getAttribute("data-chart") ?? "effect-scheme";
      const texts = Array.from(svg.querySelectorAll("text"))
        .filter((t) => (t.textContent ?? "").trim())
        .map((t) => ({text: t.textContent ?? "", shown: t.checkVisibility(), r: t.getBoundingClientRect()}));
      if (getComputedStyle(svg).overflow !== "visible") {
        for (const {text, r} of texts) {
          if (r.width === 0) continue;
          if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
            clipped.push(`"${text.slice(0, 40)}" in chart ${chart}: ${Math.round(r.left - box.left)}…${Math.round(r.right - box.left)} px of ${Math.round(box.width)}`);
          }
        }
      }
      const drawn = texts.filter(({shown, r}) => shown && r.width > 0 && r.height > 0);
      for (let i = 0; i < drawn.length; i++) {
        for (let j = i + 1; j < drawn.length; j++) {
          const a = drawn[i].r;
          const b = drawn[j].r;
          if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) {
            overlapping.push(`chart ${chart}: "${drawn[i].text.trim().slice(0, 30)}" over "${drawn[j].text.trim().slice(0, 30)}"`);
          }
        }
      }
    }
    return {clipped, overlapping};
  });
}

// Reads the page as it loaded: before the checks that move inputs (state, equality, typing).
export const order = 30;
export const checks: PageCheck[] = [
  {
    name: "no number token is split across two lines, and no word unless hyphenation is on (Range.getClientRects over the page's text)",
    run: async ({page}) => {
      const broken = await brokenTokens(page);
      expect(broken, `${broken.length} tokens split across lines:\n${broken.slice(0, 15).join("\n")}`).toEqual([]);
    }
  },
  {
    name: "an intervention page (and the cockpit: any page marked data-results) shows its first result card above 900 px at 1280 and within 1.300 px at 390",
    applies: (_path, html) => /data-results="/.test(html),
    run: async ({page, width}) => {
      const top = await firstResultTop(page);
      expect(top, "no result card ([data-results] .card)").not.toBeNull();
      expect(top!).toBeLessThan(width === 1280 ? 900 : 1300);
    }
  },
  {
    name: "no two texts of a chart are drawn over each other",
    run: async ({page}) => {
      const over = (await chartTextFaults(page)).overlapping;
      expect(over, `overlapping chart texts:\n${over.slice(0, 15).join("\n")}`).toEqual([]);
    }
  },
  {
    name: "no chart label is cut off by its chart's bounds",
    run: async ({page}) => {
      const clipped = (await chartTextFaults(page)).clipped;
      expect(clipped, `chart labels outside their svg:\n${clipped.slice(0, 15).join("\n")}`).toEqual([]);
    }
  }
];
