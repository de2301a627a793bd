// A small runner for the result-card checks (tests/browser/checks/equality.ts and verdict.ts) on a
// few intervention pages, chosen from the data (the first item with printed figures, the first
// without, the first with printed per-actor figures), at both widths. The one-visit runner runs
// the same checks on every page.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import type {Browser} from "playwright-core";
import {findChromium, launchChromium, openPage, serveDist, type StaticServer} from "./harness.js";
import {listStudies, readStudy} from "../../lib/io/study-description.js";
import {checks as equality} from "./checks/equality.js";
import {checks as verdict} from "./checks/verdict.js";

const items = listStudies().flatMap((s) => readStudy(s).items.map((item) => ({path: `/studies/${s.id}/${item.id}`, item})));
const chosen = [
  items.find((i) => i.item.printed.some((p) => p.computed === "financialRatio")),
  items.find((i) => !i.item.printed.length && !(i.item.comparisons ?? []).some((c) => c.printed.length)),
  items.find((i) => (i.item.comparisons ?? []).some((c) => c.printed.length))
].filter((x) => x !== undefined);

const chromium = findChromium();
let browser: Browser;
let server: StaticServer;

describe.skipIf(!chromium)("result cards: verdict, basis and page = library", () => {
  beforeAll(async () => {
    browser = await launchChromium(chromium!);
    server = await serveDist();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  for (const {path} of chosen) {
    for (const width of [1280, 390] as const) {
      test(`${path} at ${width} px`, async () => {
        const {page, context, report} = await openPage(browser, server.origin, `${path}.html`);
        try {
          await page.setViewportSize({width, height: 900});
          for (const check of [...verdict, ...equality]) {
            if (check.applies && !check.applies(path, "")) continue;
            await check.run({page, path, width, origin: server.origin});
          }
          expect(report.pageErrors).toEqual([]);
        } finally {
          await context.close();
        }
      }, 180_000);
    }
  }
});

describe.skipIf(!chromium)("a verdict's link lands on its Reproductie row", () => {
  let b: Browser;
  let s: StaticServer;
  beforeAll(async () => {
    b = await launchChromium(chromium!);
    s = await serveDist();
  });
  afterAll(async () => {
    await b?.close();
    await s?.close();
  });
  test("the first verdict on a page with printed figures links to a row that exists, is marked and scrolled into view", async () => {
    const first = chosen[0];
    if (!first) return;
    const {page, context} = await openPage(b, s.origin, `${first.path}.html`);
    let href: string;
    try {
      href = (await page.locator('.key-figures a[data-note="verdict"]').first().getAttribute("href"))!;
    } finally {
      await context.close();
    }
    const url = new URL(href, `${s.origin}${first.path}.html`);
    const target = await openPage(b, s.origin, `${url.pathname}${url.search}${url.hash}`);
    try {
      const row = target.page.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`);
      await expect.poll(() => row.count(), {timeout: 30_000}).toBe(1);
      await expect.poll(() => row.getAttribute("aria-current")).toBe("true");
      await expect.poll(() => row.evaluate((r) => {
        const box = r.getBoundingClientRect();
        return box.height > 0 && box.top >= 0 && box.top < innerHeight;
      })).toBe(true);
      expect(target.report.pageErrors).toEqual([]);
    } finally {
      await target.context.close();
    }
  }, 180_000);
});
