// Old addresses (a study's study.yaml `redirects`, built from src/[legacy].md) send the reader on to
// the page that replaced them. A redirect page gets only this check (content checks do not apply).
// Moved from tests/browser/hosting.test.ts (its visits of old addresses); tests/browser/study-pages.test.ts
// keeps one old address with the heading of the page it leads to.
import {existsSync} from "node:fs";
import {join} from "node:path";
import {expect} from "vitest";
import {DIST, isRedirectPage, pageReport} from "../harness.js";
import type {PageCheck} from "./types.js";

export const order = 0;

export const checks: PageCheck[] = [
  {
    name: "an old address sends the reader on to a built page (by its file name), which loads with no error and a citation naming that page",
    applies: (_path, html) => isRedirectPage(html),
    run: async ({page, origin, path}) => {
      await page.waitForURL((url) => url.pathname !== `${path}.html`, {timeout: 30_000});
      const url = new URL(page.url());
      expect(url.origin).toBe(origin);
      expect(url.pathname, "the target is a file name (x.html), servable without rewrites").toMatch(/\.html$/);
      expect(existsSync(join(DIST, decodeURIComponent(url.pathname))), `${url.pathname} is built`).toBe(true);
      await page.waitForLoadState("load");
      await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: 60_000});
      await expect.poll(() => page.locator("h1").first().innerText()).not.toBe("Verhuisd");
      const errorBoxes = await page.locator(".observablehq--error").count();
      expect({...pageReport(page), errorBoxes}).toEqual({pageErrors: [], consoleErrors: [], outsideRequests: [], failedRequests: [], errorBoxes: 0});
      if (!process.env.SITE_URL) await expect.poll(async () => await page.locator(".rendement-citation-url").textContent()).toBe(url.origin + url.pathname);
    }
  }
];
