// Observable Framework configuration for the Rendement site.
import {execFileSync} from "node:child_process";
import {readFileSync} from "node:fs";
// See README.md ("Pages: rules for authors"): the site must build and run with no network at all.

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
const sections: Section[] = [
  {
    name: "Zoetermeer",
    pages: [
      {name: "Overzicht", path: "/zoetermeer/index"},
      {name: "Vergunninghouders", path: "/zoetermeer/vh"},
      {name: "Werkacademie", path: "/zoetermeer/wa"},
      {name: "Nieuw arbeidsbeperkten", path: "/zoetermeer/nab"},
      {name: "Cockpit (bijlage 1)", path: "/zoetermeer/cockpit"},
      {name: "Kosten per type klant", path: "/zoetermeer/klanttypen"},
      {name: "Aannames", path: "/zoetermeer/aannames"}
    ]
  },
  {name: "Effectmeting", pages: [{name: "Monitoring en uitstroom", path: "/monitoring"}]},
  {name: "Onzekerheid", pages: [{name: "Gevoeligheid, scenario's en Monte Carlo", path: "/onzekerheid"}]},
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

// Version, commit and date of this build, for the footer's "gebouwd uit" line and the suggested
// citation on every page. SOURCE_DATE_EPOCH (seconds) pins the date for a reproducible build;
// without git the commit reads "onbekend".
function buildInfo(): {version: string; commit: string; date: string} {
  const version = (JSON.parse(readFileSync("package.json", "utf8")) as {version: string}).version;
  let commit = "onbekend";
  try {
    commit = execFileSync("git", ["rev-parse", "--short=10", "HEAD"], {encoding: "utf8", stdio: ["ignore", "pipe", "ignore"]}).trim() || commit;
  } catch {
    // not a git checkout (e.g. an unpacked release): keep "onbekend"
  }
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const when = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
  const date = new Intl.DateTimeFormat("nl-NL", {day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam"}).format(when);
  return {version, commit, date};
}

const build = buildInfo();

// The footer of every page: what the site is, what it was built from, and how to cite the page
// (title and address are filled in by the head script below, per page).
const footer = `<div class="site-footer">
<p>Rendement: open, narekenbare maatschappelijke kosten-batenanalyses (MKBA) van re-integratie.</p>
<p class="build-info">Versie ${build.version}, commit <code>${build.commit}</code>, gebouwd op ${build.date}.</p>
<p class="citation">Citeer deze pagina als: Rendement (${build.version}, commit ${build.commit}, ${build.date}). <i class="cite-title"></i>. <span class="cite-url"></span></p>
</div>`;

// Framework 1.13 has no `lang` option and writes a bare <html>; set the language here. The same
// script puts Framework's search box in Dutch (its placeholder and result counts are English in
// its own code) and fills in the page title and address of the footer's citation.
const headScript = `<script>
document.documentElement.lang = "nl";
document.addEventListener("DOMContentLoaded", () => {
  const input = document.querySelector("#observablehq-search input");
  if (input) input.placeholder = "Zoeken";
  const results = document.querySelector("#observablehq-search-results");
  if (results) new MutationObserver(() => {
    const head = results.firstElementChild;
    if (!head || head.tagName !== "DIV") return;
    const m = /^([\\d,.]+) results?$/.exec(head.textContent);
    if (head.textContent === "no results") head.textContent = "geen resultaten";
    else if (m) { const n = Number(m[1].replace(/[,.]/g, "")); head.textContent = n.toLocaleString("nl-NL") + (n === 1 ? " resultaat" : " resultaten"); }
  }).observe(results, {childList: true});
  for (const t of document.querySelectorAll(".cite-title")) t.textContent = document.title.replace(/ \\| Rendement$/, "");
  for (const u of document.querySelectorAll(".cite-url")) u.textContent = location.origin + location.pathname;
});
</script>`;

export default {
  title: "Rendement",
  root: "src",
  pages: sections.filter((s) => s.pages.length > 0).map((s) => ({open: true, ...s})),

  // Offline: the default global stylesheet is a Google web font. The theme's own CSS is local.
  globalStylesheets: [],
  // The site stylesheet: Framework's default theme (local) plus the shared rules for number boxes,
  // wide tables, the Dutch pager and print (src/style.css).
  style: "style.css",
  // Framework 1.13 has no `lang` option and writes a bare <html>; set the language here.
  // The empty data: icon stops the browser from asking for /favicon.ico (a console 404).
  // The head also carries the "save chart as SVG/PNG" buttons (src/components/chartSave.js, a plain
  // script inlined so that every page has it without importing it).
  head: `${headScript}
<script>${readFileSync("src/components/chartSave.js", "utf8")}</script>
<link rel="icon" href="data:,">`,
  footer,
  toc: {label: "Op deze pagina"},
  // Site search: Framework bundles MiniSearch and writes its index to dist/_observablehq/, so it
  // works offline (the browser tests fail on any outside request).
  search: true,
  // Links end in .html (./kengetallen.html), so dist/ works on any plain static server, without
  // rewrite rules; the browser tests check every link on a server that does no rewriting.
  preserveExtension: true
};

/** Every page path listed in the sidebar, for the built-site tests. */
export function listedPages(): string[] {
  return ["/index", ...sections.flatMap((s) => s.pages.map((p) => p.path))];
}
