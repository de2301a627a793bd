// The built site works on a plain static host: every page is reachable by the links Framework wrote
// (./x.html, ./folder/index.html), with no rewrite rule, and the search index points at real files.
import {existsSync, readFileSync, readdirSync, statSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {localReferences, servePlain, type PlainServer} from "./plain-server.js";

const DIST = resolve("dist");

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    return statSync(file).isDirectory() ? walk(file) : [file];
  });
}

const files = walk(DIST);
const pages = files.filter((f) => f.endsWith(".html") && !relative(DIST, f).startsWith("_")).map((f) => relative(DIST, f).split("\\").join("/"));

describe("on a plain static server (no rewrites)", () => {
  let server: PlainServer;
  beforeAll(async () => {
    server = await servePlain(DIST);
  });
  afterAll(async () => {
    await server?.close();
  });

  test("dist/ holds pages", () => {
    expect(pages).toContain("index.html");
  });

  test("the site root serves the home page", async () => {
    const res = await fetch(`${server.origin}/`);
    expect(res.status).toBe(200);
  });

  test.each(pages)("every local link and asset of %s answers 200", async (page) => {
    const html = readFileSync(join(DIST, page), "utf8");
    const baseHref = /<base\s+href="([^"]*)"/i.exec(html)?.[1];
    const pageUrl = new URL(page, `${server.origin}/`);
    const base = baseHref ? new URL(baseHref, pageUrl) : pageUrl;
    const refs = localReferences(html);
    expect(refs.length).toBeGreaterThan(0);
    const failed: string[] = [];
    for (const ref of refs) {
      const url = new URL(ref, base);
      url.hash = "";
      const res = await fetch(url, {method: "HEAD"});
      if (res.status !== 200) failed.push(`${ref} → ${url.pathname}: HTTP ${res.status}`);
    }
    expect(failed).toEqual([]);
  });

  test("pages link each other by file name (./x.html), never by a clean URL that needs a rewrite rule", () => {
    // Framework's clean links (./x) need a rewrite rule; the pager and sidebar must link ./x.html.
    const clean = pages.flatMap((page) => {
      const html = readFileSync(join(DIST, page), "utf8");
      return Array.from(html.matchAll(/<a\b[^>]*\shref="([^"#:]*)"/g), (m) => m[1])
        .filter((href) => href !== "" && !href.endsWith("/") && !/\.[a-z0-9]+$/i.test(href))
        .map((href) => `${page}: ${href}`);
    });
    expect(clean).toEqual([]);
  });
});

describe("site search", () => {
  const index = files.find((f) => /^_observablehq\/minisearch\.[0-9a-f]+\.json$/.test(relative(DIST, f)));
  const client = files.find((f) => /^_observablehq\/search\.[0-9a-f]+\.js$/.test(relative(DIST, f)));

  test("its client and index are files of the site itself (dist/_observablehq/)", () => {
    expect(index, "no dist/_observablehq/minisearch.*.json").toBeDefined();
    expect(client, "no dist/_observablehq/search.*.js").toBeDefined();
    expect(readFileSync(client!, "utf8")).toMatch(/minisearch\.[0-9a-f]+\.json/);
  });

  test("every page in the index is a built file, linked with .html", () => {
    const json = JSON.parse(readFileSync(index!, "utf8")) as {documentIds: Record<string, string>};
    const ids = Object.values(json.documentIds);
    expect(ids.length).toBeGreaterThan(0);
    const missing = ids.filter((id) => !/^\w+:/.test(id) && !(id.endsWith(".html") && existsSync(join(DIST, id))));
    expect(missing).toEqual([]);
  });

  test("every page carries the search box", () => {
    const without = pages.filter((p) => !readFileSync(join(DIST, p), "utf8").includes('id="observablehq-search"'));
    expect(without).toEqual([]);
  });
});
