// Printing to A4 (src/print.css): with print media emulated at the width of an A4 page's content
// (210 mm − 2 × 15 mm margins = 180 mm = 680 CSS px), no form control is visible, nothing is wider
// than the paper, each number box and select has its value printed beside it, table headers repeat on
// every printed page, and the build line and citation show. Moved from tests/browser/print.test.ts;
// run in the 1280 px visit, which gets its screen width and media back afterwards.
import {expect} from "vitest";
import type {PageCheck} from "./types.js";

/** After the checks that read the page as loaded, before typing changes its values. */
export const order = 60;

/** 180 mm at 96 CSS px per inch. */
const A4_CONTENT_PX = Math.floor((180 / 25.4) * 96);

export const checks: PageCheck[] = [
  {
    name: `printed on A4 (print media, ${A4_CONTENT_PX} px): no visible form control but their values, nothing wider than the paper, table headers repeat, citation shown`,
    run: async ({page, width}) => {
      if (width !== 1280) return;
      const screen = page.viewportSize();
      await page.setViewportSize({width: A4_CONTENT_PX, height: 1000});
      await page.emulateMedia({media: "print"});
      try {
        // Let charts drawn with resize() follow the new width.
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 300)))));
        const found = await page.evaluate((limit) => {
          const shown = (el: Element) => el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
          const describe = (el: Element) =>
            `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("class") ? `.${String(el.getAttribute("class")).trim().split(/\s+/).join(".")}` : ""}${el.getAttribute("data-chart") ? ` data-chart=${el.getAttribute("data-chart")}` : ""}>`;
          const controls = Array.from(document.querySelectorAll("input, select, button:not(.explainable), textarea")).filter(shown).map(describe);
          const wide: string[] = [];
          for (const el of Array.from(document.body.querySelectorAll("*"))) {
            // Inside an svg, content is clipped to the svg's own box, which is checked itself.
            if (el.parentElement?.closest("svg") || !shown(el)) continue;
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (r.right > limit + 1 || r.left < -1) wide.push(`${describe(el)} ${Math.round(r.left)}–${Math.round(r.right)} px`);
          }
          // Number boxes and selects outside tables show their value on paper (.print-value).
          const unprinted = Array.from(document.querySelectorAll("#observablehq-main input[type=number], #observablehq-main select"))
            .filter((c) => !c.closest("table"))
            .filter((c) => {
              const next = c.nextElementSibling;
              return !(next && next.classList.contains("print-value") && shown(next) && (next.textContent ?? "").trim() !== "");
            })
            .map(describe);
          const headers = Array.from(document.querySelectorAll("thead")).filter(shown).map((t) => getComputedStyle(t).display);
          const citation = document.querySelector(".rendement-citation");
          return {
            controls,
            unprinted,
            wide: wide.slice(0, 10),
            wideCount: wide.length,
            pageWidth: document.documentElement.scrollWidth,
            headers: [...new Set(headers)],
            citation: citation && shown(citation) ? citation.textContent ?? "" : null
          };
        }, A4_CONTENT_PX);
        expect(found.controls, "visible form controls in print").toEqual([]);
        expect(found.unprinted, "controls whose value is not printed").toEqual([]);
        expect(found.wide, `${found.wideCount} elements wider than the paper`).toEqual([]);
        expect(found.pageWidth).toBeLessThanOrEqual(A4_CONTENT_PX);
        for (const display of found.headers) expect(display).toBe("table-header-group");
        expect(found.citation).toMatch(/^Citeer als: Rendement \(versie /);
      } finally {
        await page.emulateMedia({media: null});
        if (screen) await page.setViewportSize(screen);
      }
    }
  }
];
