// The scanners used by built-site.test.ts, on small pieces of text: each rule must catch what it is for.
import {describe, expect, test} from "vitest";
import {bareImports, scanCss, scanHtml, scanJs} from "./scan.js";

describe("scanHtml(html)", () => {
  test("scanHtml flags scripts, stylesheets, images and preconnects from another host", () => {
    const html = `<script src="https://cdn.example.org/x.js"></script>
<link rel="stylesheet" href="https://example.org/a.css">
<img src="//example.org/a.png" srcset="a.png 1x, https://example.org/b.png 2x">`;
    const found = scanHtml(html);
    expect(found.some((p) => p.includes("x.js"))).toBe(true);
    expect(found.some((p) => p.includes("a.css"))).toBe(true);
    expect(found.some((p) => p.includes("//example.org/a.png"))).toBe(true);
    expect(found.some((p) => p.includes("b.png"))).toBe(true);
  });
  test("scanHtml allows a plain <a href> link to an outside page", () => {
    expect(scanHtml(`<p>Bron: <a href="https://www.cpb.nl/">CPB</a></p>`)).toEqual([]);
  });
  test("scanHtml allows local, relative and data: references", () => {
    const html = `<link rel="icon" href="data:,"><link rel="stylesheet" href="./_observablehq/theme.css"><img src="/a.png">`;
    expect(scanHtml(html)).toEqual([]);
  });
  test("scanHtml flags the Google web font Framework adds by default", () => {
    const html = `<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>`;
    expect(scanHtml(html).length).toBeGreaterThan(0);
  });
  test("scanHtml flags an absolute import inside an inline module script", () => {
    const html = `<script type="module">import {x} from "https://cdn.jsdelivr.net/npm/x/+esm";</script>`;
    expect(scanHtml(html).some((p) => p.includes("cdn.jsdelivr.net"))).toBe(true);
  });
  test("scanHtml flags an absolute url() in an inline style", () => {
    expect(scanHtml(`<div style="background: url(https://example.org/bg.png)"></div>`).length).toBe(1);
  });
});

describe("scanJs(code)", () => {
  test("scanJs flags static and dynamic imports of absolute URLs, also minified", () => {
    expect(scanJs(`import{a}from"https://esm.example.org/a.js";`).length).toBeGreaterThan(0);
    expect(scanJs(`const m = await import("//example.org/m.js")`).length).toBe(1);
  });
  test("scanJs flags fetch and workers from another host", () => {
    expect(scanJs(`fetch("https://example.org/data.json")`).length).toBe(1);
    expect(scanJs(`new Worker("https://example.org/w.js")`).length).toBe(1);
  });
  test("scanJs ignores XML namespace strings, which load nothing", () => {
    expect(scanJs(`const svg = "http://www.w3.org/2000/svg"; document.createElementNS(svg, "g")`)).toEqual([]);
  });
  test("scanJs ignores Array.from(\"…\") and import.meta", () => {
    expect(scanJs(`Array.from("https://x"); new URL("./w.js", import.meta.url)`)).toEqual([]);
  });
});

describe("scanCss(text)", () => {
  test("scanCss flags an absolute url() and @import, not a data: URL", () => {
    expect(scanCss(`@import url("https://fonts.example.org/f.css"); a{background:url(https://x.org/a.png)}`).length).toBe(2);
    expect(scanCss(`a{background:url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E")}`)).toEqual([]);
  });
});

describe("bareImports(code)", () => {
  test("bareImports flags a bare specifier Framework left unresolved", () => {
    expect(bareImports(`const [a] = await Promise.all([import("./_node/a.js"), import("htl")]);`)).toEqual([`line 1: unresolved import "htl"`]);
  });
  test("bareImports ignores the words from/import inside strings and comments", () => {
    expect(bareImports(`const columns = [{key: "from", label: "van"}, {key: "to", label: "naar"}];`)).toEqual([]);
    expect(bareImports("/** Render a tree (from `explain(e, name)`). */")).toEqual([]);
  });
  test("bareImports accepts relative and absolute paths", () => {
    expect(bareImports(`import {define} from "./_observablehq/client.js"; import "../x.js"; import("/y.js")`)).toEqual([]);
  });
});
