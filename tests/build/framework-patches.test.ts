// The two preloads of `observable build` (scripts/build-site.mjs) must not change a byte of what
// Framework writes. scripts/framework-fast-html.cjs: Framework's own HTML functions (dist/html.js) are
// run on the same pieces of HTML in two processes, one with Framework's JSDOM and one with the
// preload, and their results must be equal. scripts/framework-build-hooks.mjs: Framework's route
// lookups (dist/route.js) give the same answers, asked twice, with and without it. (The whole site
// was also compared: docs/build.md.)
import {spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";

const PIECES = [
  `<script>document.documentElement.lang = "nl";</script>\n<link rel="icon" href="data:,">\n<link rel="stylesheet" href="/print.css">`,
  `<script>${readFileSync("src/components/chartSave.js", "utf8")}</script>`,
  `<p>Rendement: open, narekenbare <a href="./methode.html">analyses</a> &amp; <a href="https://example.org/x?a=1&b=2">bron</a>.</p>`,
  `<h2 id="uitkomsten">Uitkomsten <em>per actor</em></h2>\n<div class="grid grid-cols-2"><div class="card">€&nbsp;1.234</div></div>`,
  `<pre><code class="language-js">const x = 1 < 2 && "a";</code></pre><pre><code class="language-yaml">a: [1, 2]</code></pre>`,
  `<img src="./images/a b.png" srcset="./x.png 1x, ./y.png 2x"><video src="v.mp4"></video><picture><source srcset="p.webp"></picture>`,
  `<noscript><p>zonder script</p></noscript><template><b>t</b></template><svg viewBox="0 0 10 10"><path d="M0 0L10 10"/></svg>`,
  `<!-- comment --><observablehq-loading></observablehq-loading><div id="cell-1"></div><table><tr><td>1<td>2</table>`,
  `<a href="#anker">anker</a> tekst zonder element <span>, los</span><p>open paragraaf`,
  `<script type="module" src="./x.js"></script><link rel="modulepreload" href="../lib/format.js">`
];

const SCRIPT = `
const html = await import(${JSON.stringify(new URL("../../node_modules/@observablehq/framework/dist/html.js", import.meta.url).href)});
const pieces = JSON.parse(process.argv[1]);
const tag = (s) => "[" + s + "]";
const out = pieces.map((p) => {
  const a = html.findAssets(p, "/studies/x/index");
  return {
    paths: html.rewriteHtmlPaths(p, "/studies/x/index"),
    rewritten: html.rewriteHtml(p, {resolveFile: tag, resolveImport: tag, resolveScript: tag, resolveLink: tag}),
    assets: Object.fromEntries(Object.entries(a).map(([k, v]) => [k, [...v]])),
    toc: Array.from(html.parseHtml(p).document.querySelectorAll("h1,h2,h3"), (n) => n.textContent + "#" + n.id)
  };
});
process.stdout.write(JSON.stringify(out));
`;

function run(preload: boolean): unknown {
  const args = [...(preload ? ["--require", "./scripts/framework-fast-html.cjs"] : []), "--input-type=module", "-e", SCRIPT, JSON.stringify(PIECES)];
  const r = spawnSync(process.execPath, args, {encoding: "utf8"});
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

describe("scripts/framework-fast-html.cjs", () => {
  test("Framework's HTML functions give the same results with the preload as with a new JSDOM window per piece", () => {
    const plain = run(false);
    const fast = run(true);
    expect(fast).toEqual(plain);
    expect((plain as unknown[]).length).toBe(PIECES.length);
  }, 60_000);

  test("the preload does replace Framework's JSDOM (one shared window), and leaves other calls to JSDOM itself", () => {
    const script = `
      const {JSDOM, VirtualConsole} = await import("jsdom");
      const a = new JSDOM("<p>x</p>", {virtualConsole: new VirtualConsole()});
      const b = new JSDOM("<p>y</p>", {url: "https://example.org/"});
      process.stdout.write(JSON.stringify({fastHasOnlyDocument: Object.keys(a.window).join(","), fullWindow: typeof b.window.setTimeout, url: b.window.location.href, text: a.window.document.body.textContent}));`;
    const r = spawnSync(process.execPath, ["--require", "./scripts/framework-fast-html.cjs", "--input-type=module", "-e", script], {encoding: "utf8"});
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({fastHasOnlyDocument: "document", fullWindow: "function", url: "https://example.org/", text: "x"});
  }, 60_000);

  test("Framework's route lookups answer the same with the remembered folder listings (framework-build-hooks.mjs), also when asked again", () => {
    const script = `
      const {route} = await import(${JSON.stringify(new URL("../../node_modules/@observablehq/framework/dist/route.js", import.meta.url).href)});
      const asks = [["studies/zoetermeer/index", [".md"]], ["studies/zoetermeer/rekenhulp/x", [".md"]], ["studies/zoetermeer/study", [".json", ".json.ts"]], ["data/studies", [".json", ".json.ts"]], ["oud-adres", [".md"]], ["oud/pagina", [".md"]], ["bestaat/niet", [".json", ".json.ts"]], ["index", [".md"]]];
      process.stdout.write(JSON.stringify([...asks, ...asks].map(([path, exts]) => route("src", path, exts) ?? null)));`;
    const run = (hooks: boolean) => {
      const r = spawnSync(process.execPath, [...(hooks ? ["--import", "./scripts/framework-build-hooks.mjs"] : []), "--input-type=module", "-e", script], {encoding: "utf8"});
      expect(r.stderr).toBe("");
      return JSON.parse(r.stdout) as unknown[];
    };
    const plain = run(false);
    expect(run(true)).toEqual(plain);
    // the lookups find the templates of the parameterised routes (a check that the test asks real questions)
    expect(plain[0]).toMatchObject({path: "studies/[study]/index.md", params: {study: "zoetermeer"}});
    expect(plain[2]).toMatchObject({path: "studies/[study]/study.json.ts", params: {study: "zoetermeer"}});
  }, 60_000);
});
