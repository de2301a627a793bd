// Issue 20, point 5: every intervention page and every uncertainty page opens with one plain-Dutch
// sentence generated from the numbers (lib/analysis/conclusion.ts), written after the figures.
import {expect} from "vitest";
import type {PageCheck} from "./types.js";
import {itemPage} from "../page-model.js";

const SENTENCE = /^Voor de samenleving: (de baten zijn € ?[\d.]+ hoger dan de kosten|de kosten zijn € ?[\d.]+ hoger dan de baten|baten en kosten zijn even groot)/;
const isUncertainty = (path: string) => /^\/studies\/[^/]+\/onzekerheid(\.html)?$/.test(path);

// Runs before the checks that move inputs (state, equality, typing): it needs the report's inputs.
export const order = 30;
export const checks: PageCheck[] = [
  {
    name: "an intervention or uncertainty page opens with its conclusion in one plain-Dutch sentence, right under the title",
    applies: (path) => itemPage(path) !== null || isUncertainty(path),
    run: async ({page}) => {
      const box = page.locator("#observablehq-main p.conclusion").first();
      await box.waitFor();
      await expect.poll(() => box.getAttribute("data-conclusion"), {timeout: 30_000}).not.toBe("pending");
      const text = (await box.textContent())!.replace(/\u00a0/g, " ");
      expect(text).toMatch(SENTENCE);
      // It comes before the first figure card: the h1, then the sentence.
      const before = await box.evaluate((p) => {
        const h1 = document.querySelector("#observablehq-main h1");
        return !!h1 && !!(h1.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      expect(before).toBe(true);
    }
  }
];
