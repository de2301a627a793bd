// A page loads cleanly: no page error, console error, outside request, failed request or error box,
// and every chart it declares (`data-chart` in its Markdown) is on the page and drew something.
// Moved from tests/browser/pages.test.ts (the "loads with no page error …" loop) and the load part
// of tests/browser/hosting.test.ts (pages are opened by file name on a server without rewrites).
import {expect} from "vitest";
import {chartStates, declaredCharts, pageReport} from "../harness.js";
import type {PageCheck} from "./types.js";

/** Runs first: the page is as it loaded. */
export const order = 0;

export const checks: PageCheck[] = [
  {
    name: "loads by its file name on a plain static server with no page error, console error, outside request, failed request or error box",
    run: async ({page}) => {
      const errorBoxes = await page.$$eval(".observablehq--error", (els) => els.map((e) => e.textContent ?? ""));
      expect({...pageReport(page), errorBoxes}).toEqual({pageErrors: [], consoleErrors: [], outsideRequests: [], failedRequests: [], errorBoxes: []});
    }
  },
  {
    name: "draws every chart it declares (each [data-chart] has an svg or canvas with a size and shapes in it)",
    run: async ({page, path}) => {
      const charts = await chartStates(page);
      expect(charts.map((c) => c.name)).toEqual(expect.arrayContaining(declaredCharts(path)));
      for (const chart of charts) {
        expect(chart.drawn, `chart "${chart.name}" has no svg or canvas with a size`).toBeGreaterThan(0);
        expect(chart.shapes, `chart "${chart.name}" drew no shapes`).toBeGreaterThan(0);
      }
    }
  }
];
