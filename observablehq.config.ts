// Observable Framework configuration for the Rendement site.
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
