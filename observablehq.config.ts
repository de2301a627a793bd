// Observable Framework configuration for the Rendement site.
import {readFileSync} from "node:fs";
// See README.md ("Pages: rules for authors"): the site must build and run with no network at all.
import {citationFooter, readBuildInfo} from "./scripts/build-info.js";
import {studyPages} from "./lib/io/study-pages.js";
import {previewMode} from "./lib/io/loader-error.js";
import {monitoringData} from "./lib/io/study-description.js";
import {kengetallenSearchRecord, studySearchRecords} from "./lib/io/search-index.js";

interface Page {
  name: string;
  path: string;
}

interface Section {
  name: string;
  pages: Page[];
  open?: boolean;
}

// The sidebar. Add a page by adding `{name, path}` to its section (path without ".md", starting
// with "/"). A section without pages is left out of the sidebar. The built-site tests check that
// every page listed here is built, so a typo in a path fails `npm test`.
// The home page (src/index.md) is the "Rendement" link at the top of the sidebar.
// The studies' sections are generated from data/studies/*/study.yaml (lib/io/study-pages.ts): every
// study and its pages, built from the templates under src/studies/[study]/ (`dynamicPaths` below).
// In the preview (`npm start`, RENDEMENT_PREVIEW=1) an invalid study keeps its start page, which shows
// the problem in Dutch; the build stops naming the file (lib/io/loader-error.ts).
const studies = studyPages(undefined, {tolerant: previewMode()});
/** Whether a study declares monitoring data; an invalid declaration is reported by the page's loader. */
function hasMonitoring(): boolean {
  try {
    return monitoringData() !== null;
  } catch {
    return true;
  }
}
const sections: Section[] = [
  ...studies.map((s) => ({name: s.title, open: false, pages: s.pages})),
  {name: "Vergelijking", pages: [{name: "Alle interventies naast elkaar", path: "/vergelijking"}]},
  // The monitoring page shows the data of the study that declares it (study.yaml `monitoring`).
  ...(hasMonitoring() ? [{name: "Effectmeting", pages: [{name: "Monitoring en uitstroom", path: "/monitoring"}]}] : []),
  {
    name: "Methode",
    pages: [
      {name: "Rekenregels", path: "/methode"},
      {name: "Reproductie van de rapporten", path: "/reproductie"},
      {name: "Kengetallen", path: "/kengetallen"},
      {name: "Begrippen", path: "/begrippen"}
    ]
  }
];

// Framework's search box speaks English ("Search", "no results", "3 results"); its texts are not
// configurable, so this inline script sets a Dutch placeholder and label and rewrites the count line
// each time the results are drawn. tests/browser/search.test.ts checks what a reader sees.
const searchInDutch = `<script>addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector("#observablehq-search input");
  const out = document.querySelector("#observablehq-search-results");
  if (!box || !out) return;
  box.placeholder = "Zoeken";
  box.setAttribute("aria-label", "Zoeken op deze site");
  new MutationObserver(() => {
    const line = out.firstElementChild;
    if (!line || line.tagName !== "DIV") return;
    const m = /^([0-9,]+) results?$/.exec(line.textContent);
    if (line.textContent === "no results") line.textContent = "geen resultaten";
    else if (m) {
      const n = Number(m[1].replace(/,/g, ""));
      line.textContent = n.toLocaleString("nl-NL") + (n === 1 ? " resultaat" : " resultaten");
    }
  }).observe(out, {childList: true});
});</script>`;

// On paper the form controls are hidden (src/print.css); this inline script writes each control's
// current value beside it when the page is printed (Dutch numbers), so a printout shows the inputs
// its results were computed with. tests/browser/print.test.ts checks it.
const printValues = `<script>{
  const nl = (v) => (v !== "" && Number.isFinite(Number(v)) ? Number(v).toLocaleString("nl-NL", {maximumFractionDigits: 10}) : v);
  const show = () => {
    // A folded panel of inputs (the cockpit's) opens on paper: its values belong to the printout.
    for (const d of document.querySelectorAll("#observablehq-main details:not([open])")) if (d.querySelector("input, select")) d.open = true;
    for (const old of document.querySelectorAll(".print-value")) old.remove();
    for (const c of document.querySelectorAll("#observablehq-main input, #observablehq-main select, #observablehq-main textarea")) {
      const type = c.type;
      if (c.closest("table") || ["hidden", "search", "button", "submit", "reset", "file", "radio"].includes(type)) continue;
      if (type === "checkbox" && c.closest("label")) continue; // an option: print.css shows its label when checked
      if (type === "range" && c.parentElement.querySelector("input[type=number], input[type=text]")) continue;
      const text = c.tagName === "SELECT" ? Array.from(c.selectedOptions, (o) => o.text).join(", ")
        : type === "checkbox" ? (c.checked ? "ja" : "nee")
        : type === "number" || type === "range" ? nl(c.value) : c.value;
      const out = document.createElement("span");
      out.className = "print-value";
      out.textContent = text === "" ? "—" : text;
      c.after(out);
    }
  };
  addEventListener("beforeprint", show);
  matchMedia("print").addEventListener("change", (e) => e.matches && show());
}</script>`;

