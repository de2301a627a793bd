// Page weight on the built site: the JavaScript a page loads (its module scripts, module preloads and
// everything they import statically, followed through dist/) stays at or under 300 KB gzipped
// (issue 12; the heaviest page, an intervention page, loaded 257 KB when this test was written). A size
// check, not a timing: it reads files in dist/ only.
import {existsSync, readdirSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {describe, expect, test} from "vitest";
import {DIST, gzippedSize, pageScripts} from "./page-weight.js";

const LIMIT_BYTES = 300 * 1024;

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    return statSync(file).isDirectory() ? walk(file) : [file];
  });
}

const pages = walk(DIST).filter((f) => f.endsWith(".html") && !relative(DIST, f).startsWith("_"));

const gzipped = gzippedSize;

describe.skipIf(pages.length === 0)("JavaScript per page (dist/, gzipped)", () => {
  test("the home page loads Framework's client and some JavaScript of its own (the scan finds scripts)", () => {
    const scripts = pageScripts(join(DIST, "index.html"));
    expect(scripts.some((f) => relative(DIST, f).startsWith("_observablehq/client"))).toBe(true);
    expect(scripts.length).toBeGreaterThan(3);
  });

  test.each(pages.map((f) => [relative(DIST, f), f]))("%s loads at most 300 KB of gzipped JavaScript", (_name, file) => {
    const scripts = pageScripts(file);
    const total = scripts.reduce((s, f) => s + gzipped(f), 0);
    const heaviest = scripts
      .map((f) => [relative(DIST, f), Math.round(gzipped(f) / 1024)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5);
    expect(total, `${Math.round(total / 1024)} KB gzipped; heaviest: ${heaviest.map(([f, kb]) => `${f} ${kb} KB`).join(", ")}`).toBeLessThanOrEqual(LIMIT_BYTES);
  });
});
