// Preloaded into `observable build` by scripts/build-site.mjs (`node --require`), never into the site.
//
// Framework 1.13 parses every piece of a page's HTML (the head, the footer, the body, each Markdown
// HTML block, the table of contents: about nine pieces per page) with `new JSDOM(html).window`
// (dist/html.js `parseHtml`). Each call sets up a whole browser window with all of its DOM
// interfaces, which costs far more than parsing the few kilobytes: in a profile of the build it was a
// quarter of the CPU time, plus most of the garbage collection, about 0,1 s per page. Framework only
// reads `.document` from that window, to select elements, change attributes and serialise.
// Here, for that one call shape (a string and only a virtualConsole), `new JSDOM(html)` returns
// `{window: {document}}` with the document parsed by the DOMParser of one shared window: the same
// parser (parse5), the same tree, scripts not run in either. Any other use of JSDOM is untouched.
// The pages built this way were compared byte for byte with Framework's own (docs/build.md);
// tests/build/framework-patches.test.ts compares Framework's HTML functions with and without it.
// RENDEMENT_FRAMEWORK_PATCHES=0 turns it off.
const {createRequire} = require("node:module");
const {join} = require("node:path");

// jsdom as Framework's dist/html.js resolves it (the same module instance its ES import reads).
const requireFromFramework = createRequire(join(process.cwd(), "node_modules", "@observablehq", "framework", "dist", "html.js"));
const jsdom = requireFromFramework("jsdom");
const Original = jsdom.JSDOM;
let shared = null;

function FastJSDOM(html, options) {
  const plain = typeof html === "string" && options && Object.keys(options).length === 1 && options.virtualConsole instanceof jsdom.VirtualConsole;
  if (!new.target || !plain) return Reflect.construct(Original, [html, options], new.target ?? Original);
  shared ??= new Original("", {virtualConsole: new jsdom.VirtualConsole()}).window;
  return {window: {document: new shared.DOMParser().parseFromString(html, "text/html")}};
}
FastJSDOM.prototype = Original.prototype;
Object.setPrototypeOf(FastJSDOM, Original);
jsdom.JSDOM = FastJSDOM;
