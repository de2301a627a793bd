// Observable Framework configuration for the Rendement site.
// See README.md ("Pages: rules for authors"): the site must build and run with no network at all.
import {studyPages} from "./lib/io/study-pages.js";

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
const studies = studyPages();
const sections: Section[] = [
  ...studies.map((s) => ({name: s.title, open: false, pages: s.pages})),
  {name: "Vergelijking", pages: [{name: "Alle interventies naast elkaar", path: "/vergelijking"}]},
  {name: "Effectmeting", pages: [{name: "Monitoring en uitstroom", path: "/monitoring"}]},
  {
    name: "Methode",
    pages: [
      {name: "Rekenregels", path: "/methode"},
      {name: "Reproductie van de rapporten", path: "/reproductie"},
      {name: "Kengetallen", path: "/kengetallen"}
    ]
  }
];

export default {
  title: "Rendement",
  // RENDEMENT_SRC / RENDEMENT_OUTPUT: only for tests/browser/fixture-study.test.ts, which builds a
  // copy of src/ with a fixture study into a temporary folder (the shipped build uses src and dist).
  root: process.env.RENDEMENT_SRC ?? "src",
  output: process.env.RENDEMENT_OUTPUT ?? "dist",
  pages: sections.filter((s) => s.pages.length > 0).map((s) => ({open: true, ...s})),
  // Every page of every study, from its template (a parameterised route).
  // Every page of every study, from its template (a parameterised route), and the old addresses
  // that now send the reader to a study page (src/[legacy].md, src/[legacy]/[page].md).
  dynamicPaths: [...studies.flatMap((s) => s.pages.map((p) => p.path)), ...studies.flatMap((s) => s.redirects.map((r) => r.from))],

  // Offline: the default global stylesheet is a Google web font. The theme's own CSS is local.
  globalStylesheets: [],
  // Framework 1.13 has no `lang` option and writes a bare <html>; set the language here.
  // The empty data: icon stops the browser from asking for /favicon.ico (a console 404).
  head: `<script>document.documentElement.lang = "nl";</script>
<link rel="icon" href="data:,">`,
  footer: "Rendement: open, narekenbare maatschappelijke kosten-batenanalyses (MKBA) van re-integratie.",
  toc: {label: "Op deze pagina"},
  search: false,
  // Clean URLs (the default): a page /zoetermeer is written as dist/zoetermeer.html and linked as
  // ./zoetermeer. A static server must serve x.html for /x (the tests' server does).
  preserveExtension: false
};

/** Every page path listed in the sidebar, for the built-site tests. */
export function listedPages(): string[] {
  return ["/index", ...sections.flatMap((s) => s.pages.map((p) => p.path))];
}
