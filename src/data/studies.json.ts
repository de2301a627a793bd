// Data loader for the home page: every study on the site (data/studies/*/study.yaml), with its
// title, seed (when it reproduces one of the project's reports) and the number of pages of each kind.
import {listStudies, readStudy} from "../../lib/io/study-description.js";
import {readerCitations} from "../../lib/reader-citation.js";
import {runLoader} from "../../lib/io/loader-run.js";

export function load(): string {
  const studies = listStudies().map((location) => {
    const s = readStudy(location);
    // The question as plain text (its Markdown marks and seed/line references taken out).
    const question = readerCitations(s.question).replace(/[*_`]/g, "").replace(/\s+/g, " ").trim();
    return {id: s.id, seed: s.seed ?? (s.citation ? String(s.citation.year) : ""), title: s.title, shortTitle: s.shortTitle, question, items: s.items.length, tools: s.tools.length, href: `/studies/${s.id}/index.html`};
  });
  return JSON.stringify(studies.sort((a, b) => a.seed.localeCompare(b.seed) || a.id.localeCompare(b.id)));
}

await runLoader(import.meta.url, load, (error) => {
  process.stderr.write(`studies.json: ${error.message}\n`);
  process.exit(1);
});