// An amount never breaks between "€" and its number: data files and narratives often type "€ 585"
// with a plain space; this inline script turns that space into a no-break space in every text the
// page shows, including text that cells draw later (tests/browser/checks/reader.ts measures it).
const amountsTogether = `<script>{
  const one = (n) => {
    if (!n.nodeValue.includes("€ ")) return;
    const fixed = n.nodeValue.replace(/€ (?=[0-9−-])/g, "€\\u00a0");
    if (fixed !== n.nodeValue) n.nodeValue = fixed; // an unchanged write would be observed again
  };
  const fix = (root) => {
    if (!root || !root.isConnected) return; // a node already taken out of the page again
    if (root.nodeType === 3) return one(root); // a text node: itself only, not its parent's whole subtree
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) one(n);
  };
  addEventListener("DOMContentLoaded", () => {
    const main = document.querySelector("#observablehq-main");
    if (!main) return;
    fix(main);
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === "characterData") fix(r.target);
        else for (const n of r.addedNodes) if (n.nodeType === 1 || n.nodeType === 3) fix(n);
      }
    }).observe(main, {childList: true, subtree: true, characterData: true});
  });
}</script>`;

// Version, commit and build date, read once per build (README "Citation and version").
const build = readBuildInfo();

export default {
  title: "Rendement",
  // RENDEMENT_SRC / RENDEMENT_OUTPUT: only for tests/browser/fixture-study.test.ts, which builds a
  // copy of src/ with a fixture study into a temporary folder (the shipped build uses src and dist).
  root: process.env.RENDEMENT_SRC ?? "src",
  output: process.env.RENDEMENT_OUTPUT ?? "dist",
  pages: sections.filter((s) => s.pages.length > 0).map((s) => ({open: true, ...s})),
  // Every page of every study, from its template (a parameterised route), and the old addresses
  // that now send the reader to a study page (src/[legacy].md, src/[legacy]/[page].md).
  dynamicPaths: [...studies.flatMap((s) => s.pages.map((p) => p.path)), ...studies.flatMap((s) => s.redirects.map((r) => r.from))],

  // Offline: the default global stylesheet is a Google web font. The theme's own CSS is local.
  globalStylesheets: [],
  // The site stylesheet: Framework's default theme (local) plus the shared rules for number boxes,
  // wide tables, the Dutch pager and print (src/style.css).
  style: "style.css",
  // Framework 1.13 has no `lang` option and writes a bare <html>; set the language here.
  // The empty data: icon stops the browser from asking for /favicon.ico (a console 404).
  // print.css: the citation block and print to A4 (README "Print"). The head also carries the "save
  // chart as SVG/PNG" buttons (src/components/chartSave.js, a plain script inlined into every page).
  head: `<script>document.documentElement.lang = "nl";</script>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/print.css">
${searchInDutch}
${printValues}
${amountsTogether}
<script>${readFileSync("src/components/chartSave.js", "utf8")}</script>`,
  footer: ({title, path}: {title: string | null; path: string}) =>
    `<p>Rendement: open, narekenbare maatschappelijke kosten-batenanalyses (MKBA) van re-integratie.</p>\n${citationFooter(build, {title, path})}`,
  toc: {label: "Op deze pagina"},
  // Site search (MiniSearch; its client and index are built into dist/_observablehq/, nothing is
  // fetched from outside). Its texts are made Dutch by `searchInDutch` above. Framework indexes the
  // Markdown of a page, which for the study pages (templates filled from data in the browser) and
  // the Kengetallen registry is only the template's text: those pages say `index: false` in their
  // front matter and are indexed here with what a reader sees on them (lib/io/search-index.ts),
  // their titles carrying the study's name.
  search: {
    async *index() {
      yield* studySearchRecords(undefined, {tolerant: previewMode()});
      yield kengetallenSearchRecord();
    }
  },
  // Links that work on any static host, with no rewrite rule: a page is written as dist/x.html and
  // linked as ./x.html, a folder's home page as ./folder/index.html (README "Hosting").
  preserveExtension: true,
  preserveIndex: true
};

/** Every page path listed in the sidebar, for the built-site tests. */
export function listedPages(): string[] {
  return ["/index", ...sections.flatMap((s) => s.pages.map((p) => p.path))];
}
