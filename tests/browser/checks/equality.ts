// The page equals the library (and so `rendement evaluate --set …`, which tests/fuzz/page-equals-cli
// holds to the library for the same values): on every intervention page, for 3 random vectors of
// box values, the overrides the page reports (`.model-controls[data-overrides]`) are the ones
// lib/model/control-overrides.ts gives for those values, and the saldo the page shows is the library's
// saldo for them, as formatEuro writes it.
import {expect} from "vitest";
import type {PageCheck} from "./types.js";
import {itemPage} from "../page-model.js";
import {evaluate, type Overrides} from "../../../lib/model/evaluate.js";
import {summarize} from "../../../lib/finance/summary.js";
import {formatEuro, formatInputNumber} from "../../../lib/format.js";
import {overridesFromShown} from "../../../lib/model/control-overrides.js";

export const VECTORS = 3;

/** A small seeded generator (mulberry32), so a failing vector replays. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function close(a: Overrides, b: Overrides): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const [x, y] = [a[k], b[k]];
    if (x === undefined || y === undefined) return false;
    const xs = typeof x === "number" ? [x] : x;
    const ys = typeof y === "number" ? [y] : y;
    if (xs.length !== ys.length || xs.some((v, i) => Math.abs(v - ys[i]) > 1e-9 * Math.max(1, Math.abs(v)))) return false;
  }
  return true;
}

// Moves inputs and leaves them moved: after the checks that read the page as loaded, and after state
// (which types from the page's own values).
export const order = 75;
export const checks: PageCheck[] = [
  {
    name: "an intervention page shows the library's saldo for random box values (3 vectors): the page equals `rendement evaluate --set …`",
    applies: (path) => itemPage(path) !== null,
    run: async ({page, path}) => {
      const found = itemPage(path)!;
      const controls = page.locator(".model-controls").first();
      await controls.waitFor();
      const leaves = await controls.locator("form.number-input[data-leaf]").evaluateAll((forms) => forms.map((f) => ({name: f.getAttribute("data-leaf")!, min: Number(f.getAttribute("data-min")), max: Number(f.getAttribute("data-max"))})));
      if (!leaves.length) return;
      const random = seeded([...path].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7));
      const saldo = page.locator('[data-value="saldo"]').first();
      for (let v = 0; v < VECTORS; ++v) {
        const shown = Object.fromEntries(leaves.map((l) => [l.name, Number((l.min + (l.max - l.min) * random()).toPrecision(6))]));
        // Type each value into its box, in Dutch (the box takes any value in its range; a slider
        // would snap it to the step grid), as one input event per box.
        const texts = Object.fromEntries(Object.entries(shown).map(([k, x]) => [k, formatInputNumber(x)]));
        await controls.evaluate((root, values) => {
          for (const form of root.querySelectorAll("form.number-input[data-leaf]")) {
            const box = form.querySelector(".number-input-box") as HTMLInputElement;
            box.value = values[form.getAttribute("data-leaf")!];
            box.dispatchEvent(new Event("input", {bubbles: true}));
            box.dispatchEvent(new Event("change", {bubbles: true}));
          }
        }, texts);
        const expected = overridesFromShown(found.model, shown);
        await expect.poll(async () => close(JSON.parse((await controls.getAttribute("data-overrides")) ?? "{}") as Overrides, expected), {timeout: 15_000}).toBe(true);
        const want = formatEuro(summarize(evaluate(found.model, expected), found.item.intervention).saldo);
        await expect.poll(() => saldo.textContent(), {timeout: 15_000, message: `${path}, vector ${v}: ${JSON.stringify(shown)}`}).toBe(want);
      }
    }
  }
];
