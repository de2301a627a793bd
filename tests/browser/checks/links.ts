// Links work on any static host. Moved from tests/browser/hosting.test.ts (every local link answers
// 200 on a plain static server; the citation names the page's address) and the link part of the
// "fits 1280 and 390 px …" loop of tests/browser/pages.test.ts (no clean URLs that need a rewrite).
// The runner's server does no rewriting (like python3 -m http.server or a bucket), so one HEAD
// request per link proves both.
import {expect} from "vitest";
import type {PageCheck} from "./types.js";

export const order = 20;

export const checks: PageCheck[] = [
  {
    name: "every link on the rendered page that stays on the site (also links scripts added) answers 200 on a plain static server, so no clean URL needs a rewrite rule",
    run: async ({page, origin, width}) => {
      if (width !== 1280) return; // the same links at both widths
      const hrefs = await page.$$eval("a[href]", (as) => as.filter((a) => !a.getAttribute("href")!.startsWith("#")).map((a) => (a as HTMLAnchorElement).href));
      const local = [...new Set(hrefs.filter((h) => h.startsWith(origin + "/")).map((h) => h.replace(/[?#].*$/, "")))].sort();
      const failed: string[] = [];
      for (const href of local) {
        const res = await fetch(href, {method: "HEAD"});
        if (res.status !== 200) failed.push(`${href.slice(origin.length)}: HTTP ${res.status}`);
      }
      expect(failed, "local links that do not answer 200").toEqual([]);
    }
  },
  {
    name: "the suggested citation names the address of the page shown (when SITE_URL was not set at build)",
    run: async ({page, width}) => {
      if (width !== 1280 || process.env.SITE_URL) return;
      const shown = () => {
        const u = new URL(page.url());
        return u.origin + u.pathname;
      };
      await expect.poll(async () => (await page.locator(".rendement-citation-url").textContent()) === shown()).toBe(true);
    }
  }
];
