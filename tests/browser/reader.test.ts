// Temporary runner for tests/browser/checks/reader.ts on a few representative pages at both widths,
// until the one-visit runner runs every module of tests/browser/checks on every page.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, test} from "vitest";
import type {Browser} from "playwright-core";
import {DIST, WIDTHS, findChromium, launchChromium, listPages, openPage, serveDist, type StaticServer} from "./harness.js";
import {checks} from "./checks/reader.js";

const executable = findChromium();
const all = listPages();
// A factsheet, an intervention, a cockpit, a calculator, the comparison and the home page (the first
// page of each kind found, so no study is named).
const pick = (re: RegExp) => all.find((p) => re.test(p));
const pages = [...new Set([
  "/",
  "/vergelijking",
  "/kengetallen",
  pick(/^\/studies\/[^/]+\/cockpit$/),
  pick(/^\/studies\/[^/]+\/fs\d/),
  pick(/^\/studies\/[^/]+\/rekenhulp\//),
  ...all.filter((p) => /^\/studies\/[^/]+\/[^/]+$/.test(p) && !/(index|onzekerheid|aannames|aannameregister|cockpit)$/.test(p)).slice(-2)
].filter((p): p is string => !!p && all.includes(p)))];

describe.skipIf(!executable)("reader checks (issue 19) on representative pages", () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium(executable!);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  for (const path of pages) {
    for (const {width, height} of WIDTHS) {
      test(`${path} at ${width} px`, async () => {
        const html = readFileSync(join(DIST, path.endsWith("/") ? `${path}index.html` : `${path}.html`), "utf8");
        const {page, context} = await openPage(browser, server.origin, path);
        try {
          await page.setViewportSize({width, height});
          await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 300)))));
          const failures: string[] = [];
          for (const c of checks) {
            if (c.applies && !c.applies(path, html)) continue;
            try {
              await c.run({page, path, width: width as 1280 | 390, origin: server.origin});
            } catch (e) {
              failures.push(`${c.name}: ${String(e).slice(0, 2000)}`);
            }
          }
          if (failures.length) throw new Error(failures.join("\n\n"));
        } finally {
          await context.close();
        }
      }, 180_000);
    }
  }
});
