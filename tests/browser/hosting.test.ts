// On a plain static server (no rewrite rules, tests/site/plain-server.ts) every built page, opened
// by its file name, loads without a failed request, and every link on the rendered page (including
// links that scripts added) answers 200; its citation names the address it was opened at.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import type {Browser} from "playwright-core";
import {findChromium, launchChromium, listPages, openPage} from "./harness.js";
import {servePlain, type PlainServer} from "../site/plain-server.js";

const executable = findChromium();
const files = listPages().map((p) => (p.endsWith("/") ? `${p}index.html` : `${p}.html`));

describe.skipIf(!executable)("on a plain static server", () => {
  let browser: Browser;
  let server: PlainServer;

  beforeAll(async () => {
    server = await servePlain();
    browser = await launchChromium(executable!);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const file of files) {
    test(`${file} loads, every local link on the rendered page answers 200, the citation names its address`, async () => {
      const {page, context, report} = await openPage(browser, server.origin, file);
      try {
        expect(report.failedRequests).toEqual([]);
        // The suggested citation carries the address of the page shown (no SITE_URL at build): the
        // page opened, or for an old address the page it sends the reader on to.
        const shown = () => {
          const u = new URL(page.url());
          return u.origin + u.pathname;
        };
        if (!process.env.SITE_URL) await expect.poll(async () => (await page.locator(".rendement-citation-url").textContent()) === shown()).toBe(true);
        const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
        const local = [...new Set(hrefs.filter((h) => h.startsWith(server.origin + "/")).map((h) => h.replace(/#.*$/, "")))];
        const failed: string[] = [];
        for (const href of local) {
          const res = await fetch(href, {method: "HEAD"});
          if (res.status !== 200) failed.push(`${href.slice(server.origin.length)}: HTTP ${res.status}`);
        }
        expect(failed).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
