// Page state in the address (lib/page-state.ts, src/components/pageState.js), checked on every page
// with number boxes: what a reader types survives a shared link exactly, and a value outside its
// range in the address is refused with a Dutch message (never clamped).
import {expect} from "vitest";
import type {Page} from "playwright-core";
import type {PageCheck, PageVisit} from "./types.js";
import {cellsSettled, typeIntoBox} from "../harness.js";
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

/** Waits as openPage does (cellsSettled), then 200 ms more. */
export async function settle(page: Page): Promise<void> {
  await cellsSettled(page);
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

/**
 * Types `text` into the box of `key` with the keyboard (click, select all, delete, type, Enter): key by
 * key with `perKey`, else the text as one keyboard input. Key by key, the page recomputes after every
 * character; the check on every page (roundTrip) leaves that to the typing check, which types each
 * page's first two boxes key by key.
 */
export async function typeAndEnter(page: Page, key: string, text: string, {perKey = false}: {perKey?: boolean} = {}): Promise<void> {
  await typeIntoBox(formOf(page, key).locator(".number-input-box"), text, {perKey, leave: "Enter"});
}

/** A value inside [min, max] with decimals (so the reader types a decimal comma), or a whole number. */
export function insideValue(box: BoundBox, random: () => number): number {
  const {min, max} = box;
  if (box.integer) return Math.round(min + (max - min) * random());
  let v = Number((min + (max - min) * (0.05 + 0.9 * random())).toFixed(3));
  if (Number.isInteger(v) && v + 0.125 <= max) v += 0.125;
  return v;
}

/** The page's address with only its reserved keys (page settings such as the test's `draws`). */
function bareAddress(href: string): string {
  const bare = new URL(href);
  bare.search = new URLSearchParams([...bare.searchParams].filter(([key]) => isReservedKey(key))).toString();
  return bare.href;
}

type Shown = {value: string | null; text: string};

/**
 * What roundTrip saw, for refusal (the next check): the address the visit opened, and the box whose
 * out-of-range value rode along in roundTrip's reopened address, with what it showed before (with
 * the typed values and no value of its own in the address) and after.
 */
const seen = new WeakMap<Page, {start: string; unheld?: {key: string; before: Shown}; refused?: {key: string; outside: number; before: Shown; after: Shown & {message: string}}}>();

/** A value outside a box's address range: above the largest value the address may carry. */
const outsideOf = (box: BoundBox) => box.stateMax + Math.max(1, Math.abs(box.stateMax));

async function roundTrip({page, path, width}: PageVisit): Promise<void> {
  const boxes = await boundBoxes(page);
  if (!boxes.length) return;
  const start = page.url();
  seen.set(page, {start});
  // One box (on a page with more than one) is kept apart for refusal: its out-of-range value goes
  // into the reopened address beside the typed values, so one reload checks both conventions. It is
  // a box whose key the address does not hold yet (an earlier check may have moved an input), so
  // what it shows before the reload is its value without that key.
  const held = new URL(start).searchParams;
  const free = boxes.filter((box) => !held.has(box.key));
  const refuse = new Set(boxes.map((box) => box.key)).size > 1 && free.length ? free[Math.floor(seeded(`refuse ${path}@${width}`)() * free.length)] : undefined;
  if (!refuse) {
    // Refusal will use the box it picks itself (refusalBox). When the address does not hold its key
    // yet, what it shows now is its value without that key: kept, so refusal needs one reload, not two.
    const box = refusalBox(boxes, path, width);
    if (!held.has(box.key)) {
      const {value, text} = await boxShows(page, box.key);
      seen.set(page, {start, unheld: {key: box.key, before: {value, text}}});
    }
  }
  const random = seeded(`${path}@${width}`);
  // (A key may be bound by two boxes, such as an input shown again under "Uw gemeente": the boxes of
  // the refused key are left out of the typing.)
  const candidates = boxes.filter((box) => box.key !== refuse?.key);
  const picked = [...candidates].sort(() => random() - 0.5).slice(0, Math.min(candidates.length, 2 + Math.floor(random() * 2)));
  const typed: Record<string, {text: string; before: Shown}> = {};
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
  const address = new URL(await page.evaluate(() => location.href));
  let refused: {key: string; outside: number; before: Shown} | undefined;
  if (refuse) {
    // Its range as the page now gives it (a range may follow other inputs).
    const box = (await boundBoxes(page)).find((b) => b.key === refuse.key) ?? refuse;
    const {value, text} = await boxShows(page, box.key);
    refused = {key: box.key, outside: outsideOf(box), before: {value, text}};
    address.searchParams.set(box.key, formatStateNumber(refused.outside));
  }
  await page.goto(address.href, {waitUntil: "load"});
  await settle(page);
  for (const [key, {text, before}] of Object.entries(typed)) {
    const after = await boxShows(page, key);
    expect({value: after.value, text: after.text}, `${path} (${width} px): ${key} typed "${text}", reopened from ${address.href}`).toEqual(before);
    expect(after.message, `${path}: ${key} restored without a message`).toBe("");
  }
  if (refused) seen.set(page, {start, refused: {...refused, after: await boxShows(page, refused.key)}});
}

/** The box refusal moves out of range when roundTrip kept none apart: picked by the page and width. */
const refusalBox = (boxes: BoundBox[], path: string, width: number) => boxes[Math.floor(seeded(`refuse ${path}@${width}`)() * boxes.length)];

async function refusal({page, path, width}: PageVisit): Promise<void> {
  const boxes = await boundBoxes(page);
  const visit = seen.get(page);
  if (!boxes.length && !visit?.refused) return;
  const start = visit?.start ?? page.url();
  let refused = visit?.refused;
  if (!refused) {
    // No box was kept apart in roundTrip (a page with one key, or every key already in the address):
    // the out-of-range value in the address the visit's state checks started from, beside the value
    // roundTrip saw there when that address did not hold the key; else in the bare address.
    const box = refusalBox(boxes, path, width);
    const outside = outsideOf(box);
    const unheld = visit?.unheld?.key === box.key ? visit.unheld : undefined;
    const from = unheld ? start : bareAddress(start);
    let before = unheld?.before;
    if (!before) {
      await page.goto(from, {waitUntil: "load"});
      await settle(page);
      const {value, text} = await boxShows(page, box.key);
      before = {value, text};
    }
    const url = new URL(from);
    url.searchParams.set(box.key, formatStateNumber(outside));
    await page.goto(url.href, {waitUntil: "load"});
    await settle(page);
    refused = {key: box.key, outside, before, after: await boxShows(page, box.key)};
  }
  const {key, outside, before, after} = refused;
  expect(after.message, `${path}: ${key}=${outside} in the address is refused beside its box`).toMatch(/niet overgenomen/);
  expect(after.message).toMatch(/buiten het bereik/);
  expect({value: after.value, text: after.text}, `${path}: ${key} keeps the value it has without it in the address, not the bound`).toEqual(before);
  // The page stays where it is: the checks after this one (equality, typing) set the values they need.
}

// Moves inputs and leaves them (with the refused key in the address): after the checks that read the
// page as it loaded (site-visits.ts MOVES), before equality and typing, which set every value they need.
export const order = 70;
export const checks: PageCheck[] = [
  {
    name: "address state: values typed with a Dutch comma and Enter come back identical (data-value and box text) when the address is reopened",
    run: roundTrip
  },
  {
    name: "address state: a value outside its range in the address is refused with a Dutch message beside its box, which keeps the value it has without it (beside other typed values: checked on roundTrip's reopened address)",
    run: refusal
  }
];
