// Number boxes take Dutch input (issue 10). Moved from the "… every number box takes a Dutch comma and
// shows a Dutch message out of range" part of the loop in tests/browser/pages.test.ts. Runs last in
// the 1280 px visit: it leaves every box at its maximum.
import {expect} from "vitest";
import type {Page} from "playwright-core";
import {boxState, typeIntoBox, type BoxState} from "../harness.js";
import {formatInputNumber, parseDutchNumber} from "../../../lib/format.js";
import {logPosition} from "../../../lib/slider-scale.js";
import type {PageCheck} from "./types.js";

export const order = 80;

/**
 * Types `text` into the i-th number box with the keyboard and leaves it with Tab (harness
 * typeIntoBox: key by key with `keys`, else the text as one keyboard input), then reads the box.
 */
async function enter(page: Page, i: number, text: string, keys: boolean, {message}: {message: boolean}): Promise<BoxState> {
  await typeIntoBox(page.locator("form.number-input .number-input-box").nth(i), text, {perKey: keys});
  // A box may answer after a moment (the boxes of "Uw gemeente" mirror the controls through code that
  // loads when the section opens): wait until its message shows or not, as expected, and keep that read.
  let state: BoxState | undefined;
  await expect.poll(async () => (state = await boxState(page, i)).messageVisible, {timeout: 10_000, message: `box ${i} after "${text}": message ${message ? "shown" : "hidden"}`}).toBe(message);
  return state!;
}

export const checks: PageCheck[] = [
  {
    name: "no browser number box (input[type=number]: English validation bubbles, no decimal comma)",
    run: async ({page}) => {
      expect(await page.locator('input[type="number"]').count(), "input[type=number] left").toBe(0);
    }
  },
  {
    name: "every visible number box takes a value with a Dutch comma (box, slider and model agree) and, above its maximum, is clamped with a Dutch message beside it (a refusing box keeps its value, with the message)",
    run: async ({page, width}) => {
      if (width !== 1280) return;
      const n = await page.locator("form.number-input").count();
      for (let i = 0; i < n; i++) {
        const form = page.locator("form.number-input").nth(i);
        if (!(await form.isVisible())) continue;
        const min = Number(await form.getAttribute("data-min"));
        const max = Number(await form.getAttribute("data-max"));
        const integer = (await form.locator(".number-input-box").getAttribute("inputmode")) === "numeric";
        // A value inside the range with a decimal comma (a whole number for whole-number boxes).
        const inside = integer ? Math.round(min + (max - min) / 3) : Number((min + (max - min) / 3).toFixed(2));
        const typed = formatInputNumber(inside);
        // Key by key on the first two boxes of a page, one keyboard input on the others.
        let st = await enter(page, i, typed, i < 2, {message: false});
        const label = `box "${st.label}" typed "${typed}"`;
        expect(parseDutchNumber(st.box), label).toBeCloseTo(inside, 9);
        expect(Number(st.model), label).toBeCloseTo(inside, 9);
        // A log-scale slider holds the value's position (lib/slider-scale.ts).
        const at = (x: number) => (st.sliderScale === "log" ? logPosition(x, min, max) : x);
        if (st.slider !== null) expect(Number(st.slider), label).toBeCloseTo(at(inside), 9);
        expect(st.messageVisible, `${label}: no message for a valid value`).toBe(false);
        // Above the maximum: clamped visibly, with a Dutch message beside the box; a refusing box
        // (bounded by the evidence, data-refuse: "Uw gemeente"'s effect) keeps its value and says so.
        const above = formatInputNumber(max + Math.max(1, Math.abs(max)));
        st = await enter(page, i, above, i < 2, {message: true});
        const label2 = `box "${st.label}" typed "${above}"`;
        if ((await form.getAttribute("data-refuse")) !== null) {
          expect(st.box, label2).toBe(above);
          expect(Number(st.model), `${label2}: the model keeps the last valid value`).toBeCloseTo(inside, 9);
          expect(st.messageVisible, `${label2}: message visible`).toBe(true);
          expect(st.message, label2).toMatch(/niet overgenomen: dat ligt buiten/);
          continue;
        }
        expect(parseDutchNumber(st.box), label2).toBe(max);
        expect(Number(st.model), label2).toBe(max);
        if (st.slider !== null) expect(Number(st.slider), label2).toBe(at(max));
        expect(st.messageVisible, `${label2}: message visible`).toBe(true);
        expect(st.message, label2).toMatch(/buiten het bereik/);
      }
    }
  }
];
