// Page state in the address (lib/page-state.ts, src/components/pageState.js), checked on every page
// with number boxes: what a reader types survives a shared link exactly, and a value outside its
// range in the address is refused with a Dutch message (never clamped).
import {expect} from "vitest";
import type {Page} from "playwright-core";
import type {PageCheck, PageVisit} from "./types.js";
import {formatInputNumber} from "../../../lib/format.js";
import {formatStateNumber, isReservedKey} from "../../../lib/page-state.js";

/** A small seeded generator (mulberry32) from a text, so each page and width picks its own boxes. */
export function seeded(text: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Waits until every cell has rendered, and for the network to go quiet for at most 30 s (a page whose
 * Monte Carlo runs in workers on a loaded machine may not be quiet for long; see openPage).
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle", {timeout: 30_000}).catch(() => undefined);
  await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: 90_000});
  await page.waitForTimeout(200);
}

/** A box bound to the address, as the reader and the tests see it. */
export interface BoundBox {
  key: string;
  min: number;
  max: number;
  stateMax: number;
  integer: boolean;
}

/** The visible number boxes that hold an address key, in page order. */
export async function boundBoxes(page: Page): Promise<BoundBox[]> {
  return page.$$eval("form.number-input[data-state-key]", (forms) =>
    forms
      .filter((f) => {
        const r = f.getBoundingClientRect();
        return r.width > 0 && r.height > 0;
      })
      .map((f) => ({
        key: f.getAttribute("data-state-key") ?? "",
        min: Number(f.getAttribute("data-min")),
        max: Number(f.getAttribute("data-max")),
        stateMax: Number(f.getAttribute("data-state-max")),
        integer: f.querySelector(".number-input-box")?.getAttribute("inputmode") === "numeric"
      }))
  );
}

const formOf = (page: Page, key: string) => page.locator(`form.number-input[data-state-key="${key}"]`).first();

/** The number the model uses (data-value) and the text in the box. */
export async function boxShows(page: Page, key: string): Promise<{value: string | null; text: string; message: string}> {
  const form = formOf(page, key);
  return {
    value: await form.getAttribute("data-value"),
    text: await form.locator(".number-input-box").inputValue(),
    message: (await form.locator(".number-input-message").isVisible()) ? ((await form.locator(".number-input-message").textContent()) ?? "") : ""
  };
}

/** Types `text` into the box of `key` as a reader does (select all, type) and presses Enter. */
export async function typeAndEnter(page: Page, key: string, text: string): Promise<void> {
  const box = formOf(page, key).locator(".number-input-box");
  await box.scrollIntoViewIfNeeded();
  await box.click();
  await box.press("ControlOrMeta+a");
  await box.press("Backspace");
  await box.pressSequentially(text);
  await box.press("Enter");
}

/** A value inside [min, max] with decimals (so the reader types a decimal comma), or a whole number. */
export function insideValue(box: BoundBox, random: () => number): number {
  const {min, max} = box;
  if (box.integer) return Math.round(min + (max - min) * random());
  let v = Number((min + (max - min) * (0.05 + 0.9 * random())).toFixed(3));
  if (Number.isInteger(v) && v + 0.125 <= max) v += 0.125;
  return v;
}

async function roundTrip({page, path, width}: PageVisit): Promise<void> {
  const boxes = await boundBoxes(page);
  if (!boxes.length) return;
  const start = new URL(page.url());
  const random = seeded(`${path}@${width}`);
  const picked = [...boxes].sort(() => random() - 0.5).slice(0, Math.min(boxes.length, 2 + Math.floor(random() * 2)));
  const typed: Record<string, {text: string; before: {value: string | null; text: string}}> = {};
  for (const box of picked) {
    const v = insideValue(box, random);
    const text = formatInputNumber(v);
    await typeAndEnter(page, box.key, text);
    await expect.poll(async () => Number((await boxShows(page, box.key)).value), {message: `${path}: box ${box.key} after typing "${text}"`, timeout: 30_000}).toBeCloseTo(v, 9);
    typed[box.key] = {text, before: {value: null, text: ""}};
  }
  await settle(page);
  for (const key of Object.keys(typed)) {
    const now = await boxShows(page, key);
    expect(now.message, `${path}: no message after typing "${typed[key].text}" in ${key}`).toBe("");
    typed[key].before = {value: now.value, text: now.text};
  }
  const address = await page.evaluate(() => location.href);
  await page.goto(address, {waitUntil: "load"});
  await settle(page);
  for (const [key, {text, before}] of Object.entries(typed)) {
    const after = await boxShows(page, key);
    expect({value: after.value, text: after.text}, `${path} (${width} px): ${key} typed "${text}", reopened from ${address}`).toEqual(before);
    expect(after.message, `${path}: ${key} restored without a message`).toBe("");
  }
  // Back to the page as it was found (other checks run on the same visit).
  await page.goto(start.href, {waitUntil: "load"});
  await settle(page);
}

async function refusal({page, path, width}: PageVisit): Promise<void> {
  const boxes = await boundBoxes(page);
  if (!boxes.length) return;
  const start = new URL(page.url());
  const random = seeded(`refuse ${path}@${width}`);
  const box = boxes[Math.floor(random() * boxes.length)];
  // The base value is what the page shows with no input in its address (an earlier check may have
  // left typed values there); page settings under reserved keys (the test's `draws`) stay.
  const bare = new URL(start.href);
  bare.search = new URLSearchParams([...start.searchParams].filter(([key]) => isReservedKey(key))).toString();
  await page.goto(bare.href, {waitUntil: "load"});
  await settle(page);
  const base = await boxShows(page, box.key);
  const outside = box.stateMax + Math.max(1, Math.abs(box.stateMax));
  const url = new URL(bare.href);
  url.searchParams.set(box.key, formatStateNumber(outside));
  await page.goto(url.href, {waitUntil: "load"});
  await settle(page);
  const shown = await boxShows(page, box.key);
  expect(shown.message, `${path}: ${box.key}=${outside} in the address is refused beside its box`).toMatch(/niet overgenomen/);
  expect(shown.message).toMatch(/buiten het bereik/);
  expect({value: shown.value, text: shown.text}, `${path}: ${box.key} keeps its base value, not the bound`).toEqual({value: base.value, text: base.text});
  await page.goto(start.href, {waitUntil: "load"});
  await settle(page);
}

// After the checks that need the report's inputs (30), before equality (55), which leaves typed values.
export const order = 45;
export const checks: PageCheck[] = [
  {
    name: "address state: values typed with a Dutch comma and Enter come back identical (data-value and box text) when the address is reopened",
    run: roundTrip
  },
  {
    name: "address state: a value outside its range in the address is refused with a Dutch message beside its box, which keeps its base value",
    run: refusal
  }
];
