// Checks on the built site in dist/ (run after a clean `observable build`).
import {existsSync, readFileSync, readdirSync, statSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {describe, expect, test} from "vitest";
import {listedPages} from "../../observablehq.config.js";
import {bareImports, inlineScripts, scanCss, scanHtml, scanJs} from "./scan.js";

const DIST = resolve("dist");

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    return statSync(file).isDirectory() ? walk(file) : [file];
  });
}

const files = walk(DIST);
const rel = (f: string) => relative(DIST, f);
const htmlFiles = files.filter((f) => f.endsWith(".html"));
const pages = htmlFiles.filter((f) => !rel(f).startsWith("_"));
const jsFiles = files.filter((f) => /\.m?js$/.test(f));
const cssFiles = files.filter((f) => f.endsWith(".css"));

test("dist/ holds a built home page", () => {
  expect(existsSync(join(DIST, "index.html"))).toBe(true);
});

test("every page listed in observablehq.config.ts was built", () => {
  const missing = listedPages().filter((p) => !existsSync(join(DIST, `${p.replace(/^\//, "")}.html`)));
  expect(missing).toEqual([]);
});

test("nothing was fetched from a CDN during the build (no dist/_npm or dist/_jsr)", () => {
  expect(["_npm", "_jsr"].filter((d) => existsSync(join(DIST, d)))).toEqual([]);
});

describe.each(pages.map((f) => [rel(f), f]))("page %s", (_name, file) => {
  const html = readFileSync(file, "utf8");
  test("has no observablehq--error box", () => {
    const boxes = Array.from(html.matchAll(/<[^>]*observablehq--error[^>]*>([^<]*)/g), (m) => m[1]);
    expect(boxes).toEqual([]);
  });
  test("loads nothing from outside the site (plain <a href> links excepted)", () => {
    expect(scanHtml(html)).toEqual([]);
  });
  test("has no import left unresolved by Framework", () => {
    expect(inlineScripts(html).flatMap(({code, line}) => bareImports(code).map((p) => `<script> at line ${line}: ${p}`))).toEqual([]);
  });
});

test("no built script loads anything from outside the site or keeps an unresolved import", () => {
  const problems = jsFiles.flatMap((f) => {
    const code = readFileSync(f, "utf8");
    return [...scanJs(code), ...bareImports(code)].map((p) => `${rel(f)}: ${p}`);
  });
  expect(problems).toEqual([]);
});

test("no built stylesheet loads anything from outside the site", () => {
  const problems = cssFiles.flatMap((f) => scanCss(readFileSync(f, "utf8")).map((p) => `${rel(f)}: ${p}`));
  expect(problems).toEqual([]);
});
